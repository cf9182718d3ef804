import QuerySyntax

/// Draws an error as a caret under the offending text, counting display columns so the
/// caret lands under the right character when the line holds Chinese (two columns each).
struct DiagnosticRenderer {
  var ambiguousIsWide = false
  var words = Phrasebook.english

  /// "error: ", or the same word in the language in force.
  var prefix: String { words.label("error") }

  /// - Parameters:
  ///   - source: the statement text the range points into.
  ///   - echo: repeat the source line first (scripts); interactively the user's line is
  ///     already on screen, so only the caret line is drawn, shifted by `indent`.
  func render(source: String, range: SourceRange?, message: String, suggestion: String?, echo: Bool, indent: Int) -> String {
    let text = message + (suggestion.map { (words.language == .en ? "; " : "；") + $0 } ?? "")
    guard let range else { return prefix + text + "\n" }
    let utf8 = Array(source.utf8)
    let start = min(max(range.start, 0), utf8.count)
    let end = min(max(range.end, start), utf8.count)
    // The line holding the start of the range.
    var lineStart = start
    while lineStart > 0, utf8[lineStart - 1] != 0x0A { lineStart -= 1 }
    var lineEnd = start
    while lineEnd < utf8.count, utf8[lineEnd] != 0x0A { lineEnd += 1 }
    let multiLine = utf8.contains(0x0A)
    // Measured as drawn: control characters in the statement are echoed as escapes.
    let line = TerminalText.visible(String(decoding: utf8[lineStart..<lineEnd], as: UTF8.self).replacingTabsAndNewlines())
    let before = TerminalText.visible(String(decoding: utf8[lineStart..<start], as: UTF8.self).replacingTabsAndNewlines())
    let marked = TerminalText.visible(String(decoding: utf8[start..<min(end, lineEnd)], as: UTF8.self))
    let column = DisplayWidth.of(before, ambiguousIsWide: ambiguousIsWide)
    let carets = max(1, DisplayWidth.of(marked, ambiguousIsWide: ambiguousIsWide))
    var out = ""
    let showLine = echo || multiLine
    if showLine { out += "  " + line + "\n" }
    let pad = showLine ? 2 : indent
    out += String(repeating: " ", count: pad + column) + String(repeating: "^", count: carets) + " " + text + "\n"
    return out
  }
}
