import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Ctrl-C and stop signals during long statements: the statement stops, nothing is half
/// written, no temporary file is left. A generated 300 000-row dataset makes the
/// statements last long enough to be interrupted.
@Suite("Interrupting long statements", .serialized, .timeLimit(.minutes(5)))
struct InterruptTests {
  static let rows = 300_000

  /// A folder with a large projects file, removed by the caller.
  static func bigData() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-big-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
    var text = "year,unit,seq,name,budget,score,grade\n"
    text.reserveCapacity(rows * 48)
    for i in 1...rows { text += "2023,测试镇,\(i),项目\(i),\(i % 1000).5,\(80 + i % 20),良\n" }
    try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/data/projects-big.csv"))
    return dir
  }

  static func temporaries(_ dir: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasPrefix(".jixiao-tmp.") }
  }

  @Test("Ctrl-C during a long export stops it: no file, no temporary file, the shell goes on")
  func ctrlCStopsAnExport() throws {
    let dir = try Self.bigData()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let program = try #require(PseudoTerminalTests.executable())
    let terminal = try PseudoTerminal(
      executable: program, arguments: ["--data", dir + "/data"],
      environment: ["TERM": "xterm", "LANG": "C.UTF-8", "XDG_STATE_HOME": dir + "/state", "HOME": dir, "NO_COLOR": "1", "PATH": "/usr/bin:/bin"])
    defer { terminal.terminate() }
    try terminal.expect(PseudoTerminalTests.prompt, timeout: .seconds(120))
    terminal.send("export csv \(dir)/out.csv projects\r")
    try terminal.expect("projects\r\n")
    usleep(300_000)
    terminal.send("\u{03}")
    let reply = try terminal.expect(PseudoTerminalTests.prompt, timeout: .seconds(120))
    #expect(reply.contains("interrupted (Ctrl-C)"), "\(reply)")
    #expect(!FileManager.default.fileExists(atPath: dir + "/out.csv"))
    #expect(Self.temporaries(dir) == [])
    // Ctrl-D typed while a statement runs does not upset the next line.
    terminal.send("export csv \(dir)/out.csv projects\r")
    try terminal.expect("projects\r\n")
    usleep(300_000)
    terminal.send("\u{04}")
    let wrote = try terminal.expect(PseudoTerminalTests.prompt, timeout: .seconds(120))
    #expect(wrote.contains("wrote 300000 rows"), "\(wrote)")
    let next = try PseudoTerminalTests.run("count projects where seq < 3", on: terminal)
    #expect(next.contains("│     2 │"), "\(next)")
    terminal.send("\u{04}")
    // 1: the interrupted export counts as a failed statement.
    #expect(terminal.waitForExit() == 1)
  }

  @Test("SIGTERM while an export writes removes its temporary file")
  func sigtermRemovesTheTemporaryFile() throws {
    let dir = try Self.bigData()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let program = try #require(CommandLineTests.executable())
    var caught = false
    // The temporary file exists only while the bytes are written; try until the signal
    // lands in that window.
    for _ in 0..<5 where !caught {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: program)
      process.arguments = ["--data", dir + "/data", "-c", "export json \(dir)/out.json --force projects"]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      let deadline = ContinuousClock.now + .seconds(120)
      while process.isRunning && ContinuousClock.now < deadline {
        if !Self.temporaries(dir).isEmpty {
          kill(process.processIdentifier, SIGTERM)
          caught = true
          break
        }
        usleep(200)
      }
      process.waitUntilExit()
      if caught {
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGTERM)
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.json"))
      }
      #expect(Self.temporaries(dir) == [])
      try? FileManager.default.removeItem(atPath: dir + "/out.json")
    }
    #expect(caught, "the export never showed a temporary file")
  }

  @Test("Ctrl-C while the data loads at start-up ends the program with SIGINT (status 130)")
  func ctrlCDuringStartupLoad() throws {
    let dir = try Self.bigData()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let program = try #require(CommandLineTests.executable())
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = ["--data", dir + "/data", "-c", "count projects"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    usleep(200_000)
    kill(process.processIdentifier, SIGINT)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == SIGINT)
  }
}
