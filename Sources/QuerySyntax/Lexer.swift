/// Splits statement text into tokens, walking its UTF-8 bytes.
///
/// Words run until whitespace or punctuation, so Chinese text needs no quotes:
/// 村级组织运转经费-村干部基础职务补贴 and 燃煤锅炉改造及清洁能源补贴（运转保障）are single
/// words. Quotes are needed only for text with spaces or punctuation.
public struct Lexer {
  private let bytes: [UInt8]
  private var position = 0

  public init(_ source: String) {
    bytes = Array(source.utf8)
  }

  /// Every token up to and including `.end`.
  public static func tokenize(_ source: String) throws(SyntaxError) -> [Token] {
    var lexer = Lexer(source)
    var tokens: [Token] = []
    while true {
      let t = try lexer.next()
      tokens.append(t)
      if t.kind == .end { return tokens }
    }
  }

  /// Bytes that end a word.
  private static func isDelimiter(_ b: UInt8) -> Bool {
    switch b {
    case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"),
      UInt8(ascii: ">"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","),
      UInt8(ascii: ";"), UInt8(ascii: "'"), UInt8(ascii: "\""):
      true
    default:
      false
    }
  }

  /// A multi-byte character that acts as punctuation, with its token kind and width in bytes.
  private func specialCharacter(at i: Int) -> (Token.Kind, String, Int)? {
    guard i + 3 <= bytes.count else { return nil }
    switch (bytes[i], bytes[i + 1], bytes[i + 2]) {
    case (0xE2, 0x89, 0xA5): return (.comparison, ">=", 3)  // ≥
    case (0xE2, 0x89, 0xA4): return (.comparison, "<=", 3)  // ≤
    case (0xE2, 0x89, 0xA0): return (.comparison, "!=", 3)  // ≠
    case (0xEF, 0xBC, 0x8C): return (.comma, ",", 3)  // ，
    case (0xEF, 0xBC, 0x9B): return (.semicolon, ";", 3)  // ；
    case (0xE3, 0x80, 0x80): return (.end, " ", 3)  // ideographic space: treated as a space
    default: return nil
    }
  }

  public mutating func next() throws(SyntaxError) -> Token {
    // Skip white space, including the ideographic space.
    while position < bytes.count {
      let b = bytes[position]
      if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
        position += 1
      } else if let (kind, _, width) = specialCharacter(at: position), kind == .end {
        position += width
      } else {
        break
      }
    }
    let start = position
    guard position < bytes.count else { return Token(.end, "", SourceRange(start, start)) }
    let b = bytes[position]
    if let (kind, text, width) = specialCharacter(at: position) {
      position += width
      return Token(kind, text, SourceRange(start, position))
    }
    switch b {
    case UInt8(ascii: "("):
      position += 1
      return Token(.leftParen, "(", SourceRange(start, position))
    case UInt8(ascii: ")"):
      position += 1
      return Token(.rightParen, ")", SourceRange(start, position))
    case UInt8(ascii: ","):
      position += 1
      return Token(.comma, ",", SourceRange(start, position))
    case UInt8(ascii: ";"):
      position += 1
      return Token(.semicolon, ";", SourceRange(start, position))
    case UInt8(ascii: "="):
      position += 1
      if position < bytes.count, bytes[position] == UInt8(ascii: "=") { position += 1 }
      return Token(.comparison, "=", SourceRange(start, position))
    case UInt8(ascii: "!"):
      position += 1
      guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
        throw SyntaxError(
          range: SourceRange(start, position), message: "'!' on its own is not an operator",
          suggestion: "write != for 'not equal', or not before a condition")
      }
      position += 1
      return Token(.comparison, "!=", SourceRange(start, position))
    case UInt8(ascii: "<"):
      position += 1
      if position < bytes.count, bytes[position] == UInt8(ascii: "=") {
        position += 1
        return Token(.comparison, "<=", SourceRange(start, position))
      }
      if position < bytes.count, bytes[position] == UInt8(ascii: ">") {
        position += 1
        return Token(.comparison, "!=", SourceRange(start, position))
      }
      return Token(.comparison, "<", SourceRange(start, position))
    case UInt8(ascii: ">"):
      position += 1
      if position < bytes.count, bytes[position] == UInt8(ascii: "=") {
        position += 1
        return Token(.comparison, ">=", SourceRange(start, position))
      }
      return Token(.comparison, ">", SourceRange(start, position))
    case UInt8(ascii: "'"), UInt8(ascii: "\""):
      return try quoted(closing: b)
    default:
      if let quote = curlyQuote(at: position) {
        return try quoted(closing: quote)
      }
      while position < bytes.count, !Lexer.isDelimiter(bytes[position]), specialCharacter(at: position) == nil {
        position += 1
      }
      let text = String(decoding: bytes[start..<position], as: UTF8.self)
      let kind: Token.Kind = Lexer.isNumber(text) ? .number : .word
      return Token(kind, text, SourceRange(start, position))
    }
  }

  /// Chinese quotes “…” and 「…」 open quoted text too; returns the closing quote's last
  /// byte, which with its opener's lead bytes identifies the closing quote exactly.
  private func curlyQuote(at i: Int) -> UInt8? {
    guard i + 3 <= bytes.count else { return nil }
    if bytes[i] == 0xE2, bytes[i + 1] == 0x80, bytes[i + 2] == 0x9C { return 0x9D }  // “ … ”
    if bytes[i] == 0xE3, bytes[i + 1] == 0x80, bytes[i + 2] == 0x8C { return 0x8D }  // 「 … 」
    return nil
  }

  /// Reads quoted text; a doubled quote stands for one quote character.
  private mutating func quoted(closing: UInt8) throws(SyntaxError) -> Token {
    let start = position
    let ascii = closing == UInt8(ascii: "'") || closing == UInt8(ascii: "\"")
    // The lead bytes of the closing quote: ” is E2 80 9D, 」 is E3 80 8D.
    let lead: UInt8 = ascii ? 0 : bytes[position]
    position += ascii ? 1 : 3
    var content: [UInt8] = []
    while position < bytes.count {
      if ascii, bytes[position] == closing {
        if position + 1 < bytes.count, bytes[position + 1] == closing {
          content.append(closing)
          position += 2
          continue
        }
        position += 1
        return Token(.quoted, String(decoding: content, as: UTF8.self), SourceRange(start, position))
      }
      if !ascii, position + 3 <= bytes.count, bytes[position] == lead, bytes[position + 1] == 0x80,
        bytes[position + 2] == closing
      {
        position += 3
        return Token(.quoted, String(decoding: content, as: UTF8.self), SourceRange(start, position))
      }
      content.append(bytes[position])
      position += 1
    }
    throw SyntaxError(
      range: SourceRange(start, bytes.count), message: "quoted text is never closed",
      suggestion: "end it with the same quote it starts with", isIncomplete: true)
  }

  /// `[+-]digits[.digits]`.
  static func isNumber(_ text: String) -> Bool {
    var utf8 = Substring(text).utf8[...]
    if let f = utf8.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") { utf8 = utf8.dropFirst() }
    var digits = 0
    var dots = 0
    for b in utf8 {
      if b >= 0x30 && b <= 0x39 {
        digits += 1
      } else if b == UInt8(ascii: ".") {
        dots += 1
      } else {
        return false
      }
    }
    return digits > 0 && dots <= 1 && utf8.last != UInt8(ascii: ".")
  }
}
