import Foundation
import Testing

@testable import DataStore

#if canImport(Glibc)
  import Glibc
#endif

/// Files that change while they load, symbolic links that lead nowhere, folders that
/// cannot be entered.
@Suite struct FileReadingTests {
  static let rows = "year,unit,seq,name,budget\n2023,U,1,N,5\n"

  @Test func aFileIsReadWhole() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("projects.csv", Self.rows)
    let read = try FileBytes.read(file, limit: 1 << 20)
    #expect(Array(read.bytes) == Array(Self.rows.utf8))
    try read.checkUnchanged()
  }

  /// A file truncated while it loaded killed the process with SIGBUS (it was mapped).
  @Test func aFileCutShortWhileLoadingIsAnError() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("projects.csv", Self.rows)
    let read = try FileBytes.read(file, limit: 1 << 20)
    #expect(truncate(file, 4) == 0)
    let error = #expect(throws: LoadError.self) { try read.checkUnchanged() }
    #expect(
      error?.description
        == "\(file): changed while it was being loaded (39 bytes when opened, 4 now); load it again once it is complete")
  }

  @Test func aFileAppendedToWhileLoadingIsAnError() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("projects.csv", Self.rows)
    let read = try FileBytes.read(file, limit: 1 << 20)
    let handle = try #require(FileHandle(forWritingAtPath: file))
    handle.seekToEndOfFile()
    handle.write(Data("2023,U,2,M,6\n".utf8))
    handle.closeFile()
    let error = #expect(throws: LoadError.self) { try read.checkUnchanged() }
    #expect(error?.message == "changed while it was being loaded (39 bytes when opened, 52 now); load it again once it is complete")
  }

  @Test func aFileRewrittenInPlaceWithTheSameSizeIsAnError() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("projects.csv", Self.rows)
    var times = [timeval(tv_sec: 1_000_000_000, tv_usec: 0), timeval(tv_sec: 1_000_000_000, tv_usec: 0)]
    #expect(utimes(file, &times) == 0)
    let read = try FileBytes.read(file, limit: 1 << 20)
    times = [timeval(tv_sec: 1_000_000_100, tv_usec: 0), timeval(tv_sec: 1_000_000_100, tv_usec: 0)]
    #expect(utimes(file, &times) == 0)
    let error = #expect(throws: LoadError.self) { try read.checkUnchanged() }
    #expect(error?.message == "changed while it was being loaded (39 bytes when opened); load it again once it is complete")
  }

  // MARK: Mapped files

  /// A large file read as it is parsed is mapped; cut short under the mapping, its lost
  /// pages read as zeros (they used to end the process with SIGBUS) and the cut is seen.
  @Test func aMappedFileCutShortReadsZerosAndIsSeen() throws {
    let folder = try TemporaryFolder()
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let text = String(repeating: "2023,U,1,N,5\n", count: 4 * page / 13 + 1)
    let file = try folder.write("projects.csv", text)
    let mapped = try FileBytes.map(file, limit: 1 << 30)
    #expect(mapped.isMapped)
    try mapped.fill(0..<mapped.bytes.count)
    #expect(Array(mapped.bytes) == Array(text.utf8))
    #expect(!mapped.wasCut)
    #expect(truncate(file, 100) == 0)
    // The first page is still the file's; the fourth is past its end now.
    #expect(mapped.bytes[0] == UInt8(ascii: "2"))
    #expect(mapped.bytes[3 * page + 5] == 0)
    #expect(mapped.wasCut)
    let error = #expect(throws: LoadError.self) { try mapped.fill(0..<mapped.bytes.count) }
    #expect(error?.message == "changed while it was being loaded (\(text.utf8.count) bytes when opened, 100 now); load it again once it is complete")
  }

  /// A projects file cut short while it streams fails the load as changed, whether the cut
  /// is seen when the next bytes are asked for or only when a lost page is touched.
  @Test(arguments: [2048, 8 << 20])
  func aStreamedFileCutShortWhileLoadingIsAnError(chunk: Int) throws {
    let folder = try TemporaryFolder()
    var text = "year,unit,seq,name,budget\n"
    for r in 1...70_000 { text += "2023,U,\(r),N,5\n" }
    let file = try folder.write("projects.csv", text)
    // The loader reports every 65536 records; the report cuts the file.
    let monitor = LoadMonitor { _ in
      truncate(file, 4096)
      return false
    }
    let error = #expect(throws: LoadError.self) {
      try ProjectPieces.$threshold.withValue(0) {
        try ProjectPieces.$pieceCount.withValue(1) {
          try ProjectPieces.$tuning.withValue(ProjectPieces.Tuning(kept: 64, head: 256, chunk: chunk, grain: 96, least: 400)) {
            try DatasetLoader.$streamThreshold.withValue(0) {
              try DatasetLoader.loadFile(file, kind: .projects, monitor: monitor)
            }
          }
        }
      }
    }
    #expect(
      error?.description
        == "\(file): changed while it was being loaded (\(text.utf8.count) bytes when opened, 4096 now); load it again once it is complete")
  }

  @Test func aFileOverTheLimitIsRefusedUnread() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("projects.csv", String(repeating: "x", count: 2 << 20))
    let error = #expect(throws: LoadError.self) { try FileBytes.read(file, limit: 1 << 20) }
    #expect(error?.message == "larger than 1048576 bytes, the largest file accepted")
  }

  // MARK: Symbolic links

  /// A dangling link was called "a pipe, socket or device".
  @Test func aDanglingLinkIsNamedAsOne() throws {
    let folder = try TemporaryFolder()
    let link = folder.path + "/projects.csv"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder.path + "/gone.csv")
    let viaFile = #expect(throws: LoadError.self) { try DatasetLoader.loadFile(link, kind: .projects) }
    #expect(viaFile?.description == "\(link): is a symbolic link to \(folder.path)/gone.csv, which does not exist")
    let viaPath = #expect(throws: LoadError.self) { try DatasetLoader.load(paths: [link]) }
    #expect(viaPath?.description == "\(link): is a symbolic link to \(folder.path)/gone.csv, which does not exist")
    // Inside a folder it is found by its name and refused the same way.
    let viaFolder = #expect(throws: LoadError.self) { try DatasetLoader.load(paths: [folder.path]) }
    #expect(viaFolder?.description == "\(link): is a symbolic link to \(folder.path)/gone.csv, which does not exist")
  }

  @Test func aLoopingLinkIsNamedAsOne() throws {
    let folder = try TemporaryFolder()
    let a = folder.path + "/projects-a.csv"
    let b = folder.path + "/projects-b.csv"
    try FileManager.default.createSymbolicLink(atPath: a, withDestinationPath: b)
    try FileManager.default.createSymbolicLink(atPath: b, withDestinationPath: a)
    let error = #expect(throws: LoadError.self) { try DatasetLoader.loadFile(a, kind: .projects) }
    #expect(error?.description == "\(a): is a symbolic link that loops back on itself; point it at a dataset file or folder")
    let viaFolder = #expect(throws: LoadError.self) { try DatasetLoader.load(paths: [folder.path]) }
    #expect(viaFolder?.description == "\(a): is a symbolic link that loops back on itself; point it at a dataset file or folder")
  }

  @Test func aLinkToAFileLoadsTheFile() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("data/projects.csv", Self.rows)
    let link = folder.path + "/projects-link.csv"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
    #expect(try DatasetLoader.loadFile(link, kind: .projects).projects.count == 1)
  }

  @Test func hiddenFoldersAreNotWalked() throws {
    let folder = try TemporaryFolder()
    try folder.write("projects.csv", Self.rows)
    try folder.write(".backup/projects.csv", Self.rows)
    #expect(try DatasetLoader.datasetFiles(at: folder.path).map(\.0) == [folder.path + "/projects.csv"])
  }

  // MARK: Permissions

  /// A folder that cannot be entered used to read as "no dataset files here". Tests run
  /// as root, where permissions do not stop listing, so the failure is injected at the
  /// one call that lists a folder.
  @Test func aFolderThatCannotBeEnteredSaysPermissionDenied() throws {
    let folder = try TemporaryFolder()
    try folder.write("a/projects.csv", Self.rows)
    let locked = try folder.makeFolder("b")
    let error = #expect(throws: LoadError.self) {
      try DatasetLoader.datasetFiles(at: folder.path) { path in
        path == locked ? .failure(FilePath.FolderError(code: EACCES)) : FilePath.entries(path)
      }
    }
    #expect(error?.description == "\(locked): this folder cannot be read or entered: permission denied")
    let top = #expect(throws: LoadError.self) {
      try DatasetLoader.datasetFiles(at: folder.path) { _ in .failure(FilePath.FolderError(code: EACCES)) }
    }
    #expect(top?.description == "\(folder.path): this folder cannot be read or entered: permission denied")
  }

  @Test func aFileThatCannotBeOpenedSaysPermissionDenied() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("projects.csv", Self.rows)
    #expect(FilePath.error(file, opening: EACCES).description == "\(file): cannot be read: permission denied")
    #expect(FilePath.error(file, opening: EIO).description == "\(file): cannot be read: input/output error")
  }

  @Test(.enabled(if: getuid() != 0, "permissions do not stop root from reading"))
  func aRealFolderWithoutPermissionSaysSo() throws {
    let folder = try TemporaryFolder()
    let locked = try folder.makeFolder("b")
    try folder.write("b/projects.csv", Self.rows)
    chmod(locked, 0)
    defer { chmod(locked, 0o755) }
    let error = #expect(throws: LoadError.self) { try DatasetLoader.load(paths: [folder.path]) }
    #expect(error?.description == "\(locked): this folder cannot be read or entered: permission denied")
  }
}
