import DataStore
import Foundation
import Testing

@testable import Shell

/// Control characters in data or statement text never reach the terminal raw: a project
/// named with xterm's "set window title" sequence (ESC ] 0 ; pwned BEL) shows as
/// `\x1b]0;pwned\x07` in tables, explanations, messages and error echoes, while CSV and
/// JSON carry it exactly. Tables are in Transcripts/control-characters.jxt; the fixture
/// is Fixtures/control-chars (README there).
@Suite struct ControlCharacterTests {
  static let fixture = Transcript.repositoryRoot.appendingPathComponent("Tests/ShellTests/Fixtures/control-chars").path
  static let names = ["办公楼\u{1B}]0;pwned\u{07}维修", "道路养护", "路灯\u{9B}2J\u{7F}更换"]

  func session() throws -> (Session, StringSink) {
    let store = try DatasetLoader.load(paths: [Self.fixture])
    let sink = StringSink()
    return (Session(store: store, out: sink, err: sink), sink)
  }

  /// Whether any character that `visible` escapes is present (LF and tab are fine).
  static func hasRawControl(_ text: String) -> Bool {
    text.unicodeScalars.contains { TerminalText.isHidden($0.value) }
  }

  @Test func controlCharactersBecomeHexEscapes() {
    #expect(TerminalText.visible("a\u{1B}]0;pwned\u{07}b") == "a\\x1b]0;pwned\\x07b")
    // C0 (NUL, backspace, CR), DEL and C1 (the first, CSI, the last).
    #expect(TerminalText.visible("\u{00}\u{08}\r\u{7F}\u{80}\u{9B}\u{9F}") == "\\x00\\x08\\x0d\\x7f\\x80\\x9b\\x9f")
    // Line feed and tab stay; U+00A0 and U+00A1 follow C1 but are printable; a written
    // backslash is left alone.
    let plain = "line\n\ttab \u{A0}¡ 办公楼 \\x1b"
    #expect(TerminalText.visible(plain) == plain)
  }

  @Test func theStatementEchoedWithAnErrorShowsEscapesAndTheCaretCountsThem() throws {
    let (session, sink) = try session()
    #expect(session.run("projects where name = '\u{1B}]0;x\u{07}' and nmae = 1") == .failed)
    // The caret sits under nmae: 2 + 23 columns of `projects where name = '`, 12 of
    // `\x1b]0;x\x07`, 6 of `' and ` = column 43.
    #expect(
      sink.text == """
          projects where name = '\\x1b]0;x\\x07' and nmae = 1
                                                   ^^^^ unknown field 'nmae'; did you mean 'name'?

        """)
  }

  @Test func valuesAndFileNamesQuotedInErrorsAreEscaped() throws {
    let (session, sink) = try session()
    #expect(session.run("load '/nonexistent/\u{1B}]0;x\u{07}'") == .failed)
    #expect(
      sink.text == """
          load '/nonexistent/\\x1b]0;x\\x07'
               ^^^^^^^^^^^^^^^^^^^^^^^^^^^ /nonexistent/\\x1b]0;x\\x07: no such file or folder; nothing was loaded; the data is as it was

        """)
    sink.clear()
    #expect(session.runDotCommand(".output /nonexistent/\u{1B}[2J/out.txt") == .failed)
    #expect(sink.text == "error: /nonexistent/\\x1b[2J/out.txt: the folder /nonexistent/\\x1b[2J does not exist; create it first, or check the path\n")
  }

  @Test func anEditConfirmationShowsTheNewNameEscaped() throws {
    let (session, sink) = try session()
    #expect(session.run("let 2.name = '\u{1B}]0;pwned\u{07}'") == .ok)
    #expect(sink.text == "#2 \\x1b]0;pwned\\x07 (2023): name 道路养护 → \\x1b]0;pwned\\x07 — for this session only; reset data undoes it\n")
  }

  @Test func jsonKeepsTheExactTextAsJSONEscapes() throws {
    let (session, sink) = try session()
    session.renderer.format = .json
    #expect(session.run("projects") == .ok)
    #expect(!Self.hasRawControl(sink.text))
    #expect(sink.text.contains("\"name\": \"办公楼\\u001b]0;pwned\\u0007维修\""))
    #expect(sink.text.contains("\"name\": \"路灯\\u009b2J\\u007f更换\""))
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(sink.text.utf8)) as? [[String: Any]])
    #expect(rows.map { $0["name"] as? String } == Self.names)
  }

  @Test func csvKeepsTheExactBytes() throws {
    let (session, sink) = try session()
    session.renderer.format = .csv
    #expect(session.run("projects") == .ok)
    #expect(
      sink.text == """
        year,unit,seq,name,budget,spent,score,grade
        2023,测试镇人民政府,1,办公楼\u{1B}]0;pwned\u{07}维修,10,8,95.00,优
        2023,测试镇人民政府,2,道路养护,20.5,20.5,88.00,良
        2023,测试镇人民政府,3,路灯\u{9B}2J\u{7F}更换,3,3,91.00,优

        """)
  }

  @Test func exportsKeepDataExactAndMarkdownReadable() throws {
    let (session, sink) = try session()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jx-control-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let csv = folder.appendingPathComponent("out.csv").path
    let markdown = folder.appendingPathComponent("out.md").path
    #expect(session.run("export csv \(csv) projects where seq = 1") == .ok)
    #expect(session.run("export markdown \(markdown) projects where seq = 1") == .ok)
    #expect(sink.text == "wrote 1 row to \(csv)\nwrote 1 row to \(markdown)\n")
    #expect(
      FileManager.default.contents(atPath: csv)
        == Data([0xEF, 0xBB, 0xBF] + Array("year,unit,seq,name,budget,spent,score,grade\r\n2023,测试镇人民政府,1,办公楼\u{1B}]0;pwned\u{07}维修,10,8,95,优\r\n".utf8)))
    #expect(
      try String(contentsOfFile: markdown, encoding: .utf8) == """
        | year | unit | seq | name | budget | spent | score | grade |
        | ---: | --- | ---: | --- | ---: | ---: | ---: | --- |
        | 2023 | 测试镇人民政府 | 1 | 办公楼\\x1b]0;pwned\\x07维修 | 10 | 8 | 95 | 优 |

        """)
  }

  @Test func everyReadableFormatOfEveryResultIsFreeOfRawControls() throws {
    let (session, sink) = try session()
    for format in [OutputFormat.table, .line, .markdown] {
      session.renderer.format = format
      for statement in ["projects", "explain 1", "explain 3", "chart sum budget by name", "count by name", "check", "recompute"] {
        sink.clear()
        _ = session.run(statement)
        #expect(!sink.text.isEmpty, "\(format) \(statement)")
        #expect(!Self.hasRawControl(sink.text), "\(format) \(statement): \(sink.text.debugDescription)")
      }
    }
  }

  @Test func startUpErrorsOnTheCommandLineAreEscaped() throws {
    let run = try CommandLineTests.jixiao(["--data", "/nonexistent/\u{1B}]0;x\u{07}", "-c", "count"])
    #expect(run.status == 2)
    #expect(run.err == "error: /nonexistent/\\x1b]0;x\\x07: no such file or folder\n")
    #expect(run.out == "")
  }
}
