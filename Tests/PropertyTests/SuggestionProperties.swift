import Testing

@testable import QuerySyntax

/// "Did you mean" refuses most candidates by length before comparing them; on random
/// words it chooses exactly what comparing every candidate chooses.
@Suite struct SuggestionProperties {
  /// Every candidate compared, none refused early: the reference.
  static func everyCandidate(_ word: String, _ candidates: [String]) -> [String] {
    let w = Array(word.lowercased())
    guard !w.isEmpty else { return [] }
    var best = Int.max
    var result: [String] = []
    for c in candidates {
      let d = Suggestions.distance(w, Array(c.lowercased()))
      guard d <= max(1, min(3, (max(w.count, c.count) + 1) / 3)) else { continue }
      if d < best {
        best = d
        result = [c]
      } else if d == best, !result.contains(c) {
        result.append(c)
      }
    }
    return result
  }

  @Test func lengthRefusalChangesNoSuggestion() {
    var rng = SplitMix64(seed: 15)
    let letters: [Character] = ["a", "b", "A", "镇", "村", "级", "1", "１", "é", "e\u{301}"]
    func word() -> String {
      String((0..<Int.random(in: 0...9, using: &rng)).map { _ in letters.randomElement(using: &rng)! })
    }
    for _ in 0..<2_000 {
      let candidates = (0..<Int.random(in: 0...12, using: &rng)).map { _ in word() }
      let w = word()
      #expect(Suggestions.closest(to: w, in: candidates) == SuggestionProperties.everyCandidate(w, candidates), "\(w) in \(candidates)")
    }
  }
}
