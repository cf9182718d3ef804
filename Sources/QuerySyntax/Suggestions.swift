/// "Did you mean" candidates by edit distance over Characters (so 良好 is one edit from 良).
public enum Suggestions {
  /// The closest candidates to `word`, all ties included, if any is close enough.
  public static func closest(to word: String, in candidates: [String]) -> [String] {
    let w = Array(word.lowercased())
    guard !w.isEmpty else { return [] }
    var best = Int.max
    var result: [String] = []
    for c in candidates {
      // The distance is at least the difference in length: most of 400,000 unit names are
      // refused by counting, before any is lowercased or compared.
      let length = c.count
      let limit = Swift.max(1, Swift.min(3, (Swift.max(w.count, length) + 1) / 3))
      guard abs(length - w.count) <= Swift.min(limit, best) else { continue }
      let d = distance(w, Array(c.lowercased()))
      guard d <= limit else { continue }
      if d < best {
        best = d
        result = [c]
      } else if d == best, !result.contains(c) {
        result.append(c)
      }
    }
    return result
  }

  /// Damerau–Levenshtein distance (adjacent swaps count as one edit).
  static func distance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = Swift.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          d[i][j] = Swift.min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[a.count][b.count]
  }

  /// "did you mean 'grade'?" or "did you mean 'a' or 'b'?", or nil.
  public static func didYouMean(_ word: String, in candidates: [String]) -> String? {
    let found = closest(to: word, in: candidates)
    guard !found.isEmpty else { return nil }
    return "did you mean " + found.map { "'\($0)'" }.joined(separator: " or ") + "?"
  }
}
