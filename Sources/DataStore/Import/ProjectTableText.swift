import Scoring

/// Finds the project table in a report's text, in any of the layouts reports come in.
///
/// Every layout is turned into one stream of cells: a pipe row (`| 1 | … |`) or a tab-
/// separated row gives its cells in order, any other non-blank line is one cell (Word's
/// one-cell-per-line copy). The table starts at the header cells (序号, 主管部门（单位）,
/// 项目名称, …) and each row is as many cells as there are headers, starting with its 序号.
struct ProjectTableText {
  var projects: [Project] = []
  var problems: [String] = []
  var layout = "none"

  /// nil when `interrupted` answered true (asked every 4096 lines and rows).
  static func parse(_ text: String, year: Int, interrupted: () -> Bool = { false }) -> ProjectTableText? {
    var cells: [String] = []
    var layouts: Set<String> = []
    for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if n & 0xFFF == 0xFFF, interrupted() { return nil }
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty { continue }
      if line.hasPrefix("|") {
        let parts = Grid.splitPipes(line)
        if parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 == "-" || $0 == ":" } }) { continue }
        cells += parts
        layouts.insert("pipe table")
        continue
      }
      let tabbed = raw.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
      let filled = tabbed.filter { !$0.isEmpty }
      if filled.count >= 2 {
        // Keep empty cells between filled ones: they are missing values, not separators.
        let first = tabbed.firstIndex { !$0.isEmpty } ?? 0
        let last = tabbed.lastIndex { !$0.isEmpty } ?? 0
        cells += tabbed[first...last]
        layouts.insert("rows with tabs")
      } else {
        cells.append(filled.first ?? line)
      }
    }
    var result = ProjectTableText()
    guard let start = cells.firstIndex(where: { $0 == "序号" }) else { return result }
    let specs = DatasetKind.projects.columns
    var headers: [String] = []
    var i = start
    while i < cells.count, specs.contains(where: { $0.matches(cells[i]) }) {
      headers.append(cells[i])
      i += 1
    }
    guard headers.count >= 3 else { return result }
    result.layout = layouts.isEmpty ? "one cell per line" : layouts.sorted().joined(separator: ", ")
    func column(_ key: String) -> Int? { headers.firstIndex { h in specs.first { $0.key == key }?.matches(h) == true } }
    let seqColumn = column("seq") ?? 0
    while i + headers.count <= cells.count, Int(cells[i + seqColumn]) != nil {
      if result.projects.count & 0xFFF == 0xFFF, interrupted() { return nil }
      let row = Array(cells[i..<(i + headers.count)])
      i += headers.count
      func cell(_ key: String) -> String? { column(key).map { row[$0] }.flatMap { $0.isEmpty ? nil : $0 } }
      let seq = Int(row[seqColumn]) ?? 0
      var p = Project(year: year, unit: cell("unit") ?? "", seq: seq, name: cell("name") ?? "")
      func money(_ key: String) -> Money? {
        guard var t = cell(key) else { return nil }
        if t.hasSuffix("万元") { t.removeLast(2) }
        guard case .success(let v) = AmountText.parse(t) else {
          result.problems.append("row #\(seq): \(key) '\(t)' is not an amount")
          return nil
        }
        return Money(tenThousandths: v)
      }
      p.budget = money("budget")
      p.initial = money("initial")
      p.spent = money("spent")
      if let t = cell("score") {
        if case .success(let v) = DecimalText.parse(t), v >= 0, v <= 100 * DecimalText.scale {
          p.score = v
        } else {
          result.problems.append("row #\(seq): 自评分 '\(t)' is not a score from 0 to 100")
        }
      }
      if let t = cell("grade") {
        if let g = Grade(t) { p.grade = g } else { result.problems.append("row #\(seq): 自评级 '\(t)' is not a grade") }
      }
      if let t = cell("fund") { p.fund = Fund(t) }
      if p.name.isEmpty { result.problems.append("row #\(seq) has no 项目名称") }
      if p.budget == nil { result.problems.append("row #\(seq) has no 预算金额") }
      if p.budget != nil { result.projects.append(p) }
    }
    if i < cells.count, result.projects.isEmpty {
      result.problems.append("the table's rows could not be read after its header")
    }
    return result
  }
}
