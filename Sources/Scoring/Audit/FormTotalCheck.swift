/// A form's own sums: its 总分 against the points it records (执行率 plus every
/// indicator), its weights against the 总分's 分值, and each group heading's points
/// (产出指标（50分）) against the weights of the rows under it.
public struct FormTotalCheck: AuditRule {
  public init() {}

  public func findings(_ input: AuditInput) -> [Finding] {
    var out: [Finding] = []
    for form in input.forms {
      let p = form.project
      let tag = "#\(p.seq)"
      let recorded = [form.project.ratePoints] + form.indicators.map(\.points)
      if let total = form.total {
        if recorded.allSatisfy({ $0 != nil }) {
          let sum = recorded.reduce(Int64(0)) { $0 + ($1 ?? 0) }
          let parts = "执行率 \(DecimalText.format(p.ratePoints ?? 0)) + \(form.indicators.count) indicators \(DecimalText.format(sum - (p.ratePoints ?? 0)))"
          out.append(
            input.finding(
              "\(tag) 总分", .points(Fraction(tenThousandths: total), places: nil), .points(Fraction(tenThousandths: sum), places: nil),
              sum == total ? .holds : .wrong,
              sum == total
                ? "\(p.name): the form's points add up to its 总分 (\(parts))"
                : "\(p.name): the form's points add up to \(DecimalText.format(sum)) (\(parts)), not the 总分 \(DecimalText.format(total))"))
        } else {
          out.append(input.finding("\(tag) 总分", .points(Fraction(tenThousandths: total), places: nil), .unknown, .attention, "\(p.name): a row of the form has no 得分, so its points cannot be added up"))
        }
      }
      let weights = (form.rateWeight ?? 0) + form.indicators.reduce(Int64(0)) { $0 + $1.weight }
      if let full = form.totalWeight, weights != full {
        out.append(
          input.finding(
            "\(tag) 总分分值", .points(Fraction(tenThousandths: full), places: nil), .points(Fraction(tenThousandths: weights), places: nil), .wrong,
            "\(p.name): the 分值 of 执行率 and the indicators add up to \(DecimalText.format(weights)), not the \(DecimalText.format(full)) of the 总分 row"))
      }
      for group in form.groupWeights {
        let rows = form.indicators.filter { $0.level1 == group.level1 }
        let sum = rows.reduce(Int64(0)) { $0 + $1.weight }
        if sum != group.weight {
          out.append(
            input.finding(
              "\(tag) \(group.level1)指标分值", .points(Fraction(tenThousandths: group.weight), places: nil), .points(Fraction(tenThousandths: sum), places: nil), .wrong,
              "\(p.name): the heading gives \(group.level1) \(DecimalText.format(group.weight)) points; its \(rows.count) rows weigh \(DecimalText.format(sum))"))
        }
      }
    }
    return out
  }
}
