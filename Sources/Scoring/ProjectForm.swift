/// One 项目支出绩效自评表 as read from its file: the project it describes, and the
/// figures the form states about itself, kept as printed so its own sums can be checked.
///
/// The project row and the indicator rows are also added to the dataset; what only the
/// form says (its 总分, its 执行率 as printed, the 其中 lines, the group headings' points,
/// the deviation notes) lives here.
public struct ProjectForm: Hashable, Sendable {
  /// A line of the funds block: 年度资金总额, or one of its 其中 lines.
  public struct FundsLine: Hashable, Sendable {
    /// 年度资金总额, 当年财政拨款, 上年结转资金, 其他资金 …
    public var label: String
    public var initial: Money?
    public var budget: Money?
    public var spent: Money?

    public init(label: String, initial: Money? = nil, budget: Money? = nil, spent: Money? = nil) {
      self.label = label
      self.initial = initial
      self.budget = budget
      self.spent = spent
    }
  }

  /// A first-level group's points as the form's heading states them: 产出指标（50分）.
  public struct GroupWeight: Hashable, Sendable {
    public var level1: String
    public var weight: Int64

    public init(level1: String, weight: Int64) {
      self.level1 = level1
      self.weight = weight
    }
  }

  /// The file the form was read from.
  public var file: String
  /// The project as the dataset holds it (实施单位 as `unit`, 全年预算数 as `budget`, 总分 as `score`).
  public var project: Project
  /// 主管部门.
  public var department: String
  /// 年度总体目标: the planned text and the result text.
  public var goal: String
  public var goalResult: String
  /// 年度资金总额 first, then its 其中 lines.
  public var funds: [FundsLine]
  /// 执行率 as printed, in ten-thousandths of a percent point (86% → 860000).
  public var statedRate: Int64?
  /// The 分值 of the 执行率 row.
  public var rateWeight: Int64?
  /// The indicator rows, in form order, with their deviation notes.
  public var indicators: [Indicator]
  public var deviationNotes: [String]
  /// The 实际完成值 cells as written: a qualitative row's 及时 or 完成 is kept in the
  /// dataset as the tier it stands for (达成).
  public var actualsAsWritten: [String]
  /// Points stated in the group headings, when the form writes them.
  public var groupWeights: [GroupWeight]
  /// The 总分 row: its 分值 and its 得分.
  public var totalWeight: Int64?
  public var total: Int64?
  /// Which template the groups follow: "2019" (no 成本指标 group) or "2021" (成本指标 a first-level group).
  public var template: String
  /// What the reader converted or noticed while reading (a 元 cell in a 万元 form).
  public var notes: [String]

  public init(
    file: String, project: Project, department: String = "", goal: String = "", goalResult: String = "",
    funds: [FundsLine] = [], statedRate: Int64? = nil, rateWeight: Int64? = nil, indicators: [Indicator] = [],
    deviationNotes: [String] = [], actualsAsWritten: [String] = [], groupWeights: [GroupWeight] = [], totalWeight: Int64? = nil, total: Int64? = nil,
    template: String = "2019", notes: [String] = []
  ) {
    self.file = file
    self.project = project
    self.department = department
    self.goal = goal
    self.goalResult = goalResult
    self.funds = funds
    self.statedRate = statedRate
    self.rateWeight = rateWeight
    self.indicators = indicators
    self.deviationNotes = deviationNotes
    self.actualsAsWritten = actualsAsWritten
    self.groupWeights = groupWeights
    self.totalWeight = totalWeight
    self.total = total
    self.template = template
    self.notes = notes
  }
}
