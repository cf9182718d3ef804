/// A statement that does not parse: where, what, and what might fix it.
public struct SyntaxError: Error, Equatable, Sendable {
  public var range: SourceRange
  public var message: String
  /// A fix the user can type or a help topic to read.
  public var suggestion: String?
  /// True when the text ends before the statement does (an open quote or parenthesis,
  /// a trailing `and`): the shell then asks for a continuation line instead of failing.
  public var isIncomplete: Bool

  public init(range: SourceRange, message: String, suggestion: String? = nil, isIncomplete: Bool = false) {
    self.range = range
    self.message = message
    self.suggestion = suggestion
    self.isIncomplete = isIncomplete
  }
}
