import Testing

@testable import Shell

/// Hand-checked widths: bordered tables only line up if these agree with the terminal.
@Suite("DisplayWidth")
struct DisplayWidthTests {
  @Test("ASCII is one column per character")
  func ascii() {
    #expect(DisplayWidth.of("abc") == 3)
    #expect(DisplayWidth.of("") == 0)
    #expect(DisplayWidth.of("123.76 %") == 8)
    #expect(DisplayWidth.of(" ~") == 2)
  }

  @Test("CJK ideographs and fullwidth forms take two columns")
  func wide() {
    #expect(DisplayWidth.of("良") == 2)
    #expect(DisplayWidth.of("双山子镇人民政府") == 16)
    // 17 ideographs × 2 + 1 ASCII hyphen.
    #expect(DisplayWidth.of("村级组织运转经费-村干部基础职务补贴") == 35)
    // U+FF08 / U+FF09 are Fullwidth (F).
    #expect(DisplayWidth.of("（运转保障）") == 12)
    #expect(DisplayWidth.of("，") == 2)
    #expect(DisplayWidth.of("\u{3000}") == 2)  // ideographic space
    #expect(DisplayWidth.of("合计: 98.5") == 10)
  }

  @Test("Substrings are measured like strings")
  func substring() {
    let text = "单位：双山子镇"
    #expect(DisplayWidth.of(text.dropFirst(3)) == 8)
  }

  @Test("Combining marks, joiners and controls take no column of their own")
  func zeroWidth() {
    let decomposed = "e\u{0301}"
    #expect(decomposed.count == 1)
    #expect(DisplayWidth.of(decomposed) == 1)
    #expect(DisplayWidth.of(Character(decomposed)) == 1)
    // U+0301 is East Asian Ambiguous, but zero width wins.
    #expect(DisplayWidth.of(decomposed, ambiguousIsWide: true) == 1)
    #expect(DisplayWidth.of("a\u{200B}b") == 2)  // zero width space
    #expect(DisplayWidth.of("a\u{200D}b") == 2)  // stray ZWJ
    #expect(DisplayWidth.of("良\u{FE00}") == 2)  // variation selector
    #expect(DisplayWidth.of("\u{FEFF}x") == 1)  // BOM / ZWNBSP
    #expect(DisplayWidth.of("a\u{0007}b\u{007F}c\u{0085}") == 3)  // BEL, DEL, NEL
    #expect(DisplayWidth.of("a\r\nb") == 2)
    #expect(DisplayWidth.of("a\tb") == 3)  // tab counts 1; callers replace tabs
    // Hangul syllable from conjoining jamo: leading is wide, vowel and final are zero.
    #expect(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}") == 2)
    #expect(DisplayWidth.of("각") == 2)
  }

  @Test("Ambiguous characters follow the terminal's setting")
  func ambiguous() {
    #expect(DisplayWidth.of("─") == 1)
    #expect(DisplayWidth.of("─", ambiguousIsWide: true) == 2)
    #expect(DisplayWidth.of("①") == 1)
    #expect(DisplayWidth.of("①", ambiguousIsWide: true) == 2)
    #expect(DisplayWidth.of(Character("①"), ambiguousIsWide: true) == 2)
    #expect(DisplayWidth.of("┌──┐") == 4)
    #expect(DisplayWidth.of("┌──┐", ambiguousIsWide: true) == 8)
    #expect(DisplayWidth.of("±°×") == 3)
    #expect(DisplayWidth.of("±°×", ambiguousIsWide: true) == 6)
    #expect(DisplayWidth.of("\u{00E9}", ambiguousIsWide: true) == 2)  // precomposed é is A
    // Not ambiguous: 1 either way.
    #expect(DisplayWidth.of("\u{00F1}", ambiguousIsWide: true) == 1)  // ñ
    #expect(DisplayWidth.of("abc", ambiguousIsWide: true) == 3)
    // Wide stays 2.
    #expect(DisplayWidth.of("良", ambiguousIsWide: true) == 2)
  }

  @Test("Emoji with emoji presentation take two columns")
  func emoji() {
    #expect(DisplayWidth.of("👍") == 2)
    #expect(DisplayWidth.of("👍🏽") == 2)  // skin-tone modifier joins the cluster
    #expect(DisplayWidth.of("🇨🇳") == 2)  // flag: two regional indicators
    #expect(DisplayWidth.of("❤\u{FE0F}") == 2)  // text-default emoji + VS16
    #expect(DisplayWidth.of("1\u{FE0F}\u{20E3}") == 2)  // keycap
    #expect(DisplayWidth.of("❤") == 1)  // text presentation by default
    #expect(DisplayWidth.of("a\u{FE0F}") == 1)  // VS16 on a non-emoji changes nothing
  }

