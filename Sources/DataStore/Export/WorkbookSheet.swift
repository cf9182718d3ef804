/// One sheet of a workbook to write: the cells, and what makes it read as a table in a
/// spreadsheet (a bold frozen header with filter buttons, column widths, notes, a chart).
public struct WorkbookSheet: Sendable, Equatable {
  public var name: String
  public var rows: [[WorkbookWriter.Cell]]
  /// The first row names the columns: bold, frozen while scrolling, with filter buttons.
  public var header: Bool
  /// Each column's width in character cells, as a terminal counts them (a Chinese
  /// character is two); missing or zero: the spreadsheet's default.
  public var widths: [Int]
  /// Lines written under the table, after one empty row, outside its filter range.
  public var notes: [String]
  public var chart: TableChart?

  public init(name: String, rows: [[WorkbookWriter.Cell]], header: Bool = false, widths: [Int] = [], notes: [String] = [], chart: TableChart? = nil) {
    self.name = name
    self.rows = rows
    self.header = header
    self.widths = widths
    self.notes = notes
    self.chart = chart
  }

  /// Columns the table spans.
  var columnCount: Int { rows.map(\.count).max() ?? 0 }
}
