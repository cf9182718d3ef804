import Testing

@testable import Scoring

/// The scorer never divides by zero, whatever the indicator file says.
@Suite struct ScorerTests {
  static let project = Project(
    year: 2019, unit: "示例单位", seq: 1, name: "示例项目", budget: Money("10"), initial: Money("10"), spent: Money("10"))

  /// A 反向 产出 indicator worth 50 points (the national 产出 weight, so it is not
  /// scaled), target and actual in ten-thousandths.
  static func negative(target: Int64, actual: Int64) -> Indicator {
    Indicator(
      year: 2019, unit: "示例单位", seq: 1, level1: "产出", level2: "成本", name: "超支", kind: .negative,
      targetText: DecimalText.format(target), actualText: DecimalText.format(actual), target: target, actual: actual,
      tier: nil, weight: 50 * DecimalText.scale, points: nil)
  }

  /// A negative target with an actual of 0 above it made the ratio formula compute
  /// -5 ÷ 0, and the process died of Fraction's zero-denominator precondition.
  @Test func aNegativeTargetUnderTheRatioFormulaLeavesThePointsUnknown() {
    for actual: Int64 in [0, 30_000, -20_000] {
      let card = Scorer.score(Self.project, indicators: [Self.negative(target: -50_000, actual: actual)], rules: .national)
      let step = card.indicators[0]
      #expect(step.points == nil)
      #expect(step.problem == "the target -5 is negative, where target ÷ actual has no meaning; the points are unknown")
      #expect(card.total == nil)
    }
  }

  @Test func anActualAtOrBelowANegativeTargetStillEarnsTheWeight() {
    let card = Scorer.score(Self.project, indicators: [Self.negative(target: -50_000, actual: -60_000)], rules: .national)
    #expect(card.indicators[0].points == Fraction(50))
    #expect(card.indicators[0].problem == nil)
  }

  @Test func theRatioFormulaItself() {
    // 50 × 10 ÷ 15 = 33.33 (docs/RULES.md, 反向 R1).
    let card = Scorer.score(Self.project, indicators: [Self.negative(target: 100_000, actual: 150_000)], rules: .national)
    #expect(card.indicators[0].points == Fraction(100, 3))
  }

  /// The names forms use, read directly, name the same groups as the general reading.
  @Test func groupNamesReadDirectlyAgreeWithTheGeneralReading() {
    #expect(IndicatorLevel("产出") == .output)
    #expect(IndicatorLevel("产出指标") == .output)
    #expect(IndicatorLevel("效益") == .benefit)
    #expect(IndicatorLevel("效益指标") == .benefit)
    #expect(IndicatorLevel("满意度") == .satisfaction)
    #expect(IndicatorLevel("满意度指标") == .satisfaction)
    #expect(IndicatorLevel("社会效益指标") == .benefit)
    #expect(IndicatorLevel("预算执行情况") == .execution)
    #expect(IndicatorLevel("Output") == .output)
    #expect(IndicatorLevel("成本指标") == nil)
  }
}
