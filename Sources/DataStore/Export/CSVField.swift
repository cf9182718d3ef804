/// One CSV cell as RFC 4180 writes it.
public enum CSVField {
  /// The text, quoted (with quotes doubled) when it holds a comma, a quote or a line
  /// break. Looked for as bytes, as a CSV reader splits: a comma that a combining mark
  /// follows is not the Character "," but still ends a field, and comparing Characters
  /// was most of writing a large table.
  public static func quoted(_ s: String) -> String {
    guard s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return s }
    return "\"" + s.replacing("\"", with: "\"\"") + "\""
  }
}
