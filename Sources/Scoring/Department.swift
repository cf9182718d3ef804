/// The department-level figures of one unit's yearly report, exactly as stated.
///
/// Nothing here is computed: `check` compares these against what the project rows
/// give, so a misstatement must survive loading untouched.
public struct Department: Hashable, Sendable {
  public var year: Int
  public var unit: String
  /// 年初预算, 调整后预算, 决算数 of the whole department.
  public var initial: StatedMoney?
  public var budget: StatedMoney?
  public var spent: StatedMoney?
  /// 支出率 as printed.
  public var rate: StatedPercent?
  /// The 项目支出 line: count, 年初, 调整后, 决算, 支出率.
  public var projectCount: Int?
  public var projectInitial: StatedMoney?
  public var projectBudget: StatedMoney?
  public var projectSpent: StatedMoney?
  public var projectRate: StatedPercent?
  /// The 项目支出自评 line: how many projects were evaluated and their budget.
  public var evaluatedCount: Int?
  public var evaluatedBudget: StatedMoney?
  /// Stated number of projects per grade.
  public var gradeCounts: [Grade: Int]
  /// 评优率 as printed.
  public var excellentRate: StatedPercent?
  /// 部门整体绩效自评 score (ten-thousandths of a point) and grade.
  public var score: Int64?
  public var grade: Grade?
  public var staff: Int?
  public var internalUnits: Int?
  public var budgetUnits: Int?

  public init(year: Int, unit: String) {
    self.year = year
    self.unit = unit
    self.gradeCounts = [:]
  }
}

/// One line of a report's per-budget-book breakdown (一般公共预算项目19个，共涉及资金…).
public struct FundLine: Hashable, Sendable {
  public var year: Int
  public var unit: String
  public var fund: Fund
  public var projectCount: Int?
  public var budget: StatedMoney?
  public var share: StatedPercent?

  public init(year: Int, unit: String, fund: Fund) {
    self.year = year
    self.unit = unit
    self.fund = fund
  }
}
