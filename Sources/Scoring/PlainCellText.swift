/// Reading an indicator's cells by their UTF-8 bytes where that is reading them by
/// Characters.
///
/// The rules for target and actual cells are written in Characters (drop the signs in
/// front, the unit behind, the thousands separators), and Swift compares Characters by
/// canonical equivalence, which made them most of the time of loading an indicators file.
/// When every character of a cell is one scalar that no neighbour can join (ASCII, CJK
/// ideographs, fullwidth forms, ≥ ≤ ≦ ≧, 、。 and the ideographic space: no combining
/// marks), each Character is its scalar, and the rules are applied to the bytes; any
/// other cell is read by Characters, as before.
public enum PlainCellText {
  /// Whether every character in `bytes` is a single scalar that joins no neighbour (see
  /// the type's comment); such text reads the same by bytes as by Characters.
  public static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 {
        i += 1
        continue
      }
      guard i + 2 < n, bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80 else { return false }
      let c = bytes[i + 1]
      let d = bytes[i + 2]
      switch b {
      case 0xE4...0xE9: break  // U+4000–U+9FFF: CJK ideographs (and Yijing symbols)
      case 0xEF where c == 0xBC || c == 0xBD: break  // U+FF00–U+FF7F: fullwidth forms
      case 0xE2 where c == 0x89 && (0xA4...0xA7).contains(d): break  // ≤ ≥ ≦ ≧
      case 0xE3 where c == 0x80 && d <= 0x82: break  // ideographic space, 、 and 。
      default: return false
      }
      i += 3
    }
    return true
  }

  /// The number in a target or actual cell, as `DecimalText.parse(Indicator.bareNumber(text))`
  /// reads it, without making Strings when the text is plain.
  public static func bareNumber(_ text: String) -> Result<Int64, DecimalText.Problem> {
    var text = text
    let fast = text.withUTF8 { bytes -> Result<Int64, DecimalText.Problem>? in
      guard isPlain(bytes) else { return nil }
      return bareNumber(plain: bytes)
    }
    return fast ?? DecimalText.parse(Indicator.bareNumber(text))
  }

  /// `bareNumber` on plain bytes: the signs in front and everything after the last digit
  /// or point dropped, the commas (, and ，) left out, the rest read as a decimal.
  static func bareNumber(plain b: UnsafeBufferPointer<UInt8>) -> Result<Int64, DecimalText.Problem> {
    var s = 0
    var e = b.count
    while s < e {
      let x = b[s]
      if x == 0x20 || x == 0x3C || x == 0x3D || x == 0x3E {  // space < = >
        s += 1
      } else if s + 2 < e, (x == 0xE2 && b[s + 1] == 0x89 && (b[s + 2] == 0xA4 || b[s + 2] == 0xA5))  // ≤ ≥
        || (x == 0xEF && b[s + 1] == 0xBC && (0x9C...0x9E).contains(b[s + 2]))  // ＜ ＝ ＞
      {
        s += 3
      } else {
        break
      }
    }
    // Back to the last ASCII digit or point; a plain character is one byte or three.
    while e > s {
      let x = b[e - 1]
      if (x >= 0x30 && x <= 0x39) || x == 0x2E { break }
      e -= x < 0x80 ? 1 : 3
    }
    guard e > s else { return DecimalText.parse(UnsafeBufferPointer(rebasing: b[s..<s])) }
    // Commas dropped into a small copy, only when there are any.
    var commas = false
    var i = s
    while i < e {
      if b[i] == 0x2C || (b[i] == 0xEF && i + 2 < e && b[i + 1] == 0xBC && b[i + 2] == 0x8C) {
        commas = true
        break
      }
      i += 1
    }
    guard commas else { return DecimalText.parse(UnsafeBufferPointer(rebasing: b[s..<e])) }
    var kept: [UInt8] = []
    kept.reserveCapacity(e - s)
    i = s
    while i < e {
      if b[i] == 0x2C {
        i += 1
      } else if b[i] == 0xEF, i + 2 < e, b[i + 1] == 0xBC, b[i + 2] == 0x8C {
        i += 3
      } else {
        kept.append(b[i])
        i += 1
      }
    }
    return kept.withUnsafeBufferPointer { DecimalText.parse($0) }
  }

  /// The first character of a target after its spaces (and ideographic spaces), as one
  /// scalar; nil when there is none, or when it is more than one scalar (then it is no sign).
  public static func leadingSign(_ text: String) -> Unicode.Scalar? {
    var text = text
    let plain = text.withUTF8 { bytes -> Unicode.Scalar?? in
      guard isPlain(bytes) else { return nil }
      var s = 0
      while s < bytes.count {
        if bytes[s] == 0x20 {
          s += 1
        } else if bytes[s] == 0xE3, s + 2 < bytes.count, bytes[s + 1] == 0x80, bytes[s + 2] == 0x80 {
          s += 3
        } else {
          break
        }
      }
      guard s < bytes.count else { return .some(nil) }
      var decoder = UTF8()
      var it = UnsafeBufferPointer(rebasing: bytes[s...]).makeIterator()
      guard case .scalarValue(let v) = decoder.decode(&it) else { return .some(nil) }
      return .some(v)
    }
    if let plain { return plain }
    guard let first = text.trimmingPrefix(while: { $0 == " " || $0 == "\u{3000}" }).first, first.unicodeScalars.count == 1 else { return nil }
    return first.unicodeScalars.first
  }
}
