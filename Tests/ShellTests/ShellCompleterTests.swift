import DataStore
import Foundation
import Testing

@testable import Shell

/// Tab follows the grammar: a sort key is followed by its direction, a dot-command by
/// its own words, a path by file names, and a field may be typed in Chinese.
@Suite struct ShellCompleterTests {
  /// The completer holds its session unowned, as the shell does; the suite keeps it alive.
  let session: Session

  init() throws {
    let store = try DatasetLoader.load(paths: [Transcript.repositoryRoot.appendingPathComponent("datasets").path])
    let sink = StringSink()
    session = Session(store: store, out: sink, err: sink)
  }

  func completer() -> ShellCompleter { ShellCompleter(session: session) }

  @Test func sortKeyIsFollowedByItsDirection() throws {
    let c = completer()
    #expect(c.complete(beforeCursor: "projects sort by budget d").candidates == ["desc"])
    #expect(c.complete(beforeCursor: "projects sort by budget a").candidates == ["asc"])
    #expect(c.complete(beforeCursor: "projects sort by budget ").candidates == ["desc", "asc", "where", "in", "limit", "show"])
    #expect(c.complete(beforeCursor: "projects sort by budget desc l").candidates == ["limit"])
    #expect(c.complete(beforeCursor: "count by grade sort by count d").candidates == ["desc"])
    // In a where clause `d` is still not a direction.
    #expect(c.complete(beforeCursor: "projects where budget > 1 a").candidates == ["and"])
  }

  @Test func dotCommandsCompleteTheirWords() throws {
    let c = completer()
    #expect(c.complete(beforeCursor: ".mode ").candidates == ["table", "csv", "json", "markdown", "line"])
    #expect(c.complete(beforeCursor: ".mode j") == Completion(replacing: 1, candidates: ["json"]))
    #expect(c.complete(beforeCursor: ".timer ").candidates == ["on", "off"])
    #expect(c.complete(beforeCursor: ".theme l").candidates == ["light"])
    #expect(c.complete(beforeCursor: ".width ").candidates == ["unicode", "ascii"])
    #expect(c.complete(beforeCursor: ".mo").candidates == [".mode"])
  }

  @Test func pathsCompleteFileNames() throws {
    let c = completer()
    let root = Transcript.repositoryRoot.path
    let fixtures = root + "/Tests/ShellTests/Fixtures/"
    #expect(c.complete(beforeCursor: "load \(fixtures)thou").candidates == [fixtures + "thousand/"])
    #expect(c.complete(beforeCursor: "load \(fixtures)thousand/").candidates == [fixtures + "thousand/projects-thousand.csv"])
    #expect(c.complete(beforeCursor: ".read \(fixtures)thou").candidates == [fixtures + "thousand/"])
    #expect(c.complete(beforeCursor: ".output \(fixtures)thou").candidates == [fixtures + "thousand/"])
    #expect(c.complete(beforeCursor: "import report \(fixtures)thou").candidates == [fixtures + "thousand/"])
    #expect(c.complete(beforeCursor: "import re").candidates == ["report"])
    #expect(c.complete(beforeCursor: "export csv \(fixtures)thou").candidates == [fixtures + "thousand/"])
    // A replacement covers the whole path typed so far.
    let typed = "\(fixtures)thou"
    #expect(c.complete(beforeCursor: "load " + typed).replacing == typed.count)
  }

  @Test func explainOffersSeqsAndNames() throws {
    let c = completer()
    let offered = c.complete(beforeCursor: "explain ").candidates
    #expect(offered.prefix(19) == ArraySlice((1...19).map(String.init)))
    // 19 seqs, then 17 names: two names are shared by two projects each.
    #expect(offered.count == 19 + 17)
    #expect(offered.contains("村级组织运转经费-村干部基础职务补贴"))
    #expect(c.complete(beforeCursor: "explain 村级组织运转经费-村干部").candidates == ["村级组织运转经费-村干部基础职务补贴"])
  }

  @Test func chineseFieldNamesComplete() throws {
    let c = completer()
    #expect(c.complete(beforeCursor: "projects where 决").candidates == ["决算数", "决算"])
    #expect(c.complete(beforeCursor: "projects sort by 自评").candidates == ["自评分", "自评级"])
    #expect(c.complete(beforeCursor: "projects where 等级 = ").candidates == ["优", "良", "中", "差"])
    // An empty Tab lists the English names only, once each.
    #expect(c.complete(beforeCursor: "projects where ").candidates.count == 14)
  }
}
