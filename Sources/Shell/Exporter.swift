import DataStore
import Foundation
import QueryEngine
import Scoring

/// Writes a result to a file in an export format, atomically.
enum Exporter {
  /// Writes the table; returns the number of rows written.
  static func write(_ table: ResultTable, _ request: ExportRequest) throws(ImportError) -> Int {
    var plain = table
    plain.edited = []  // edit marks are for the screen; a file gets the values
    plain.marked = []
    plain.notes = []
    // Scores show two decimals on screen; a file gets every recorded decimal, so that
    // an export loads back as it was.
    plain.rows = plain.rows.map { row in
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
      let text = Renderer(format: .csv, maxRows: 0).render(plain)
      data = Data(((request.bom ? "\u{FEFF}" : "") + text).utf8)
    case .json:
      data = Data(Renderer(format: .json, maxRows: 0).render(plain).utf8)
    case .markdown:
      data = Data(Renderer(format: .markdown, maxRows: 0).render(plain).utf8)
    case .xlsx:
      data = try workbook(plain)
    }
    try AtomicFile.write(data, to: request.path, force: request.force)
    return plain.rows.count
  }

  /// Writes a result that has its own shape (check, explain): JSON, CSV and markdown
  /// exactly as `.mode` shows them, a workbook from its table form; returns the rows
  /// written (findings or steps).
  static func write(_ result: StructuredResult, _ request: ExportRequest) throws(ImportError) -> Int {
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
      data = Data(((request.bom ? "\u{FEFF}" : "") + text(renderer)).utf8)
    case .json:
      renderer.format = .json
      data = Data(text(renderer).utf8)
    case .markdown:
      renderer.format = .markdown
      data = Data(text(renderer).utf8)
    case .xlsx:
      data = try workbook(table)
    }
    try AtomicFile.write(data, to: request.path, force: request.force)
    return table.rows.count
  }

  /// One sheet: the header row, then the rows, numbers as numbers.
  static func workbook(_ table: ResultTable) throws(ImportError) -> Data {
    let header = table.columns.map { WorkbookWriter.Cell.text($0.name) }
    let rows = table.rows.map { row in
      row.map { v -> WorkbookWriter.Cell in
        switch v {
        case .missing: .empty
        case .integer, .money, .score, .number, .percent, .exact: .number(v.plain)
        case .text, .grade, .fund: .text(v.plain)
        }
      }
    }
    return try WorkbookWriter.data(sheets: [(name: "result", rows: [header] + rows)])
  }
}
