import Foundation
import Scoring

/// Reads one 项目支出绩效自评表 from its cells: the header, the funds block, the 年度总体目标,
/// the indicator rows and the 总分 row.
///
/// Every part is found by its labels' text (项目名称, 年初预算数, 三级指标 …), never by a
/// fixed cell address, because each unit's copy of the template moves things: merged
/// cells, a header spread over two rows, a title in a paragraph above a Word table. A
/// form that cannot be read fully is refused with the row it stopped at and why; half a
/// form is never imported.
enum FormLayout {
  /// Why a form was refused: where, and what.
  struct Problem: Error, Sendable {
    /// The row's place in its file ("row 14"), or nil for the form as a whole.
    var place: String?
    var message: String
  }

  /// Texts a qualitative row's 实际完成值 may hold for "achieved", besides the tiers.
  static let achievedWords: Set<String> = ["完成", "已完成", "全部完成", "按期完成", "及时", "是", "合格", "达标", "满意", "达到", "已达成"]

  static func read(_ grid: FormGrid, file: String) throws(Problem) -> ProjectForm {
    var notes: [String] = []
    let all = grid.rows.flatMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n")
    guard let year = ReportImporter.findYear(all) else {
      throw Problem(place: nil, message: "no year found; expected a title such as （2019年度）")
    }
    guard let nameAt = grid.find(["项目名称"]), let name = label(grid, nameAt) else {
      throw Problem(place: nil, message: "no 项目名称 found; not a 项目支出绩效自评表")
    }
    guard let unitAt = grid.find(["实施单位"]), let unit = label(grid, unitAt) else {
      throw Problem(place: grid.places[nameAt.row], message: "no 实施单位 found; the form must name the unit that carried the project out")
    }
    let department = grid.find(["主管部门"]).flatMap { label(grid, $0) } ?? ""

    // The funds block.
    var funds: [ProjectForm.FundsLine] = []
    var statedRate: Int64?
    var rateWeight: Int64?
    var ratePoints: Int64?
    guard let fundsAt = grid.find(["年初预算"]) else {
      throw Problem(place: nil, message: "no funds block found (the header 年初预算数, 全年预算数, 全年执行数)")
    }
    let fundsHeader = headerNames(grid, fundsAt.row)
    func column(_ names: [String], in header: [String]) -> Int? {
      header.firstIndex { h in names.contains { h.contains($0) } }
    }
    let initialColumn = fundsAt.column
    guard let budgetColumn = column(["全年预算", "调整后预算"], in: fundsHeader.names),
      let spentColumn = column(["全年执行", "执行数"], in: fundsHeader.names)
    else {
      throw Problem(place: grid.places[fundsAt.row], message: "the funds header has no 全年预算数 or no 全年执行数 column")
    }
    let rateColumn = column(["执行率"], in: fundsHeader.names)
    let weightColumn = fundsHeader.names.indices.first { $0 > spentColumn && fundsHeader.names[$0].contains("分值") }
    let pointsColumn = fundsHeader.names.indices.first { $0 > spentColumn && fundsHeader.names[$0].contains("得分") }
    // 万元 unless the block's heading says 元.
    let headingText = grid.rows[fundsAt.row].prefix(initialColumn).joined() + (grid.find(["项目资金"]).map { grid.cell($0.row, $0.column) } ?? "")
    let inYuan = headingText.contains("（元）") || headingText.contains("(元)")
    var r = fundsAt.row + fundsHeader.rows
    while r < grid.rows.count {
      let row = grid.rows[r]
      if row.contains(where: { c in ["年度总体目标", "预期目标", "三级指标", "一级指标", "绩效指标", "总分"].contains { FormGrid.compact(c).hasPrefix($0) } }) { break }
      let labelText = row.prefix(initialColumn).filter { !$0.isEmpty && !$0.contains("项目资金") }.last ?? ""
      let compact = FormGrid.compact(labelText)
      if labelText.isEmpty {
        r += 1
        continue
      }
      func money(_ c: Int, _ what: String) throws(Problem) -> Money? {
        try amount(grid.cell(r, c), inYuan: inYuan, place: grid.places[r], what: "\(compact) \(what)", notes: &notes)
      }
      let line = ProjectForm.FundsLine(
        label: compact.replacing("其中：", with: "").replacing("其中:", with: "").replacing("其中", with: ""),
        initial: try money(initialColumn, "年初预算数"), budget: try money(budgetColumn, "全年预算数"), spent: try money(spentColumn, "全年执行数"))
      if funds.isEmpty {
        if let c = rateColumn { statedRate = try rate(grid.cell(r, c), place: grid.places[r]) }
        if let c = weightColumn { rateWeight = try points(grid.cell(r, c), place: grid.places[r], what: "执行率分值") }
        if let c = pointsColumn { ratePoints = try points(grid.cell(r, c), place: grid.places[r], what: "执行率得分") }
      }
      funds.append(line)
      r += 1
    }
    guard let total = funds.first else {
      throw Problem(place: grid.places[fundsAt.row], message: "the funds block has no 年度资金总额 line")
    }

    // 年度总体目标: the texts beside the label, or in the row under 预期目标 / 实际完成情况.
    var goal = ""
    var goalResult = ""
    if let at = grid.find(["年度总体目标"], from: fundsAt.row) {
      let beside = grid.rows[at.row].indices.filter { $0 > at.column && !grid.rows[at.row][$0].isEmpty }
      let heads = beside.map { FormGrid.compact(grid.rows[at.row][$0]) }
      if heads.contains(where: { $0.hasPrefix("预期目标") || $0.hasPrefix("实际完成") }) {
        let under = at.row + 1
        // Every text of the row under: the label's own column may hold one in a PDF.
        let texts = grid.rows.indices.contains(under) ? grid.rows[under].filter { !$0.isEmpty && !FormGrid.compact($0).hasPrefix("年度总体目标") } : []
        goal = texts.first ?? ""
        goalResult = texts.dropFirst().first ?? ""
      } else {
        goal = beside.first.map { grid.rows[at.row][$0] } ?? ""
        goalResult = beside.dropFirst().first.map { grid.rows[at.row][$0] } ?? ""
      }
    }

    // The indicator table.
    guard let headerAt = grid.find(["三级指标"], from: fundsAt.row) else {
      throw Problem(place: nil, message: "no indicator table found (the header 一级指标, 二级指标, 三级指标, 年度指标值, 实际完成值, 分值, 得分)")
    }
    let header = headerNames(grid, headerAt.row)
    let nameColumn = headerAt.column
    let level1Column = column(["一级指标"], in: header.names)
    let level2Column = column(["二级指标"], in: header.names)
    let targetColumn = column(["指标值"], in: header.names)
    let actualColumn = column(["完成值", "实际完成", "完成情况"], in: header.names)
    let indicatorWeightColumn = column(["分值", "权重"], in: header.names)
    let indicatorPointsColumn = column(["得分"], in: header.names)
    let noteColumn = column(["偏差", "原因"], in: header.names)
    // Some provinces' templates give each row's kind in a column of its own (≥, ≤, =, 定性)
    // and the unit of its values in another.
    let kindColumn = column(["指标性质", "指标方向"], in: header.names)
    let unitColumn = column(["度量单位", "计量单位"], in: header.names)
    for (column, what) in [(level1Column, "一级指标"), (targetColumn, "年度指标值"), (actualColumn, "实际完成值"), (indicatorWeightColumn, "分值"), (indicatorPointsColumn, "得分")]
    where column == nil {
      throw Problem(place: grid.places[headerAt.row], message: "the indicator header has no \(what) column")
    }
    /// An indicator row's cells, with the lines a long cell wrapped onto joined to it.
    struct Row {
      var place: String
      var kind: String
      var unit: String
      var level1: String
      var level2: String
      var name: String
      var target: String
      var actual: String
      var weight: String
      var points: String
      var note: String
    }
    var rows: [Row] = []
    var groups: [ProjectForm.GroupWeight] = []
    var level1 = ""
    var level2 = ""
    var totalWeight: Int64?
    var totalPoints: Int64?
    var grade: Grade?
    var rowIndex = headerAt.row + header.rows
    var ended = false
    while rowIndex < grid.rows.count {
      let row = grid.rows[rowIndex]
      let place = grid.places[rowIndex]
      defer { rowIndex += 1 }
      if row.allSatisfy(\.isEmpty) { continue }
      if let first = row.first(where: { !$0.isEmpty }), ["总分", "合计", "总计"].contains(where: { FormGrid.compact(first).hasPrefix($0) }) {
        let w = grid.cell(rowIndex, indicatorWeightColumn!)
        let p = grid.cell(rowIndex, indicatorPointsColumn!)
        if !w.isEmpty || !p.isEmpty {
          totalWeight = try points(w, place: place, what: "总分分值")
          totalPoints = try points(p, place: place, what: "总分得分")
        } else {
          // A total row without the columns: its last two numbers.
          let numbers = row.filter { if case .success = DecimalText.parse($0) { true } else { false } }
          totalWeight = numbers.count >= 2 ? try points(numbers[numbers.count - 2], place: place, what: "总分分值") : nil
          totalPoints = try points(numbers.last ?? "", place: place, what: "总分得分")
        }
        grade = grade ?? gradeIn(row)
        ended = true
        continue
      }
      if let g = gradeIn(row) {
        grade = g
        continue
      }
      if ended { continue }
      // The header printed again at the top of a second page.
      if row.contains(where: { FormGrid.compact($0).hasPrefix("三级指标") }) { continue }
      if let c = level1Column, !grid.cell(rowIndex, c).isEmpty {
        let (text, weight) = try heading(grid.cell(rowIndex, c), place: place)
        level1 = text
        level2 = ""
        if let weight { groups.append(.init(level1: text, weight: weight)) }
      }
      if let c = level2Column, !grid.cell(rowIndex, c).isEmpty { level2 = stripSuffix(grid.cell(rowIndex, c)) }
      var r = Row(
        place: place, kind: kindColumn.map { grid.cell(rowIndex, $0) } ?? "", unit: unitColumn.map { grid.cell(rowIndex, $0) } ?? "", level1: level1, level2: level2, name: grid.cell(rowIndex, nameColumn), target: grid.cell(rowIndex, targetColumn!),
        actual: grid.cell(rowIndex, actualColumn!), weight: grid.cell(rowIndex, indicatorWeightColumn!),
        points: grid.cell(rowIndex, indicatorPointsColumn!), note: noteColumn.map { grid.cell(rowIndex, $0) } ?? "")
      if r.weight.isEmpty && r.points.isEmpty && r.target.isEmpty && r.actual.isEmpty {
        // A line with text but no figures: the rest of a long name or note that wrapped
        // (in text laid out from a PDF), or a group label on a line of its own.
        if r.name.isEmpty && r.note.isEmpty { continue }
        if var last = rows.last {
          last.name += r.name
          last.note += r.note
          rows[rows.count - 1] = last
          continue
        }
      }
      guard !r.name.isEmpty else {
        throw Problem(place: place, message: "an indicator row without a 三级指标 name")
      }
      guard !r.level1.isEmpty else { throw Problem(place: place, message: "\(r.name): no 一级指标 above it") }
      r.level1 = level1
      rows.append(r)
    }
    var indicators: [Indicator] = []
    for var r in rows {
      let name = r.name
      // A value in one cell and its unit in the next is the value as written with its unit.
      if !r.unit.isEmpty {
        if case .success = DecimalText.parse(r.target) { r.target += r.unit }
        if case .success = DecimalText.parse(r.actual) { r.actual += r.unit }
      }
      guard let weight = try points(r.weight, place: r.place, what: "\(name) 分值") else {
        throw Problem(place: r.place, message: "\(name): no 分值")
      }
      let got = try points(r.points, place: r.place, what: "\(name) 得分")
      let kind = try r.kind.isEmpty ? kindOf(r.target) : kindNamed(r.kind, place: r.place, name: name)
      var actualText = r.actual
      if kind == .qualitative, !r.actual.isEmpty, Tier(r.actual) == nil {
        guard r.actual == r.target || achievedWords.contains(FormGrid.compact(r.actual)) || FormGrid.compact(r.actual).hasPrefix("达成") else {
          throw Problem(place: r.place, message: "\(name): 实际完成值 '\(r.actual)' is not a tier (达成, 部分达成, 未达成) nor the target '\(r.target)' as written")
        }
        actualText = Tier.achieved.description
      }
      let cells: (target: Int64?, actual: Int64?, tier: Tier?)
      do {
        cells = try IndicatorCells.parse(kind: kind, targetText: r.target, actualText: actualText)
      } catch {
        throw Problem(place: r.place, message: "\(name): \(error.column == "target" ? "年度指标值" : "实际完成值") \(error.message)")
      }
      indicators.append(
        Indicator(
          year: year, unit: unit, seq: 0, level1: r.level1, level2: r.level2, name: name, kind: kind, targetText: r.target, actualText: actualText,
          target: cells.target, actual: cells.actual, tier: cells.tier, weight: weight, points: got))
    }
    let deviation = rows.map(\.note)
    let written = rows.map(\.actual)
    guard !indicators.isEmpty else {
      throw Problem(place: grid.places[headerAt.row], message: "the indicator table has no rows under its header")
    }
    // The form does not name the budget book, so `fund` stays empty.
    let project = Project(
      year: year, unit: unit, seq: 0, name: name, budget: total.budget, initial: total.initial, spent: total.spent,
      score: totalPoints, grade: grade, ratePoints: ratePoints)
    return ProjectForm(
      file: file, project: project, department: department, goal: goal, goalResult: goalResult, funds: funds,
      statedRate: statedRate, rateWeight: rateWeight, indicators: indicators, deviationNotes: deviation,
      actualsAsWritten: written, groupWeights: groups, totalWeight: totalWeight, total: totalPoints,
      template: indicators.contains { $0.level1.hasPrefix("成本") } ? "2021" : "2019", notes: notes)
  }

