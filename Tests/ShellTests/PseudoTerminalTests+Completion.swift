import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Completion as a person meets it: what Tab puts on the line and what it lists.
extension PseudoTerminalTests {
  @Test("Tab after a sort key gives desc, after .mode the modes")
  func completesByGrammar() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let terminal = try sandbox.launch()
    defer { terminal.terminate() }

    terminal.send("projects sort by budget d")
    try terminal.expect("budget d")
    terminal.send("\t")
    // libedit redraws from the cursor: the `d` typed stays, `esc ` is added.
    try terminal.expect("esc ")
    terminal.send("limit 1\r")
    let output = try Self.reply(from: terminal)
    #expect(output.contains("村级组织运转经费-村干部基础职务补贴"), "\(output)")
    #expect(output.contains("228.764"), "\(output)")

    terminal.send(".mode ")
    try terminal.expect(".mode ")
    terminal.send("\t")
    let listing = try terminal.expectAll(["table", "csv", "json", "markdown", "line"])
    #expect(listing.contains("markdown"))
    terminal.send("\u{15}\u{04}")
    #expect(terminal.waitForExit() == 0)
  }

  @Test("A listing of hundreds of candidates is cut, with a count of the rest")
  func capsLongListings() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let fixture = PseudoTerminalTests.repositoryRoot.appendingPathComponent("Tests/ShellTests/Fixtures/thousand").path
    let terminal = try sandbox.launch(data: fixture)
    defer { terminal.terminate() }

    terminal.send("projects where name = ")
    try terminal.expect("name = ")
    terminal.send("\t")
    let listing = try terminal.expect("type more letters to narrow them")
    #expect(listing.contains("… and 189 more (289 in all)"), "\(listing)")
    // The prompt comes back with the line as it was.
    try terminal.expect("name = ")
    terminal.send("\u{15}\u{04}")
    #expect(terminal.waitForExit() == 0)
  }
}
