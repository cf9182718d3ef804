/// The stated number of projects per grade against the grades in the table.
public struct GradeCountCheck: AuditRule {
  public init() {}

  public func findings(_ input: AuditInput) -> [Finding] {
    guard let d = input.department else { return [] }
    var out: [Finding] = []
    for g in Grade.allCases {
      guard let stated = d.gradeCounts[g] else { continue }
      let n = input.projects.filter { $0.grade == g }.count
      out.append(
        input.finding(
          "“\(g)”项目", .count(stated), .count(n), stated == n ? .holds : .wrong,
          stated == n ? "\(n) row\(n == 1 ? "" : "s") graded \(g)" : "the table has \(n) row\(n == 1 ? "" : "s") graded \(g), not \(stated)"))
    }
    return out
  }
}
