import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The startup file and colours, which only an interactive terminal shows.
extension PseudoTerminalTests {
  @Test("The startup file runs before the first prompt; --no-rc skips it")
  func startupFileRuns() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let config = sandbox.root.appendingPathComponent("config/jixiao")
    try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
    let rc = config.appendingPathComponent("jixiaorc").path
    try "# my settings\n.mode csv\n.maxrows x\n".write(toFile: rc, atomically: true, encoding: .utf8)
    // ~/.jixiaorc is the fallback, so the config folder's file wins over it.
    try ".mode json\n".write(to: sandbox.root.appendingPathComponent(".jixiaorc"), atomically: true, encoding: .utf8)

    let terminal = try sandbox.launch(environment: ["XDG_CONFIG_HOME": sandbox.root.appendingPathComponent("config").path], waitForPrompt: false)
    defer { terminal.terminate() }
    let start = try terminal.expect(Self.prompt, timeout: .seconds(60))
    #expect(start.contains("error: \(rc):3: 'x' is not a row count"), "\(start)")
    let output = try Self.run("sum budget", on: terminal)
    #expect(output == "sum(budget)\r\n553.956\r\n" + Self.prompt, "\(output.debugDescription)")
    terminal.send("\u{04}")
    #expect(terminal.waitForExit() == 1)

    let plain = try sandbox.launch(arguments: ["--no-rc"], environment: ["XDG_CONFIG_HOME": sandbox.root.appendingPathComponent("config").path])
    defer { plain.terminate() }
    let table = try Self.run("sum budget", on: plain)
    #expect(table.hasPrefix("┌─────────────┐\r\n"), "\(table.debugDescription)")
    plain.send(".exit 6\r")
    #expect(plain.waitForExit() == 6)
  }

  @Test("Without XDG_CONFIG_HOME, ~/.config/jixiao/jixiaorc, else ~/.jixiaorc")
  func startupFileInHome() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try ".mode json\n".write(to: sandbox.root.appendingPathComponent(".jixiaorc"), atomically: true, encoding: .utf8)
    let terminal = try sandbox.launch(environment: ["XDG_CONFIG_HOME": nil])
    defer { terminal.terminate() }
    let output = try Self.run("sum budget", on: terminal)
    #expect(output == "[\r\n  {\"sum(budget)\": 553.956}\r\n]\r\n" + Self.prompt, "\(output.debugDescription)")
    terminal.send(".quit\r")
    #expect(terminal.waitForExit() == 0)
  }

  @Test("Colours go to the terminal, never into an .output file")
  func coloursOnlyOnTheTerminal() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let file = sandbox.root.appendingPathComponent("out.txt").path
    let terminal = try sandbox.launch(environment: ["NO_COLOR": nil])
    defer { terminal.terminate() }
    _ = try Self.run(".output \(file)", on: terminal)
    _ = try Self.run("count", on: terminal)
    _ = try Self.run(".output", on: terminal)
    let screen = try Self.run("count", on: terminal)
    #expect(screen.contains("│\u{1B}[1;36m count \u{1B}[0m│"), "\(screen.debugDescription)")
    terminal.send("\u{04}")
    #expect(terminal.waitForExit() == 0)
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "┌───────┐\n│ count │\n├───────┤\n│    19 │\n└───────┘\n")
  }

  @Test("Errors sent to a file get no colour while results on the terminal do")
  func errorsToAFileArePlain() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let program = try #require(Self.executable())
    let errFile = sandbox.root.appendingPathComponent("err.txt").path
    let terminal = try PseudoTerminal(
      executable: "/bin/sh",
      arguments: ["-c", "exec \"$0\" --data \"$1\" -c projets -c count 2>\"$2\"", program, Self.datasets, errFile],
      environment: ["TERM": "xterm", "LANG": "C.UTF-8", "HOME": sandbox.root.path, "XDG_STATE_HOME": sandbox.stateHome, "PATH": "/usr/bin:/bin"])
    defer { terminal.terminate() }
    let screen = try terminal.expect("└───────┘")
    #expect(terminal.waitForExit() == 1)
    #expect(screen.contains("\u{1B}[1;36m count \u{1B}[0m"), "\(screen.debugDescription)")
    #expect(try String(contentsOfFile: errFile, encoding: .utf8) == "  projets\n  ^^^^^^^ unknown statement 'projets'; did you mean 'projects'?\n")
  }
}
