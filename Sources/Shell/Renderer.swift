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
  /// Group the digits of quantities in threes (`.numbers 1,234.5`) in the formats for
  /// reading; CSV and JSON keep plain digits, since those are data.
  public var groupsThousands = false
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
    // Percentage points carry a unit word.
    case .change(_, .points): shown = words.cell(value.display)
    default:
      shown = groupsThousands && !Renderer.identifiers.contains(table.columns[column].name)
        ? Renderer.grouped(value.display) : value.display
    }
    let text = TerminalText.visible(shown.replacingTabsAndNewlines())
    return table.edited.contains(.init(row: row, column: column)) ? text + "*" : text
  }

  /// Columns whose numbers name something rather than count it: never grouped.
  static let identifiers: Set<String> = ["year", "seq", "line", "row"]

  /// `1234567.5` as `1,234,567.5`: commas between groups of three digits before the
  /// point; a sign, the fraction and a suffix such as `%` stay as they are.
  static func grouped(_ text: String) -> String {
    var scalars = Array(text.unicodeScalars)
    var start = 0
    if let first = scalars.first, first == "-" || first == "+" { start = 1 }
    var end = start
    while end < scalars.count, ("0"..."9").contains(scalars[end]) { end += 1 }
    guard end - start > 3 else { return text }
    var position = end - 3
    while position > start {
      scalars.insert(",", at: position)
      position -= 3
    }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars)
    return String(out)
  }

  /// The cells of `rows` as drawn in a bordered table: numbers in a column share the
  /// place of their decimal point (`40` under `228.764` is padded to `40    `), so
  /// amounts with different numbers of decimals line up on the point.
  func alignedCellTexts(_ table: ResultTable, rows: [Int]) -> [[String]] {
    var texts = rows.map { r in table.columns.indices.map { cellText(table, r, $0) } }
    for c in table.columns.indices where table.columns[c].numeric {
      let fractions = texts.map { Renderer.fractionLength($0[c]) }
      guard let widest = fractions.compactMap({ $0 }).max(), widest > 0 else { continue }
      for r in texts.indices {
        guard let fraction = fractions[r] else { continue }
        let padding = fraction < 0 ? widest + 1 : widest - fraction
        if padding > 0 { texts[r][c] += String(repeating: " ", count: padding) }
      }
    }
    return texts
  }

  /// Characters after the decimal point of a number's text (a suffix such as `%` or an
  /// edit mark included); -1 for a number without a point; nil for text that is not a number.
  static func fractionLength(_ text: String) -> Int? {
    var scalars = text.unicodeScalars.makeIterator()
    guard var first = scalars.next() else { return nil }
    if first == "-" || first == "+" {
      guard let next = scalars.next() else { return nil }
      first = next
    }
    guard ("0"..."9").contains(first) else { return nil }
    var seenPoint = false
    var after = 0
    while let s = scalars.next() {
      if seenPoint { after += 1 } else if s == "." { seenPoint = true }
    }
    return seenPoint ? after : -1
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
