/// 支出率 as printed against 决算 ÷ 调整后预算, for the department and for its projects;
/// when the figure is really 决算 ÷ 年初预算, it says so.
public struct SpendingRateCheck: AuditRule {
  public init() {}

  public func findings(_ input: AuditInput) -> [Finding] {
    guard let d = input.department else { return [] }
    var out: [Finding] = []
    let lines: [(String, StatedPercent?, StatedMoney?, StatedMoney?, StatedMoney?)] = [
      ("支出率", d.rate, d.spent, d.budget, d.initial),
      ("项目支出率", d.projectRate, d.projectSpent, d.projectBudget, d.projectInitial),
    ]
    for (label, stated, spent, budget, initial) in lines {
      guard let stated else { continue }
      guard let spent, let budget, budget.amount.tenThousandths != 0 else {
        out.append(input.finding(label, .stated(stated), .none, .attention, "决算 or 调整后预算 is not stated (or is 0), so the rate cannot be checked"))
        continue
      }
      let adjusted = spent.amount.exact / budget.amount.exact
      let onAdjusted = Printed.agreement(stated: stated.tenThousandths, exact: adjusted * Fraction.hundred)
      if onAdjusted != .differs {
        out.append(input.finding(label, .stated(stated), .percent(adjusted, places: 2), .holds, "决算 ÷ 调整后预算 = \(spent.amount) ÷ \(budget.amount), " + Printed.describe(onAdjusted, Printed.percent(adjusted))))
        continue
      }
      if let initial, initial.amount.tenThousandths != 0 {
        let onInitial = spent.amount.exact / initial.amount.exact
        let a = Printed.agreement(stated: stated.tenThousandths, exact: onInitial * Fraction.hundred)
        if a != .differs {
          out.append(
            input.finding(
              label, .stated(stated), .percent(adjusted, places: 2), .wrong,
              "\(stated) = 决算 ÷ 年初预算 (\(spent.amount) ÷ \(initial.amount) = \((onInitial * Fraction.hundred).formatted(places: 4))%\(a == .truncated ? ", cut off rather than rounded" : "")); against 调整后预算 it is \(Printed.percent(adjusted))"))
          continue
        }
      }
      out.append(input.finding(label, .stated(stated), .percent(adjusted, places: 2), .wrong, "决算 ÷ 调整后预算 = \(spent.amount) ÷ \(budget.amount) = \(Printed.percent(adjusted))"))
    }
    return out
  }
}
