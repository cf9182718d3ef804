/// One row of a unit's 项目支出绩效自评 table, as recorded.
///
/// Optional fields are ones a report may leave out; a missing value stays missing
/// and anything computed from it is unknown, never 0 or 100.
public struct Project: Hashable, Sendable {
  public var year: Int
  public var unit: String
  public var seq: Int
  public var name: String
  public var fund: Fund?
  /// 预算金额（调整后）/ 全年预算数.
  public var budget: Money?
  /// 年初预算.
  public var initial: Money?
  /// 决算数 / 执行数.
  public var spent: Money?
  /// 自评分 as recorded, in ten-thousandths of a point.
  public var score: Int64?
  /// 自评级 as recorded.
  public var grade: Grade?
  /// The points the form recorded for 预算执行率, when it shows them.
  public var ratePoints: Int64?

  public init(
    year: Int, unit: String, seq: Int, name: String, fund: Fund? = nil, budget: Money? = nil,
    initial: Money? = nil, spent: Money? = nil, score: Int64? = nil, grade: Grade? = nil,
    ratePoints: Int64? = nil
  ) {
    self.year = year
    self.unit = unit
    self.seq = seq
    self.name = name
    self.fund = fund
    self.budget = budget
    self.initial = initial
    self.spent = spent
    self.score = score
    self.grade = grade
    self.ratePoints = ratePoints
  }

  /// The recorded score as an exact number.
  public var recordedScore: Fraction? { score.map { Fraction(tenThousandths: $0) } }
}
