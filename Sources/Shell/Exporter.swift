import DataStore
import Foundation
import QueryEngine
import Scoring

/// Writes a result to a file in an export format, through SafeFile (whole or not at
/// all, never over loaded data). CSV records end in CRLF, as Excel writes and expects.
enum Exporter {
  /// Writes the table; returns the number of rows written.
  static func write(
    _ table: ResultTable, _ request: ExportRequest, protected: ProtectedFiles = ProtectedFiles(),
    points: String = "pp", interrupted: @escaping @Sendable () -> Bool = { false }
  ) throws(WriteError) -> Int {
    let options = SafeFile.Options(replace: request.force, protected: protected, interrupted: interrupted)
    // Refuse a bad target before spending time on rendering.
    try SafeFile.check(request.path, options: options)
    var plain = table
    plain.edited = []  // edit marks are for the screen; a file gets the values
    plain.marked = []
    plain.notes = []
    // Scores show two decimals on screen; a file gets every recorded decimal, so that
    // an export loads back as it was.
    if interrupted() { throw WriteError(file: request.path, message: "interrupted (Ctrl-C); nothing was written", interrupted: true) }
    plain.rows = plain.rows.mapRows { row in
      row.map { v in
        switch v {
        case .score(let s): return .exact(Fraction(tenThousandths: s))
        case .number(let f, _) where (f * Fraction(Int128(DecimalText.scale))).denominator == 1: return .exact(f)
        default: return v
        }
      }
    }
    let data: Data
    switch request.format {
    case .csv:
      let text = try render(plain, .csv, request.path, interrupted)
      data = Data(((request.bom ? "\u{FEFF}" : "") + text).utf8)
    case .json:
      data = Data(try render(plain, .json, request.path, interrupted).utf8)
    case .markdown:
      // Markdown is for reading, so it shows control characters as the screen does.
      data = Data(TerminalText.visible(try render(plain, .markdown, request.path, interrupted)).utf8)
    case .xlsx:
      // The workbook keeps the values' types, so it takes the table as computed.
      data = try workbook(WorkbookSheetBuilder.sheet(table, points: points), request.path, interrupted)
    case .html:
      data = Data(HandoutWriter.page(.table(table)).utf8)
    }
    if interrupted() { throw WriteError(file: request.path, message: "interrupted (Ctrl-C); nothing was written", interrupted: true) }
    try SafeFile.write(data, to: request.path, options: options)
    return plain.rows.count
  }

  /// Rows rendered between two looks at Ctrl-C.
  static let batch = 8192

  /// The whole table in `format`, rendered a batch of rows at a time so that Ctrl-C is
  /// noticed within a moment even for a million rows; the same text as one render.
  static func render(_ table: ResultTable, _ format: OutputFormat, _ path: String, _ interrupted: () -> Bool) throws(WriteError) -> String {
    var renderer = Renderer(format: format, maxRows: 0)
    renderer.csvRecordEnd = "\r\n"
    guard table.rows.count > batch else { return renderer.render(table) }
    var empty = table
    empty.rows = []
    // CSV and markdown start with header lines, which only the first batch keeps.
    let header = format == .json ? "" : renderer.render(empty)
    var out = format == .json ? "[\n" : header
    var start = 0
    while start < table.rows.count {
      if interrupted() { throw WriteError(file: path, message: "interrupted (Ctrl-C); nothing was written", interrupted: true) }
      var part = table
      part.rows = table.rows.rows(start..<min(start + batch, table.rows.count))
      let text = renderer.render(part)
      if format == .json {
        // "[\n" + objects, the last ending "}\n", + "]\n": joined with commas.
        if start > 0 {
          out.removeLast()
          out += ",\n"
        }
        out += text.dropFirst(2).dropLast(2)
      } else {
        out += text.dropFirst(header.count)
      }
      start += batch
    }
    return format == .json ? out + "]\n" : out
  }

  /// Writes a result that has its own shape (check, explain): JSON, CSV and markdown
  /// exactly as `.mode` shows them, a workbook from its table form; returns the rows
  /// written (findings or steps).
  static func write(
    _ result: StructuredResult, _ request: ExportRequest, protected: ProtectedFiles = ProtectedFiles()
  ) throws(WriteError) -> Int {
    let options = SafeFile.Options(replace: request.force, protected: protected, interrupted: { false })
    try SafeFile.check(request.path, options: options)
    let table: ResultTable
    var renderer = Renderer(format: .table, maxRows: 0)
    let text: (Renderer) -> String
    switch result {
    case .findings(let r):
      table = Renderer.findingsData(r)
      text = { $0.render(r) }
    case .explanation(let e):
      table = Renderer.explanationData(e)
      text = { $0.render(e) }
    }
    let data: Data
    switch request.format {
    case .csv:
      renderer.format = .csv
      renderer.csvRecordEnd = "\r\n"
      data = Data(((request.bom ? "\u{FEFF}" : "") + text(renderer)).utf8)
    case .json:
      renderer.format = .json
      data = Data(text(renderer).utf8)
    case .markdown:
      renderer.format = .markdown
      data = Data(TerminalText.visible(text(renderer)).utf8)
    case .xlsx:
      data = try workbook(WorkbookSheetBuilder.sheet(table), request.path)
    case .html:
      switch result {
      case .findings(let r): data = Data(HandoutWriter.page(.findings(r)).utf8)
      case .explanation(let e): data = Data(HandoutWriter.page(.explanation(e)).utf8)
      }
    }
    try SafeFile.write(data, to: request.path, options: options)
    return table.rows.count
  }

  /// One sheet: the table with its header, number formats, notes and chart.
  static func workbook(_ sheet: WorkbookSheet, _ path: String, _ interrupted: () -> Bool = { false }) throws(WriteError) -> Data {
    do {
      return try WorkbookWriter.data(sheets: [sheet], interrupted: interrupted)
    } catch {
      throw WriteError(file: path, message: error.message, suggestion: error.suggestion, interrupted: error.interrupted)
    }
  }
}
