import Testing

@testable import DataStore

/// The byte search of plain texts finds what lowercasing both texts and searching the
/// Strings finds: case folded for ASCII and full-width Latin, whole scalars only, and
/// texts that are not plain (a decomposed é, the Kelvin sign) left to the Strings. The
/// empty text is in every text.
@Suite struct TextSearchTests {
  static let pieces = [
    "村", "级", "道路", "A", "a", "Z", "k", "K", "\u{212A}", "é", "e", "\u{301}", "\u{FF21}", "\u{FF41}", "\u{FF3A}",
    "\u{FF5A}", "\u{FF40}", "\u{FF5B}", "（", "—", " ", "1", "\r", "\n", "\r\n", "ß", "İ",
  ]

  static func text(_ g: inout ProjectPiecesTests.Generator, most: Int) -> String {
    var s = ""
    for _ in 0..<g.int(0...most) { s += g.pick(pieces) }
    return s
  }

  @Test func findsWhatTheStringSearchFinds() {
    var g = ProjectPiecesTests.Generator(state: 11)
    var found = 0
    for _ in 0..<4000 {
      let needle = Self.text(&g, most: 2)
      let search = TextSearch(needle)
      for _ in 0..<5 {
        let text = Self.text(&g, most: 6)
        let expected = needle.isEmpty || text.lowercased().contains(needle.lowercased())
        #expect(search.matches(text) == expected, "\(needle.unicodeScalars.map(\.value)) in \(text.unicodeScalars.map(\.value))")
        if expected { found += 1 }
      }
    }
    // Both verdicts occur often enough for the comparison to mean something.
    #expect(found > 2000 && found < 18000)
  }

  @Test func foldsCaseAndMatchesWholeCharacters() {
    let search = TextSearch("ａｂc村级")
    #expect(search.matches("项目ＡＢC村级道路"))
    #expect(!search.matches("项目ＡＢC村道路"))
    let kelvin = TextSearch("k")
    #expect(kelvin.matches("\u{212A}"))  // lowercased, the Kelvin sign is k
    let accent = TextSearch("e")
    #expect(!accent.matches("e\u{301}"))  // é is one character, not e
    #expect(TextSearch("").matches("道路"))
    #expect(TextSearch.matching("村级", in: dictionary(["村级道路", "乡镇", "新村级"])) == [true, false, true])
  }

  private func dictionary(_ texts: [String]) -> TextDictionary {
    var d = TextDictionary()
    for t in texts { _ = d.code(for: t) }
    return d
  }
}
