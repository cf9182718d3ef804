import DataStore
import QuerySyntax
import Scoring
import Testing

@testable import QueryEngine

/// The analyst's questions on the bundled 2023 report, with the figures worked by hand
/// from datasets/projects-2023-shuangshanzi.csv (19 projects, budget total 553.956 万元,
/// 村级 projects 483.344 万元, 优 325.192 and 良 228.764).
@Suite struct AnalystLanguageTests {
  @Test(arguments: [
    // 483.344 ÷ 553.956 = 87.2531…%
    ("pct budget where name contains 村级", "87.25%"),
    // Σ score × budget ÷ Σ budget = 51153.3… ÷ 553.956
    ("avg score weighted by budget", "92.34"),
    ("sum budget - spent", ""),
    ("sum budget * 2", "1107.912"),
    ("sum budget / 2 where seq = 1", "5"),
    ("count distinct name", "17"),
    ("count distinct grade", "2"),
    ("count spent", "0"),
    ("pct where grade = 良", "5.26%"),
    ("count where budget > 5万", "9"),
    ("count where budget > 50000元", "9"),
    ("count where budget ＞ ５", "9"),
    ("count where （budget ＞ 50）", "4"),
    ("count where budget ≧ 68.38", "3"),
    ("sum budget where budget >= 50万元", "477.644"),
    ("count where budget / 2 > 25", "4"),
    ("count where -budget < -100", "2"),
  ])
  func single(_ statement: String, _ expected: String) throws {
    #expect(try table(statement).single?.display == expected, "\(statement)")
  }

  @Test func sharesByGroupAddUpToAHundredPercent() throws {
    let t = try table("pct budget by grade")
    #expect(t.displayed == [["优", "58.70%"], ["良", "41.30%"]])
    let shares = t.rows.compactMap { row -> Fraction? in if case .percent(let f) = row[1] { f } else { nil } }
    #expect(shares.reduce(Fraction.zero, +) == Fraction.one)
  }

  @Test func havingFiltersGroups() throws {
    let t = try table("count by name having count > 1")
    #expect(t.displayed == [["村级组织运转经费-服务群众专项经费", "2"], ["村级组织运转经费-村干部基础职务补贴", "2"]])
    #expect(try table("sum budget by grade having sum(budget) > 300").displayed == [["优", "325.192"]])
    #expect(try table("sum budget by grade having sum budget > 300").displayed == [["优", "325.192"]])
    // An aggregate named only in having is computed but not shown.
    #expect(try table("count by grade having sum(budget) < 300").displayed == [["良", "1"]])
  }

  @Test func sortByAnAggregateOrALabel() throws {
    let t = try table("count by name sort by count desc limit 2")
    #expect(t.column("count") == [.integer(2), .integer(2)])
    let labelled = try table("sum budget as 合计 by grade sort by 合计")
    #expect(labelled.columnNames == ["grade", "合计"])
    #expect(labelled.displayed == [["良", "228.764"], ["优", "325.192"]])
  }

  @Test func bandsCutARangeIntoLabelledGroups() throws {
    let t = try table("count by budget bands 5, 50, 100")
    #expect(t.displayed == [["[0,5)", "10"], ["[5,50)", "5"], ["[50,100)", "2"], ["[100,∞)", "2"]])
    let two = try table("count, sum budget by year, budget bands 5, 50")
    #expect(two.displayed == [["2023", "[0,5)", "10", "17.612"], ["2023", "[5,50)", "5", "58.7"], ["2023", "[50,∞)", "4", "477.644"]])
  }

  @Test func distinctListsValues() throws {
    #expect(try table("distinct grade").displayed == [["优"], ["良"]])
  }

  @Test func showTakesExpressionsAndLabels() throws {
    var engine = try Seed.engine()
    _ = try run("let 3.spent = 200", on: &engine)
    guard case .table(let t) = try run("projects where seq <= 3 show seq, budget - spent as 结余, spent / budget", on: &engine) else {
      Issue.record("no table")
      return
    }
    #expect(t.columnNames == ["seq", "结余", "spent / budget"])
    // 228.764 − 200 = 28.764; 200 ÷ 228.764 = 87.43 %; missing spent gives missing, not 0.
    #expect(t.displayed == [["1", "", ""], ["2", "", ""], ["3", "28.764", "87.43%"]])
    #expect(t.edited.contains(.init(row: 2, column: 1)))
  }

