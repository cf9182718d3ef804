import Testing

@testable import QuerySyntax

/// Tokens with their kinds, texts and UTF-8 byte ranges.
@Suite struct LexerTests {
  static func tokens(_ source: String) throws -> [Token] { try Lexer.tokenize(source) }

  static func kinds(_ source: String) throws -> [Token.Kind] { try tokens(source).map(\.kind) }

  static func texts(_ source: String) throws -> [String] { try tokens(source).map(\.text) }

  /// Offsets counted by hand: CJK characters are three bytes each.
  @Test func chineseProjectNameIsOneWord() throws {
    let source = "projects where name = 村级组织运转经费-村干部基础职务补贴"
    let t = try Self.tokens(source)
    #expect(t == [
      Token(.word, "projects", SourceRange(0, 8)),
      Token(.word, "where", SourceRange(9, 14)),
      Token(.word, "name", SourceRange(15, 19)),
      Token(.comparison, "=", SourceRange(20, 21)),
      // 17 ideographs × 3 bytes + "-" = 52 bytes
      Token(.word, "村级组织运转经费-村干部基础职务补贴", SourceRange(22, 74)),
      Token(.end, "", SourceRange(74, 74)),
    ])
    #expect(range(of: "村级组织运转经费-村干部基础职务补贴", in: source) == SourceRange(22, 74))
  }

  @Test func fullWidthBracketsStayInTheWord() throws {
    let t = try Self.tokens("name=燃煤锅炉改造及清洁能源补贴（运转保障）")
    #expect(t == [
      Token(.word, "name", SourceRange(0, 4)),
      Token(.comparison, "=", SourceRange(4, 5)),
      // 17 ideographs and two full-width brackets, 3 bytes each
      Token(.word, "燃煤锅炉改造及清洁能源补贴（运转保障）", SourceRange(5, 62)),
      Token(.end, "", SourceRange(62, 62)),
    ])
  }

  @Test func quotedTextWithDoubledQuotes() throws {
    #expect(try Self.tokens("'it''s'") == [Token(.quoted, "it's", SourceRange(0, 7)), Token(.end, "", SourceRange(7, 7))])
    #expect(try Self.tokens("\"say \"\"良\"\"\"")[0] == Token(.quoted, "say \"良\"", SourceRange(0, 13)))
    #expect(try Self.tokens("'a \"b\" c'")[0].text == "a \"b\" c")
    #expect(try Self.tokens("''")[0] == Token(.quoted, "", SourceRange(0, 2)))
    #expect(try Self.tokens("'a;b, c'")[0].text == "a;b, c")
  }

  @Test func chineseQuotes() throws {
    let source = "“党建 工作”「服务，群众」"
    let t = try Self.tokens(source)
    #expect(t.map(\.kind) == [.quoted, .quoted, .end])
    #expect(t.map(\.text) == ["党建 工作", "服务，群众", ""])
    #expect(t[0].range == SourceRange(0, 19))  // “ 3 + 4 ideographs 12 + space 1 + ” 3
    #expect(t[1].range == SourceRange(19, 40))  // 「 3 + 服务 6 + ， 3 + 群众 6 + 」 3
  }

  /// 「 closes only on 」 and “ only on ”. Today the lexer compares just the last byte
  /// of the closing quote, so U+200D ZERO WIDTH JOINER (E2 80 8D, as in emoji
  /// sequences) ends a 「…」 quote, and 〝 (E3 80 9D) ends a “…” quote.
  @Test func chineseQuotesCloseOnlyOnTheirPartner() throws {
    let joined = "「a\u{200D}b」"
    #expect(try Self.tokens(joined) == [Token(.quoted, "a\u{200D}b", SourceRange(0, 11)), Token(.end, "", SourceRange(11, 11))])
    let marked = "“a〝b”"
    #expect(try Self.tokens(marked) == [Token(.quoted, "a〝b", SourceRange(0, 11)), Token(.end, "", SourceRange(11, 11))])
  }

  @Test(arguments: [
    ("≥", ">="), ("≤", "<="), ("≠", "!="), (">=", ">="), ("<=", "<="), ("!=", "!="), ("<>", "!="),
    ("=", "="), ("==", "="), ("<", "<"), (">", ">"),
  ])
  func comparisons(_ written: String, _ text: String) throws {
    let source = "score \(written) 90"
    let t = try Self.tokens(source)
    #expect(t.map(\.kind) == [.word, .comparison, .number, .end])
    #expect(t[1].text == text)
    #expect(t[1].range == SourceRange(6, 6 + written.utf8.count))
  }

  @Test func comparisonsNeedNoSpaces() throws {
    #expect(try Self.texts("score≥90") == ["score", ">=", "90", ""])
    #expect(try Self.kinds("grade=良") == [.word, .comparison, .word, .end])
    #expect(try Self.texts("budget<=30") == ["budget", "<=", "30", ""])
  }

  @Test func punctuation() throws {
    let t = try Self.tokens("show seq，name, budget；count;(a)")
    #expect(t.map(\.kind) == [
      .word, .word, .comma, .word, .comma, .word, .semicolon, .word, .semicolon, .leftParen, .word, .rightParen, .end,
    ])
    #expect(t[2] == Token(.comma, ",", SourceRange(8, 11)))  // full-width comma is 3 bytes
    #expect(t[6] == Token(.semicolon, ";", SourceRange(23, 26)))
  }

  @Test func ideographicSpaceSeparatesWords() throws {
    let t = try Self.tokens("projects\u{3000}where")
    #expect(t == [
      Token(.word, "projects", SourceRange(0, 8)),
      Token(.word, "where", SourceRange(11, 16)),
      Token(.end, "", SourceRange(16, 16)),
    ])
  }

  @Test(arguments: [
    ("553.956", Token.Kind.number), ("2023", .number), ("-3", .number), ("+5", .number), (".5", .number),
    ("0.432", .number),
    ("1.2.3", .word), ("12abc", .word), ("3.", .word), ("-", .arithmetic), ("2021..2023", .word), ("3.spent", .word),
    ("良", .word), ("1e5", .word), ("#3", .word),
  ])
  func numbersAndWords(_ text: String, _ kind: Token.Kind) throws {
    let t = try Self.tokens(text)
    #expect(t.count == 2)
    #expect(t[0] == Token(kind, text, SourceRange(0, text.utf8.count)))
  }

  @Test func whitespaceOfEveryKind() throws {
    let t = try Self.tokens(" \t sum\r\n budget \n")
    #expect(t == [
      Token(.word, "sum", SourceRange(3, 6)),
      Token(.word, "budget", SourceRange(9, 15)),
      Token(.end, "", SourceRange(17, 17)),
    ])
  }

  @Test func emptyInputIsJustTheEnd() throws {
    #expect(try Self.tokens("") == [Token(.end, "", SourceRange(0, 0))])
    #expect(try Self.tokens("   ") == [Token(.end, "", SourceRange(3, 3))])
  }

  @Test func unclosedQuoteIsIncomplete() {
    let source = "projects where name = '村级"
    #expect(throws: SyntaxError(
      range: SourceRange(22, 29), message: "quoted text is never closed",
      suggestion: "end it with the same quote it starts with", isIncomplete: true)
    ) {
      try Lexer.tokenize(source)
    }
    #expect((try? Lexer.tokenize("name = “党建")) == nil)
  }

  @Test func bangAloneIsAnError() {
    #expect(throws: SyntaxError(
      range: SourceRange(15, 16), message: "'!' on its own is not an operator",
      suggestion: "write != for 'not equal', or not before a condition")
    ) {
      try Lexer.tokenize("projects where !grade = 良")
    }
  }

  @Test func isKeywordIgnoresCase() throws {
    let t = try Self.tokens("WHERE 'where'")
    #expect(t[0].isKeyword("where"))
    #expect(!t[1].isKeyword("where"))  // quoted text is never a keyword
  }
}
