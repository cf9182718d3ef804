/// Decodes one line of libedit's history file, which `strvis(3)` escaped when saving
/// (`\040` for a space, `\M-d` for a byte with the high bit set, `\^X` for controls).
///
/// libedit's own loader passes whatever `strunvis` yields to its multibyte decoder: this
/// build silently drops a line that is not valid UTF-8, and older builds crashed on it
/// (the Swift REPL's history bug). We decode every line first and refuse a damaged file
/// with a warning, instead of letting `H_LOAD` lose entries without a word.
enum VisDecoder {
  /// The raw bytes a line stands for, or nil when its escapes are malformed.
  static func decode<Bytes: Collection<UInt8>>(_ line: Bytes) -> [UInt8]? {
    var output: [UInt8] = []
    output.reserveCapacity(line.count)
    var iterator = line.makeIterator()
    var pending = iterator.next()

    while let byte = pending {
      pending = iterator.next()
      guard byte == UInt8(ascii: "\\") else {
        output.append(byte)
        continue
      }
      guard let escape = pending else { return nil }
      pending = iterator.next()
      switch escape {
      case UInt8(ascii: "0")...UInt8(ascii: "7"):
        // Up to three octal digits; a shorter run ends at the first non-octal byte.
        var value = Int(escape - UInt8(ascii: "0"))
        for _ in 0..<2 {
          guard let digit = pending, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(digit)
          else { break }
          value = value * 8 + Int(digit - UInt8(ascii: "0"))
          pending = iterator.next()
        }
        guard value <= 0xFF else { return nil }
        output.append(UInt8(value))
      case UInt8(ascii: "M"):
        guard let kind = pending, let operand = iterator.next() else { return nil }
        pending = iterator.next()
        switch kind {
        case UInt8(ascii: "-"): output.append(operand | 0x80)
        case UInt8(ascii: "^"): output.append(control(operand) | 0x80)
        default: return nil
        }
      case UInt8(ascii: "^"):
        guard let operand = pending else { return nil }
        pending = iterator.next()
        output.append(control(operand))
      default:
        output.append(cStyle[escape] ?? escape)
      }
    }
    return output
  }

  /// The C-style single-letter escapes `unvis` accepts.
  private static let cStyle: [UInt8: UInt8] = [
    UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "b"): 0x08,
    UInt8(ascii: "a"): 0x07, UInt8(ascii: "v"): 0x0B, UInt8(ascii: "t"): 0x09,
    UInt8(ascii: "f"): 0x0C, UInt8(ascii: "s"): 0x20, UInt8(ascii: "E"): 0x1B,
  ]

  private static func control(_ byte: UInt8) -> UInt8 {
    byte == UInt8(ascii: "?") ? 0x7F : byte & 0x1F
  }
}
