/// The SQL a statement stands for, as data: the query, and what a reader of it should know
/// (where jixiao and the SQL read different things, what the SQL leaves out).
public struct SQLTranslation: Sendable, Equatable {
  /// One query in the DuckDB dialect, ending in `;`.
  public var sql: String
  /// Each a sentence; the text form puts them in front as `--` comments.
  public var notes: [String]

  public init(sql: String, notes: [String]) {
    self.sql = sql
    self.notes = notes
  }

  /// The notes as SQL comments, then the query: the whole text still runs as SQL.
  public var text: String {
    (notes.map { "-- " + $0 } + [sql]).joined(separator: "\n")
  }
}
