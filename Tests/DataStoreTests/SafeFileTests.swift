import Foundation
import Glibc
import Testing

@testable import DataStore

/// The one file writer: whole or nothing, never through links, never over loaded data,
/// and never a temporary file left behind.
@Suite("SafeFile, OutputFile and save")
struct SafeFileTests {
  /// A fresh folder, removed by the caller.
  static func folder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-safe-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func names(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
  }

  static func text(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }

  static func mode(_ path: String) -> mode_t {
    var s = stat()
    _ = stat(path, &s)
    return s.st_mode & 0o7777
  }

  static func error(_ body: () throws(WriteError) -> Void) -> WriteError? {
    do {
      try body()
      return nil
    } catch {
      return error
    }
  }

  @Test func aNewFileGetsTheUmaskModeAndAReplacedOneKeepsItsOwn() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try SafeFile.write(Data("one\n".utf8), to: dir + "/a.csv", options: SafeFile.Options())
    #expect(Self.text(dir + "/a.csv") == "one\n")
    #expect(Self.mode(dir + "/a.csv") == 0o666 & ~SafeFile.currentUmask)
    chmod(dir + "/a.csv", 0o600)
    let refused = Self.error { () throws(WriteError) in try SafeFile.write(Data("two\n".utf8), to: dir + "/a.csv", options: SafeFile.Options()) }
    #expect(refused?.description == "\(dir)/a.csv: already exists")
    #expect(refused?.suggestion == "add --force to replace it")
    try SafeFile.write(Data("two\n".utf8), to: dir + "/a.csv", options: SafeFile.Options(replace: true))
    #expect(Self.text(dir + "/a.csv") == "two\n")
    #expect(Self.mode(dir + "/a.csv") == 0o600)
    #expect(Self.names(dir) == ["a.csv"])
  }

  @Test func aSymbolicLinkAtTheTargetIsNeitherFollowedNorReplaced() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Data("secret\n".utf8).write(to: URL(fileURLWithPath: dir + "/victim"))
    symlink(dir + "/victim", dir + "/out.csv")
    let e = Self.error { () throws(WriteError) in try SafeFile.write(Data("x".utf8), to: dir + "/out.csv", options: SafeFile.Options(replace: true)) }
    #expect(e?.message == "is a symbolic link; it is not replaced or written through")
    #expect(Self.text(dir + "/victim") == "secret\n")
    #expect(Self.names(dir) == ["out.csv", "victim"])
  }

  @Test func aDeviceIsNeverReplaced() {
    let e = Self.error { () throws(WriteError) in try SafeFile.write(Data("x".utf8), to: "/dev/null", options: SafeFile.Options(replace: true)) }
    #expect(e?.message == "is not a regular file (a device, pipe or socket); only regular files are replaced")
    var s = stat()
    #expect(stat("/dev/null", &s) == 0 && s.st_mode & S_IFMT == S_IFCHR)
  }

  @Test func loadedDataIsRefusedUnderAnySpellingEvenWithForce() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let file = dir + "/projects-2023.csv"
    try Data("year,unit,seq,name,budget\n2023,镇,1,项目,1\n".utf8).write(to: URL(fileURLWithPath: file))
    let store = try DatasetLoader.load(paths: [file])
    link(file, dir + "/hard.csv")
    let protected = ProtectedFiles(store)
    for spelling in [dir + "/../" + (dir as NSString).lastPathComponent + "/projects-2023.csv", dir + "/hard.csv"] {
      let e = Self.error { () throws(WriteError) in
        try SafeFile.write(Data("x".utf8), to: spelling, options: SafeFile.Options(replace: true, protected: protected))
      }
      #expect(e?.message == "is part of the loaded data (loaded as \(file)); it is never replaced")
    }
    #expect(Self.text(file) == "year,unit,seq,name,budget\n2023,镇,1,项目,1\n")
    // .output refuses it too, and does not empty it first.
    let o = Self.error { () throws(WriteError) in _ = try OutputFile.open(dir + "/hard.csv", protected: protected) }
    #expect(o?.message == "is part of the loaded data (loaded as \(file)); .output would empty it")
    #expect(Self.text(file) == "year,unit,seq,name,budget\n2023,镇,1,项目,1\n")
  }

  @Test func severalFilesAreWrittenAllOrNone() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Data("old\n".utf8).write(to: URL(fileURLWithPath: dir + "/projects.csv"))
    mkdir(dir + "/departments.csv", 0o755)
    let e = Self.error { () throws(WriteError) in
      try SafeFile.write(
        [SafeFile.Target(path: dir + "/projects.csv", data: Data("new\n".utf8)), SafeFile.Target(path: dir + "/departments.csv", data: Data("d\n".utf8))],
        options: SafeFile.Options(replace: true))
    }
    #expect(e?.description == "\(dir)/departments.csv: is a folder")
    #expect(Self.text(dir + "/projects.csv") == "old\n")
    #expect(Self.names(dir) == ["departments.csv", "projects.csv"])
  }

  @Test func anInterruptedWriteLeavesNothing() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let asked = Counter()
    // Answers "stop" on the second question: after the first chunk is written.
    let options = SafeFile.Options(interrupted: { asked.next() >= 2 })
    let e = Self.error { () throws(WriteError) in try SafeFile.write(Data(count: 3 << 20), to: dir + "/big.csv", options: options) }
    #expect(e?.interrupted == true)
    #expect(e?.message == "interrupted (Ctrl-C); nothing was written")
    #expect(Self.names(dir) == [])
  }

  @Test func staleTemporaryFilesOfDeadProcessesAreRemovedOthersKept() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var dead: Int32 = 4_000_000
    while kill(dead, 0) == 0 || errno != ESRCH { dead -= 1 }
    let stale = ".jixiao-tmp.\(dead).abcdefgh.out.csv"
    let live = ".jixiao-tmp.1.abcdefgh.out.csv"  // pid 1 always exists
    for name in [stale, live, ".other.tmp"] { #expect(FileManager.default.createFile(atPath: dir + "/" + name, contents: Data())) }
    try SafeFile.write(Data("x".utf8), to: dir + "/out.csv", options: SafeFile.Options())
    #expect(Self.names(dir) == [".jixiao-tmp.1.abcdefgh.out.csv", ".other.tmp", "out.csv"])
  }

  @Test func outputWritesThroughALinkInPlaceKeepingInodeAndMode() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Data("old contents\n".utf8).write(to: URL(fileURLWithPath: dir + "/private"))
    chmod(dir + "/private", 0o600)
    symlink(dir + "/private", dir + "/link")
    let before = FileIdentity.of(dir + "/private")
    let fd = try OutputFile.open(dir + "/link", protected: ProtectedFiles())
    #expect(Descriptor.writeAll(fd, "new\n") == nil)
    close(fd)
    #expect(Self.text(dir + "/private") == "new\n")
    #expect(FileIdentity.of(dir + "/private") == before)
    #expect(Self.mode(dir + "/private") == 0o600)
    var s = stat()
    #expect(lstat(dir + "/link", &s) == 0 && s.st_mode & S_IFMT == S_IFLNK)
  }

  @Test func saveRefusesTheFolderTheDataCameFrom() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let file = dir + "/projects-2023.csv"
    try Data("year,unit,seq,name,budget\n2023,镇,1,项目,1\n".utf8).write(to: URL(fileURLWithPath: file))
    let store = try DatasetLoader.load(paths: [dir])
    let e = Self.error { () throws(WriteError) in _ = try DatasetWriter.save(store, to: dir + "/.", force: true, protected: ProtectedFiles(store)) }
    #expect(e?.message == "holds the loaded data (\(file)); saving here would load as two copies of it")
    #expect(Self.names(dir) == ["projects-2023.csv"])
    let saved = try DatasetWriter.save(store, to: dir + "/copy", force: false, protected: ProtectedFiles(store))
    #expect(saved == [dir + "/copy/projects.csv"])
    #expect(try DatasetLoader.load(paths: [dir + "/copy"]).projects.count == 1)
  }
}

/// Counts questions from a @Sendable closure.
final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  func next() -> Int {
    lock.lock()
    defer { lock.unlock() }
    count += 1
    return count
  }
}
