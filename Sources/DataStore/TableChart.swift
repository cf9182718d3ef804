/// The chart that suits a table, named by its columns and rows: the engine chooses it for
/// its results, and a workbook draws it natively beside the cells (redrawn when they are
/// edited).
public struct TableChart: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// Horizontal bars, first row on top (as the shell draws `chart`).
    case bars
    /// Vertical columns side by side, one colour per value column (two years).
    case columns
    /// Vertical columns with the value columns stacked (grade transitions).
    case stackedColumns
    /// A line with markers over the rows (`trend` over years).
    case line
  }

  public var kind: Kind
  public var title: String
  /// The column whose cells label the rows.
  public var labels: Int
  /// The columns charted, one series each, named by their header.
  public var values: [Int]
  /// The rows charted, counted below the header.
  public var rows: Range<Int>

  /// Above this many rows a chart of one bar per row is not drawn: nobody reads it.
  public static let readableBars = 60

  public init(kind: Kind, title: String, labels: Int, values: [Int], rows: Range<Int>) {
    self.kind = kind
    self.title = title
    self.labels = labels
    self.values = values
    self.rows = rows
  }
}
