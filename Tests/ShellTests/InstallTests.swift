import Foundation
import Testing

/// scripts/install.sh puts the binary, its man page, completion scripts and the bundled
/// report under a prefix, and the installed binary works from any folder.
@Suite("install", .timeLimit(.minutes(2)))
struct InstallTests {
  @Test func installsIntoAPrefixAndRunsAnywhere() throws {
    let binary = try #require(CommandLineTests.executable())
    let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-install-\(UUID().uuidString)")
    let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-elsewhere-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    defer {
      try? FileManager.default.removeItem(at: prefix)
      try? FileManager.default.removeItem(at: elsewhere)
    }
    let script = CommandLineTests.root.appendingPathComponent("scripts/install.sh").path
    let install = Process()
    install.executableURL = URL(fileURLWithPath: "/bin/bash")
    install.arguments = [script, prefix.path]
    install.environment = ProcessInfo.processInfo.environment.merging(["JIXIAO_BINARY": binary]) { $1 }
    install.standardOutput = FileHandle.nullDevice
    try install.run()
    install.waitUntilExit()
    #expect(install.terminationStatus == 0)

    func text(_ path: String) throws -> String { try String(contentsOfFile: prefix.appendingPathComponent(path).path, encoding: .utf8) }
    let man = try text("share/man/man1/jixiao.1")
    #expect(man.hasPrefix(".TH JIXIAO 1"))
    #expect(man.contains("--lang") && man.contains("--no-rc") && man.contains("jixiaorc"))
    let bash = try text("share/bash-completion/completions/jixiao")
    #expect(bash.contains("'--format')") && bash.contains("'table'$'\\n''csv'"))
    #expect(try text("share/zsh/site-functions/_jixiao").contains("--data"))
    let fish = try text("share/fish/vendor_completions.d/jixiao.fish")
    #expect(fish.contains("-l 'lang'") && fish.contains("'en zh'"))

    // From a folder with no datasets and no rules: the built-in rule sets and the bundled report.
    let run = try CommandLineTests.jixiao(
      ["--data", "sample", "-c", "count", "-c", "rules twenty"], environment: ["HOME": elsewhere.path, "XDG_DATA_HOME": elsewhere.path],
      directory: elsewhere, program: prefix.appendingPathComponent("bin/jixiao").path)
    #expect(run.status == 0, "\(run.err)")
    #expect(run.out.contains("│    19 │"))
    #expect(run.out.contains("rules: twenty"))
  }
}
