/// What running a statement produced.
public enum Outcome: Sendable, Equatable {
  /// A table to draw.
  case table(ResultTable)
  /// Bars to draw (chart, trend).
  case chart(Chart)
  /// Text to show as is (explanations, confirmations).
  case text(String)
  /// The user asked for help on a topic (nil: the overview); the shell owns the texts.
  case help(String?)
  /// The user asked to leave.
  case quit
  /// Several parts, shown in order (an import: what was read, then the audit).
  case several([Outcome])
  /// Write a result to a file; `table` nil means the last result shown.
  case export(ExportRequest)
}

/// What `export` asks the shell to write.
public struct ExportRequest: Sendable, Equatable {
  public enum Format: String, CaseIterable, Sendable {
    case csv, json, markdown, xlsx
  }

  public var format: Format
  public var path: String
  public var force: Bool
  /// Start a CSV with a UTF-8 byte order mark, so Excel opens Chinese text correctly.
  public var bom: Bool
  public var table: ResultTable?

  public init(format: Format, path: String, force: Bool, bom: Bool, table: ResultTable?) {
    self.format = format
    self.path = path
    self.force = force
    self.bom = bom
    self.table = table
  }
}
