/// Colours for a terminal: bold headers and red errors, tuned for a dark or a light
/// background; `.none` writes plain text (NO_COLOR, output not a terminal, projectors
/// that wash colour out).
public enum Theme: String, CaseIterable, Sendable {
  case dark
  case light
  case none

  var headerCode: String? {
    switch self {
    case .dark: "\u{1B}[1;36m"
    case .light: "\u{1B}[1;34m"
    case .none: nil
    }
  }

  var errorCode: String? {
    switch self {
    case .dark: "\u{1B}[1;31m"
    case .light: "\u{1B}[31m"
    case .none: nil
    }
  }

  static let reset = "\u{1B}[0m"

  /// Colours the header line of a bordered table (the second line). A table too wide for
  /// the terminal is drawn one field per line instead, and has no header line to colour.
  func headers(_ text: String, format: OutputFormat) -> String {
    guard let code = headerCode, format == .table, text.first == "┌" || text.first == "+" else { return text }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard lines.count > 1 else { return text }
    // Colour each cell's text between the borders, so the borders keep their width.
    let border: Set<Character> = ["│", "|"]
    var out = ""
    for ch in lines[1] {
      if border.contains(ch) { out += Theme.reset + String(ch) + code } else { out.append(ch) }
    }
    lines[1] = String(out.dropFirst(Theme.reset.count)) + Theme.reset
    return lines.joined(separator: "\n")
  }

  func error(_ text: String) -> String {
    guard let code = errorCode, !text.isEmpty else { return text }
    let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
    return code + body + Theme.reset + (text.hasSuffix("\n") ? "\n" : "")
  }
}
