import QuerySyntax
import Scoring

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

  /// The statement stopped because the user pressed Ctrl-C.
  static let interrupted = EvaluationError(range: nil, message: "interrupted (Ctrl-C); the statement was abandoned")

  static func unknownField(_ name: Name) -> EvaluationError {
    if let spaced = spacedOperators(name.text) {
      return EvaluationError(
        range: name.range, message: "'\(name.text)' is one word: an operator needs spaces around it",
        suggestion: "write \(spaced)")
    }
    return EvaluationError(
      range: name.range, message: "unknown field '\(name.text)'",
      suggestion: Suggestions.didYouMean(name.text, in: Field.allSpellings) ?? "type help fields to list them")
  }

  /// `budget-spent` as `budget - spent`, when the pieces between operator characters are
  /// fields or numbers and at least one is a field; nil otherwise (project names hold `-`).
  static func spacedOperators(_ word: String) -> String? {
    var pieces: [String] = []
    var operators: [Character] = []
    var current = ""
    for ch in word {
      if "+-*/".contains(ch), !current.isEmpty {
        pieces.append(current)
        operators.append(ch)
        current = ""
      } else {
        current.append(ch)
      }
    }
    pieces.append(current)
    guard !operators.isEmpty, pieces.allSatisfy({ Field(named: $0) != nil || (try? DecimalText.parse($0).get()) != nil }),
      pieces.contains(where: { Field(named: $0) != nil })
    else { return nil }
    var out = pieces[0]
    for (op, piece) in zip(operators, pieces.dropFirst()) { out += " \(op) \(piece)" }
    return out
  }
}
