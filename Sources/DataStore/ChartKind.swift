/// How a table's figures are best drawn: chosen by the engine for its results
/// (`TableChart`), drawn natively by the workbook writer (`WorkbookChart`).
public enum ChartKind: Sendable, Equatable {
  /// Horizontal bars, first row on top (as the shell draws `chart`).
  case bars
  /// Vertical columns side by side, one colour per value column (two years).
  case columns
  /// Vertical columns with the value columns stacked (grade transitions).
  case stackedColumns
  /// A line with markers over the rows (`trend` over years).
  case line
}
