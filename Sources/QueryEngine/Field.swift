import Scoring

/// A field of the projects table, as the language names it.
public enum Field: String, CaseIterable, Hashable, Sendable {
  case year, unit, seq, name, fund, budget, initial, spent, rate, score, grade
  case ratePoints = "rate_points"
  /// The score and grade under the rules and edits in force (what `recompute` shows).
  case newScore = "new_score"
  case newGrade = "new_grade"

  /// What kind of values the field holds; decides which comparisons make sense.
  public enum Kind: Sendable {
    case integer, text, fund, money, score, percent, grade
  }

  public var kind: Kind {
    switch self {
    case .year, .seq: .integer
    case .unit, .name: .text
    case .fund: .fund
    case .budget, .initial, .spent: .money
    case .score, .ratePoints, .newScore: .score
    case .rate: .percent
    case .grade, .newGrade: .grade
    }
  }

  /// Whether the field is computed under the rules in force rather than read from the data.
  public var isRecomputed: Bool { self == .newScore || self == .newGrade }

  /// The report's own label, shown in help and accepted in statements.
  public var chineseLabel: String {
    switch self {
    case .year: "年度"
    case .unit: "单位"
    case .seq: "序号"
    case .name: "项目名称"
    case .fund: "资金类型"
    case .budget: "预算金额"
    case .initial: "年初预算"
    case .spent: "决算数"
    case .rate: "执行率"
    case .score: "自评分"
    case .grade: "自评级"
    case .ratePoints: "执行率得分"
    case .newScore: "重算得分"
    case .newGrade: "重算等级"
    }
  }

  /// Every spelling accepted for the field besides its English name.
  public var aliases: [String] {
    switch self {
    case .year: ["年度", "年份", "年"]
    case .unit: ["单位", "主管部门", "主管部门（单位）", "部门"]
    case .seq: ["序号", "no", "#"]
    case .name: ["项目名称", "名称", "项目"]
    case .fund: ["资金类型", "预算类型", "资金"]
    case .budget: ["预算金额", "预算金额（调整后）", "预算", "调整后预算", "全年预算数"]
    case .initial: ["年初预算", "年初预算数"]
    case .spent: ["决算数", "决算", "执行数", "支出"]
    case .rate: ["执行率", "支出率", "预算执行率"]
    case .score: ["自评分", "得分", "分数", "评分"]
    case .grade: ["自评级", "等级", "评级", "级别"]
    case .ratePoints: ["执行率得分"]
    case .newScore: ["重算得分", "重算分", "newscore"]
    case .newGrade: ["重算等级", "重算评级", "newgrade"]
    }
  }

  /// The field a user's word names, by English name or Chinese label, ignoring case.
  public init?(named text: String) {
    let lower = text.lowercased()
    for f in Field.allCases where f.rawValue == lower || f.aliases.contains(lower) {
      self = f
      return
    }
    return nil
  }

  /// Every accepted spelling, for suggestions.
  public static var allSpellings: [String] {
    allCases.flatMap { [$0.rawValue] + $0.aliases }
  }

  /// The fields the data holds (`show *`), without the recomputed ones.
  public static var stored: [Field] { allCases.filter { !$0.isRecomputed } }

  /// The fields `projects` shows when no `show` clause is given.
  public static let listingDefault: [Field] = [.year, .unit, .seq, .name, .budget, .spent, .score, .grade]
}

extension Field {
  var isNumericColumn: Bool {
    switch kind {
    case .integer, .money, .score, .percent: true
    case .text, .fund, .grade: false
    }
  }
}
