/// Finding words in a report's lines, for the narrative checks.
enum ReportWords {
  /// Whether `word` occurs in `text` at a place `accept` allows; `accept` gets the
  /// character before the word and the one after it (nil at either end).
  static func occurs(_ word: String, in text: String, accept: (Character?, Character?) -> Bool = { _, _ in true }) -> Bool {
    var rest = text[...]
    while let r = rest.firstRange(of: word) {
      let before = r.lowerBound > text.startIndex ? text[text.index(before: r.lowerBound)] : nil
      let after = r.upperBound < text.endIndex ? text[r.upperBound] : nil
      if accept(before, after) { return true }
      rest = text[r.upperBound...]
    }
    return false
  }

  /// The amount with two decimals where that is exact, as reports print it (867.40),
  /// else with every decimal.
  static func amount(_ f: Fraction) -> String {
    f.rounded(places: 2) == f ? f.formatted(places: 2) : f.trimmed(places: 4)
  }
}
