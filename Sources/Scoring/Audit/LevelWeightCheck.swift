/// Each first-level group's indicator weights against the rule set's weight for it
/// (产出 50, 效益 30, 满意度 10 under the national rules); for a form with groups the
/// rules do not name, the one scale its own weights are given instead.
public struct LevelWeightCheck: AuditRule {
  public init() {}

  public func findings(_ input: AuditInput) -> [Finding] {
    var out: [Finding] = []
    for card in input.cards where card.computed {
      if let scale = card.formWeightsScale {
        let form = card.indicators.reduce(Fraction.zero) { $0 + Fraction(tenThousandths: $1.indicator.weight) }
        let named = [IndicatorLevel.output, .benefit, .satisfaction].map { input.rules.weights[$0] ?? .zero }.reduce(.zero, +)
        out.append(
          input.finding(
            "#\(card.project.seq) 一级指标", .points(form, places: nil), .points(named, places: nil), .attention,
            "\(card.project.name): the \(input.rules.name) rules do not name \(card.unnamedGroups.joined(separator: ", ")), so every indicator is scored with the form's own weights, which add up to \(form.trimmed(places: 4))" + (scale == .one ? ", the \(named.trimmed(places: 4)) points of 产出, 效益 and 满意度 together" : ", scaled by \(scale.trimmed(places: 4)) into the \(named.trimmed(places: 4)) points of 产出, 效益 and 满意度 together")))
        continue
      }
      for level in [IndicatorLevel.output, .benefit, .satisfaction] {
        let data = card.levelWeights[level] ?? .zero
        let rule = card.ruleWeights[level] ?? input.rules.weights[level] ?? .zero
        if data == .zero && rule == .zero { continue }
        if data != rule {
          out.append(
            input.finding(
              "#\(card.project.seq) \(level.heading)权重", .points(data, places: nil), .points(rule, places: nil), .attention,
              "\(card.project.name): the indicators of \(level) weigh \(data.trimmed(places: 4)); the \(input.rules.name) rules give \(level) \(rule.trimmed(places: 4)), \(data > .zero ? "so they are scaled by \((rule / data).trimmed(places: 4))" : "and the project has none, so these points cannot be earned")"))
        }
      }
    }
    return out
  }
}
