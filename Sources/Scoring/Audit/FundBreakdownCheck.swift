/// Each budget book's stated project count and amount against the rows of that book.
public struct FundBreakdownCheck: AuditRule {
  public init() {}

  public func findings(_ input: AuditInput) -> [Finding] {
    var out: [Finding] = []
    for line in input.funds {
      let rows = input.projects.filter { $0.fund == line.fund }
      if let n = line.projectCount {
        out.append(
          input.finding(
            "\(line.fund)项目个数", .count(n), .count(rows.count), n == rows.count ? .holds : .wrong,
            "\(rows.count) row\(rows.count == 1 ? " is" : "s are") \(line.fund)" + (n == rows.count ? "" : ", not \(n)")))
      }
      if let stated = line.budget {
        let total = rows.reduce(Money.zero) { $0 + ($1.budget ?? .zero) }
        let a = Printed.agreement(stated: stated.amount.tenThousandths, exact: total.exact)
        out.append(
          input.finding(
            "\(line.fund)涉及资金", .stated(stated), .money(total, unit: .none), a == .differs ? .wrong : .holds,
            a == .differs ? "Σ budget of the \(line.fund) rows is \(total); the report differs by \(stated.amount - total)" : "Σ budget of the \(line.fund) rows " + Printed.describe(a, total.description)))
      }
    }
    return out
  }
}
