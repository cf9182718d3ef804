import DataStore
import Foundation
import Testing

@testable import Shell

/// What the dot-commands write where a transcript cannot look: files and timings.
@Suite struct DotCommandTests {
  func session() throws -> (Session, StringSink) {
    let store = try DatasetLoader.load(paths: [Transcript.repositoryRoot.appendingPathComponent("datasets").path])
    let sink = StringSink()
    return (Session(store: store, out: sink, err: sink), sink)
  }

  func run(_ session: Session, _ script: String) {
    _ = REPL(session: session, reader: ScriptLineReader(text: script)).run()
  }

  @Test func onceSendsOnlyTheNextResultToTheFile() throws {
    let (session, sink) = try session()
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("jx-once-\(UUID().uuidString).csv").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    run(session, ".mode csv\n.once \(path)\nsum budget\ncount")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "sum(budget)\n553.956\n")
    #expect(sink.text == "count\n19\n")
  }

  @Test func outputSendsResultsUntilTurnedOff() throws {
    let (session, sink) = try session()
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("jx-output-\(UUID().uuidString).md").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    run(session, ".mode markdown\n.output \(path)\nsum budget by grade\ncount\n.output\navg score")
    #expect(
      try String(contentsOfFile: path, encoding: .utf8)
        == "| grade | sum(budget) |\n| --- | ---: |\n| 优 | 325.192 |\n| 良 | 228.764 |\n| count |\n| ---: |\n| 19 |\n")
    #expect(sink.text == "| avg(score) |\n| ---: |\n| 98.77 |\n")
  }

  @Test func timerPrintsMillisecondsAfterEachStatement() throws {
    let (session, sink) = try session()
    run(session, ".timer on\ncount")
    let last = sink.text.split(separator: "\n").last.map(String.init) ?? ""
    #expect(last.hasPrefix("Run Time: ") && last.hasSuffix(" ms"))
    let number = last.dropFirst("Run Time: ".count).dropLast(" ms".count)
    #expect(Double(number) != nil)
  }

  @Test func unwritableOutputFailsAndKeepsTheScreen() throws {
    let (session, sink) = try session()
    run(session, ".output /nonexistent-folder/x.txt\ncount")
    #expect(sink.text.hasPrefix("error: /nonexistent-folder/x.txt: the folder /nonexistent-folder does not exist; create it first, or check the path\n"))
    #expect(sink.text.hasSuffix("│    19 │\n└───────┘\n"))
    #expect(session.failures == 1)
  }

  @Test func wideTablesSwitchToOneFieldPerLine() throws {
    let (session, sink) = try session()
    session.terminalWidth = 60
    run(session, "projects where seq = 3")
    #expect(sink.text.hasPrefix("-[ RECORD 1 ]"))
    #expect(sink.text.contains("name   | 村级组织运转经费-村干部基础职务补贴\n"))
    #expect(sink.text.hasSuffix("one field per line; .mode line does this always)\n"))
  }

  /// A table a little too wide first cuts its names (never below 12 columns) with "…".
  @Test func slightlyWideTablesShortenTheirNames() throws {
    let (session, sink) = try session()
    session.terminalWidth = 80
    run(session, "projects where seq = 3")
    #expect(sink.text.contains("│ 2023 │ 双山子镇人民政府 │   3 │ 村级组织运转经费-… │ 228.764 │ 83.25 │ 良    │\n"))
    #expect(sink.text.hasSuffix("1 row\n(name shortened to fit 80 columns; .mode line shows every value in full)\n"))
    // Every line of the table fits.
    for line in sink.text.split(separator: "\n") where line.hasPrefix("│") || line.hasPrefix("┌") {
      #expect(DisplayWidth.of(line) <= 80)
    }
  }
}
