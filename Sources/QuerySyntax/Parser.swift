/// A recursive-descent parser from tokens to statements.
///
/// House rules (after swift-syntax): methods that consume tokens are `mutating`;
/// `at` tests the current token, `eat` consumes it if it matches, `expect` consumes
/// or throws a `SyntaxError` that says what was expected there. There is one token of
/// lookahead. The parser knows nothing of the data: whether a word names a field is
/// decided later, against the store's schema.
public struct Parser {
  var tokens: [Token]
  /// The statement text, for paths, which are taken as written between spaces.
  let source: [UInt8]
  var index = 0
  /// Whether a value may be an aggregate here (`having`, `sort by`).
  var allowAggregates = false
  /// Guards against stack exhaustion on inputs like 10,000 nested parentheses.
  var depth = 0
  static let depthLimit = 200
  /// The longest statement text read, in UTF-8 bytes; longer text is refused unread.
  public static let lengthLimit = 1 << 20

  /// The words that start a statement, for suggestions and completion.
  public static var statementKeywords: [String] { Keywords.statementWords }

  init(tokens: [Token], source: String) {
    self.tokens = tokens
    self.source = Array(source.utf8)
  }

  /// Parses every `;`-separated statement of `source`; empty statements are skipped.
  public static func parse(_ source: String) throws(SyntaxError) -> [ParsedStatement] {
    guard source.utf8.count <= lengthLimit else { throw tooLong(source) }
    var parser = Parser(tokens: try Lexer.tokenize(source), source: source)
    var statements: [ParsedStatement] = []
    while !parser.at(.end) {
      if parser.eat(.semicolon) != nil { continue }
      statements.append(try parser.parseStatement())
      if !parser.at(.end) { try parser.expectStatementEnd() }
    }
    return statements
  }

  /// The error for statement text over `lengthLimit`.
  public static func tooLong(_ source: String) -> SyntaxError {
    SyntaxError(
      range: SourceRange(0, 0), message: "statement text is longer than 1 MiB (\(source.utf8.count) bytes)",
      suggestion: "put data in a dataset file and load it")
  }

  /// Splits `source` into the text of each statement, respecting quotes; used by the
  /// shell to echo and time statements one by one. Unclosed quotes end the last piece.
  public static func splitStatements(_ source: String) -> [String] {
    let utf8 = Array(source.utf8)
    var pieces: [String] = []
    var lexer = Lexer(source)
    var start = 0
    func cut(_ end: Int) {
      let piece = String(decoding: utf8[start..<end], as: UTF8.self)
      if !piece.allSatisfy(\.isWhitespace) { pieces.append(piece) }
    }
    while let t = try? lexer.next(), t.kind != .end {
      if t.kind == .semicolon {
        cut(t.range.start)
        start = t.range.end
      }
    }
    cut(utf8.count)
    return pieces
  }

  // MARK: - Token vocabulary

  var current: Token { tokens[index] }

  func at(_ kind: Token.Kind) -> Bool { current.kind == kind }

  func atKeyword(_ keyword: String) -> Bool { current.isKeyword(keyword) }

  func peekIsKeyword(_ keyword: String) -> Bool {
    index + 1 < tokens.count && tokens[index + 1].isKeyword(keyword)
  }

  @discardableResult
  mutating func advance() -> Token {
    let t = tokens[index]
    if t.kind != .end { index += 1 }
    return t
  }

  mutating func eat(_ kind: Token.Kind) -> Token? {
    at(kind) ? advance() : nil
  }

  mutating func eatKeyword(_ keyword: String) -> Token? {
    atKeyword(keyword) ? advance() : nil
  }

  /// Consumes the keyword or fails, naming what was there instead.
  mutating func expectKeyword(_ keyword: String, after: String) throws(SyntaxError) -> Token {
    if let t = eatKeyword(keyword) { return t }
    throw unexpected("expected '\(keyword)' after '\(after)'")
  }

  /// An error at the current token; at the end of input it asks for more.
  func unexpected(_ message: String, suggestion: String? = nil) -> SyntaxError {
    let t = current
    if t.kind == .end {
      // Only a dangling connective reads as "more to come"; anything else is a mistake.
      let dangling = index > 0 && (["and", "or", "not"].contains(tokens[index - 1].text.lowercased()) || tokens[index - 1].kind == .arithmetic)
      return SyntaxError(
        range: t.range, message: message + ", but the statement ends here", suggestion: suggestion,
        isIncomplete: dangling)
    }
    return SyntaxError(range: t.range, message: message + ", found '\(t.text)'", suggestion: suggestion)
  }

  mutating func expectStatementEnd() throws(SyntaxError) {
    if at(.semicolon) || at(.end) { return }
    throw SyntaxError(
      range: current.range, message: "unexpected '\(current.text)' after a complete statement",
      suggestion: "separate statements with ;")
  }

  /// A bare word used as a name (field, topic).
  mutating func expectName(_ what: String) throws(SyntaxError) -> Name {
    if at(.word) || at(.quoted) {
      let t = advance()
      return Name(t.text, t.range)
    }
    throw unexpected("expected \(what)")
  }

  /// A whole number.
  mutating func expectInteger(_ what: String) throws(SyntaxError) -> (Int, SourceRange) {
    if at(.number), let v = Int(current.text) {
      let t = advance()
      return (v, t.range)
    }
    throw unexpected("expected \(what), a whole number")
  }
}
