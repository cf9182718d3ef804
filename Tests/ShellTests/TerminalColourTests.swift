import DataStore
import Foundation
import Testing

@testable import Shell

/// Colours reach a stream only when it is a terminal, and `.width unicode wide` draws
/// borders that line up on a terminal that shows ambiguous-width characters wide.
@Suite struct TerminalColourTests {
  func store() throws -> Store {
    try DatasetLoader.load(paths: [Transcript.repositoryRoot.appendingPathComponent("datasets").path])
  }

  @Test func aTerminalGetsColouredHeadersAndErrors() throws {
    let out = StringSink(isTerminal: true)
    let err = StringSink(isTerminal: true)
    let session = Session(store: try store(), out: out, err: err)
    session.theme = .dark
    _ = REPL(session: session, reader: ScriptLineReader(text: "count\nprojets\n")).run()
    // The header's text is coloured between the borders, so the borders keep their width.
    #expect(out.text == "┌───────┐\n│\u{1B}[1;36m count \u{1B}[0m│\u{1B}[1;36m\u{1B}[0m\n├───────┤\n│    19 │\n└───────┘\n")
    #expect(err.text.hasPrefix("\u{1B}[1;31m  projets\n"))
  }

  /// A table too wide for the terminal is drawn one field per line; with colours on, its
  /// first label stays whole (it has no header line to colour).
  @Test func theOneFieldPerLineLayoutKeepsItsLabelsWithColours() throws {
    let out = StringSink(isTerminal: true)
    let session = Session(store: try store(), out: out, err: out)
    session.theme = .dark
    session.terminalWidth = 60
    _ = REPL(session: session, reader: ScriptLineReader(text: "projects where budget > 200\n")).run()
    let lines = out.text.split(separator: "\n").map(String.init)
    #expect(lines.first == "-[ RECORD 1 ]----")
    #expect(lines.dropFirst().first == "year   | 2023")
    #expect(!out.text.contains("\u{1B}"))
  }

  @Test func aFileOrPipeGetsNoEscapes() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("jx-colour-\(UUID().uuidString).txt").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let out = StringSink(isTerminal: true)
    let err = StringSink()  // standard error sent to a file: 2>err.txt
    let session = Session(store: try store(), out: out, err: err)
    session.theme = .dark
    _ = REPL(session: session, reader: ScriptLineReader(text: ".output \(path)\ncount\n.output\nprojets\n")).run()
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "┌───────┐\n│ count │\n├───────┤\n│    19 │\n└───────┘\n")
    #expect(out.text == "")
    #expect(err.text == "  projets\n  ^^^^^^^ unknown statement 'projets'; did you mean 'projects'?\n")
  }

  @Test func wideBordersLineUpWhenAmbiguousCharactersAreWide() throws {
    let out = StringSink()
    let session = Session(store: try store(), out: out, err: out)
    _ = REPL(session: session, reader: ScriptLineReader(text: ".width unicode wide\nprojects show seq, name, budget limit 3\n")).run()
    let lines = out.text.split(separator: "\n").dropLast()  // the last is "3 rows"
    #expect(lines.count == 7)
    // Measured as a terminal that draws ambiguous-width characters in two columns.
    let widths = Set(lines.map { DisplayWidth.of($0, ambiguousIsWide: true) })
    #expect(widths == [62])
    #expect(String(lines[0]) == "┌───┬" + String(repeating: "─", count: 19) + "┬─────┐")
    #expect(lines[1] == "│  seq │ name" + String(repeating: " ", count: 32) + " │   budget │")
  }

  @Test func wideChartBarsKeepTheirColumns() throws {
    let out = StringSink()
    let session = Session(store: try store(), out: out, err: out)
    _ = REPL(session: session, reader: ScriptLineReader(text: ".width unicode wide\nchart count by grade\n")).run()
    let lines = out.text.split(separator: "\n").map(String.init)
    // 18 of 18 fills the 40 columns with 20 blocks of two columns; 1 of 18 is 20 × 8 ÷ 18
    // = 8.9 eighths, drawn as one block and one eighth (▏), four columns padded to 40.
    #expect(lines[1] == "优  " + String(repeating: "█", count: 20) + "  18")
    #expect(lines[2] == "良  █▏" + String(repeating: " ", count: 36) + "   1")
    #expect(DisplayWidth.of(lines[1], ambiguousIsWide: true) == DisplayWidth.of(lines[2], ambiguousIsWide: true))
  }
}
