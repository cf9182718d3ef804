import Foundation

/// A table of text cells read from a workbook sheet, a JSON array or a markdown table,
/// before it is checked like a CSV file.
public struct Grid: Sendable, Equatable {
  public var rows: [[String]]

  public init(rows: [[String]]) {
    self.rows = rows
  }

  /// The grid as CSV text, so it is loaded and validated by exactly the CSV path.
  public var csv: String {
    rows.map { row in row.map(CSVField.quoted).joined(separator: ",") }.joined(separator: "\n") + "\n"
  }

  /// A JSON array of objects (as `export json` writes): keys become the header.
  public static func json(_ data: Data, file: String) throws(ImportError) -> Grid {
    let parsed: Any
    do {
      parsed = try JSONSerialization.jsonObject(with: data)
    } catch {
      throw ImportError(file: file, message: "not JSON: \(error.localizedDescription)")
    }
    guard let objects = parsed as? [[String: Any]] else {
      throw ImportError(file: file, message: "expected a JSON array of objects, one per row")
    }
    guard let first = objects.first else { return Grid(rows: []) }
    // Key order: JSONSerialization loses it, so read the first object's keys from the text.
    let keys = orderedKeys(data) ?? first.keys.sorted()
    var rows = [keys]
    for object in objects {
      rows.append(keys.map { key in cellText(object[key]) })
    }
    return Grid(rows: rows)
  }

  static func cellText(_ value: Any?) -> String {
    switch value {
    case nil, is NSNull: return ""
    case let s as String: return s
    case let n as NSDecimalNumber:
      // Digits a double cannot hold arrive as a decimal, exactly as written.
      return NumberText.plain(shortest: n.decimalValue.description)
    case let n as NSNumber:
      switch String(cString: n.objCType) {
      // JSON true and false: text, so that an amount or score column refuses them
      // instead of reading true as 1.
      case "c", "B": return n.boolValue ? "true" : "false"
      case "d", "f":
        // The shortest decimal of the double is the number as written; it is kept in
        // full, so more than four decimals are refused by the loader, never rounded.
        return NumberText.plain(n.doubleValue)
      default: return n.description
      }
    default: return value.map { "\($0)" } ?? ""
    }
  }

  /// The keys of the first object in the order written.
  static func orderedKeys(_ data: Data) -> [String]? {
    guard let text = String(data: data, encoding: .utf8), let open = text.firstIndex(of: "{") else { return nil }
    var keys: [String] = []
    // To the end of the text: a "}" inside a string value does not end the object.
    var rest = text[text.index(after: open)...]
    if rest.first(where: { !$0.isWhitespace }) == "}" { return nil }
    while let q = rest.firstIndex(of: "\"") {
      let afterQ = rest.index(after: q)
      guard let end = rest[afterQ...].firstIndex(of: "\"") else { break }
      let key = String(rest[afterQ..<end])
      rest = rest[rest.index(after: end)...]
      guard let colon = rest.firstIndex(where: { !$0.isWhitespace }), rest[colon] == ":" else { continue }
      keys.append(key)
      // Skip the value: up to the next comma outside quotes.
      var inString = false
      var i = rest.index(after: colon)
      while i < rest.endIndex {
        let c = rest[i]
        if inString && c == "\\" {
          // An escaped character (\" or \\) neither ends the string nor starts one.
          i = rest.index(after: i)
          if i < rest.endIndex { i = rest.index(after: i) }
          continue
        }
        if c == "\"" { inString.toggle() }
        if c == "}" && !inString { return keys }
        if c == "," && !inString { break }
        i = rest.index(after: i)
      }
      rest = i < rest.endIndex ? rest[rest.index(after: i)...] : rest[rest.endIndex...]
    }
    return keys.isEmpty ? nil : keys
  }

  /// A markdown pipe table (as `export markdown` writes); the alignment row is skipped.
  public static func markdown(_ text: String) -> Grid {
    var rows: [[String]] = []
    for line in text.split(whereSeparator: \.isNewline) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard trimmed.hasPrefix("|") else {
        if !rows.isEmpty { break }
        continue
      }
      let cells = splitPipes(trimmed)
      if cells.allSatisfy({ $0.allSatisfy { $0 == "-" || $0 == ":" } && !$0.isEmpty }) { continue }
      rows.append(cells)
    }
    return Grid(rows: rows)
  }

  /// Cells of a `| a | b |` line; `\|` is a literal bar.
  static func splitPipes(_ line: String) -> [String] {
    var cells: [String] = []
    var cell = ""
    var escaped = false
    for ch in line {
      if escaped {
        cell.append(ch)
        escaped = false
      } else if ch == "\\" {
        escaped = true
      } else if ch == "|" {
        cells.append(cell.trimmingCharacters(in: .whitespaces))
        cell = ""
      } else {
        cell.append(ch)
      }
    }
    if !cell.trimmingCharacters(in: .whitespaces).isEmpty { cells.append(cell.trimmingCharacters(in: .whitespaces)) }
    if cells.first == "" { cells.removeFirst() }
    return cells
  }
}
