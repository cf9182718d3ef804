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

  /// Long runs of Chinese and ASCII, cut at every offset and length and broken at every
  /// position by one byte: the check reads up to 64 bytes at a time, a sequence may
  /// straddle two such windows or the text's last sixteen bytes, and a window with a
  /// two- or four-byte sequence is read one byte at a time.
  @Test func agreesAcrossItsWindows() {
    // A two-byte letter near the start: the windows after it are read sixteen bytes at a
    // time again.
    let text = Array(("村é级道路a优良中差" + String(repeating: "一般公共预算（孙家村）-", count: 6) + "é😀\u{800}").utf8)
    var g = ProjectPiecesTests.Generator(state: 7)
    let breaks: [UInt8] = [0x80, 0xBF, 0xC0, 0xE0, 0xED, 0xE4, 0xF0, 0xFF, 0x41, 0x00]
    var checked = 0
    var valid = 0
    for start in 0..<8 {
      for end in stride(from: text.count, through: start, by: -3) {
        var b = Array(text[start..<end])
        for position in [-1] + Array(b.indices) {
          if position >= 0 { b[position] = g.pick(breaks) }
          let expected = String(validating: b, as: UTF8.self) != nil
          let got = b.withUnsafeBufferPointer { TextEncoding.isUTF8($0) }
          #expect(got == expected, "\(b)")
          checked += 1
          if expected { valid += 1 }
          b = Array(text[start..<end])
        }
      }
    }
    #expect(checked > 5_000)
    #expect(valid > 100)
    #expect(checked - valid > 1_000)
  }
}
