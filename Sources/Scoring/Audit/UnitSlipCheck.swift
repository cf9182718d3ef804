/// Amounts printed in 元 where the report works in 万元 (调整后预算数为1249.58元).
public struct UnitSlipCheck: AuditRule {
  public init() {}

  public func findings(_ input: AuditInput) -> [Finding] {
    guard let d = input.department else { return [] }
    let figures: [(String, StatedMoney?)] = [
      ("年初预算", d.initial), ("调整后预算", d.budget), ("决算数", d.spent), ("项目年初预算", d.projectInitial),
      ("项目调整后预算", d.projectBudget), ("项目决算数", d.projectSpent), ("自评预算资金", d.evaluatedBudget),
    ]
    return figures.compactMap { label, stated in
      guard let stated, stated.unit == .yuan else { return nil }
      let literal = Fraction(Int128(stated.amount.tenThousandths), 100_000_000).trimmed(places: 8)
      return input.finding(
        label, .stated(stated), .money(stated.amount, unit: .wanYuan), .attention,
        "printed in 元, while the report counts in 万元; taken literally it would be \(literal)万元, so the 万 was dropped: read as \(stated.amount)万元")
    }
  }
}
