/// Candidates for completing the word that ends at the cursor.
public struct Completion: Equatable, Sendable {
  /// How many characters (`Character`s) before the cursor the candidates replace.
  public var replacing: Int
  /// Full replacement words, in the order to show them.
  public var candidates: [String]

  public init(replacing: Int, candidates: [String]) {
    self.replacing = replacing
    self.candidates = candidates
  }
}

/// Answers Tab: given the text before the cursor, what could come next.
public protocol Completer: AnyObject {
  func complete(beforeCursor: String) -> Completion
}
