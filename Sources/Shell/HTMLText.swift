/// Text on its way into an HTML page.
///
/// Data is text, never markup: `&`, `<`, `>` and both quotes become character
/// references, so a cell such as `<b>` or `"onload=` shows as written and can open no
/// element or attribute. Control characters are shown as `\x1b`-style escapes first,
/// as on the screen (TerminalText), so the page holds none of them either.
public enum HTMLText {
  /// `text` with its control characters visible and the five HTML special characters
  /// written as references; safe inside an element and inside a quoted attribute.
  public static func escaped(_ text: String) -> String {
    let visible = TerminalText.visible(text)
    guard visible.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return visible }
    var out = ""
    out.reserveCapacity(visible.utf8.count + 16)
    for c in visible.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }
}
