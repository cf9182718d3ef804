/// Text that is its own canonical normal form and equivalent to no other spelling: ASCII,
/// CJK ideographs (U+3400–4DBF, U+4E00–9FFF), CJK punctuation (U+3000–3029, U+3030–303F),
/// general punctuation U+2010–2027 (dashes, quotes, the ellipsis) and full-width forms
/// (U+FF01–FF60, U+FFE0–FFE6). None of these has a canonical decomposition, a combining
/// class or a part in a canonical composition, so two plain texts are equivalent exactly
/// when their bytes are equal. Almost every unit and project name is plain.
enum PlainText {
  /// Whether UTF-8 `bytes` are plain; the bytes are taken to be valid UTF-8.
  static func isPlain(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 {
        i += 1
        continue
      }
      guard b >= 0xE0, b <= 0xEF, i + 2 < n else { return false }
      let scalar = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
      switch scalar {
      case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3000...0x3029, 0x3030...0x303F, 0x2010...0x2027, 0xFF01...0xFF60, 0xFFE0...0xFFE6:
        i += 3
      default:
        return false
      }
    }
    return true
  }

  static func isPlain(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { isPlain(UnsafeRawBufferPointer($0)) }
  }
}
