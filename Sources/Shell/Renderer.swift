import QueryEngine

/// Turns result tables into text in the chosen format. It lays out; it never computes.
public struct Renderer: Sendable {
  public var format: OutputFormat
  public var border: BorderStyle
  /// Draw East Asian ambiguous-width characters as two columns.
  public var ambiguousIsWide: Bool
  /// Past this many rows, show the first and last rows and say how many were left out.
  public var maxRows: Int
  /// What ends a CSV record: "\n" on the screen and in pipes, "\r\n" (RFC 4180, what Excel
  /// writes) in exported files. A line break inside a quoted cell is the data's own.
  public var csvRecordEnd = "\n"
  /// What a missing cell shows in the formats for reading (`.nullvalue`); CSV keeps it
  /// empty and JSON null, since those are data.
  public var nullValue = ""
  /// The shell's own words (headers, counts, notes) in the language asked for; the data
  /// is never translated.
  public var words = Phrasebook.english
  /// Display widths that text columns are cut to (with "…") so a table fits the terminal.
  var limits: [Int: Int] = [:]

  public init(format: OutputFormat = .table, border: BorderStyle = .unicode, ambiguousIsWide: Bool = false, maxRows: Int = 40) {
    self.format = format
    self.border = border
    self.ambiguousIsWide = ambiguousIsWide
    self.maxRows = maxRows
  }

  public func render(_ table: ResultTable) -> String {
    switch format {
    case .table: return boxed(table)
    case .csv: return csv(table)
    case .json: return json(table)
    case .markdown: return markdown(table)
    case .line: return lines(table)
    }
  }

  /// The cell's text with an edit mark where a what-if edit changed it, on one line and
  /// with control characters visible, so that widths are measured on what is drawn.
  func cellText(_ table: ResultTable, _ row: Int, _ column: Int) -> String {
    let value = table.rows[row][column]
    let shown: String
    switch value {
    case .missing: shown = nullValue
    // Words the engine put in a cell (a verdict, a change); data holds Chinese text.
    case .text(let s): shown = words.cell(s)
    default: shown = value.display
    }
    let text = TerminalText.visible(shown.replacingTabsAndNewlines())
    return table.edited.contains(.init(row: row, column: column)) ? text + "*" : text
  }

  /// A column's name as drawn (names can come from the data, as years and units do).
  func headerText(_ column: ResultTable.Column) -> String {
    TerminalText.visible(words(column.name).replacingTabsAndNewlines())
  }

  func width(_ s: String) -> Int { DisplayWidth.of(s, ambiguousIsWide: ambiguousIsWide) }

  /// "1 row", "19 rows", "1000 rows (40 shown)".
  func countLine(_ total: Int, shown: Int) -> String {
    let noun = total == 1 ? "row" : "rows"
    return words(shown < total ? "\(total) \(noun) (\(shown) shown)" : "\(total) \(noun)")
  }

  /// Which rows to draw: all, or the first and last halves of `maxRows`.
  func visibleRows(_ count: Int) -> (head: Range<Int>, tail: Range<Int>) {
    guard maxRows > 0, count > maxRows else { return (0..<count, count..<count) }
    let head = (maxRows + 1) / 2
    let tail = maxRows - head
    return (0..<head, (count - tail)..<count)
  }

  /// One line naming the columns missing in every row, so an empty column reads as the
  /// data's gap rather than a fault: "spent is missing for all 19 projects".
  static func missingColumnNotes(_ table: ResultTable, noun: String) -> [String] {
    guard !table.rows.isEmpty else { return [] }
    let names = table.columns.indices.filter { c in table.rows.allSatisfy { $0[c] == .missing } }.map { table.columns[$0].name }
    guard let last = names.last else { return [] }
    let subject = names.count == 1 ? last + " is" : names.dropLast().joined(separator: ", ") + " and " + last + " are"
    let n = table.rows.count
    if n > 1 { return ["\(subject) missing for all \(n) \(noun)"] }
    return [noun == "rows" ? "\(subject) missing: the data has no value for \(names.count == 1 ? "it" : "them")" : "\(subject) missing for the one \(noun.dropLast())"]
  }

  func notes(_ table: ResultTable) -> String {
    table.notes.map { words($0) + "\n" }.joined()
  }
}

extension String {
  func replacingTabsAndNewlines() -> String {
    guard contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return self }
    return String(map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
  }
}
