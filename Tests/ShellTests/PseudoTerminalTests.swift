import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// End-to-end checks of the interactive shell: the real `jixiao` executable on a
/// pseudo-terminal, typed at like a person. Only a terminal switches on the libedit
/// reader, so completion, Chinese editing, Ctrl-C and history can be proven no other way.
@Suite("Interactive shell on a pseudo-terminal", .timeLimit(.minutes(2)))
struct PseudoTerminalTests {
  static let prompt = "jx> "

  /// Repository root: this file is `<root>/Tests/ShellTests/PseudoTerminalTests.swift`.
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The bundled data, passed explicitly so the test does not depend on its working folder.
  static let datasets = repositoryRoot.appendingPathComponent("datasets").path

  /// The `jixiao` built next to this test bundle (`swift build`/`swift test` put all
  /// products of one configuration in one folder).
  static func executable() -> String? {
    var folders: [URL] = [
      // On Linux the test bundle is an executable and `Bundle.main` is its folder.
      Bundle.main.bundleURL,
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
    ]
    folders.append(repositoryRoot.appendingPathComponent(".build/debug"))
    for folder in folders {
      let candidate = folder.appendingPathComponent("jixiao").path
      var status = stat()
      if stat(candidate, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
        access(candidate, X_OK) == 0
      {
        return candidate
      }
    }
    return nil
  }

  /// A fresh state directory per test, so history never leaks between tests or into the
  /// user's real one. Removed explicitly (not in a deinit) so it outlives the child.
  struct Sandbox {
    let root: URL
    init() throws {
      root = FileManager.default.temporaryDirectory
        .appendingPathComponent("jixiao-pty-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func remove() {
      try? FileManager.default.removeItem(at: root)
    }

    var stateHome: String { root.appendingPathComponent("state").path }
    var historyFile: String { stateHome + "/jixiao/history" }

    /// - Parameters:
    ///   - arguments: flags after `--data`.
    ///   - environment: variables added to (or, with nil, removed from) the usual ones.
    ///   - waitForPrompt: false leaves the banner and the first prompt for the caller to read.
    func launch(
      data: String = PseudoTerminalTests.datasets, arguments: [String] = [], environment changes: [String: String?] = [:],
      waitForPrompt: Bool = true
    ) throws -> PseudoTerminal {
      let program = try #require(
        PseudoTerminalTests.executable(),
        "the jixiao executable was not found next to the test bundle; build it with `swift build`")
      var environment = [
        "TERM": "xterm",
        "LANG": "C.UTF-8",
        "XDG_STATE_HOME": stateHome,
        "HOME": root.path,
        "NO_COLOR": "1",
        "PATH": "/usr/bin:/bin",
      ]
      for (name, value) in changes { environment[name] = value }
      let terminal = try PseudoTerminal(
        executable: program,
        arguments: ["--data", data] + arguments,
        environment: environment)
      if waitForPrompt { try terminal.expect(PseudoTerminalTests.prompt, timeout: .seconds(60)) }
      return terminal
    }
  }

  /// Sends a statement and returns what the shell printed for it: the output after the
  /// echoed input line, up to the next prompt.
  static func run(_ statement: String, on terminal: PseudoTerminal) throws -> String {
    terminal.send(statement + "\r")
    return try reply(from: terminal)
  }

  /// The output up to the next prompt, without the echo of the line just entered.
  static func reply(from terminal: PseudoTerminal) throws -> String {
    let text = try terminal.expect(prompt)
    // A terminal ends lines with "\r\n", which Swift treats as one Character.
    guard let newline = text.firstIndex(where: \.isNewline) else { return "" }
    return String(text[text.index(after: newline)...])
  }

  @Test("Tab lists the grade values; the chosen one runs")
  func completesGradeValue() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let terminal = try sandbox.launch()
    defer { terminal.terminate() }

    terminal.send("projects where grade = ")
    try terminal.expect("grade = ")
    terminal.send("\t")
    let listing = try terminal.expectAll(["优", "良", "中", "差"])
    #expect(listing.contains("优"))

    // The prompt is redrawn with the line intact after the listing.
    try terminal.expect("grade = ")
    terminal.send("良\r")
    let output = try Self.reply(from: terminal)
    #expect(output.contains("村级组织运转经费-村干部基础职务补贴"), "\(output)")
    #expect(output.contains("228.764"), "\(output)")
    terminal.send("\u{04}")
    #expect(terminal.waitForExit() == 0)
  }

