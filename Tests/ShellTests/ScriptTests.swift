import DataStore
import Foundation
import Testing

@testable import Shell

/// Statement files and dot-command lines as a person writes them: comments, errors that
/// name the file and line, quoted file names, stray words, and `.exit N`.
@Suite struct ScriptTests {
  func session() throws -> (Session, StringSink) {
    let store = try DatasetLoader.load(paths: [Transcript.repositoryRoot.appendingPathComponent("datasets").path])
    let sink = StringSink()
    return (Session(store: store, out: sink, err: sink), sink)
  }

  /// A fresh folder, removed by the caller.
  func scratch() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jx-script-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  static let countTable = "┌───────┐\n│ count │\n├───────┤\n│    19 │\n└───────┘\n"

  @Test func commentLinesAreSkipped() throws {
    let (session, sink) = try session()
    let status = REPL(session: session, reader: ScriptLineReader(text: "# grades first\n  -- then the count\n--\n#\ncount\n")).run()
    #expect(status == 0)
    #expect(sink.text == Self.countTable)
  }

  @Test func aCommentInsideAStatementIsNotSkipped() throws {
    // A line that continues a statement is part of it, whatever it starts with.
    let (session, sink) = try session()
    _ = REPL(session: session, reader: ScriptLineReader(text: "count where name = '\n# x'\n")).run()
    #expect(sink.text == "┌───────┐\n│ count │\n├───────┤\n│     0 │\n└───────┘\nno name is exactly '\n# x'\n")
  }

