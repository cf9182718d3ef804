import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Ctrl-R history search and the user's libedit bindings, which only a terminal shows.
extension PseudoTerminalTests {
  @Test("Ctrl-R finds Chinese text whatever its code points; Ctrl-G puts the line back")
  func searchesChineseHistory() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let terminal = try sandbox.launch(arguments: ["--format", "csv"])
    defer { terminal.terminate() }

    // 服 is U+670D and 专 U+4E13: libedit's own search read them as Return and Ctrl-S.
    _ = try Self.run("count projects where name contains 服务", on: terminal)
    _ = try Self.run("count projects where name contains 专项", on: terminal)
    _ = try Self.run("years", on: terminal)

    terminal.send("\u{12}服务")
    try terminal.expect("contains 服务")
    terminal.send("\r")
    let services = try Self.reply(from: terminal)
    #expect(services.contains("count\r\n3\r\n"), "\(services.debugDescription)")

    terminal.send("\u{12}专项\r")
    let special = try Self.reply(from: terminal)
    #expect(special.contains("count\r\n4\r\n"), "\(special.debugDescription)")

    // Ctrl-R again steps to the next older match with other text: the history holds,
    // newest first, the 专项 and 服务 statements just re-run, so "contains" finds the
    // 专项 one and Ctrl-R the 服务 one.
    terminal.send("\u{12}contains\u{12}\r")
    let older = try Self.reply(from: terminal)
    #expect(older.contains("count\r\n3\r\n"), "\(older.debugDescription)")

    // Ctrl-G abandons the search and leaves the line as typed (the prompt is redrawn,
    // so wait for the result itself rather than the next prompt).
    terminal.send("sum bud")
    try terminal.expect("sum bud")
    terminal.send("\u{12}服务")
    try terminal.expect("contains 服务")
    terminal.send("\u{07}get\r")
    try terminal.expect("553.956")
    try terminal.expect(Self.prompt)
    terminal.send("\u{04}")
    #expect(terminal.waitForExit() == 0)
  }

  @Test("Bindings in ~/.editrc apply, including jixiao: ones")
  func honoursEditrc() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try "jixiao:bind -s ^T 'sum budget'\n".write(
      to: sandbox.root.appendingPathComponent(".editrc"), atomically: true, encoding: .utf8)
    let terminal = try sandbox.launch(arguments: ["--format", "csv"], environment: ["EDITRC": nil])
    defer { terminal.terminate() }
    terminal.send("\u{14}")
    try terminal.expect("sum budget")
    terminal.send("\r")
    let total = try Self.reply(from: terminal)
    #expect(total.contains("553.956"), "\(total.debugDescription)")
    terminal.send("\u{04}")
    #expect(terminal.waitForExit() == 0)
  }
}