  @Test("Backspace deletes one whole Chinese character")
  func editsChinese() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let terminal = try sandbox.launch()
    defer { terminal.terminate() }

    terminal.send("projects where name contains 党建工作经費")
    try terminal.expect("費")
    terminal.send("\u{7F}")  // Backspace (the tty's VERASE)
    terminal.send("费\r")
    let output = try Self.reply(from: terminal)
    #expect(output.contains("党建工作经费"), "\(output)")
    terminal.send("\u{04}")
    #expect(terminal.waitForExit() == 0)
  }

  @Test("Ctrl-C abandons the line and the shell keeps running")
  func interruptAbandonsLine() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let terminal = try sandbox.launch()
    defer { terminal.terminate() }

    terminal.send("projects where na")
    try terminal.expect("where na")
    terminal.send("\u{03}")
    try terminal.expect(Self.prompt)
    #expect(terminal.isRunning)

    let output = try Self.run("years", on: terminal)
    #expect(output.contains("2023"), "\(output)")
    // The abandoned text did not stick to the new line.
    #expect(!output.contains("where na"), "\(output)")
    terminal.send("\u{04}")
    #expect(terminal.waitForExit() == 0)
  }

  @Test("History is saved privately and recalled by the next run")
  func historyPersists() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }

    let first = try sandbox.launch()
    defer { first.terminate() }
    let total = try Self.run("sum budget", on: first)
    #expect(total.contains("553.956"), "\(total)")
    first.send("\u{04}")
    #expect(first.waitForExit() == 0)

    var status = stat()
    try #require(
      stat(sandbox.historyFile, &status) == 0, "no history file at \(sandbox.historyFile)")
    #expect(status.st_mode & 0o777 == 0o600)
    #expect(stat(sandbox.stateHome + "/jixiao", &status) == 0 && status.st_mode & 0o777 == 0o700)

    let second = try sandbox.launch()
    defer { second.terminate() }
    second.send("\u{1B}[A")  // Up
    try second.expect("sum budget")
    second.send("\r")
    let again = try Self.reply(from: second)
    #expect(again.contains("553.956"), "\(again)")
    second.send("\u{04}")
    #expect(second.waitForExit() == 0)
  }

  /// Waits until `pid` is stopped (state T in /proc), so a SIGCONT sent next continues it.
  static func waitUntilStopped(_ pid: pid_t) throws {
    let deadline = ContinuousClock.now + .seconds(10)
    while ContinuousClock.now < deadline {
      let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
      // "PID (NAME) STATE …": the state follows the closing parenthesis.
      if let close = stat.lastIndex(of: ")"), stat[close...].dropFirst(2).first == "T" { return }
      usleep(10_000)
    }
    Issue.record("process \(pid) did not stop")
  }

  @Test("A result longer than the terminal goes through the pager; .pager off and short results do not")
  func longResultsArePaged() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let terminal = try sandbox.launch(environment: ["PAGER": "sed s/^/P:/"])
    defer { terminal.terminate() }
    terminal.resize(columns: 200, rows: 12)
    let paged = try Self.run("projects", on: terminal)
    #expect(paged.contains("P:│ 2023 │ 双山子镇人民政府 │  19 │"), "\(paged)")
    #expect(paged.contains("P:19 rows"), "\(paged)")
    let short = try Self.run("count", on: terminal)
    #expect(short.contains("│    19 │") && !short.contains("P:"), "\(short)")
    // .last shows the whole table after a .maxrows cut (through the pager, since it is long).
    _ = try Self.run(".maxrows 4", on: terminal)
    let cut = try Self.run("projects", on: terminal)
    #expect(cut.contains("19 rows (4 shown)") && !cut.contains("P:"), "\(cut)")
    let last = try Self.run(".last", on: terminal)
    #expect(last.contains("P:│ 2023 │ 双山子镇人民政府 │  10 │"), "\(last)")
    _ = try Self.run(".pager off", on: terminal)
    let plain = try Self.run(".last", on: terminal)
    #expect(plain.contains("│ 2023 │ 双山子镇人民政府 │  10 │") && !plain.contains("P:"), "\(plain)")
  }

  @Test("A resized window is drawn for at its new width")
  func resizingChangesTheLayout() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let terminal = try sandbox.launch()
    defer { terminal.terminate() }
    terminal.send("projects where budget > 200\r")
    let wide = try Self.reply(from: terminal)
    #expect(wide.contains("│ 2023 │ 双山子镇人民政府 │   3 │"), "\(wide)")
    terminal.resize(columns: 60)
    terminal.send("projects where budget > 200\r")
    let narrow = try Self.reply(from: terminal)
    #expect(narrow.contains("-[ RECORD 1 ]"), "\(narrow)")
    #expect(narrow.contains("wider than the terminal"), "\(narrow)")
  }

  @Test("Ctrl-Z and continuing redraw the prompt and the line being typed")
  func continuingRedrawsTheLine() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let terminal = try sandbox.launch()
    defer { terminal.terminate() }

    terminal.send("sum bud")
    try terminal.expect("sum bud")
    // The Ctrl-Z key, then the SIGCONT a shell's fg sends. The child leads a session of
    // its own here, so the kernel drops the stop itself (an orphaned process group);
    // libedit's handlers and ours still run, cooking the terminal and raw again.
    terminal.send("\u{1A}")
    kill(terminal.pid, SIGCONT)
    try terminal.expect("jx> sum bud")
    terminal.settle()  // the stop and the continue may each redraw
    // A second Ctrl-Z on the same line: libedit's handler has handed back to ours.
    // Each step types one more letter, so only a redraw shows the whole line.
    terminal.send("g")
    try terminal.expect("g")
    terminal.send("\u{1A}")
    kill(terminal.pid, SIGCONT)
    try terminal.expect("jx> sum budg")
    terminal.settle()
    // A real stop (SIGSTOP cannot be caught), continued.
    terminal.send("e")
    try terminal.expect("e")
    kill(terminal.pid, SIGSTOP)
    try Self.waitUntilStopped(terminal.pid)
    kill(terminal.pid, SIGCONT)
    try terminal.expect("jx> sum budge")
    // The line is intact and the editor still raw: Enter runs it, once.
    terminal.send("t\r")
    let output = try Self.reply(from: terminal)
    #expect(output.contains("553.956"), "\(output)")
    let again = try Self.run("count", on: terminal)
    #expect(again.contains("19"), "\(again)")
    terminal.send("\u{04}")
    #expect(terminal.waitForExit() == 0)
  }

  @Test("Completion lists names with control characters as escapes")
  func completionListingShowsEscapes() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let fixture = PseudoTerminalTests.repositoryRoot.appendingPathComponent("Tests/ShellTests/Fixtures/control-chars").path
    let terminal = try sandbox.launch(data: fixture)
    defer { terminal.terminate() }

    terminal.send("projects where name = ")
    try terminal.expect("name = ")
    terminal.send("\t")
    let listing = try terminal.expectAll(["'办公楼\\x1b]0;pwned\\x07维修'", "路灯\\x9b2J\\x7f更换", "道路养护"])
    #expect(!listing.contains("\u{1B}]0;pwned"), "\(listing.debugDescription)")
    #expect(!listing.contains("\u{9B}"), "\(listing.debugDescription)")
    terminal.send("\u{15}\u{04}")  // Ctrl-U empties the line, Ctrl-D leaves
    #expect(terminal.waitForExit() == 0)
  }
}
