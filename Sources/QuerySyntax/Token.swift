/// One lexical unit of a statement.
public struct Token: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    /// A bare word: keyword, field name, or unquoted text such as 良 or 党建工作经费.
    case word
    /// A decimal number such as 553.956 or 2023.
    case number
    /// Quoted text; `text` holds it without quotes.
    case quoted
    /// A comparison: = != < <= > >= (also ≠ ≤ ≥ ≧ ≦ <> and the full-width ＝ ＞ ＜).
    case comparison
    /// An arithmetic operator: + - * / (also ＋ － ＊ ／ × ÷); `text` holds the ASCII form.
    case arithmetic
    case leftParen
    case rightParen
    case comma
    case semicolon
    case end
  }

  public var kind: Kind
  /// The token's text (for quoted text: its contents with escapes resolved).
  public var text: String
  public var range: SourceRange

  public init(_ kind: Kind, _ text: String, _ range: SourceRange) {
    self.kind = kind
    self.text = text
    self.range = range
  }

  /// Whether this is the given keyword, ignoring case.
  public func isKeyword(_ keyword: String) -> Bool {
    kind == .word && text.lowercased() == keyword
  }
}
