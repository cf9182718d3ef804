import Foundation

/// A form's cells as rows and columns, whatever file they came from, with the name of
/// each row in that file (sheet row, table row, line) so a refusal can point at it.
///
/// A merged cell holds its text in its first position and leaves the others empty, as a
/// workbook stores it; the layout reader finds labels by their text, never by address.
struct FormGrid: Sendable {
  var rows: [[String]]
  /// Where each row is in its file: "row 14", "table row 9", "line 12".
  var places: [String]

  init(rows: [[String]], places: [String]) {
    self.rows = rows.map { $0.map(FormGrid.clean) }
    self.places = places
  }

  /// Rows named "row 1" … in order.
  init(rows: [[String]], placeWord: String, first: Int = 1) {
    self.init(rows: rows, places: rows.indices.map { "\(placeWord) \($0 + first)" })
  }

  /// A cell's text with line breaks and surrounding spaces gone (Word and Excel wrap
  /// long labels inside a cell: 偏差原因分析 / 及改进措施).
  static func clean(_ s: String) -> String {
    var out = ""
    for ch in s where ch != "\n" && ch != "\r" && ch != "\u{200B}" && ch != "\u{FEFF}" {
      out.append(ch == "\u{3000}" || ch == "\t" ? " " : ch)
    }
    return out.trimmingCharacters(in: .whitespaces)
  }

  func cell(_ r: Int, _ c: Int) -> String { r < rows.count && c < rows[r].count ? rows[r][c] : "" }

  /// A label without spaces, for comparing: "项 目 名 称" → "项目名称".
  static func compact(_ s: String) -> String { s.filter { $0 != " " } }

  /// The first cell, row by row, whose compacted text starts with one of `labels`.
  func find(_ labels: [String], from start: Int = 0) -> (row: Int, column: Int)? {
    var r = start
    while r < rows.count {
      for (c, text) in rows[r].enumerated() {
        let t = FormGrid.compact(text)
        if labels.contains(where: { t.hasPrefix($0) }) { return (r, c) }
      }
      r += 1
    }
    return nil
  }

  /// The first filled cell after column `c` of row `r`.
  func next(after r: Int, _ c: Int) -> (column: Int, text: String)? {
    guard r < rows.count else { return nil }
    var i = c + 1
    while i < rows[r].count {
      if !rows[r][i].isEmpty { return (i, rows[r][i]) }
      i += 1
    }
    return nil
  }

  var width: Int { rows.map(\.count).max() ?? 0 }
}
