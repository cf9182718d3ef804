import LineEditor
import Testing

@Suite("Ctrl-R history search")
struct HistorySearchTests {
  /// Newest first, as the line reader hands them over.
  static let entries = [
    "count projects where name contains 专项",
    "years",
    "count projects where name contains 服务",
    "sum budget by grade",
  ]

  static func typing(_ text: String, into search: inout HistorySearch) -> HistorySearch.Outcome {
    var outcome = HistorySearch.Outcome.searching
    for scalar in text.unicodeScalars { outcome = search.press(scalar) }
    return outcome
  }

  @Test("Every Chinese character is search text, whatever its low byte")
  func chineseText() {
    // 服 U+670D ends in Return's byte, 专 U+4E13 in Ctrl-S's, 务 U+52A1 in an unbound one.
    var search = HistorySearch(entries: Self.entries, original: "")
    #expect(Self.typing("服务", into: &search) == .searching)
    #expect(search.line == "count projects where name contains 服务")
    #expect(search.cursor == 35)
    #expect(!search.failed)
    #expect(search.press("\r") == .accept("count projects where name contains 服务"))

    var other = HistorySearch(entries: Self.entries, original: "")
    _ = Self.typing("专", into: &other)
    #expect(other.match == 0)
  }

  @Test("Ctrl-R steps to older matches; a failed search keeps the last match")
  func olderAndFailed() {
    var search = HistorySearch(entries: Self.entries, original: "sum")
    #expect(search.line == "sum", "before anything is typed the line stays")
    _ = Self.typing("count", into: &search)
    #expect(search.match == 0)
    _ = search.press("\u{12}")
    #expect(search.match == 2)
    _ = search.press("\u{12}")
    #expect(search.match == 2 && search.failed, "nothing older matches")
    _ = Self.typing("x", into: &search)
    #expect(search.failed && search.line == Self.entries[2])
    // Backspace drops the x and searches again from the newest.
    _ = search.press("\u{7F}")
    #expect(!search.failed && search.match == 0 && search.pattern == "count")
  }

  @Test("Ctrl-G gives back the line as typed; other control keys keep the match")
  func leaving() {
    var search = HistorySearch(entries: Self.entries, original: "sum bud")
    _ = Self.typing("years", into: &search)
    #expect(search.press("\u{07}") == .cancel("sum bud"))
    #expect(search.press("\u{05}") == .leave("years"), "Ctrl-E leaves with the match to edit")
    #expect(search.press("\u{1B}") == .leave("years"), "an arrow key starts with Escape")
  }
}
