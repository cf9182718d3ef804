/// A rule set read once for scoring many projects: the first-level weights in a fixed
/// array (and in ten-thousandths where they are whole) instead of dictionary look-ups per
/// project, and the grade bands in ten-thousandths for totals that are whole.
public struct ScoringPlan: Sendable {
  public let rules: RuleSet
  /// The rule set's weight of 产出, 效益, 满意度 and 执行率, in that order (`slot`).
  let weights: InlineArray<4, Fraction>
  /// 执行率's weight in ten-thousandths, when it is whole.
  let rateWeight: Int128?
  /// 优, 良 and 中's lowest scores in ten-thousandths, when all three are whole.
  let bands: (excellent: Int128, good: Int128, fair: Int128)?

  public init(_ rules: RuleSet) {
    self.rules = rules
    weights = [
      rules.weights[.output] ?? .zero, rules.weights[.benefit] ?? .zero, rules.weights[.satisfaction] ?? .zero,
      rules.weights[.execution] ?? .zero,
    ]
    rateWeight = ScoringPlan.whole(weights[3])
    if let e = rules.bands[.excellent].flatMap(ScoringPlan.whole), let g = rules.bands[.good].flatMap(ScoringPlan.whole),
      let f = rules.bands[.fair].flatMap(ScoringPlan.whole)
    {
      bands = (e, g, f)
    } else {
      bands = nil
    }
  }

  /// A value in ten-thousandths, when it has at most four decimals.
  static func whole(_ f: Fraction) -> Int128? {
    let s = f * Fraction(Int128(DecimalText.scale))
    return s.denominator == 1 ? s.numerator : nil
  }

  /// The place of a level in `weights`.
  static func slot(_ level: IndicatorLevel) -> Int {
    switch level {
    case .output: 0
    case .benefit: 1
    case .satisfaction: 2
    case .execution: 3
    }
  }

  /// The grade of a total: by integers when the bands are whole ten-thousandths and the
  /// total is its whole ten-thousandths and less than one more (so it reaches a band
  /// exactly when they do).
  public func grade(_ sum: ScoreSum) -> Grade {
    if let b = bands, sum.isBelowNextTenThousandth {
      let s = sum.tenThousandths
      return s >= b.excellent ? .excellent : s >= b.good ? .good : s >= b.fair ? .fair : .poor
    }
    return rules.grade(for: sum.value)
  }
}
