/// The stated number of projects (项目个数, 自评项目个数) against the rows of the table.
public struct CountCheck: AuditRule {
  public init() {}

  public func findings(_ input: AuditInput) -> [Finding] {
    guard let d = input.department else { return [] }
    let n = input.projects.count
    var out: [Finding] = []
    for (label, stated) in [("项目个数", d.projectCount), ("自评项目个数", d.evaluatedCount)] {
      guard let stated else { continue }
      out.append(
        input.finding(
          label, .count(stated), .count(n), stated == n ? .holds : .wrong,
          stated == n ? "the table has \(n) rows" : "the table has \(n) rows, not \(stated)"))
    }
    return out
  }
}
