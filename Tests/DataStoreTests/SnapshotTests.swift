import Foundation
import Scoring
import Testing

@testable import DataStore

/// `save --snapshot` files: the same data back, and every damage refused in one line.
@Suite struct SnapshotTests {
  static func sample(_ name: String) throws -> Store {
    try DatasetLoader.load(paths: [Support.repositoryRoot.appendingPathComponent(name).path])
  }

  /// The data as save would write it: equal texts mean equal stores, to the last decimal.
  static func csv(_ store: Store) -> [String] { DatasetWriter.files(store).map(\.1) }

  @Test func opensAsTheDataItWasSavedFrom() throws {
    let folder = try TemporaryFolder()
    for name in ["datasets", "samples/shili-training", "samples/langfang-2019"] {
      let store = try SnapshotTests.sample(name)
      let path = folder.path + "/\(name.replacing("/", with: "-")).jxsnap"
      try SnapshotWriter.save(store, to: path, force: false)
      #expect(SnapshotReader.isSnapshot(path))
      let opened = try DatasetLoader.load(paths: [path])
      #expect(SnapshotTests.csv(opened) == SnapshotTests.csv(store), "\(name)")
      #expect(opened.projects.count == store.projects.count)
      #expect(opened.files == [path])
    }
    // The bundled data: 19 projects, 553.956 万元 in all.
    let opened = try DatasetLoader.load(paths: [folder.path + "/datasets.jxsnap"])
    #expect(opened.projects.count == 19)
    #expect(opened.projects.budget.reduce(0, +) == 5_539_560)
    #expect(!SnapshotReader.isSnapshot(Support.datasetsFolder + "/2023/projects.csv"))
  }

  @Test func anEmptyStoreRoundTrips() throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/empty.jxsnap"
    try SnapshotWriter.save(Store(), to: path, force: false)
    #expect(try SnapshotReader.read(path).projects.count == 0)
  }

  @Test func neverReplacesAFileWithoutForce() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("s.jxsnap", "keep me")
    #expect(throws: WriteError.self) { try SnapshotWriter.save(Store(), to: path, force: false) }
    #expect(String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) == "keep me")
    try SnapshotWriter.save(Store(), to: path, force: true)
    #expect(SnapshotReader.isSnapshot(path))
  }

  /// Cut short at every length, and every byte flipped: a one-line error each time.
  @Test func damageIsAnErrorNeverACrash() throws {
    let store = try SnapshotTests.sample("datasets")
    let bytes = [UInt8](SnapshotWriter.data(store))
    let folder = try TemporaryFolder()
    var refused = 0
    func check(_ damaged: [UInt8], _ what: String) throws {
      let path = try folder.write("d.jxsnap", bytes: damaged)
      do {
        _ = try DatasetLoader.load(paths: [path])
        Issue.record("\(what) loaded")
      } catch {
        #expect(!error.description.contains("\n"), "\(what): \(error.description)")
        #expect(error.description.hasPrefix(path + ": "), "\(what): \(error.description)")
        refused += 1
      }
    }
    for length in 8..<bytes.count { try check(Array(bytes[0..<length]), "cut to \(length) bytes") }
    for offset in 0..<bytes.count {
      var flipped = bytes
      flipped[offset] ^= 0x5A
      try check(flipped, "byte \(offset) flipped")
    }
    try check(bytes + [0], "one byte added")
    #expect(refused == (bytes.count - 8) + bytes.count + 1)
  }

  @Test func theErrorsSayWhat() throws {
    let store = try SnapshotTests.sample("datasets")
    let bytes = [UInt8](SnapshotWriter.data(store))
    let folder = try TemporaryFolder()
    func error(_ b: [UInt8]) throws -> String {
      let path = try folder.write("e.jxsnap", bytes: b)
      return Support.loadError { () throws(LoadError) in try SnapshotReader.read(path) }?.message ?? "loaded"
    }
    var version = bytes
    version[8] = 2
    #expect(try error(version) == "snapshot version 2; this jixiao reads version 1: save it again from the dataset files")
    #expect(try error(Array(bytes.prefix(20))) == "damaged snapshot: 20 bytes, shorter than the header; save it again from the dataset files")
    let cut = try error(Array(bytes.dropLast(1)))
    #expect(cut.hasPrefix("damaged snapshot: section ") && cut.contains("lies outside the file's \(bytes.count - 1) bytes (cut short?)"))
    var budget = bytes
    budget[bytes.count / 2] ^= 1
    #expect(try error(budget).hasSuffix("checksum does not match; save it again from the dataset files"))
  }

  /// Tables of 100,000 rows and more are read on every core: the same data back, and a
  /// damaged column still refused.
  @Test func aLargeTableReadsOnEveryCore() throws {
    var store = Store()
    var table = ProjectTable()
    for i in 0..<150_000 {
      table.append(Project(
        year: 2023, unit: "单位\(i % 7)", seq: i + 1, name: "项目\(i % 1000)", fund: nil,
        budget: Money(tenThousandths: Int64(i)), initial: nil, spent: nil, score: i % 3 == 0 ? nil : 900_000,
        grade: i % 2 == 0 ? .excellent : nil, ratePoints: nil))
    }
    store.projects = table
    let folder = try TemporaryFolder()
    let bytes = [UInt8](SnapshotWriter.data(store))
    let path = try folder.write("big.jxsnap", bytes: bytes)
    let opened = try SnapshotReader.read(path)
    #expect(SnapshotTests.csv(opened) == SnapshotTests.csv(store))
    // Σ 0…149,999 ten-thousandths.
    #expect(opened.projects.budget.reduce(0, +) == 11_249_925_000)
    var damaged = bytes
    damaged[bytes.count - 100] ^= 1
    let bad = try folder.write("bad.jxsnap", bytes: damaged)
    #expect(Support.loadError { () throws(LoadError) in try SnapshotReader.read(bad) }?.message.contains("checksum does not match") == true)
  }
}
