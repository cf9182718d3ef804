import Testing

@testable import Scoring

/// `Scorer.total` (integers where the parts are whole, no step text) against the score
/// card `explain` shows, and both against the score worked out in plain fractions.
@Suite struct FastScoreTests {
  /// A small deterministic generator, so a failing case can be replayed.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static func indicator(
    _ level: String, _ kind: IndicatorKind, target: Int64?, actual: Int64?, weight: Int64, points: Int64? = nil,
    tier: Tier? = nil
  ) -> Indicator {
    Indicator(
      year: 2023, unit: "示例单位", seq: 1, level1: level, level2: "", name: "指标", kind: kind,
      targetText: target.map(DecimalText.format) ?? "", actualText: actual.map(DecimalText.format) ?? "",
      target: target, actual: actual, tier: tier, weight: weight, points: points)
  }

  static func project(budget: Int64?, spent: Int64?, score: Int64? = nil) -> Project {
    Project(
      year: 2023, unit: "示例单位", seq: 1, name: "示例项目", budget: budget.map { Money(tenThousandths: $0) },
      initial: budget.map { Money(tenThousandths: $0) }, spent: spent.map { Money(tenThousandths: $0) }, score: score)
  }

  /// The total in plain fraction arithmetic, step by step as the rules say, with the
  /// scales the card applied.
  static func reference(_ p: Project, _ indicators: [Indicator], _ rules: RuleSet, _ card: ScoreCard) -> Fraction? {
    guard !indicators.isEmpty else { return p.recordedScore }
    guard let spent = p.spent, let base = rules.rateBasis == .budget ? p.budget : p.initial, base.tenThousandths != 0 else { return nil }
    var total = (rules.weights[.execution] ?? .zero) * Fraction.min(spent.exact / base.exact, .one)
    for i in indicators {
      let level = IndicatorLevel(i.level1)
      if level == .execution { continue }
      let scale = card.formWeightsScale ?? level.flatMap { card.levelScale[$0] } ?? .one
      let weight = Fraction(tenThousandths: i.weight) * scale
      var points: Fraction
      switch i.kind {
      case .qualitative:
        guard let r = i.points else { return nil }
        points = r > i.weight ? weight : Fraction(tenThousandths: r) * scale
      case .positive:
        guard let t = i.target.map({ Fraction(tenThousandths: $0) }), let a = i.actual.map({ Fraction(tenThousandths: $0) }) else { return nil }
        points = t == .zero ? weight : weight * Fraction.min(a / t, .one)
      case .negative:
        guard let t = i.target.map({ Fraction(tenThousandths: $0) }), let a = i.actual.map({ Fraction(tenThousandths: $0) }) else { return nil }
        if a <= t {
          points = weight
        } else if rules.negative == .ratio {
          guard t >= .zero else { return nil }
          points = weight * (t / a)
        } else {
          points = t == .zero || a >= t * Fraction(2) ? .zero : weight * (Fraction.one - (a - t) / t)
        }
      }
      total = total + points
    }
    return total
  }

  static func check(_ p: Project, _ indicators: [Indicator], _ rules: RuleSet) {
    let card = Scorer.score(p, indicators: indicators, rules: rules)
    let (sum, grade) = Scorer.total(p, indicators: indicators[...], plan: ScoringPlan(rules))
    #expect(sum?.value == card.total)
    #expect(grade == card.grade)
    #expect(card.total == reference(p, indicators, rules, card))
    #expect(card.grade == card.total.map(rules.grade(for:)))
  }

  @Test func aThirdIsKeptExactly() {
    // 正向 2 of 3 against a 50-point weight: 33.333… points, no finite decimal.
    let p = Self.project(budget: 100_000, spent: 100_000)
    let ind = [
      Self.indicator("产出", .positive, target: 30_000, actual: 20_000, weight: 500_000),
      Self.indicator("效益", .qualitative, target: nil, actual: nil, weight: 300_000, points: 300_000, tier: .achieved),
      Self.indicator("满意度", .negative, target: 90_000, actual: 90_000, weight: 100_000),
    ]
    let (sum, grade) = Scorer.total(p, indicators: ind[...], plan: ScoringPlan(.national))
    #expect(sum?.value == Fraction(250, 3))
    #expect(sum?.wholeTenThousandths == nil)
    #expect(grade == .good)
    Self.check(p, ind, .national)
  }

  @Test func wholePartsStayIntegers() {
    let p = Self.project(budget: 2_000_000, spent: 1_000_000)
    let ind = [
      Self.indicator("产出", .positive, target: 0, actual: 5, weight: 250_000),
      Self.indicator("产出", .negative, target: 40_000, actual: 80_000, weight: 250_000),
      Self.indicator("效益", .qualitative, target: nil, actual: nil, weight: 300_000, points: 350_000, tier: .achieved),
      Self.indicator("满意度", .positive, target: 100, actual: 95, weight: 100_000),
    ]
    // 5 (执行率 half) + 25 (target 0) + 12.5 (10 × 4 ÷ 8 of 25) + 30 (capped at the weight) + 9.5.
    let (sum, grade) = Scorer.total(p, indicators: ind[...], plan: ScoringPlan(.national))
    #expect(sum?.wholeTenThousandths == 820_000)
    #expect(grade == .good)
    Self.check(p, ind, .national)
  }

  @Test func randomProjectsScoreAlikeOnBothPaths() {
    var g = Generator(state: 20_261_203)
    var linear = RuleSet.national
    linear.negative = .linear
    var scaled = RuleSet.national
    scaled.weights = [.output: Fraction(40), .benefit: Fraction(35), .satisfaction: Fraction(5), .execution: Fraction(20)]
    var odd = RuleSet.national
    odd.bands = [.excellent: Fraction(8999995, 100_000), .good: Fraction(80), .fair: Fraction(60)]
    odd.weights[.execution] = Fraction(10)
    let levels = ["产出", "产出指标", "效益", "满意度", "成本指标", "预算执行情况"]
    let values: [Int64] = [0, 1, 3, 7, 10_000, 30_000, 33_333, 90_000, 100_000, 123_457, -20_000]
    for round in 0..<3000 {
      let rules = [RuleSet.national, linear, scaled, odd][round % 4]
      let budget: Int64? = round % 97 == 0 ? nil : [0, 30_000, 1_234_567, 5_000_000][Int(g.next() % 4)]
      let spent: Int64? = round % 89 == 0 ? nil : Int64(g.next() % 6_000_000)
      let count = Int(g.next() % 7)
      var ind: [Indicator] = []
      for _ in 0..<count {
        let level = levels[Int(g.next() % UInt64(round % 5 == 0 ? levels.count : 4))]
        let weight = Int64(g.next() % 6 == 0 ? g.next() % 500_000 : [100_000, 150_000, 200_000, 250_000, 300_000][Int(g.next() % 5)])
        let value = { (g: inout Generator) -> Int64? in
          g.next() % 40 == 0 ? nil : (g.next() % 3 == 0 ? values[Int(g.next() % UInt64(values.count))] : Int64(g.next() % 2_000_000))
        }
        switch g.next() % 3 {
        case 0: ind.append(Self.indicator(level, .positive, target: value(&g), actual: value(&g), weight: weight, points: g.next() % 2 == 0 ? Int64(g.next() % 600_000) : nil))
        case 1: ind.append(Self.indicator(level, .negative, target: value(&g), actual: value(&g), weight: weight))
        default:
          let points: Int64? = g.next() % 30 == 0 ? nil : Int64(g.next() % UInt64(weight + 100_000))
          ind.append(Self.indicator(level, .qualitative, target: nil, actual: nil, weight: weight, points: points, tier: Tier(rawValue: Int(g.next() % 3))))
        }
      }
      let p = Self.project(budget: budget, spent: spent, score: g.next() % 5 == 0 ? nil : Int64(g.next() % 1_000_001))
      Self.check(p, ind, rules)
    }
  }
}

/// The binary gcd against Euclid's, on 64-bit and 128-bit values.
@Suite struct FractionGCDTests {
  static func euclid(_ a: UInt128, _ b: UInt128) -> UInt128 {
    var (x, y) = (a, b)
    while y != 0 { (x, y) = (y, x % y) }
    return x
  }

  @Test func binaryGCDAgreesWithEuclid() {
    var g = FastScoreTests.Generator(state: 7)
    for k in 0..<20_000 {
      let common = UInt128(g.next() % 1000 + 1) << (g.next() % 5)
      let wide = k % 3 == 0
      let a = (wide ? UInt128(g.next()) << 40 | UInt128(g.next()) : UInt128(g.next() >> (g.next() % 64))) * common
      let b = (k % 7 == 0 ? 0 : (wide && k % 2 == 0 ? UInt128(g.next()) << 30 : UInt128(g.next() >> (g.next() % 64)))) * common
      #expect(Fraction.gcd(a, b) == Self.euclid(a, b))
      #expect(Fraction.gcd(b, a) == Self.euclid(a, b))
    }
    #expect(Fraction.gcd(UInt128(0), 0) == 0)
  }
}
