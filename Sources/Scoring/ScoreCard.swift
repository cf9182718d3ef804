/// A project's score worked out under a rule set, step by step, so it can be shown
/// (explain), compared with what was recorded (recompute) and audited (check).
public struct ScoreCard: Hashable, Sendable {
  /// The 预算执行率 line.
  public struct RateStep: Hashable, Sendable {
    public var spent: Money?
    /// The budget divided by, and which one it is.
    public var base: Money?
    public var basis: RateBasis
    public var weight: Fraction
    /// spent ÷ base, when both are known and base is not zero.
    public var rate: Fraction?
    public var points: Fraction?
    /// Why points is nil.
    public var problem: String?
    /// The points the form recorded for this line.
    public var recorded: Fraction?
    /// `points` as the part the total adds.
    public var part: ScoreSum.Part? = nil
  }

  /// One indicator's line.
  public struct IndicatorStep: Hashable, Sendable {
    public var indicator: Indicator
    public var level: IndicatorLevel?
    /// The weight after scaling the level to the rule set's weight.
    public var weight: Fraction
    /// The computed (quantitative) or taken (qualitative) points, scaled like the weight.
    public var points: Fraction?
    /// The formula with its numbers, in the report's terms.
    public var formula: String
    /// Why points is nil, or what is wrong with the recorded points.
    public var problem: String?
    /// A recorded value that breaks the rule (outside the tier, above the weight).
    public var breaksRule: Bool
  }

  public var project: Project
  public var rules: String
  public var rate: RateStep
  public var indicators: [IndicatorStep]
  /// Scale applied per level when the data's weights differ from the rule set's.
  public var levelScale: [IndicatorLevel: Fraction]
  /// The data's own weight total per level.
  public var levelWeights: [IndicatorLevel: Fraction]
  /// The first-level weights applied: the rule set's, with 满意度 moved to 效益 when the
  /// project has no satisfaction indicator.
  public var ruleWeights: [IndicatorLevel: Fraction] = [:]
  /// Whether 满意度's weight went to 效益.
  public var satisfactionMovedToBenefit = false
  /// 预算执行情况 rows, not counted: 执行率 is computed from 决算数 and the budget.
  public var ignored: [Indicator] = []
  /// The 一级指标 the rules do not name (成本指标, 项目决策), in file order.
  public var unnamedGroups: [String] = []
  /// With unnamed groups: the one scale applied to every indicator, so the form's own
  /// weights fill the points of 产出, 效益 and 满意度 together.
  public var formWeightsScale: Fraction?
  /// The total; nil when a needed value is missing (never 0 or 100 in its place).
  public var total: Fraction?
  /// Why `total` is nil.
  public var unknownBecause: String?
  /// The grade of `total` (or of the recorded score when there are no indicators).
  public var grade: Grade?
  /// True when the score is computed from indicators; false when it is the recorded one.
  public var computed: Bool

  /// Σ of the points the form itself recorded (执行率 and every indicator), when it
  /// recorded all of them: what its own total should be.
  public var recordedPointsSum: Fraction? {
    guard let rate = rate.recorded else { return nil }
    var sum = rate
    for step in indicators {
      guard let p = step.indicator.points else { return nil }
      sum = sum + Fraction(tenThousandths: p)
    }
    return sum
  }

  /// The points the indicators are worth together under the weights applied.
  public var ruleWeightsTotal: Fraction {
    [IndicatorLevel.output, .benefit, .satisfaction].reduce(Fraction.zero) { $0 + (ruleWeights[$1] ?? .zero) }
      + indicators.filter { $0.level == nil }.reduce(Fraction.zero) { $0 + $1.weight }
  }

  /// Points per level, for the summary line.
  public func points(of level: IndicatorLevel) -> Fraction? {
    if level == .execution { return rate.points }
    var sum = Fraction.zero
    for step in indicators where step.level == level {
      guard let p = step.points else { return nil }
      sum = sum + p
    }
    return sum
  }
}
