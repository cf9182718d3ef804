/// Every recorded grade against the band its recorded score falls in, under the rules
/// in force, at full precision (recomputed scores are ScoreRecomputeCheck's).
public struct GradeBandCheck: AuditRule {
  public init() {}

  public func findings(_ input: AuditInput) -> [Finding] {
    var out: [Finding] = []
    var checked = 0
    for (p, card) in zip(input.projects, input.cards) {
      guard let recorded = p.grade, let score = p.recordedScore else { continue }
      checked += 1
      let band = input.rules.grade(for: score)
      if band != recorded {
        out.append(
          input.finding(
            "#\(p.seq) 自评级", .grade(recorded), .grade(band), .wrong,
            "\(p.name): score \(score.formatted(places: input.rules.decisivePlaces(score))) is \(band) (\(input.rules.bandText(band))), recorded \(recorded)"))
      }
      _ = card
    }
    guard checked > 0 else { return out }
    if out.isEmpty {
      out.append(input.finding("grades in their bands", .count(checked), .count(checked), .holds, "every recorded grade matches its score's band (\(input.rules.name) rules)"))
    }
    return out
  }
}
