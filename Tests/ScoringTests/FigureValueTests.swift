import Testing

@testable import Scoring

/// Audit figures are values: the text a table shows, and the number and unit data
/// formats write, from one figure.
@Suite struct FigureValueTests {
  /// 19 projects, 18 优 and 1 良, as in the 2023 双山子 report.
  func seedLikeInput(excellentRate: Int64, budget: StatedMoney? = nil) -> AuditInput {
    var d = Department(year: 2023, unit: "双山子镇人民政府")
    d.excellentRate = StatedPercent(tenThousandths: excellentRate)
    d.budget = budget
    d.projectCount = 19
    let projects = (1...19).map { seq in
      Project(year: 2023, unit: d.unit, seq: seq, name: "项目\(seq)", budget: Money("10"), score: seq == 3 ? 832_500 : 1_000_000, grade: seq == 3 ? .good : .excellent)
    }
    return AuditInput(year: 2023, unit: d.unit, department: d, projects: projects, cards: [], funds: [], rules: .national)
  }

  /// "评优率 100 %" is the 优良率; the 优秀率 is 18 ÷ 19 = 94.74 %.
  @Test func excellentRateIsAPercentOnBothSides() throws {
    let f = try #require(ExcellentRateCheck().findings(seedLikeInput(excellentRate: 1_000_000)).first)
    #expect(f.reported == .percent(Fraction(1), places: nil))
    #expect(f.computed == .percent(Fraction(18, 19), places: 2))
    #expect(f.verdict == .wrong)
    #expect(f.reported.description == "100%" && f.computed.description == "94.74%")
    #expect(f.reported.number == "100" && f.computed.number == "94.74")
    #expect(f.reported.unit == "%" && f.computed.unit == "%")
  }

  /// 1249.58元 is read as 1249.58 万元: the same amount, two printed units.
  @Test func aUnitSlipKeepsBothUnits() throws {
    let input = seedLikeInput(excellentRate: 947_368, budget: StatedMoney(amount: Money("1249.58")!, unit: .yuan))
    let f = try #require(UnitSlipCheck().findings(input).first)
    #expect(f.reported == .money(Money("1249.58")!, unit: .yuan))
    #expect(f.computed == .money(Money("1249.58")!, unit: .wanYuan))
    #expect(f.reported.description == "1249.58元" && f.computed.description == "1249.58万元")
    #expect(f.reported.number == "1249.58" && f.reported.unit == "元" && f.computed.unit == "万元")
  }

  @Test func countsAreCounts() throws {
    let f = try #require(CountCheck().findings(seedLikeInput(excellentRate: 947_368)).first)
    #expect(f.reported == .count(19) && f.computed == .count(19) && f.verdict == .holds)
    #expect(f.reported.unit == nil)
  }

  @Test(arguments: [
    (FigureValue.money(Money("553.956")!, unit: .none), "553.956", "553.956", "万元"),
    (.points(Fraction(9), places: nil), "9", "9", nil),
    (.points(Fraction(931, 108), places: 2), "8.62", "8.62", nil),
    (.points(Fraction(tenThousandths: 980_000), places: 2), "98.00", "98.00", nil),
    (.percent(Fraction(1), places: 2), "100.00%", "100.00", "%"),
    (.percent(Fraction(tenThousandths: 6_900), places: nil), "69%", "69", "%"),
    (.grade(.excellent), "优", nil, nil),
    (.text("#2/#3"), "#2/#3", nil, nil),
    (.unknown, "unknown", nil, nil),
    (.none, "", nil, nil),
  ] as [(FigureValue, String, String?, String?)])
  func textNumberAndUnit(_ v: FigureValue, _ text: String, _ number: String?, _ unit: String?) {
    #expect(v.description == text)
    #expect(v.number == number)
    #expect(v.unit == unit)
  }

  @Test func verdictWords() {
    #expect(Finding.Verdict.allCases.map(\.word) == ["holds", "wrong", "attention"])
    #expect(Finding.Verdict.allCases.map(\.rawValue) == ["✓", "✗", "!"])
  }
}
