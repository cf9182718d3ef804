import DataStore
import QueryEngine

extension Renderer {
  /// RFC 4180 CSV with a header row; every row, however many (files want them all).
  /// A confirmation or message: as it is for people, as data in the machine formats
  /// (`{"message": …}` in JSON, a one-column table in CSV), so a script reading JSON
  /// never meets bare text.
  func render(message: String) -> String {
    let text = message.hasSuffix("\n") ? String(message.dropLast()) : message
    switch format {
    case .json: return "{\"message\": " + Renderer.jsonString(text) + "}\n"
    case .csv:
      var table = ResultTable(columns: [.init("message", numeric: false)], rows: [[.text(text)]])
      table.showsRowCount = false
      return csv(table)
    default: return text + "\n"
    }
  }

  func csv(_ table: ResultTable) -> String {
    let field = CSVField.quoted
    var out = table.columns.map { field($0.name) }.joined(separator: ",") + csvRecordEnd
    for row in table.rows {
      out += row.map { field(words.cell($0.plain)) }.joined(separator: ",") + csvRecordEnd
    }
    return out
  }

  /// A JSON array of objects; money and scores are printed exactly, as JSON numbers.
  func json(_ table: ResultTable) -> String {
    if table.rows.isEmpty { return "[]\n" }
    var out = "[\n"
    for (i, row) in table.rows.enumerated() {
      out += "  {"
      for (c, column) in table.columns.enumerated() {
        if c > 0 { out += ", " }
        let value = row[c]
        if case .text(let text) = value {
          out += Renderer.jsonString(column.name) + ": " + Renderer.jsonString(words.cell(text))
        } else {
          out += Renderer.jsonString(column.name) + ": " + Renderer.jsonValue(value)
        }
      }
      out += i == table.rows.count - 1 ? "}\n" : "},\n"
    }
    return out + "]\n"
  }

  static func jsonValue(_ v: Value) -> String {
    switch v {
    case .missing: "null"
    case .integer, .money, .score, .number, .percent, .exact, .change: v.plain
    case .text, .grade, .fund: jsonString(v.plain)
    }
  }

  static func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        // JSON requires C0 as escapes; DEL and C1 are escaped too (the same characters,
        // by JSON's rules) so the text is safe to print on a terminal.
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// A GitHub-style pipe table, numbers right-aligned, ready to paste into a report.
  func markdown(_ table: ResultTable) -> String {
    func cell(_ s: String) -> String { s.replacing("|", with: "\\|") }
    var out = "| " + table.columns.map { cell(headerText($0)) }.joined(separator: " | ") + " |\n"
    out += "|" + table.columns.map { $0.numeric ? " ---: |" : " --- |" }.joined() + "\n"
    for r in table.rows.indices {
      out += "| " + table.columns.indices.map { cell(cellText(table, r, $0)) }.joined(separator: " | ") + " |\n"
    }
    return out + (table.notes.isEmpty ? "" : "\n" + notes(table))
  }
}
