import QueryEngine

extension Renderer {
  /// A bordered table; every line has the same display width, CJK included.
  func boxed(_ table: ResultTable) -> String {
    let (head, tail) = visibleRows(table.rows.count)
    let shownRows = Array(head) + Array(tail)
    let ncols = table.columns.count
    var texts: [[String]] = alignedCellTexts(table, rows: shownRows).map { row in row.indices.map { shortened(row[$0], column: $0) } }
    var widths = table.columns.map { width(headerText($0)) }
    for row in texts {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], width(cell)) }
    }
    let u = border == .unicode
    let h = u ? "─" : "-"
    let v = u ? "│" : "|"
    // Box-drawing characters are East Asian ambiguous: a terminal set to draw them wide
    // gives each two columns. A cell then gets an even width, filled by half as many ─,
    // so rule lines are as wide as rows.
    let wideBorders = u && ambiguousIsWide
    if wideBorders { widths = widths.map { $0 % 2 == 0 ? $0 : $0 + 1 } }
    func rule(_ left: String, _ mid: String, _ right: String) -> String {
      left + widths.map { String(repeating: h, count: wideBorders ? ($0 + 2) / 2 : $0 + 2) }.joined(separator: mid) + right + "\n"
    }
    func line(_ cells: [String], numeric: [Bool], marked: Bool = false) -> String {
      var out = v
      for (i, cell) in cells.enumerated() {
        out += " " + DisplayWidth.pad(cell, to: widths[i], alignRight: numeric[i], ambiguousIsWide: ambiguousIsWide) + " " + v
      }
      return out + (marked ? " ←" : "") + "\n"
    }
    var out = ""
    if ncols == 0 { return notes(table) }
    out += u ? rule("┌", "┬", "┐") : rule("+", "+", "+")
    out += line(table.columns.map(headerText), numeric: table.columns.map(\.numeric))
    out += u ? rule("├", "┼", "┤") : rule("+", "+", "+")
    let numeric = table.columns.map(\.numeric)
    for (k, r) in shownRows.enumerated() {
      if k == head.count, !tail.isEmpty {
        out += line(widths.map { _ in "·" }, numeric: numeric.map { _ in false })
      }
      out += line(texts[k], numeric: numeric, marked: table.marked.contains(r))
    }
    out += u ? rule("└", "┴", "┘") : rule("+", "+", "+")
    texts.removeAll()
    if table.showsRowCount {
      out += countLine(table.rows.count, shown: shownRows.count) + "\n"
    }
    return out + notes(table)
  }

  /// A cell cut to its column's limit (`limits`, set when a table is shortened to fit).
  func shortened(_ text: String, column: Int) -> String {
    guard let limit = limits[column] else { return text }
    return DisplayWidth.truncate(text, to: limit, ambiguousIsWide: ambiguousIsWide)
  }

  /// The display width of each column as `boxed` draws it, unshortened.
  func columnWidths(_ table: ResultTable) -> [Int] {
    let (head, tail) = visibleRows(table.rows.count)
    var widths = table.columns.map { width(headerText($0)) }
    for row in alignedCellTexts(table, rows: Array(head) + Array(tail)) {
      for c in row.indices { widths[c] = max(widths[c], width(row[c])) }
    }
    return widths
  }

  static let shortenable: Set<String> = ["name", "unit"]

  /// Limits for the widest name columns so that the bordered table fits `available`
  /// columns, no column cut below 12 (or its header); nil when that is not enough.
  func limitsToFit(_ table: ResultTable, available: Int) -> [Int: Int]? {
    let widths = columnWidths(table)
    var total = widths.reduce(1) { $0 + $1 + 3 }
    guard total > available else { return [:] }
    var limits: [Int: Int] = [:]
    // Only names are cut (a project's or a unit's): a note or a finding cut short would
    // lose what it says, so such a table goes one field per line instead.
    let text = table.columns.indices.filter { Renderer.shortenable.contains(table.columns[$0].name) }.sorted { widths[$0] > widths[$1] }
    for c in text {
      let floor = max(12, width(headerText(table.columns[c])))
      guard widths[c] > floor else { continue }
      let cut = min(widths[c] - floor, total - available)
      limits[c] = widths[c] - cut
      total -= cut
      if total <= available { return limits }
    }
    return nil
  }

  /// One block per row, one `field | value` line per field (psql's expanded display).
  func lines(_ table: ResultTable) -> String {
    let (head, tail) = visibleRows(table.rows.count)
    let shownRows = Array(head) + Array(tail)
    let nameWidth = table.columns.map { width(headerText($0)) }.max() ?? 0
    var out = ""
    for (k, r) in shownRows.enumerated() {
      if k == head.count, !tail.isEmpty { out += "·\n·\n" }
      out += "-[ \(words("RECORD")) \(r + 1) ]" + String(repeating: "-", count: max(0, nameWidth - 2)) + "\n"
      for (c, column) in table.columns.enumerated() {
        out += DisplayWidth.pad(headerText(column), to: nameWidth, ambiguousIsWide: ambiguousIsWide) + " | " + cellText(table, r, c) + "\n"
      }
    }
    if table.showsRowCount { out += countLine(table.rows.count, shown: shownRows.count) + "\n" }
    return out + notes(table)
  }
}
