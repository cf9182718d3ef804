import Testing

@testable import QuerySyntax

/// "Did you mean": nearest by Damerau–Levenshtein over Characters, all ties kept.
@Suite struct SuggestionsTests {
  static let fields = ["year", "unit", "seq", "name", "fund", "budget", "initial", "spent", "rate", "score", "grade"]

  @Test func grdeIsGrade() {
    #expect(Suggestions.closest(to: "grde", in: Self.fields) == ["grade"])
    #expect(Suggestions.closest(to: "GRDE", in: Self.fields) == ["grade"])
    #expect(Suggestions.didYouMean("grde", in: Self.fields) == "did you mean 'grade'?")
  }

  @Test func adjacentSwapIsOneEdit() {
    #expect(Suggestions.distance(Array("sepnt"), Array("spent")) == 1)
    #expect(Suggestions.closest(to: "sepnt", in: Self.fields) == ["spent"])
    #expect(Suggestions.closest(to: "bugdet", in: Self.fields) == ["budget"])
  }

  @Test func tiesAreAllListedInCandidateOrder() {
    #expect(Suggestions.closest(to: "cot", in: ["cut", "dog", "cat"]) == ["cut", "cat"])
    #expect(Suggestions.didYouMean("cot", in: ["cut", "dog", "cat"]) == "did you mean 'cut' or 'cat'?")
    // fnd is one edit from both fund and find.
    #expect(Suggestions.closest(to: "fnd", in: ["fund", "find", "fun"]) == ["fund", "find"])
  }

  @Test func closerWinsOverFarther() {
    #expect(Suggestions.closest(to: "scor", in: ["scores", "score"]) == ["score"])
  }

  @Test func chineseCountsCharactersNotBytes() {
    #expect(Suggestions.closest(to: "良", in: ["良好", "优秀"]) == ["良好"])
    #expect(Suggestions.closest(to: "党建经费", in: ["党建工作经费", "团委工作经费"]) == ["党建工作经费"])
    #expect(Suggestions.distance(Array("党建经费"), Array("党建工作经费")) == 2)
  }

  @Test func nothingCloseEnough() {
    #expect(Suggestions.closest(to: "xyz", in: Self.fields) == [])
    #expect(Suggestions.closest(to: "", in: Self.fields) == [])
    #expect(Suggestions.closest(to: "grade", in: []) == [])
    #expect(Suggestions.didYouMean("xyz", in: Self.fields) == nil)
    #expect(Suggestions.closest(to: "yaer", in: Self.fields) == ["year"])
    #expect(Suggestions.closest(to: "abcd", in: ["wxyz"]) == [])
  }

  @Test func exactMatchIsDistanceZero() {
    #expect(Suggestions.closest(to: "grade", in: Self.fields) == ["grade"])
    #expect(Suggestions.distance(Array("grade"), Array("grade")) == 0)
    #expect(Suggestions.distance([], Array("abc")) == 3)
    #expect(Suggestions.distance(Array("abc"), []) == 3)
  }
}
