/// An overspend the report implies without saying it: what the department spent beyond
/// its projects (决算数 − 项目决算数) is its 基本支出, and what it budgeted beyond them
/// (调整后预算 − 项目调整后预算) is the 基本支出's budget. Spending more than that budget is
/// worth a look: either a figure is wrong or money was spent without a budget. Read from
/// the report's text, so the finding names the two lines the figures are on.
public struct BasicSpendingCheck: AuditRule {
  public init() {}

  public func findings(_ input: AuditInput) -> [Finding] {
    guard let report = input.report, let d = input.department, let budget = d.budget, let spent = d.spent, let projectBudget = d.projectBudget,
      let projectSpent = d.projectSpent
    else { return [] }
    let basicBudget = budget.amount.exact - projectBudget.amount.exact
    let basicSpent = spent.amount.exact - projectSpent.amount.exact
    guard basicBudget < basicSpent else { return [] }
    let prose = report.prose
    let projectLine = prose.first { $0.text.contains("项目支出共计") }?.number
    let line = prose.first { $0.text.contains("决算数") && !$0.text.contains("项目支出共计") }?.number ?? projectLine ?? 1
    let a = ReportWords.amount
    let over = basicSpent - basicBudget
    var note = "决算数 \(a(spent.amount.exact)) − 项目决算数 \(a(projectSpent.amount.exact))"
    note += projectLine.map { " (line \($0))" } ?? ""
    note += " leaves \(a(basicSpent)) spent on 基本支出, against 调整后预算 \(a(budget.amount.exact)) − 项目调整后预算 \(a(projectBudget.amount.exact)) = \(a(basicBudget))"
    note += ": \(a(over)) more than its budget"
    return [input.finding(line: line, "基本支出", Self.figure(basicSpent), Self.figure(basicBudget), note)]
  }

  static func figure(_ f: Fraction) -> FigureValue {
    let scaled = f * Fraction(Int128(DecimalText.scale))
    guard scaled.denominator == 1, let v = Int64(exactly: scaled.numerator) else { return .text(ReportWords.amount(f)) }
    return .money(Money(tenThousandths: v), unit: .none)
  }
}
