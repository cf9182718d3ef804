/// The department's overall grade against the band of its overall score. The overall
/// score itself is the department's own evaluation: the project means are shown for
/// reference only, never as the official figure.
public struct OverallGradeCheck: AuditRule {
  public init() {}

  public func findings(_ input: AuditInput) -> [Finding] {
    guard let d = input.department, let s = d.score else { return [] }
    let score = Fraction(tenThousandths: s)
    let band = input.rules.grade(for: score)
    var note = "\(score.formatted(places: 2)) is \(band) (\(input.rules.bandText(band)))"
    let scored = input.projects.compactMap { p in p.recordedScore.map { (p, $0) } }
    if !scored.isEmpty {
      let mean = scored.reduce(Fraction.zero) { $0 + $1.1 } / Fraction(scored.count)
      var weighted: Fraction?
      let budget = scored.reduce(Fraction.zero) { $0 + ($1.0.budget?.exact ?? .zero) }
      if budget > .zero {
        weighted = scored.reduce(Fraction.zero) { $0 + $1.1 * ($1.0.budget?.exact ?? .zero) } / budget
      }
      note += "; for reference, project mean \(mean.formatted(places: 2))" + (weighted.map { ", budget-weighted \($0.formatted(places: 2))" } ?? "")
    }
    guard let stated = d.grade else {
      return [input.finding("部门整体得分", .points(score, places: 2), .grade(band), .attention, "no overall grade stated; " + note)]
    }
    return [input.finding("部门整体评价等级", .grade(stated), .grade(band), stated == band ? .holds : .wrong, note)]
  }
}
