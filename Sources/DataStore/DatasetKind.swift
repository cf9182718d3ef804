/// The kinds of dataset file, told apart by file name prefix (or by header, `HeaderKind`).
public enum DatasetKind: String, CaseIterable, Sendable {
  case projects
  case departments
  case funds
  case indicators

  /// The kind of a file named like `projects-2023.csv` or `projects-2023.tsv`, or nil for
  /// other files.
  public init?(fileName: String) {
    let lower = fileName.lowercased()
    guard lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") else { return nil }
    for kind in DatasetKind.allCases where lower.hasPrefix(kind.rawValue) {
      self = kind
      return
    }
    return nil
  }

  /// The columns of this kind: English key, accepted header spellings, and whether required.
  public var columns: [ColumnSpec] {
    switch self {
    case .projects:
      [
        ColumnSpec("year", ["年度", "年份"], required: true),
        ColumnSpec("unit", ["主管部门（单位）", "主管部门(单位)", "单位", "主管部门", "单位名称"], required: true),
        ColumnSpec("seq", ["序号"], required: true),
        ColumnSpec("name", ["项目名称"], required: true),
        ColumnSpec("fund", ["资金类型", "预算类型"]),
        ColumnSpec("budget", ["预算金额（调整后）", "预算金额(调整后)", "全年预算数", "调整后预算", "预算金额"], required: true),
        ColumnSpec("initial", ["年初预算", "年初预算数"]),
        ColumnSpec("spent", ["决算数", "执行数", "全年执行数"]),
        ColumnSpec("score", ["自评分", "自评得分"]),
        ColumnSpec("grade", ["自评级", "自评等级", "评价等级"]),
        ColumnSpec("rate_points", ["执行率得分", "预算执行率得分"]),
      ]
    case .departments:
      [
        ColumnSpec("year", ["年度", "年份"], required: true),
        ColumnSpec("unit", ["单位", "主管部门（单位）", "主管部门(单位)", "主管部门", "单位名称"], required: true),
        ColumnSpec("initial", ["年初预算"]),
        ColumnSpec("budget", ["调整后预算", "全年预算数"]),
        ColumnSpec("spent", ["决算数"]),
        ColumnSpec("rate", ["支出率"]),
        ColumnSpec("project_count", ["项目个数"]),
        ColumnSpec("project_initial", ["项目年初预算"]),
        ColumnSpec("project_budget", ["项目调整后预算"]),
        ColumnSpec("project_spent", ["项目决算数"]),
        ColumnSpec("project_rate", ["项目支出率"]),
        ColumnSpec("evaluated_count", ["自评项目个数"]),
        ColumnSpec("evaluated_budget", ["自评预算资金"]),
        ColumnSpec("count_excellent", ["优"]),
        ColumnSpec("count_good", ["良"]),
        ColumnSpec("count_fair", ["中"]),
        ColumnSpec("count_poor", ["差"]),
        ColumnSpec("excellent_rate", ["评优率"]),
        ColumnSpec("score", ["自评得分", "自评分"]),
        ColumnSpec("grade", ["评价等级", "自评级"]),
        ColumnSpec("staff", ["在职人员"]),
        ColumnSpec("internal_units", ["内设机构"]),
        ColumnSpec("budget_units", ["预算单位"]),
      ]
    case .funds:
      [
        ColumnSpec("year", ["年度", "年份"], required: true),
        ColumnSpec("unit", ["单位", "主管部门（单位）", "主管部门(单位)", "主管部门"], required: true),
        ColumnSpec("fund", ["资金类型", "预算类型"], required: true),
        ColumnSpec("project_count", ["项目个数"]),
        ColumnSpec("budget", ["涉及资金"]),
        ColumnSpec("share", ["占比"]),
      ]
    case .indicators:
      [
        ColumnSpec("year", ["年度", "年份"], required: true),
        ColumnSpec("unit", ["单位", "主管部门（单位）", "主管部门(单位)", "主管部门"], required: true),
        ColumnSpec("seq", ["序号"], required: true),
        ColumnSpec("level1", ["一级指标"], required: true),
        ColumnSpec("level2", ["二级指标"]),
        ColumnSpec("name", ["三级指标", "指标名称"], required: true),
        ColumnSpec("kind", ["指标性质", "指标类型"], required: true),
        ColumnSpec("target", ["指标值", "年度指标值"]),
        ColumnSpec("actual", ["实际完成值", "完成值"]),
        ColumnSpec("weight", ["分值", "权重"], required: true),
        ColumnSpec("points", ["得分"]),
      ]
    }
  }
}

/// One column of a dataset file.
public struct ColumnSpec: Sendable {
  public var key: String
  public var aliases: [String]
  public var required: Bool

  public init(_ key: String, _ aliases: [String], required: Bool = false) {
    self.key = key
    self.aliases = aliases
    self.required = required
  }

  /// Whether a header cell names this column (case, spaces and full-width brackets ignored).
  func matches(_ header: String) -> Bool {
    names.contains(ColumnSpec.normalize(header))
  }

  /// The key and the aliases, normalised as header cells are compared.
  var names: [String] { ([key] + aliases).map(ColumnSpec.normalize) }

  static func normalize(_ s: String) -> String {
    var out = ""
    for ch in s.lowercased() {
      switch ch {
      case " ", "\t", "\u{3000}", "_", "-": continue
      case "（": out.append("(")
      case "）": out.append(")")
      default: out.append(ch)
      }
    }
    return out
  }
}