  @Test func divisionByZeroIsMissing() throws {
    let store = try projectStore("year,unit,seq,name,budget,spent\n2023,U,1,a,0,5\n2023,U,2,b,10,5\n")
    let t = try table("projects show seq, spent / budget, budget / 0", store: store)
    #expect(t.displayed == [["1", "", ""], ["2", "50.00%", ""]])
    #expect(try table("count where spent / budget > 10%", store: store).single == .integer(1))
  }

  @Test func recomputedFieldsFollowTheRulesInForce() throws {
    var engine = try Seed.engine()
    _ = try run("set band 优 95", on: &engine)
    guard case .table(let t) = try run("count by new_grade", on: &engine) else { return }
    #expect(t.displayed == [["优", "17"], ["良", "2"]])
    guard case .table(let recorded) = try run("count by grade", on: &engine) else { return }
    #expect(recorded.displayed == [["优", "18"], ["良", "1"]])
    #expect(recorded.notes.contains { $0.contains("new_grade") })
    guard case .table(let changed) = try run("projects where new_grade != grade show seq, score, 重算等级", on: &engine) else { return }
    #expect(changed.displayed == [["4", "93.33", "良"]])
    guard case .chart(let trend) = try run("trend 优秀率 recomputed", on: &engine) else { return }
    #expect(trend.bars.map(\.value.display) == ["89.47%"])
    guard case .chart(let recordedTrend) = try run("trend 优秀率", on: &engine) else { return }
    #expect(recordedTrend.bars.map(\.value.display) == ["94.74%"])
    #expect(recordedTrend.notes.contains { $0.contains("records") })
    _ = try run("let 3.score = 99", on: &engine)
    guard case .table(let edited) = try run("count by new_grade", on: &engine) else { return }
    #expect(edited.displayed == [["优", "18"], ["良", "1"]])
  }

  @Test func recomputeAppliesSortAndLimit() throws {
    let t = try table("recompute limit 1")
    #expect(t.rows.count == 1)
    let sorted = try table("recompute sort by budget desc limit 2")
    #expect(sorted.column("seq") == [.integer(3), .integer(5)])
  }

  @Test func wordsThatHoldAnOperatorSayToAddSpaces() throws {
    let error = try evaluationError("projects show seq, budget-spent")
    #expect(error?.message == "'budget-spent' is one word: an operator needs spaces around it")
    #expect(error?.suggestion == "write budget - spent")
    // A project name with a dash is text, not arithmetic.
    #expect(try table("count where name = 村级组织运转经费-村干部基础职务补贴").single == .integer(2))
  }

  @Test func fractionsCompareExactlyWhenTheirDifferenceWouldOverflow() {
    let a = Fraction(Int128(1) << 100, 3)
    let b = Fraction((Int128(1) << 100) + 1, 3)
    #expect(a < b)
    #expect(!(b < a))
    #expect(Fraction(-7, Int128(1) << 120) < Fraction(1, Int128(1) << 119))
  }
}

/// Keys whose sizes multiply past the dense limit are numbered through a table, one key
/// at a time, and give the same groups.
@Suite struct ManyKeyGroupsTests {
  @Test func groupsByManyLargeKeys() throws {
    var csv = "year,unit,seq,name,budget,spent,score\n"
    // 300 rows: budget, spent and score all distinct, so the key sizes multiply to 2.7e7.
    for i in 1...300 { csv += "2023,U,\(i),n\(i % 7),\(i).5,\(1000 + i),\(40 + (i % 100) / 2).\((i % 2) * 5)\n" }
    let store = try projectStore(csv)
    let t = try table("count by budget, spent, score having count > 0 limit 3", store: store)
    #expect(t.rows.count == 3)
    #expect(t.displayed[0] == ["1.5", "1001", "40.50", "1"])
    #expect(try table("count by budget, spent, score, name", store: store).rows.count == 300)
  }
}
