/// Stated project totals (年初, 调整后, 决算, the evaluated budget) against the sums of
/// the project rows, at the precision they were printed with.
public struct BudgetTotalCheck: AuditRule {
  public init() {}

  public func findings(_ input: AuditInput) -> [Finding] {
    guard let d = input.department else { return [] }
    var out: [Finding] = []
    func sum(_ pick: (Project) -> Money?) -> Money? {
      var total = Money.zero
      for p in input.projects {
        guard let m = pick(p) else { return nil }
        total = total + m
      }
      return total
    }
    let lines: [(String, StatedMoney?, Money?, String)] = [
      ("项目年初预算", d.projectInitial, sum(\.initial), "年初预算"),
      ("项目调整后预算", d.projectBudget, sum(\.budget), "预算金额"),
      ("项目决算数", d.projectSpent, sum(\.spent), "决算数"),
      ("自评预算资金", d.evaluatedBudget, sum(\.budget), "预算金额"),
    ]
    for (label, stated, computed, column) in lines {
      guard let stated else { continue }
      guard let computed else {
        out.append(input.finding(label, .stated(stated), .none, .attention, "the table does not give every project's \(column), so the total cannot be checked"))
        continue
      }
      let a = Printed.agreement(stated: stated.amount.tenThousandths, exact: computed.exact)
      switch a {
      case .exact, .rounded, .truncated:
        out.append(input.finding(label, .stated(stated), .money(computed, unit: .none), .holds, "Σ \(column) of \(input.projects.count) projects " + Printed.describe(a, computed.description)))
      case .differs:
        let diff = stated.amount - computed
        out.append(input.finding(label, .stated(stated), .money(computed, unit: .none), .wrong, "Σ \(column) of the \(input.projects.count) projects is \(computed); the report differs by \(diff)"))
      }
    }
    return out
  }
}
