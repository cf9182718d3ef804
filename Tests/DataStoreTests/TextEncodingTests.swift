import Testing

@testable import DataStore

/// The loader's UTF-8 check agrees with the standard library's decoder on random bytes:
/// valid text of every sequence length, and text broken at every kind of byte.
@Suite struct TextEncodingTests {
  /// Bytes that are mostly valid UTF-8 (ASCII, Chinese, two- and four-byte letters, the
  /// edges of each range), broken now and then by a byte from anywhere.
  static func bytes(_ g: inout ProjectPiecesTests.Generator) -> [UInt8] {
    let pieces: [String] = ["a", "1,2", "村级道路", "é", "\u{7FF}", "\u{800}", "\u{D7FF}", "\u{E000}", "\u{FFFF}", "\u{10000}", "😀", "\u{10FFFF}", "优良中差"]
    var out: [UInt8] = []
    for _ in 0..<g.int(0...40) {
      out += Array(g.pick(pieces).utf8)
      if g.chance(8) { out.append(UInt8(truncatingIfNeeded: g.next())) }
      if g.chance(4), !out.isEmpty { out.removeLast() }
      if g.chance(3) { out += [0xE0, 0x80, 0x80] }  // overlong
      if g.chance(3) { out += [0xED, 0xA0, 0x80] }  // a surrogate
      if g.chance(3) { out += [0xF4, 0x90, 0x80, 0x80] }  // above U+10FFFF
    }
    return out
  }

  @Test func agreesWithTheStandardDecoder() {
    var g = ProjectPiecesTests.Generator(state: 42)
    var valid = 0
    for _ in 0..<20_000 {
      let b = Self.bytes(&g)
      let expected = String(validating: b, as: UTF8.self) != nil
      let got = b.withUnsafeBufferPointer { TextEncoding.isUTF8($0) }
      #expect(got == expected, "\(b)")
      if expected { valid += 1 }
    }
    // Both answers are exercised.
    #expect(valid > 2_000)
    #expect(valid < 18_000)
  }
}
