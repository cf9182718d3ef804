/// Text on its way to a terminal, with control characters made visible.
///
/// A cell holding ESC can retitle the window, write to the clipboard or move the cursor
/// over earlier output, and BEL or a lone CR can hide or overwrite what is shown; data
/// must never be able to do that to the screen. So every C0 control character except
/// line feed and tab, DEL and every C1 control character (U+0080…U+009F, which some
/// terminals obey as well) is written as `\x` and two lowercase hex digits, the way
/// Python and C spell them: ESC is `\x1b`, BEL `\x07`, DEL `\x7f`, CSI `\x9b`.
/// The escapes are plain ASCII, so display widths count them as written (4 columns) and
/// tables stay aligned. A backslash in the data is left as it is.
///
/// Machine formats (CSV, JSON, workbooks) do not go through this: they carry the data
/// exactly (JSON writes the same characters as `\u001b`, which its rules require).
public enum TerminalText {
  /// `text` with its control characters as `\x1b`-style escapes; unchanged (and not
  /// copied) when it has none, which is nearly always.
  public static func visible(_ text: String) -> String {
    guard needsEscaping(text) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      if isHidden(scalar.value) {
        let hex = String(scalar.value, radix: 16)
        out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Whether a code point is shown as an escape: C0 but LF and tab, DEL, C1.
  static func isHidden(_ value: UInt32) -> Bool {
    (value < 0x20 && value != 0x0A && value != 0x09) || (0x7F...0x9F).contains(value)
  }

  /// A scan of the UTF-8 bytes: C0 and DEL are single bytes, and a C1 character is
  /// encoded as 0xC2 followed by 0x80…0x9F.
  static func needsEscaping(_ text: String) -> Bool {
    var utf8 = text
    return utf8.withUTF8 { bytes in
      var previous: UInt8 = 0
      for byte in bytes {
        if byte < 0x20 {
          if byte != 0x0A && byte != 0x09 { return true }
        } else if byte == 0x7F {
          return true
        } else if previous == 0xC2, byte >= 0x80, byte <= 0x9F {
          return true
        }
        previous = byte
      }
      return false
    }
  }
}
