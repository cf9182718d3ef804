/// One CSV cell as RFC 4180 writes it.
public enum CSVField {
  /// The text, quoted (with quotes doubled) when it holds a comma, a quote or a line
  /// break; "\r\n" is one Character in Swift, so it is named on its own.
  public static func quoted(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
    return "\"" + s.replacing("\"", with: "\"\"") + "\""
  }
}
