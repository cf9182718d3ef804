import Scoring

/// The stated department-level figures in the order a report gives them, with the
/// report's labels.
enum DepartmentFigures {
  static func stated(_ d: Department) -> [(String, Value)] {
    var out: [(String, Value)] = []
    func money(_ label: String, _ m: StatedMoney?) {
      if let m { out.append((label, .text(m.description))) }
    }
    func percent(_ label: String, _ p: StatedPercent?) {
      if let p { out.append((label, .text(p.description))) }
    }
    func count(_ label: String, _ n: Int?) {
      if let n { out.append((label, .integer(n))) }
    }
    money("年初预算", d.initial)
    money("调整后预算", d.budget)
    money("决算数", d.spent)
    percent("支出率", d.rate)
    count("项目个数", d.projectCount)
    money("项目年初预算", d.projectInitial)
    money("项目调整后预算", d.projectBudget)
    money("项目决算数", d.projectSpent)
    percent("项目支出率", d.projectRate)
    count("自评项目个数", d.evaluatedCount)
    money("自评预算资金", d.evaluatedBudget)
    for g in Grade.allCases {
      if let n = d.gradeCounts[g] { out.append(("“\(g)”项目", .integer(n))) }
    }
    percent("评优率", d.excellentRate)
    if let s = d.score { out.append(("部门整体自评得分", .score(s))) }
    if let g = d.grade { out.append(("部门整体评价等级", .grade(g))) }
    count("在职人员", d.staff)
    count("内设机构", d.internalUnits)
    count("预算单位", d.budgetUnits)
    return out
  }
}
