import Shell

/// What a Tab press does to the line, decided without touching the terminal so the
/// rules (insert, extend to the common prefix, or list) stay easy to read and check.
enum CompletionEdit: Equatable {
  /// Nothing matches: ring the bell.
  case beep
  /// Delete `deleting` scalars before the cursor, then insert `inserting`.
  case replace(deleting: Int, inserting: String)
  /// Several candidates and nothing more in common: show them.
  case list([String])

  /// Characters after which a following space would read badly (`sum(`, `a.b`).
  private static let openers: Set<Character> = ["(", "[", "{", ".", "/"]
  /// Characters before which an inserted space would read badly (`sum(budget)`).
  private static let closers: Set<Character> = [")", "]", "}", ",", ";"]

  /// Plans the edit for `completion` of the word ending at the cursor.
  /// - Parameters:
  ///   - beforeCursor: the line up to the cursor.
  ///   - afterCursor: the character just after the cursor, if any.
  static func plan(
    beforeCursor: String, afterCursor: Character?, completion: Completion
  ) -> CompletionEdit {
    var seen = Set<String>()
    let candidates = completion.candidates.filter { seen.insert($0).inserted }
    guard !candidates.isEmpty else { return .beep }

    let count = min(max(0, completion.replacing), beforeCursor.count)
    let word = beforeCursor.suffix(count)
    // `replacing` counts Characters; libedit deletes wchar_t, which on Linux are scalars.
    let deleting = word.unicodeScalars.count

    if candidates.count == 1 {
      let candidate = candidates[0]
      return .replace(
        deleting: deleting,
        inserting: candidate + (wantsSpace(after: candidate, before: afterCursor) ? " " : ""))
    }

    let prefix = commonPrefix(candidates)
    if prefix.count > word.count {
      return .replace(deleting: deleting, inserting: prefix)
    }
    return .list(candidates)
  }

  /// Whether a completed word reads naturally with a space after it.
  static func wantsSpace(after candidate: String, before next: Character?) -> Bool {
    guard let last = candidate.last, !last.isWhitespace, !openers.contains(last) else {
      return false
    }
    if let next, next.isWhitespace || closers.contains(next) { return false }
    return true
  }

  /// The longest run of leading Characters every candidate shares.
  static func commonPrefix(_ candidates: [String]) -> String {
    guard var prefix = candidates.first.map(Array.init) else { return "" }
    for candidate in candidates.dropFirst() {
      var shared = 0
      for (a, b) in zip(prefix, candidate) {
        if a != b { break }
        shared += 1
      }
      prefix.removeSubrange(shared...)
      if prefix.isEmpty { break }
    }
    return String(prefix)
  }
}
