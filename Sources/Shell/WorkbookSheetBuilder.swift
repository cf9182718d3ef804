import DataStore
import QueryEngine
import Scoring

/// Turns a result table into a workbook sheet a colleague can use as it is: amounts,
/// scores, rates and changes as numbers with number formats (not text), widths that fit
/// Chinese text, the notes under the table and the table's chart beside it.
enum WorkbookSheetBuilder {
  /// `points` is the unit written after a change in percentage points (pp, 个百分点).
  static func sheet(_ table: ResultTable, name: String = "result", points: String = "pp") -> WorkbookSheet {
    let amountFormats = table.columns.indices.map { amountFormat(table, column: $0) }
    var rows: [[WorkbookWriter.Cell]] = [table.columns.map { .text($0.name) }]
    var widths = table.columns.map { DisplayWidth.of($0.name) }
    for row in table.rows {
      var cells: [WorkbookWriter.Cell] = []
      cells.reserveCapacity(row.count)
      for (c, v) in row.enumerated() {
        cells.append(cell(v, amountFormat: c < amountFormats.count ? amountFormats[c] : nil, points: points))
        if c < widths.count { widths[c] = max(widths[c], shownWidth(v)) }
      }
      rows.append(cells)
    }
    return WorkbookSheet(name: name, rows: rows, header: true, widths: widths, notes: table.notes, chart: table.chart)
  }

  /// A column's amount format: thousands grouped, as many decimals as its amounts use
  /// (so the column lines up on the decimal point, as on screen).
  static func amountFormat(_ table: ResultTable, column c: Int) -> String? {
    var places = -1
    for row in table.rows where c < row.count {
      switch row[c] {
      case .money(let m): places = max(places, decimals(m.description))
      case .exact(let f): places = max(places, decimals(f.trimmed(places: 4)))
      default: break
      }
    }
    return places < 0 ? nil : grouped(places)
  }

  static func decimals(_ text: String) -> Int {
    text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
  }

  static func grouped(_ places: Int) -> String {
    "#,##0" + (places > 0 ? "." + String(repeating: "0", count: places) : "")
  }

  static func fixed(_ places: Int) -> String {
    "0" + (places > 0 ? "." + String(repeating: "0", count: places) : "")
  }

  /// A format that shows gains with a plus sign, as the table does.
  static func signed(_ code: String, unit: String = "") -> String {
    "+\(code)\(unit);-\(code)\(unit);\(code)\(unit)"
  }

  /// Enough decimals to hold an exact value, or ten for one that does not end.
  static func exact(_ f: Fraction) -> String {
    f.trimmed(places: 10)
  }

  static func cell(_ v: Value, amountFormat: String?, points: String) -> WorkbookWriter.Cell {
    switch v {
    case .missing: .empty
    case .integer(let n): .number(String(n))
    case .text(let s): .text(s)
    case .money(let m): .number(m.description, format: amountFormat)
    case .exact(let f): .number(f.trimmed(places: 4), format: amountFormat)
    case .score(let s): .number(DecimalText.format(s), format: fixed(2))
    case .number(let f, let places): .number(exact(f), format: fixed(places))
    case .percent(let f): .number(exact(f), format: "0.00%")
    case .grade(let g): .text(g.description)
    case .fund(let f): .text(f.description)
    case .change(let d, let unit):
      switch unit {
      case .amount:
        .number(d.trimmed(places: 4), format: signed(grouped(decimals(d.trimmed(places: 4)))))
      case .decimals(let places): .number(exact(d), format: signed(fixed(places)))
      case .points: .number(exact(d * Fraction.hundred), format: signed("0.00", unit: "\" \(points.replacing("\"", with: ""))\""))
      case .percent: .number(exact(d), format: signed("0.00%"))
      }
    }
  }

  /// How wide the cell shows in the spreadsheet, in terminal cells; grouped amounts
  /// gain a comma per three digits.
  static func shownWidth(_ v: Value) -> Int {
    let text = v.display
    switch v {
    case .money, .exact, .change(_, .amount):
      let digits = text.prefix { $0 != "." }.filter(\.isNumber).count
      return text.count + max(0, (digits - 1) / 3)
    default:
      return DisplayWidth.of(text)
    }
  }
}
