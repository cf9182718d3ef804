/// Splits statement text into tokens, walking its UTF-8 bytes.
///
/// Words run until whitespace or punctuation, so Chinese text needs no quotes:
/// 村级组织运转经费-村干部基础职务补贴 and 燃煤锅炉改造及清洁能源补贴（运转保障）are single
/// words. Quotes are needed only for text with spaces or punctuation. Because a word may
/// hold `-`, `+`, `*` and `/`, those are operators only where a token starts
/// (`budget - spent`); `budget-spent` stays one word and the binder says to add spaces.
/// Full-width forms typed on Chinese keyboards (＞ ＝ （ ） ＋ ％ and the digits) read
/// like their ASCII forms.
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

  /// ASCII bytes that end a word.
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

  /// A multi-byte character that stands for ASCII punctuation, with its ASCII form and
  /// its width in bytes. `（` and `）` are left out: inside a word they are text.
  private func symbol(at i: Int) -> (String, Int)? {
    guard i + 2 <= bytes.count else { return nil }
    if bytes[i] == 0xC3 {
      if bytes[i + 1] == 0x97 { return ("*", 2) }  // ×
      if bytes[i + 1] == 0xB7 { return ("/", 2) }  // ÷
      return nil
    }
    guard i + 3 <= bytes.count else { return nil }
    switch (bytes[i], bytes[i + 1], bytes[i + 2]) {
    case (0xE2, 0x89, 0xA5), (0xE2, 0x89, 0xA7): return (">=", 3)  // ≥ ≧
    case (0xE2, 0x89, 0xA4), (0xE2, 0x89, 0xA6): return ("<=", 3)  // ≤ ≦
    case (0xE2, 0x89, 0xA0): return ("!=", 3)  // ≠
    case (0xEF, 0xBC, 0x9E): return (">", 3)  // ＞
    case (0xEF, 0xBC, 0x9C): return ("<", 3)  // ＜
    case (0xEF, 0xBC, 0x9D): return ("=", 3)  // ＝
    case (0xEF, 0xBC, 0x81): return ("!", 3)  // ！
    case (0xEF, 0xBC, 0x8B): return ("+", 3)  // ＋
    case (0xEF, 0xBC, 0x8D): return ("-", 3)  // －
    case (0xEF, 0xBC, 0x8A): return ("*", 3)  // ＊
    case (0xEF, 0xBC, 0x8F): return ("/", 3)  // ／
    case (0xEF, 0xBC, 0x8C): return (",", 3)  // ，
    case (0xEF, 0xBC, 0x9B): return (";", 3)  // ；
    case (0xE3, 0x80, 0x80): return (" ", 3)  // ideographic space
    default: return nil
    }
  }

  /// Whether the bytes at `i` are the full-width `（` (open) or `）` (close).
  private func fullWidthParen(at i: Int) -> Bool? {
    guard i + 3 <= bytes.count, bytes[i] == 0xEF, bytes[i + 1] == 0xBC else { return nil }
    if bytes[i + 2] == 0x88 { return true }
    if bytes[i + 2] == 0x89 { return false }
    return nil
  }

  /// The ASCII punctuation at `i` (after folding full-width forms), with its width.
  private func punctuation(at i: Int) -> (String, Int)? {
    guard i < bytes.count else { return nil }
    if let s = symbol(at: i) { return s }
    let b = bytes[i]
    return b < 0x80 ? (String(UnicodeScalar(b)), 1) : nil
  }

  public mutating func next() throws(SyntaxError) -> Token {
    // Skip white space, including the ideographic space.
    while position < bytes.count {
      let b = bytes[position]
      if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
        position += 1
      } else if let (s, width) = symbol(at: position), s == " " {
        position += width
      } else {
        break
      }
    }
    let start = position
    guard position < bytes.count else { return Token(.end, "", SourceRange(start, start)) }
    if let open = fullWidthParen(at: position) {
      position += 3
      return Token(open ? .leftParen : .rightParen, open ? "(" : ")", SourceRange(start, position))
    }
    let (text, width) = punctuation(at: position) ?? ("", 0)
    func single(_ kind: Token.Kind, _ t: String) -> Token {
      position += width
      return Token(kind, t, SourceRange(start, position))
    }
    /// A comparison that may be followed by `=` (or `＝`) to make a two-character one.
    func followedByEquals() -> Bool {
      if let (s, w) = punctuation(at: position), s == "=" {
        position += w
        return true
      }
      return false
    }
    switch text {
    case "(": return single(.leftParen, "(")
    case ")": return single(.rightParen, ")")
    case ",": return single(.comma, ",")
    case ";": return single(.semicolon, ";")
    case ">=", "<=", "!=": return single(.comparison, text)
    case "=":
      position += width
      _ = followedByEquals()
      return Token(.comparison, "=", SourceRange(start, position))
    case "!":
      position += width
      guard followedByEquals() else {
        throw SyntaxError(
          range: SourceRange(start, position), message: "'!' on its own is not an operator",
          suggestion: "write != for 'not equal', or not before a condition")
      }
      return Token(.comparison, "!=", SourceRange(start, position))
    case "<":
      position += width
      if followedByEquals() { return Token(.comparison, "<=", SourceRange(start, position)) }
      if let (s, w) = punctuation(at: position), s == ">" {
        position += w
        return Token(.comparison, "!=", SourceRange(start, position))
      }
      return Token(.comparison, "<", SourceRange(start, position))
    case ">":
      position += width
      if followedByEquals() { return Token(.comparison, ">=", SourceRange(start, position)) }
      return Token(.comparison, ">", SourceRange(start, position))
    case "'", "\"":
      return try quoted(closing: bytes[position])
    case "+", "-":
      if width > 1 { return single(.arithmetic, text) }
      // `--force` is an option and `-5` a number; a lone sign is an operator.
      let following = position + 1 < bytes.count ? bytes[position + 1] : 0x20
      let isDigit = following >= 0x30 && following <= 0x39 || following == UInt8(ascii: ".")
      if following == UInt8(ascii: "-") || isDigit { break }
      return single(.arithmetic, text)
    case "*", "/":
      return single(.arithmetic, text)
    default:
      break
    }
    if let quote = curlyQuote(at: position) {
      return try quoted(closing: quote)
    }
    return word(from: start)
  }

  /// A word from `start`: up to a delimiter, a full-width operator, or a `）` that closes
  /// nothing opened inside the word. A word that reads as a number becomes one.
  private mutating func word(from start: Int) -> Token {
    var open = 0
    while position < bytes.count, !Lexer.isDelimiter(bytes[position]) {
      if let paren = fullWidthParen(at: position) {
        if paren {
          open += 1
        } else if open == 0 {
          break
        } else {
          open -= 1
        }
        position += 3
        continue
      }
      if symbol(at: position) != nil { break }
      position += 1
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    if let number = Lexer.numberLiteral(text) {
      return Token(.number, number, SourceRange(start, position))
    }
    return Token(.word, text, SourceRange(start, position))
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

  /// The number a word spells, in the language's own form: full-width digits become
  /// ASCII, `5万` and `5万元` are 5 (万元 is the unit of every amount), `50000元` is 5,
  /// and `90%` (or `90％`) keeps its percent sign. Nil when the word is not a number.
  static func numberLiteral(_ word: String) -> String? {
    var text = ""
    for scalar in word.unicodeScalars {
      switch scalar.value {
      case 0xFF10...0xFF19: text.unicodeScalars.append(UnicodeScalar(scalar.value - 0xFF10 + 0x30)!)
      case 0xFF0E: text.append(".")
      case 0xFF05: text.append("%")
      default: text.unicodeScalars.append(scalar)
      }
    }
    if text.hasSuffix("%") {
      let digits = String(text.dropLast())
      return isNumber(digits) ? digits + "%" : nil
    }
    if text.hasSuffix("万元") { text.removeLast(2) } else if text.hasSuffix("万") { text.removeLast() } else if text.hasSuffix("元") {
      text.removeLast()
      return isNumber(text) ? shiftedFourPlaces(text) : nil
    }
    return isNumber(text) ? text : nil
  }

  /// A number of 元 as 万元: the decimal point moves four places left, exactly.
  static func shiftedFourPlaces(_ text: String) -> String {
    var sign = ""
    var digits = Substring(text)
    if let f = digits.first, f == "-" || f == "+" {
      if f == "-" { sign = "-" }
      digits = digits.dropFirst()
    }
    let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
    var whole = String(parts[0])
    let fraction = parts.count > 1 ? String(parts[1]) : ""
    while whole.count < 5 { whole = "0" + whole }
    let cut = whole.index(whole.endIndex, offsetBy: -4)
    var head = String(whole[..<cut])
    while head.count > 1, head.hasPrefix("0") { head.removeFirst() }
    var tail = String(whole[cut...]) + fraction
    while tail.hasSuffix("0") { tail.removeLast() }
    return sign + head + (tail.isEmpty ? "" : "." + tail)
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