  @Test func readFileErrorsNameTheFileAndLine() throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let inner = folder.appendingPathComponent("inner.jx").path
    let outer = folder.appendingPathComponent("outer.jx").path
    try "# inner\ncount where budgt > 1\n.mdoe csv\n".write(toFile: inner, atomically: true, encoding: .utf8)
    try "count\n\nprojects where budget > 1 and\n  grde = 良\n.read \(inner)\n.read \(folder.path)/none.jx\n".write(toFile: outer, atomically: true, encoding: .utf8)
    let (session, sink) = try session()
    _ = REPL(session: session, reader: ScriptLineReader(text: ".read \(outer)\ncount where grde = 良\n")).run()
    #expect(
      sink.text
        == Self.countTable
        + "\(outer):4:\n    grde = 良\n    ^^^^ unknown field 'grde'; did you mean 'grade'?\n"
        + "\(inner):2:\n  count where budgt > 1\n              ^^^^^ unknown field 'budgt'; did you mean 'budget'?\n"
        + "error: \(inner):3: unknown command '.mdoe'; did you mean '.mode'?\n"
        + "error: \(outer):6: \(folder.path)/none.jx: cannot be opened: No such file or directory\n"
        // Back at the typed (here: piped) statements, errors name no file.
        + "  count where grde = 良\n              ^^^^ unknown field 'grde'; did you mean 'grade'?\n")
    #expect(session.failures == 5)
  }

  @Test func outputTakesAQuotedFileNameWithSpaces() throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (session, sink) = try session()
    let path = folder.appendingPathComponent("my file.csv").path
    _ = REPL(session: session, reader: ScriptLineReader(text: ".mode csv\n.output '\(path)'\ncount\n.output\n.once \"\(path)\"\nsum budget\n")).run()
    #expect(sink.text == "")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "sum(budget)\n553.956\n")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("'my").path))
  }

  @Test func extraWordsAreRefused() throws {
    let (session, sink) = try session()
    _ = REPL(session: session, reader: ScriptLineReader(text: ".output my file.txt\n.mode csv json\n.help me\n.width unicode wide x\ncount\n")).run()
    #expect(
      sink.text
        == "error: .output takes one word after it, not also 'file.txt'; usage: .output [FILE]; quote a file name that holds spaces: .output 'my file.txt'\n"
        + "error: .mode takes one word after it, not also 'json'; usage: .mode table|csv|json|markdown|line\n"
        + "error: .help takes no words after it, not also 'me'; usage: .help\n"
        + "error: .width takes at most 2 words after it, not also 'x'; usage: .width unicode|ascii [wide]\n"
        // The refused settings did not change anything.
        + Self.countTable)
    #expect(session.failures == 4)
    #expect(!FileManager.default.fileExists(atPath: "my"))
  }

  @Test func everyDotCommandRefusesOneWordTooMany() throws {
    let lines = [
      ".mode csv", ".maxrows 5", ".width ascii wide", ".timer on", ".echo off", ".output f.txt", ".once f.txt",
      ".read f.jx", ".theme none", ".lang zh", ".pager off", ".last", ".nullvalue —", ".numbers plain", ".help", ".quit", ".exit 2",
    ]
    // A command added later must be added here too.
    #expect(Set(lines.map { String($0.prefix { $0 != " " }) }) == Set(DotCommand.names))
    for line in lines {
      let (session, sink) = try session()
      #expect(session.runDotCommand(line + " x") == .failed, "\(line)")
      #expect(sink.text.hasPrefix("error: \(line.prefix { $0 != " " }) takes "), "\(line): \(sink.text)")
      #expect(sink.text.contains(", not also 'x'; usage: "), "\(line): \(sink.text)")
      #expect(!session.hasQuit && session.exitStatus == nil)
      #expect(session.renderer.format == .table && session.renderer.maxRows == 40 && session.renderer.border == .unicode)
    }
    #expect(!FileManager.default.fileExists(atPath: "f.txt"))
  }

  /// A line with several mistakes reports the first one in it.
  @Test func theFirstMistakeOnALineIsReported() throws {
    let (session, sink) = try session()
    _ = REPL(session: session, reader: ScriptLineReader(text: ".mode xml extra\n.width unicode wid\n.maxrows -1 7\n")).run()
    #expect(
      sink.text
        == "error: unknown mode 'xml'; expected one of table, csv, json, markdown, line\n"
        + "error: 'wid' is not 'wide'; expected .width unicode or .width unicode wide\n"
        + "error: '-1' is not a row count; expected a whole number such as 40, or 0 for all rows\n")
  }

  @Test func anOpenQuoteIsAnError() throws {
    let (session, sink) = try session()
    _ = REPL(session: session, reader: ScriptLineReader(text: ".output 'my file.txt\n")).run()
    #expect(sink.text == "error: a quote is left open in .output 'my file.txt; close it: .output 'my file.txt'\n")
  }

  @Test func exitWithAStatusEndsTheSession() throws {
    let (session, sink) = try session()
    let status = REPL(session: session, reader: ScriptLineReader(text: "count where grde = 1\n.exit 3\ncount\n")).run()
    #expect(status == 3)
    #expect(session.hasQuit)
    #expect(sink.text == "  count where grde = 1\n              ^^^^ unknown field 'grde'; did you mean 'grade'?\n")
  }

  @Test func exitWithoutAStatusKeepsTheUsualOne() throws {
    let (session, _) = try session()
    #expect(REPL(session: session, reader: ScriptLineReader(text: "projets\n.exit\n")).run() == 1)
    let (clean, _) = try self.session()
    #expect(REPL(session: clean, reader: ScriptLineReader(text: "count\n.exit\ncount where grde = 1\n")).run() == 0)
  }

  @Test func exitRefusesAStatusOutOfRange() throws {
    let (session, sink) = try session()
    let status = REPL(session: session, reader: ScriptLineReader(text: ".exit 256\n.exit -1\n.exit x\n")).run()
    #expect(status == 1)
    #expect(!session.hasQuit)
    #expect(sink.text.components(separatedBy: "\n").filter { $0.hasPrefix("error: ") }.count == 3)
    #expect(sink.text.hasPrefix("error: '256' is not an exit status; expected a whole number from 0 to 255, such as .exit 3\n"))
  }

  @Test func startupFilePathPrefersTheConfigFolder() {
    let both: Set<String> = ["/c/jixiao/jixiaorc", "/h/.config/jixiao/jixiaorc", "/h/.jixiaorc"]
    #expect(StartupFile.path(environment: ["XDG_CONFIG_HOME": "/c", "HOME": "/h"], exists: both.contains) == "/c/jixiao/jixiaorc")
    #expect(StartupFile.path(environment: ["HOME": "/h"], exists: both.contains) == "/h/.config/jixiao/jixiaorc")
    // A relative XDG_CONFIG_HOME is ignored, as the XDG spec says: ~/.config stands for it.
    #expect(StartupFile.path(environment: ["XDG_CONFIG_HOME": "c", "HOME": "/h"], exists: both.contains) == "/h/.config/jixiao/jixiaorc")
    #expect(StartupFile.path(environment: ["XDG_CONFIG_HOME": "/c", "HOME": "/h"], exists: { $0 == "/h/.jixiaorc" }) == "/h/.jixiaorc")
    #expect(StartupFile.path(environment: ["HOME": "/h"], exists: { _ in false }) == nil)
    #expect(StartupFile.path(environment: [:], exists: { _ in true }) == nil)
  }

  @Test func startupFileErrorsNameItsLine() throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let rc = folder.appendingPathComponent("jixiaorc").path
    try "# settings\n.mode csv\n.maxrows x\n".write(toFile: rc, atomically: true, encoding: .utf8)
    let (session, sink) = try session()
    session.runStartupFile(rc)
    _ = REPL(session: session, reader: ScriptLineReader(text: "count\n")).run()
    #expect(sink.text == "error: \(rc):3: 'x' is not a row count; expected a whole number such as 40, or 0 for all rows\ncount\n19\n")
  }

  @Test func unreadableStartupFileIsAWarning() throws {
    let (session, sink) = try session()
    session.runStartupFile("/nonexistent-folder/jixiaorc")
    #expect(sink.text == "warning: startup file /nonexistent-folder/jixiaorc: cannot be opened: No such file or directory; skipped\n")
    #expect(session.failures == 0)
  }
}
