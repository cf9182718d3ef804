import DataStore

/// The chart that suits a table, named by its columns and rows, so that a spreadsheet
/// can draw it natively beside the cells (and redraw it when they are edited).
public struct TableChart: Sendable, Equatable {
  public var kind: ChartKind
  public var title: String
  /// The column whose cells label the rows.
  public var labels: Int
  /// The columns charted, one series each.
  public var values: [Int]
  /// The rows charted.
  public var rows: Range<Int>

  /// Above this many rows a chart of one bar per row is not drawn: nobody reads it.
  public static let readableBars = 60

  public init(kind: ChartKind, title: String, labels: Int, values: [Int], rows: Range<Int>) {
    self.kind = kind
    self.title = title
    self.labels = labels
    self.values = values
    self.rows = rows
  }
}
