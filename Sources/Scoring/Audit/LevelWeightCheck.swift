/// Each first-level group's indicator weights against the rule set's weight for it
/// (产出 50, 效益 30, 满意度 10 under the national rules).
public struct LevelWeightCheck: AuditRule {
  public init() {}

  public func findings(_ input: AuditInput) -> [Finding] {
    var out: [Finding] = []
    for card in input.cards where card.computed {
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
