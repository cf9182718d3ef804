import QuerySyntax

/// A statement that parsed but cannot be answered: an unknown field or value, a
/// comparison that makes no sense, a year that is not loaded.
public struct EvaluationError: Error, Equatable, Sendable {
  /// Where in the statement; nil when the problem is not in one place.
  public var range: SourceRange?
  public var message: String
  public var suggestion: String?

  public init(range: SourceRange?, message: String, suggestion: String? = nil) {
    self.range = range
    self.message = message
    self.suggestion = suggestion
  }

  static func unknownField(_ name: Name) -> EvaluationError {
    EvaluationError(
      range: name.range, message: "unknown field '\(name.text)'",
      suggestion: Suggestions.didYouMean(name.text, in: Field.allSpellings) ?? "type help fields to list them")
  }
}
