/// How results are written.
public enum OutputFormat: String, CaseIterable, Sendable {
  /// Bordered table, aligned by display width.
  case table
  case csv
  /// An array of objects, one per row; numbers as JSON numbers.
  case json
  case markdown
  /// One field per line, each row a block (psql's expanded mode).
  case line
}

/// The characters a table is drawn with.
public enum BorderStyle: String, CaseIterable, Sendable {
  case unicode
  case ascii
}
