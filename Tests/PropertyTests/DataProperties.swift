import DataStore
import QueryEngine
import QuerySyntax
import Scoring
import Testing

@Suite struct DataProperties {
  /// Random projects written as CSV (random quoting, CRLF, BOM, column order, header
  /// spellings) load back to exactly the same rows.
  @Test func csvRoundTripGivesTheSameProjects() throws {
    var gen = ProjectGenerator(rng: SplitMix64(seed: 7))
    for round in 0..<300 {
      let projects = gen.projects(count: gen.int(0...40))
      let bytes = gen.csv(projects)
      let store = try PropertySupport.parse(bytes)
      let loaded = (0..<store.projects.count).map { store.projects[$0] }
      #expect(loaded == projects, "round \(round): \(String(decoding: bytes, as: UTF8.self))")
      if loaded != projects { return }
    }
  }

  /// `save` writes what `load` reads back identically (the export → import round trip of datasets).
  @Test func savedDatasetsLoadBackIdentically() throws {
    var gen = ProjectGenerator(rng: SplitMix64(seed: 11))
    for _ in 0..<100 {
      let projects = gen.projects(count: gen.int(1...30))
      let store = try PropertySupport.parse(gen.csv(projects))
      for (kind, text) in DatasetWriter.files(store) {
        let again = try PropertySupport.parse(text, kind: kind)
        #expect((0..<again.projects.count).map { again.projects[$0] } == projects)
      }
    }
  }

  /// Sums and counts by group add up to the total, by grade, year and fund.
  @Test func groupSumsAddUpToTheTotal() throws {
    var gen = ProjectGenerator(rng: SplitMix64(seed: 99))
    for _ in 0..<150 {
      let projects = gen.projects(count: gen.int(0...60))
      var engine = Engine(store: try PropertySupport.parse(gen.csv(projects)))
      let total = try PropertySupport.table(&engine, "sum budget, count")
      let totalBudget = Self.money(total.rows.first?[0])
      let totalCount = Self.integer(total.rows.first?[1])
      #expect(totalBudget == projects.reduce(0) { $0 + ($1.budget?.tenThousandths ?? 0) })
      #expect(totalCount == projects.count)
      for field in ["grade", "year", "fund", "unit"] {
        let groups = try PropertySupport.table(&engine, "sum budget, count by \(field)")
        let sum = groups.rows.reduce(Int64(0)) { $0 + Self.money($1[1]) }
        let count = groups.rows.reduce(0) { $0 + Self.integer($1[2]) }
        #expect(sum == totalBudget, "sum budget by \(field)")
        #expect(count == totalCount, "count by \(field)")
      }
    }
  }

  static func money(_ v: Value?) -> Int64 {
    switch v {
    case .money(let m): m.tenThousandths
    default: 0
    }
  }

  static func integer(_ v: Value?) -> Int {
    switch v {
    case .integer(let n): n
    default: 0
    }
  }
}

@Suite struct GradeProperties {
  /// Under any valid bands, a score's grade is the band it falls in, boundaries included.
  @Test func gradesAgreeWithTheBandsInForce() {
    var rng = SplitMix64(seed: 5)
    let boundaries: [Int64] = [0, 599_900, 600_000, 799_900, 800_000, 899_900, 899_950, 899_999, 900_000, 1_000_000]
    for round in 0..<2_000 {
      var rules = RuleSet.national
      if round > 0 {
        // Three distinct cut-offs from 0 to 100, with four decimals.
        var cuts = Set<Int64>()
        while cuts.count < 3 { cuts.insert(Int64.random(in: 0...1_000_000, using: &rng)) }
        let sorted = cuts.sorted()
        rules.bands = [.fair: Fraction(tenThousandths: sorted[0]), .good: Fraction(tenThousandths: sorted[1]), .excellent: Fraction(tenThousandths: sorted[2])]
      }
      #expect(rules.problems().isEmpty)
      let e = rules.bands[.excellent]!
      let g = rules.bands[.good]!
      let f = rules.bands[.fair]!
      var scores = boundaries.map { Fraction(tenThousandths: $0) }
      for band in [e, g, f] { scores += [band, band - Fraction(tenThousandths: 1), band + Fraction(tenThousandths: 1), band - Fraction(1, 1000)] }
      for _ in 0..<20 { scores.append(Fraction(Int128(Int64.random(in: 0...1_000_000, using: &rng)), 10_000)) }
      for score in scores {
        let expected: Grade = score >= e ? .excellent : score >= g ? .good : score >= f ? .fair : .poor
        #expect(rules.grade(for: score) == expected, "score \(score) under \(rules.bandText(.excellent)), \(rules.bandText(.good)), \(rules.bandText(.fair))")
      }
    }
    // The national bands: 89.995 is 良, 90 is 优, 59.99 is 差.
    #expect(RuleSet.national.grade(for: Fraction(tenThousandths: 899_950)) == .good)
    #expect(RuleSet.national.grade(for: Fraction(90)) == .excellent)
    #expect(RuleSet.national.grade(for: Fraction(tenThousandths: 599_900)) == .poor)
    #expect(RuleSet.national.grade(for: Fraction(60)) == .fair)
    #expect(RuleSet.national.grade(for: Fraction(tenThousandths: 799_900)) == .fair)
    #expect(RuleSet.national.grade(for: Fraction(80)) == .good)
  }
}

@Suite struct DecimalTextProperties {
  /// format then parse gives back every amount, over the whole accepted range.
  @Test func formatThenParseIsExact() {
    var rng = SplitMix64(seed: 13)
    let limit = DecimalText.maxMagnitude
    var values: [Int64] = [0, 1, -1, 9_999, 10_000, limit, -limit, limit - 1]
    for _ in 0..<200_000 {
      switch rng.next() % 3 {
      case 0: values.append(Int64.random(in: -limit...limit, using: &rng))
      case 1: values.append(Int64.random(in: -100_000_000...100_000_000, using: &rng))
      default: values.append(Int64.random(in: 0...10_000, using: &rng))
      }
    }
    for v in values {
      let text = DecimalText.format(v)
      guard case .success(let back) = DecimalText.parse(text), back == v else {
        Issue.record("\(v) printed as \(text) did not read back")
        return
      }
      // Four places, trailing zeros and spaces read back the same.
      #expect(DecimalText.parse(DecimalText.format(v, places: 4)) == .success(v))
      #expect(DecimalText.parse(" " + (text.contains(".") ? text + "00" : text + ".000") + " ") == .success(v))
      #expect(Money(text)?.tenThousandths == v)
    }
    #expect(DecimalText.parse(DecimalText.format(limit) + "1") == .failure(.tooLarge))
    #expect(DecimalText.parse("1.00001") == .failure(.tooManyDecimals))
  }
}