  @Test("A zero-width-joiner sequence counts once")
  func zwjSequences() {
    let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦"
    #expect(family.count == 1)
    #expect(DisplayWidth.of(family) == 2)
    #expect(DisplayWidth.of("👩\u{200D}💻") == 2)
    #expect(DisplayWidth.of("🏳\u{FE0F}\u{200D}🌈") == 2)
    #expect(DisplayWidth.of("x" + family + "y") == 4)
  }

  @Test("prefix(fitting:) keeps whole characters and never splits a wide one")
  func prefix() {
    #expect(DisplayWidth.prefix("优良中", fitting: 3) == "优")
    #expect(DisplayWidth.prefix("优良中", fitting: 4) == "优良")
    #expect(DisplayWidth.prefix("优良中", fitting: 6) == "优良中")
    #expect(DisplayWidth.prefix("优良中", fitting: 100) == "优良中")
    #expect(DisplayWidth.prefix("优良中", fitting: 1) == "")
    #expect(DisplayWidth.prefix("优良中", fitting: 0) == "")
    #expect(DisplayWidth.prefix("优良中", fitting: -1) == "")
    #expect(DisplayWidth.prefix("", fitting: 5) == "")
    #expect(DisplayWidth.prefix("ab优c", fitting: 3) == "ab")
    #expect(DisplayWidth.prefix("ab优c", fitting: 4) == "ab优")
    // The combining accent stays with its base.
    #expect(DisplayWidth.prefix("e\u{0301}x", fitting: 1) == "e\u{0301}")
    #expect(DisplayWidth.prefix("👨\u{200D}👩\u{200D}👧z", fitting: 2) == "👨\u{200D}👩\u{200D}👧")
    #expect(DisplayWidth.prefix("─┐", fitting: 2, ambiguousIsWide: true) == "─")
    for columns in 0...40 {
      let cut = DisplayWidth.prefix("村级组织运转经费-村干部基础职务补贴", fitting: columns)
      let width = DisplayWidth.of(cut)
      #expect(width <= columns)
      // At most one column is lost, to a wide character that would straddle the limit.
      #expect(width >= min(columns, 35) - 1)
      if columns >= 35 { #expect(width == 35) }
    }
  }

  @Test("pad(to:) gives exactly the requested width")
  func pad() {
    #expect(DisplayWidth.pad("良", to: 4) == "良  ")
    #expect(DisplayWidth.pad("良", to: 4, alignRight: true) == "  良")
    #expect(DisplayWidth.pad("123.76 %", to: 10, alignRight: true) == "  123.76 %")
    #expect(DisplayWidth.pad("", to: 3) == "   ")
    #expect(DisplayWidth.pad("e\u{0301}", to: 2) == "e\u{0301} ")
    #expect(DisplayWidth.pad("─", to: 3, ambiguousIsWide: true) == "─ ")
    // Already wide enough: unchanged, never truncated.
    #expect(DisplayWidth.pad("双山子镇", to: 8) == "双山子镇")
    #expect(DisplayWidth.pad("双山子镇", to: 5) == "双山子镇")

    let cells = [
      "双山子镇人民政府", "村级组织运转经费-村干部基础职务补贴", "（运转保障）",
      "123.76 %", "👍", "e\u{0301}", "abc",
    ]
    for cell in cells {
      for alignRight in [false, true] {
        let padded = DisplayWidth.pad(cell, to: 40, alignRight: alignRight)
        #expect(DisplayWidth.of(padded) == 40)
        #expect(alignRight ? padded.hasSuffix(cell) : padded.hasPrefix(cell))
      }
    }
  }

  @Test("Table lookups agree with the Unicode classes at their edges")
  func tables() {
    #expect(DisplayWidth.unicodeVersion == "17.0.0")
    for (starts, ends) in [
      (DisplayWidth.zeroWidthStarts, DisplayWidth.zeroWidthEnds),
      (DisplayWidth.wideStarts, DisplayWidth.wideEnds),
      (DisplayWidth.ambiguousStarts, DisplayWidth.ambiguousEnds),
      (DisplayWidth.emojiVS16Starts, DisplayWidth.emojiVS16Ends),
    ] {
      #expect(starts.count == ends.count)
      #expect(zip(starts, ends).allSatisfy { $0 <= $1 })
      #expect(zip(ends, starts.dropFirst()).allSatisfy { $0 < $1 })
    }
    #expect(DisplayWidth.scalarWidth(0x4E00, ambiguousIsWide: false) == 2)
    #expect(DisplayWidth.scalarWidth(0x9FFF, ambiguousIsWide: false) == 2)
    #expect(DisplayWidth.scalarWidth(0x20000, ambiguousIsWide: false) == 2)  // CJK Ext. B
    #expect(DisplayWidth.scalarWidth(0x0300, ambiguousIsWide: true) == 0)
    #expect(DisplayWidth.scalarWidth(0x10FFFF, ambiguousIsWide: false) == 1)
    #expect(DisplayWidth.scalarWidth(0x00, ambiguousIsWide: false) == 0)
  }
}
