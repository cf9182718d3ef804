import DataStore

/// A statement's answer as a table; the shell decides how to draw it.
public struct ResultTable: Sendable, Equatable {
  public struct Column: Sendable, Equatable {
    public var name: String
    /// Right-align (numbers) or left-align (text).
    public var numeric: Bool

    public init(_ name: String, numeric: Bool) {
      self.name = name
      self.numeric = numeric
    }
  }

  /// A cell that a what-if edit changed, drawn with a mark.
  public struct Cell: Hashable, Sendable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
      self.row = row
      self.column = column
    }
  }

  public var columns: [Column]
  public var rows: ResultRows
  /// Lines shown under the table (findings, counts, explanations).
  public var notes: [String] = []
  /// Cells changed by what-if edits.
  public var edited: Set<Cell> = []
  /// Rows to mark as changed (recompute).
  public var marked: Set<Int> = []
  /// Whether to print the row count under the table.
  public var showsRowCount = true
  /// The chart a spreadsheet should draw beside the table, if one suits it.
  public var chart: TableChart?

  public init(columns: [Column], rows: [[Value]]) {
    self.columns = columns
    self.rows = ResultRows(rows)
  }

  public init(columns: [Column], rows: ResultRows) {
    self.columns = columns
    self.rows = rows
  }
}