  /// The text after a label: in the next filled cell, or after a colon in the label's own cell.
  static func label(_ grid: FormGrid, _ at: (row: Int, column: Int)) -> String? {
    let own = grid.cell(at.row, at.column)
    if let colon = own.firstIndex(where: { $0 == "：" || $0 == ":" }) {
      let rest = own[own.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      if !rest.isEmpty { return rest }
    }
    guard let next = grid.next(after: at.row, at.column) else { return nil }
    let t = FormGrid.compact(next.text)
    // The next cell is another label: the value is missing.
    if ["主管部门", "实施单位", "项目名称"].contains(where: t.hasPrefix) { return nil }
    return next.text
  }

  /// A header row's column names, joined with the row under it when that row goes on
  /// with the labels (年度 / 指标值) instead of holding data.
  static func headerNames(_ grid: FormGrid, _ r: Int) -> (names: [String], rows: Int) {
    let width = grid.width
    var names = (0..<width).map { FormGrid.compact(grid.cell(r, $0)) }
    let under = r + 1
    if under < grid.rows.count {
      let cells = (0..<width).map { FormGrid.compact(grid.cell(under, $0)) }
      let filled = cells.filter { !$0.isEmpty }
      let labelWords = ["指标值", "完成值", "预算数", "执行数", "措施", "分析", "原因", "（分）", "(分)"]
      if !filled.isEmpty, filled.allSatisfy({ c in !c.contains(where: \.isNumber) && labelWords.contains(where: c.contains) }) {
        names = zip(names, cells).map { $0 + $1 }
        return (names, 2)
      }
    }
    return (names, 1)
  }

  /// 产出指标（50分） → (产出, 50).
  static func heading(_ text: String, place: String) throws(Problem) -> (String, Int64?) {
    var t = FormGrid.compact(text)
    var weight: Int64?
    if let open = t.firstIndex(where: { $0 == "（" || $0 == "(" }) {
      let inside = t[t.index(after: open)...].prefix { $0 != "）" && $0 != ")" }
      let number = inside.replacing("分", with: "")
      if case .success(let v) = DecimalText.parse(number) { weight = v }
      t = String(t[..<open])
    }
    return (stripSuffix(t), weight)
  }

  static func stripSuffix(_ s: String) -> String {
    let t = FormGrid.compact(s)
    return t.hasSuffix("指标") && t.count > 2 ? String(t.dropLast(2)) : t
  }

  /// A target's kind: at most (≤) is 反向, a number is 正向, words are 定性.
  static func kindOf(_ target: String) -> IndicatorKind {
    let t = target.trimmingCharacters(in: .whitespaces)
    if let f = t.first, ["≤", "<", "＜", "≦"].contains(f) { return .negative }
    if case .success = PlainCellText.bareNumber(t) { return .positive }
    return .qualitative
  }

  /// A 指标性质 cell: ≥ or = is 正向, ≤ 反向, 定性 定性.
  static func kindNamed(_ text: String, place: String, name: String) throws(Problem) -> IndicatorKind {
    let t = FormGrid.compact(text)
    if let k = IndicatorKind(t) { return k }
    switch t {
    case "=", "＝", ">", "＞", "≧", "定量": return .positive
    case "<", "＜", "≦": return .negative
    default: throw Problem(place: place, message: "\(name): 指标性质 '\(text)' is not ≥, ≤, = or 定性")
    }
  }

  static func gradeIn(_ row: [String]) -> Grade? {
    for (i, cell) in row.enumerated() {
      let t = FormGrid.compact(cell)
      guard let label = ["自评等级", "评价等级", "自评结果"].first(where: t.hasPrefix) else { continue }
      // In the label's own cell: 自评等级：优, or 自评等级 优 where laid-out text ran them together.
      let rest = t.dropFirst(label.count).drop { $0 == "：" || $0 == ":" }
      if !rest.isEmpty, let g = Grade(rest) { return g }
      if let next = row[(i + 1)...].first(where: { !$0.isEmpty }) { return Grade(FormGrid.compact(next)) }
    }
    return nil
  }

  /// Points or a weight: empty is nil, anything else must be a number.
  static func points(_ text: String, place: String, what: String) throws(Problem) -> Int64? {
    let t = FormGrid.compact(text).replacing("分", with: "")
    if t.isEmpty || t == "—" || t == "-" || t == "/" { return nil }
    guard case .success(let v) = DecimalText.parse(t), v >= 0 else {
      throw Problem(place: place, message: "\(what) '\(text)' is not a number of points")
    }
    return v
  }

  /// 执行率 as `86%`, `86` or `0.86`: a bare number up to 1 is a fraction.
  static func rate(_ text: String, place: String) throws(Problem) -> Int64? {
    var t = FormGrid.compact(text)
    if t.isEmpty || t == "—" || t == "-" || t == "/" { return nil }
    let percent = t.hasSuffix("%") || t.hasSuffix("％")
    if percent { t.removeLast() }
    guard case .success(let v) = DecimalText.parse(t), v >= 0 else {
      throw Problem(place: place, message: "执行率 '\(text)' is not a percentage")
    }
    if !percent, v <= DecimalText.scale { return v * 100 }
    return v
  }

  /// An amount in the block's unit, converted to 万元; a cell that names the other unit
  /// is converted and noted, as a slip the reviewer should see.
  static func amount(_ text: String, inYuan: Bool, place: String, what: String, notes: inout [String]) throws(Problem) -> Money? {
    var t = FormGrid.compact(text)
    if t.isEmpty || t == "—" || t == "-" || t == "/" { return nil }
    var yuan = inYuan
    var slip: String?
    if t.hasSuffix("万元") {
      t.removeLast(2)
      if inYuan { slip = "\(what) is printed as \(text) in a form counted in 元" }
      yuan = false
    } else if t.hasSuffix("元") {
      t.removeLast()
      if !inYuan { slip = "\(what) is printed as \(text) — in 元, where the form counts in 万元" }
      yuan = true
    }
    guard case .success(let v) = AmountText.parse(t) else {
      throw Problem(place: place, message: "\(what) '\(text)' is not an amount")
    }
    // One 元 is one ten-thousandth of 万元, the finest the dataset keeps.
    guard !yuan || v % DecimalText.scale == 0 else {
      throw Problem(place: place, message: "\(what) '\(text)' has fractions of a 元, finer than the 0.0001 万元 an amount keeps")
    }
    let money = Money(tenThousandths: yuan ? v / DecimalText.scale : v)
    if let slip { notes.append(slip + "; read as \(money)万元") }
    return money
  }
}
