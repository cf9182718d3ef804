import DataStore
import Foundation
import QuerySyntax
import Scoring
import Shell
import Testing

/// Inputs far beyond what the shell is for end in a clear error, and the session goes on.
@Suite struct LimitsTests {
  /// Runs `text` on a seed session and checks it fails with `message` on one line (after
  /// the statement echoed, for statement errors), and that `count` still answers 19.
  static func expectError(_ text: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let (session, out, err) = PropertySupport.session(try PropertySupport.seedStore())
    let result = session.run(text)
    #expect(result == .failed, sourceLocation: sourceLocation)
    let lines = err.text.split(separator: "\n")
    #expect(lines.count <= 2, "\(err.text.prefix(500))", sourceLocation: sourceLocation)
    #expect(lines.last?.contains(message) == true, "\(err.text.prefix(500))", sourceLocation: sourceLocation)
    try expectSessionGoesOn(session, out, err, sourceLocation: sourceLocation)
  }

  static func expectSessionGoesOn(_ session: Session, _ out: StringSink, _ err: StringSink, sourceLocation: SourceLocation = #_sourceLocation) throws {
    out.clear()
    err.clear()
    session.renderer.format = .csv
    #expect(session.run("count") == .ok, sourceLocation: sourceLocation)
    #expect(out.text == "count\n19\n", sourceLocation: sourceLocation)
    #expect(session.engine.store.projects.count == 19, sourceLocation: sourceLocation)
  }

  static func elapsed(_ body: () throws -> Void) rethrows -> Duration {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    return clock.now - start
  }

  // MARK: - Statement text

  @Test func aHundredMegabyteLineIsRefusedQuickly() throws {
    let line = "projects where name contains " + String(repeating: "村级组织 ", count: 100_000_000 / 13)
    #expect(line.utf8.count >= 100_000_000)
    let time = try Self.elapsed {
      try Self.expectError(line, "statement text is longer than")
    }
    #expect(time < .seconds(5))
  }

  @Test func aHundredMegabyteWordIsRefusedQuickly() throws {
    let line = "projects where name contains '" + String(repeating: "x", count: 100_000_000) + "'"
    let time = try Self.elapsed {
      try Self.expectError(line, "statement text is longer than")
    }
    #expect(time < .seconds(5))
  }

  @Test func tenThousandParenthesesAreRefused() throws {
    let deep = "projects where " + String(repeating: "(", count: 10_000) + "grade = 良" + String(repeating: ")", count: 10_000)
    try Self.expectError(deep, "conditions nested more than 200 deep")
    let nots = "projects where " + String(repeating: "not ", count: 10_000) + "grade = 良"
    try Self.expectError(nots, "conditions nested more than 200 deep")
    let open = "projects where " + String(repeating: "(", count: 10_000)
    try Self.expectError(open, "conditions nested more than 200 deep")
  }

  @Test func unbalancedAndStrayPunctuationIsAnError() throws {
    try Self.expectError(String(repeating: ")", count: 10_000), "expected a statement")
    try Self.expectError("projects where grade = 良" + String(repeating: ")", count: 10_000), "unexpected ')'")
  }

  // MARK: - Dataset files

  @Test func aMillionColumnsAreRefused() throws {
    let header = "year,unit,seq,name,budget" + String(repeating: ",x", count: 1_000_000)
    let error = #expect(throws: LoadError.self) { try PropertySupport.parse(header + "\n") }
    #expect(error?.message == "more than 4096 fields in one record; expected a dataset file")
    let folder = try PropertySupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Data((header + "\n").utf8).write(to: URL(fileURLWithPath: folder + "/projects-wide.csv"))
    try Self.expectError("load '\(folder)'", "projects-wide.csv:1: more than 4096 fields in one record")
  }

  @Test func invalidUTF8IsRefusedWithItsLine() throws {
    var bytes = Array("year,unit,seq,name,budget\n2023,镇,1,".utf8)
    bytes += [0xFF, 0xFE, 0x80]
    bytes += Array(",10\n".utf8)
    let error = #expect(throws: LoadError.self) { try PropertySupport.parse(bytes) }
    #expect(error?.line == 2)
    #expect(error?.message.hasPrefix("neither UTF-8 nor GB18030 text") == true)
    let folder = try PropertySupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Data(bytes).write(to: URL(fileURLWithPath: folder + "/projects-bad.csv"))
    try Self.expectError("load '\(folder)'", "projects-bad.csv:2: neither UTF-8 nor GB18030 text")
  }

  @Test func aFolderNamedLikeADatasetFileIsRefused() throws {
    let folder = try PropertySupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let dir = folder + "/projects-2024.csv"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let error = #expect(throws: LoadError.self) { try DatasetLoader.loadFile(dir, kind: .projects) }
    #expect(error?.message == "is a folder, not a file")
    // Named as a dataset, it is walked as a folder and found empty.
    try Self.expectError("load '\(dir)'", "no dataset files here")
    try Self.expectError("load '\(folder)'", "no dataset files here")
  }

  /// Permissions do not stop root, so this runs only where they apply.
  @Test(.enabled(if: getuid() != 0, "permissions do not stop root from reading"))
  func anUnreadableFileIsRefused() throws {
    let folder = try PropertySupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/projects-locked.csv"
    try Data("year,unit,seq,name,budget\n".utf8).write(to: URL(fileURLWithPath: file))
    chmod(file, 0o000)
    defer { chmod(file, 0o644) }
    try Self.expectError("load '\(file)'", "cannot be read")
  }

  /// A named pipe among the datasets would block a reader forever; it is refused.
  @Test func aNamedPipeIsRefused() throws {
    let folder = try PropertySupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let fifo = folder + "/projects-pipe.csv"
    #expect(mkfifo(fifo, 0o644) == 0)
    let time = try Self.elapsed {
      try Self.expectError("load '\(fifo)'", "is not a regular file")
    }
    #expect(time < .seconds(5))
  }

  @Test func tenThousandDatasetFilesAreRefused() throws {
    let folder = try PropertySupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let header = Data("year,unit,seq,name,budget\n".utf8)
    for i in 0..<10_000 {
      try #require(FileManager.default.createFile(atPath: folder + "/projects-\(i).csv", contents: header))
    }
    let time = try Self.elapsed {
      try Self.expectError("load '\(folder)'", "more than 2000 dataset files below this folder; name a smaller folder")
    }
    #expect(time < .seconds(10))
  }

  @Test func tenThousandOtherFilesAreSkipped() throws {
    let folder = try PropertySupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for i in 0..<10_000 {
      try #require(FileManager.default.createFile(atPath: folder + "/note-\(i).txt", contents: Data()))
    }
    try Self.expectError("load '\(folder)'", "no dataset files here")
  }
}
