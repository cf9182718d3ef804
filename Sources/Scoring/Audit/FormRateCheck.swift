/// A form's 执行率 as printed against 全年执行数 ÷ 全年预算数 of its 年度资金总额 line, at
/// the precision it was printed with; when it is really 执行数 ÷ 年初预算数, it says so.
public struct FormRateCheck: AuditRule {
  public init() {}

  public func findings(_ input: AuditInput) -> [Finding] {
    var out: [Finding] = []
    for form in input.forms {
      guard let stated = form.statedRate else { continue }
      let p = form.project
      let shown = FigureValue.stated(StatedPercent(tenThousandths: stated))
      guard let spent = p.spent, let budget = p.budget, budget.tenThousandths != 0 else {
        out.append(input.finding("#\(p.seq) 执行率", shown, .unknown, .attention, "\(p.name): 全年执行数 or 全年预算数 is missing (or 0), so the rate cannot be checked"))
        continue
      }
      let exact = spent.exact / budget.exact
      let a = Printed.agreement(stated: stated, exact: exact * Fraction.hundred)
      if a != .differs {
        out.append(input.finding("#\(p.seq) 执行率", shown, .percent(exact, places: 2), .holds, "\(p.name): 执行数 ÷ 预算数 = \(spent) ÷ \(budget), " + Printed.describe(a, Printed.percent(exact))))
        continue
      }
      var note = "\(p.name): 执行数 ÷ 预算数 = \(spent) ÷ \(budget) = \(Printed.percent(exact))"
      if let initial = p.initial, initial.tenThousandths != 0, initial != budget {
        let onInitial = spent.exact / initial.exact
        if Printed.agreement(stated: stated, exact: onInitial * Fraction.hundred) != .differs {
          note += "; \(DecimalText.format(stated))% is 执行数 ÷ 年初预算数 (\(spent) ÷ \(initial))"
        }
      }
      out.append(input.finding("#\(p.seq) 执行率", shown, .percent(exact, places: 2), .wrong, note))
    }
    return out
  }
}
