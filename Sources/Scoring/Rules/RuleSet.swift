/// A complete set of scoring rules: the grade bands, the first-level weights, how
/// 执行率 and 反向 indicators are scored, and the qualitative tiers.
///
/// Rules are data (files under rules/), because local rules differ from the national
/// default; a trainer changes them live and sees grades move.
public struct RuleSet: Hashable, Sendable {
  public var name: String
  /// Where the rules come from, shown by `rules`.
  public var title: String
  /// Lowest score of 优, 良 and 中; below 中 is 差.
  public var bands: [Grade: Fraction]
  /// Points of each first-level group; they add up to 100.
  public var weights: [IndicatorLevel: Fraction]
  public var rateBasis: RateBasis
  public var negative: NegativeFormula
  /// Each qualitative tier's share of the indicator's weight, in percent, as [low, high].
  /// 达成 includes its top; every tier includes its bottom.
  public var tiers: [Tier: ClosedRange<Fraction>]

  public init(
    name: String, title: String, bands: [Grade: Fraction], weights: [IndicatorLevel: Fraction],
    rateBasis: RateBasis, negative: NegativeFormula, tiers: [Tier: ClosedRange<Fraction>]
  ) {
    self.name = name
    self.title = title
    self.bands = bands
    self.weights = weights
    self.rateBasis = rateBasis
    self.negative = negative
    self.tiers = tiers
  }

  /// 财预〔2020〕10号: 产出 50, 效益 30, 满意度 10, 执行率 10; bands 90/80/60; tiers 80/60.
  public static let national = RuleSet(
    name: "national", title: "财预〔2020〕10号《项目支出绩效评价管理办法》(national default)",
    bands: [.excellent: Fraction(90), .good: Fraction(80), .fair: Fraction(60)],
    weights: [.output: Fraction(50), .benefit: Fraction(30), .satisfaction: Fraction(10), .execution: Fraction(10)],
    rateBasis: .budget, negative: .ratio,
    tiers: [
      .achieved: Fraction(80)...Fraction(100), .partlyAchieved: Fraction(60)...Fraction(80),
      .notAchieved: Fraction(0)...Fraction(60),
    ])

  /// The grade a score earns; scores are compared exactly (89.995 is 良).
  public func grade(for score: Fraction) -> Grade {
    for g in [Grade.excellent, .good, .fair] {
      if let low = bands[g], score >= low { return g }
    }
    return .poor
  }

  /// The decimals a score needs to print in its own band: 2 for most, 7 for
  /// 89.9999997, which is 良 although two decimals say 90.00.
  public func decisivePlaces(_ score: Fraction) -> Int {
    let g = grade(for: score)
    var places = 2
    while places < 24, grade(for: score.rounded(places: places)) != g { places += 1 }
    return places
  }

  /// The band a grade covers, as text: "≥ 90", "≥ 80 and < 90", "< 60".
  public func bandText(_ grade: Grade) -> String {
    let fmt: (Fraction) -> String = { $0.trimmed(places: 4) }
    switch grade {
    case .excellent: return "≥ " + fmt(bands[.excellent] ?? Fraction(90))
    case .good: return "≥ \(fmt(bands[.good] ?? Fraction(80))) and < \(fmt(bands[.excellent] ?? Fraction(90)))"
    case .fair: return "≥ \(fmt(bands[.fair] ?? Fraction(60))) and < \(fmt(bands[.good] ?? Fraction(80)))"
    case .poor: return "< " + fmt(bands[.fair] ?? Fraction(60))
    }
  }

  /// Why this rule set cannot be used; empty when it adds up.
  public func problems() -> [String] {
    var out: [String] = []
    let total = IndicatorLevel.allCases.reduce(Fraction.zero) { $0 + (weights[$1] ?? .zero) }
    if total != Fraction.hundred {
      out.append("the weights add up to \(total.trimmed(places: 4)), not 100 (\(IndicatorLevel.allCases.map { "\($0) \((weights[$0] ?? .zero).trimmed(places: 4))" }.joined(separator: ", ")))")
    }
    for level in IndicatorLevel.allCases where (weights[level] ?? .zero) < .zero {
      out.append("the weight of \(level) is negative")
    }
    let e = bands[.excellent] ?? .zero
    let g = bands[.good] ?? .zero
    let f = bands[.fair] ?? .zero
    if !(e > g && g > f) {
      out.append("the bands overlap: 优 from \(e.trimmed(places: 4)), 良 from \(g.trimmed(places: 4)), 中 from \(f.trimmed(places: 4)) must fall in that order")
    }
    if f < .zero || e > .hundred {
      out.append("the bands must lie between 0 and 100")
    }
    let a = tiers[.achieved] ?? Fraction(80)...Fraction(100)
    let p = tiers[.partlyAchieved] ?? Fraction(60)...Fraction(80)
    let n = tiers[.notAchieved] ?? Fraction(0)...Fraction(60)
    if n.lowerBound != .zero || a.upperBound != .hundred || n.upperBound != p.lowerBound || p.upperBound != a.lowerBound {
      out.append("the tiers must cover 0–100 % without gaps or overlaps: 未达成 \(Self.rangeText(n)), 部分达成 \(Self.rangeText(p)), 达成 \(Self.rangeText(a))")
    }
    return out
  }

  public static func rangeText(_ r: ClosedRange<Fraction>) -> String {
    "\(r.lowerBound.trimmed(places: 4))–\(r.upperBound.trimmed(places: 4)) %"
  }

  /// Whether `points` of an indicator worth `weight` lies inside the tier.
  public func tierContains(_ tier: Tier, points: Fraction, weight: Fraction) -> Bool {
    guard let range = tiers[tier], weight > .zero else { return true }
    let share = points / weight * Fraction.hundred
    if tier == .achieved { return share >= range.lowerBound && share <= range.upperBound }
    return share >= range.lowerBound && share < range.upperBound
  }
}
