import Testing

@testable import DataStore

/// A text dictionary codes texts as a String-keyed dictionary does (canonically
/// equivalent spellings share a code, first occurrence first), whether its texts are all
/// plain (looked up by bytes), turn not plain midway, or come whole from a snapshot.
@Suite struct TextDictionaryTests {
  /// Plain texts, and spellings of the same or other texts that are not plain: a
  /// decomposed é, the Kelvin sign for K, a CJK compatibility ideograph for 豈.
  static let pieces = ["局", "村级", "道路", "A", "K", "\u{212A}", "é", "e\u{301}", "\u{8C48}", "\u{F900}", "（一）", "，", "—", "ｘ", " ", "1"]

  static func text(_ g: inout ProjectPiecesTests.Generator, plainOnly: Bool) -> String {
    var s = ""
    for _ in 0..<g.int(0...3) {
      var p = g.pick(pieces)
      while plainOnly, !PlainText.isPlain(p) { p = g.pick(pieces) }
      s += p
    }
    return s
  }

  @Test(arguments: [true, false])
  func codesAsAStringDictionaryDoes(plainOnly: Bool) {
    var g = ProjectPiecesTests.Generator(state: plainOnly ? 3 : 4)
    for _ in 0..<200 {
      var dictionary = TextDictionary()
      var reference: [String: UInt32] = [:]
      var texts: [String] = []
      for _ in 0..<g.int(1...60) {
        let t = Self.text(&g, plainOnly: plainOnly)
        let expected = reference[t] ?? UInt32(reference.count)
        if reference[t] == nil { reference[t] = expected }
        texts.append(t)
        let got: UInt32
        if g.chance(50) {
          var bytes = t
          got = bytes.withUTF8 { dictionary.code(utf8: UnsafeRawBufferPointer($0)) }
        } else {
          got = dictionary.code(for: t)
        }
        #expect(got == expected, "\(t.unicodeScalars.map { $0.value })")
      }
      #expect(dictionary.count == reference.count)
      let probe = Self.text(&g, plainOnly: false)
      #expect(dictionary.existingCode(for: probe) == reference[probe])
      // The same texts given whole, as a snapshot gives them, then looked up and added to.
      var whole = TextDictionary(distinct: dictionary.values)
      #expect(whole.existingCode(for: probe) == reference[probe])
      for t in texts.shuffled() { #expect(whole.code(for: t) == reference[t]) }
      #expect(whole.code(for: probe) == reference[probe] ?? UInt32(reference.count))
    }
  }

  @Test func plainTextIsOnlyTextWithoutOtherSpellings() {
    #expect(PlainText.isPlain("河北镇人民政府1"))
    #expect(PlainText.isPlain("垃圾清运及保洁经费（一期），“重点”—…"))
    #expect(PlainText.isPlain("Water Office 12"))
    #expect(!PlainText.isPlain("\u{212A}"))  // the Kelvin sign is K
    #expect(!PlainText.isPlain("\u{F900}"))  // a compatibility ideograph is 豈
    #expect(!PlainText.isPlain("é"))
    #expect(!PlainText.isPlain("e\u{301}"))
    #expect(!PlainText.isPlain("が"))  // kana take combining voicing marks
    #expect(!PlainText.isPlain("😀"))
  }
}
