import Testing

@testable import Scoring

/// What a form can contain that the rules do not foresee is scored by one documented
/// rule each (docs/RULES.md, "Totals stay in 0–100"), so no total leaves 0–100. The
/// figures are those of Tests/ShellTests/Fixtures/guardrails, which gave 101.00, 103.79,
/// 117.40 and 110.00 before.
@Suite struct GuardrailTests {
  static func project(_ seq: Int, spent: String) -> Project {
    Project(year: 2021, unit: "示例核查单位", seq: seq, name: "示例项目", budget: Money("100"), initial: Money("100"), spent: Money(spent))
  }

  static func row(
    _ seq: Int, _ level1: String, _ kind: IndicatorKind, target: Int64? = nil, actual: Int64? = nil, tier: Tier? = nil,
    weight: Int64, points: Int64?
  ) -> Indicator {
    let s = DecimalText.scale
    return Indicator(
      year: 2021, unit: "示例核查单位", seq: seq, level1: level1, level2: "", name: level1 + "指标", kind: kind,
      targetText: target.map { String($0) } ?? "", actualText: actual.map { String($0) } ?? tier?.fullName ?? "",
      target: target.map { $0 * s }, actual: actual.map { $0 * s }, tier: tier, weight: weight * s, points: points.map { $0 * s })
  }

  /// 10 + 50 + 33 + 8 was 101.00: the 定性 points above the weight count only the weight.
  @Test func qualitativePointsAboveTheWeightCountTheWeight() {
    let card = Scorer.score(
      Self.project(1, spent: "100"),
      indicators: [
        Self.row(1, "产出指标", .positive, target: 100, actual: 100, weight: 50, points: 50),
        Self.row(1, "效益指标", .qualitative, tier: .achieved, weight: 30, points: 33),
        Self.row(1, "满意度指标", .positive, target: 100, actual: 80, weight: 10, points: 8),
      ], rules: .national)
    #expect(card.points(of: .benefit) == Fraction(30))
    #expect(card.total == Fraction(98))
    #expect(card.indicators[1].breaksRule)
    #expect(card.indicators[1].problem == "recorded 33 is above the weight 30; an indicator never scores above its weight, so it counts 30")
  }

  /// 产出 40, 成本指标 10, 效益 30, 满意度 10 was 9.5 + 47.92 + 27 + 10 + 9.375 = 103.79
  /// (产出 scaled to 50, 成本 on top). The form's own weights fill the 90 points:
  /// 9.5 + 40 × 23/24 + 27 + 10 + 10 × 15/16 = 94.208333….
  @Test func aGroupTheRulesDoNotNameKeepsTheFormsWeights() {
    let card = Scorer.score(
      Self.project(2, spent: "95"),
      indicators: [
        Self.row(2, "产出指标", .positive, target: 24, actual: 23, weight: 40, points: nil),
        Self.row(2, "成本指标", .negative, target: 15, actual: 16, weight: 10, points: nil),
        Self.row(2, "效益指标", .qualitative, tier: .achieved, weight: 30, points: 27),
        Self.row(2, "满意度指标", .positive, target: 90, actual: 95, weight: 10, points: nil),
      ], rules: .national)
    #expect(card.unnamedGroups == ["成本指标"])
    #expect(card.formWeightsScale == .one)
    #expect(card.points(of: .output) == Fraction(115, 3))
    #expect(card.total == Fraction(19, 2) + Fraction(115, 3) + Fraction(27) + Fraction(10) + Fraction(75, 8))
    #expect(card.total?.formatted(places: 2) == "94.21")
  }

  /// 项目决策 10, 项目管理 10, 产出 40, 效益 20 was 9.4 + 50 + 40 + 9 + 9 = 117.40. The
  /// form's 80 points are scaled × 90/80 = 1.125: 9.4 + 45 + 22.5 + 10.125 + 10.125 = 97.15.
  @Test func provincialGroupsAreScaledTogetherIntoTheIndicatorPoints() {
    let card = Scorer.score(
      Self.project(3, spent: "94"),
      indicators: [
        Self.row(3, "项目决策", .qualitative, tier: .achieved, weight: 10, points: 9),
        Self.row(3, "项目管理", .qualitative, tier: .achieved, weight: 10, points: 9),
        Self.row(3, "产出指标", .positive, target: 100, actual: 100, weight: 40, points: 40),
        Self.row(3, "效益指标", .positive, target: 100, actual: 100, weight: 20, points: 20),
      ], rules: .national)
    #expect(card.unnamedGroups == ["项目决策", "项目管理"])
    #expect(card.formWeightsScale == Fraction(9, 8))
    #expect(!card.satisfactionMovedToBenefit)
    #expect(card.points(of: .benefit) == Fraction(45, 2))
    #expect(card.total == Fraction(9715, 100))
  }

  /// A 预算执行情况 row of 10 points on top of 执行率 was 110.00; it is shown, not counted.
  @Test func aBudgetExecutionRowIsNotCounted() {
    let card = Scorer.score(
      Self.project(4, spent: "100"),
      indicators: [
        Self.row(4, "预算执行情况", .positive, target: 100, actual: 100, weight: 10, points: 10),
        Self.row(4, "产出指标", .positive, target: 100, actual: 100, weight: 50, points: 50),
        Self.row(4, "效益指标", .qualitative, tier: .achieved, weight: 30, points: 30),
        Self.row(4, "满意度指标", .positive, target: 90, actual: 95, weight: 10, points: 10),
      ], rules: .national)
    #expect(card.ignored.map(\.level1) == ["预算执行情况"])
    #expect(card.indicators.count == 3)
    #expect(card.total == Fraction(100))
  }

  /// A rule set without a weight for a group gives that group nothing, not its own
  /// weight on top of the others.
  @Test func aGroupWithoutARuleWeightEarnsNothing() {
    var rules = RuleSet.national
    rules.weights = [.output: Fraction(60), .benefit: Fraction(30), .execution: Fraction(10)]
    let card = Scorer.score(
      Self.project(5, spent: "100"),
      indicators: [
        Self.row(5, "产出指标", .positive, target: 100, actual: 100, weight: 50, points: 50),
        Self.row(5, "效益指标", .positive, target: 100, actual: 100, weight: 30, points: 30),
        Self.row(5, "满意度指标", .positive, target: 100, actual: 100, weight: 10, points: 10),
      ], rules: rules)
    #expect(card.points(of: .satisfaction) == .zero)
    #expect(card.total == Fraction(100))
  }
}
