/// For projects with indicators: the recorded score against the score the rules give,
/// the recorded 执行率 points against the formula, and every indicator whose recorded
/// points break the rule. Unknown scores are named with their reason.
public struct ScoreRecomputeCheck: AuditRule {
  public init() {}

  public func findings(_ input: AuditInput) -> [Finding] {
    var out: [Finding] = []
    for card in input.cards {
      let p = card.project
      if let problem = card.rate.problem, card.computed || p.ratePoints != nil {
        out.append(input.finding("#\(p.seq) 执行率", .none, .unknown, .attention, "\(p.name): \(problem)"))
      }
      guard card.computed else { continue }
      if let recorded = card.rate.recorded, let points = card.rate.points, (recorded - points).magnitudeAbove(Fraction(1, 200)) {
        let rounded = points.formatted(places: 0) == recorded.trimmed(places: 4)
        out.append(
          input.finding(
            "#\(p.seq) 执行率得分", .points(recorded, places: nil), .points(points, places: 2), .wrong,
            "\(p.name): \(card.rate.weight.trimmed(places: 2)) × \(Printed.percent(card.rate.rate ?? .zero)) = \(points.formatted(places: 2))" + (rounded ? "; the form rounded it to \(recorded.trimmed(places: 4))" : "")))
      }
      for step in card.indicators where step.breaksRule {
        // Like with like: the form's points against the rule's, both out of the form's
        // own weight; the scaled points are named in the note.
        let raw = Scorer.indicatorStep(step.indicator, scale: nil, rules: input.rules).0
        let weight = Fraction(tenThousandths: step.indicator.weight)
        var note = "\(p.name): \(raw.problem ?? step.problem ?? "breaks the rule")"
        if let r = raw.points, let recorded = step.indicator.points, recorded > step.indicator.weight {
          note += "; the rule gives \(r.trimmed(places: 4)) of \(weight.trimmed(places: 4))"
        }
        if step.weight != weight, let scaled = step.points {
          note += " (\(scaled.trimmed(places: 4)) of \(step.weight.trimmed(places: 4)) after scaling × \((weight > .zero ? step.weight / weight : .zero).trimmed(places: 4)))"
        }
        out.append(
          input.finding(
            "#\(p.seq) \(step.indicator.name)", step.indicator.points.map { .points(Fraction(tenThousandths: $0), places: nil) } ?? .none,
            raw.points.map { .points($0, places: 2) } ?? .none, .wrong, note))
      }
      guard let total = card.total else {
        out.append(input.finding("#\(p.seq) 自评分", p.recordedScore.map { .points($0, places: 2) } ?? .none, .unknown, .attention, "\(p.name): \(card.unknownBecause ?? "a value is missing")"))
        continue
      }
      guard let recorded = p.recordedScore else { continue }
      if total.formatted(places: 2) == recorded.formatted(places: 2), input.rules.grade(for: total) != input.rules.grade(for: recorded) {
        // Equal at two decimals, but not in the same band.
        let places = input.rules.decisivePlaces(total)
        out.append(
          input.finding(
            "#\(p.seq) 自评分", .points(recorded, places: 2), .points(total, places: places), .wrong,
            "\(p.name): the \(input.rules.name) rules give \(total.formatted(places: places)), which prints as \(total.formatted(places: 2)) but is \(input.rules.grade(for: total)), not \(input.rules.grade(for: recorded))"))
      } else if total.formatted(places: 2) != recorded.formatted(places: 2) {
        var note = "\(p.name): the \(input.rules.name) rules give \(total.formatted(places: 2))"
        let pointsSum = card.recordedPointsSum
        if let s = pointsSum, s == recorded, s != total {
          let rounded = card.rate.recorded.map { r in card.rate.points.map { $0.formatted(places: 0) == r.trimmed(places: 4) && $0 != r } ?? false } ?? false
            || card.indicators.contains { step in
              guard let r = step.indicator.points, let p = step.points else { return false }
              let recorded = Fraction(tenThousandths: r)
              return recorded != p && p.formatted(places: 0) == recorded.trimmed(places: 4)
            }
          note += rounded ? "; the recorded score is the sum of the form's own rounded points" : "; the recorded score is the sum of the form's own points"
        } else if let s = pointsSum, s != recorded {
          note += "; the form's own points add up to \(s.trimmed(places: 4)), not \(recorded.trimmed(places: 4))"
        }
        out.append(input.finding("#\(p.seq) 自评分", .points(recorded, places: 2), .points(total, places: 2), .wrong, note))
      }
    }
    return out
  }
}
