/// What running a statement produced.
public enum Outcome: Sendable, Equatable {
  /// A table to draw.
  case table(ResultTable)
  /// Bars to draw (chart, trend).
  case chart(Chart)
  /// Text to show as is (confirmations).
  case text(String)
  /// `sql`'s query and its notes: the query is code and is never translated.
  case sql(SQLTranslation)
  /// `check`'s findings, for the shell to draw or write as data.
  case findings(CheckResult)
  /// `explain`'s steps, for the shell to write as text or data.
  case explanation(ScoreExplanation)
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
    /// A self-contained page to print or hand out (the shell's HandoutWriter).
    case html
  }

  public var format: Format
  public var path: String
  public var force: Bool
  /// Start a CSV with a UTF-8 byte order mark, so Excel opens Chinese text correctly.
  public var bom: Bool
  public var table: ResultTable?
  /// The statement's own result when it is more than a table (check, explain): JSON then
  /// keeps its shape, and `table` is its table form.
  public var structured: StructuredResult?
  /// The statement's chart, when it drew one (chart, trend): a handout draws it, the
  /// other formats write `table`, its figures.
  public var chart: Chart?

  public init(format: Format, path: String, force: Bool, bom: Bool, table: ResultTable?, structured: StructuredResult? = nil, chart: Chart? = nil) {
    self.format = format
    self.path = path
    self.force = force
    self.bom = bom
    self.table = table
    self.structured = structured
    self.chart = chart
  }
}

/// A result that has a shape of its own besides its table form.
public enum StructuredResult: Sendable, Equatable {
  case findings(CheckResult)
  case explanation(ScoreExplanation)
}
