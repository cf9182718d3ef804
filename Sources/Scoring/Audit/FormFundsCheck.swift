/// A form's 其中 lines (当年财政拨款, 上年结转资金, 其他资金) against its 年度资金总额 line,
/// column by column. Forms are seen with a total line of zeros over lines holding the
/// money, which would score the budget 0 of 10.
public struct FormFundsCheck: AuditRule {
  public init() {}

  public func findings(_ input: AuditInput) -> [Finding] {
    var out: [Finding] = []
    for form in input.forms {
      guard let total = form.funds.first, form.funds.count > 1 else { continue }
      let parts = form.funds.dropFirst()
      let columns: [(String, KeyPath<ProjectForm.FundsLine, Money?>)] = [("年初预算数", \.initial), ("全年预算数", \.budget), ("全年执行数", \.spent)]
      for (label, path) in columns {
        let filled = parts.compactMap { $0[keyPath: path] }
        guard !filled.isEmpty else { continue }
        let sum = filled.reduce(Money.zero, +)
        let stated = total[keyPath: path] ?? .zero
        guard sum != stated else { continue }
        let lines = parts.filter { $0[keyPath: path] != nil }.map { "\($0.label) \($0[keyPath: path]!)" }.joined(separator: " + ")
        out.append(
          input.finding(
            "#\(form.project.seq) \(label)", .money(stated, unit: .none), .money(sum, unit: .none), .wrong,
            "\(form.project.name): \(total.label) \(stated), but its 其中 lines add up to \(sum) (\(lines))"))
      }
    }
    return out
  }
}
