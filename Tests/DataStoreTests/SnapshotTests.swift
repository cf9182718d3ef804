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

  /// Why a snapshot cannot be used: the error opening it, or else the damage found by
  /// reading every column (columns are checked as they are first read); nil when sound.
  static func refusal(_ path: String) -> LoadError? {
    do throws(LoadError) {
      let opened = try DatasetLoader.load(paths: [path])
      _ = csv(opened)
      return opened.projects.damage
    } catch {
      return error
    }
  }

  /// `bytes` with section `section`'s checksum, and the header's, made to match again: a
  /// file whose damage only the checks of its values can find.
  static func resealed(_ bytes: [UInt8], _ section: SnapshotFormat.Section) -> [UInt8] {
    var b = bytes
    func u32(_ at: Int) -> Int { Int(b.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt32.self) }) }
    func u64(_ at: Int) -> Int { Int(b.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt64.self) }) }
    func put(_ v: UInt64, at: Int) { withUnsafeBytes(of: v.littleEndian) { b.replaceSubrange(at..<(at + 8), with: $0) } }
    let sections = u32(12)
    for i in 0..<sections where u32(32 + 32 * i) == Int(section.rawValue) {
      let (offset, length) = (u64(32 + 32 * i + 8), u64(32 + 32 * i + 16))
      put(b[offset..<(offset + length)].withUnsafeBytes { SnapshotFormat.sectionChecksum($0) }, at: 32 + 32 * i + 24)
    }
    put(Array(b[0..<24] + b[32..<(32 + 32 * sections)]).withUnsafeBytes { SnapshotFormat.checksum($0) }, at: 24)
    return b
  }

  /// Where section `section` starts in `bytes`.
  static func offset(of section: SnapshotFormat.Section, in bytes: [UInt8]) -> Int {
    func u32(_ at: Int) -> Int { Int(bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt32.self) }) }
    let i = (0..<u32(12)).first { u32(32 + 32 * $0) == Int(section.rawValue) }!
    return Int(bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 32 + 32 * i + 8, as: UInt64.self) })
  }

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
      guard let error = SnapshotTests.refusal(path) else {
        Issue.record("\(what) loaded")
        return
      }
      #expect(!error.description.contains("\n"), "\(what): \(error.description)")
      #expect(error.description.hasPrefix(path + ": "), "\(what): \(error.description)")
      refused += 1
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
      return SnapshotTests.refusal(path)?.message ?? "loaded"
    }
    var version = bytes
    version[8] = 3
    #expect(try error(version) == "snapshot version 3; this jixiao reads version 2: save it again from the dataset files")
    #expect(try error(Array(bytes.prefix(20))) == "damaged snapshot: 20 bytes, shorter than the header; save it again from the dataset files")
    let cut = try error(Array(bytes.dropLast(1)))
    #expect(cut.hasPrefix("damaged snapshot: section ") && cut.contains("lies outside the file's \(bytes.count - 1) bytes (cut short?)"))
    var budget = bytes
    budget[SnapshotTests.offset(of: .budget, in: bytes) + 8] ^= 1
    #expect(try error(budget) == "damaged snapshot: the budget column's checksum does not match; save it again from the dataset files")
    // Sums that match over values that cannot be: a code naming no text, a grade byte of 7.
    var unit = bytes
    unit[SnapshotTests.offset(of: .unitCodes, in: bytes) + 4] = 200
    #expect(try error(SnapshotTests.resealed(unit, .unitCodes)) == "damaged snapshot: a unit code names no text; save it again from the dataset files")
    var year = bytes
    let years = SnapshotTests.offset(of: .year, in: bytes)
    withUnsafeBytes(of: Int32(3000).littleEndian) { year.replaceSubrange(years..<(years + 4), with: $0) }
    #expect(try error(SnapshotTests.resealed(year, .year)) == "damaged snapshot: a year is outside 1900–2200; save it again from the dataset files")
    var grade = bytes
    grade[SnapshotTests.offset(of: .grade, in: bytes) + 2] = 7
    #expect(try error(SnapshotTests.resealed(grade, .grade)) == "damaged snapshot: a grade byte is out of range; save it again from the dataset files")
    // The first name's first byte (after the count and count + 1 offsets) made 0xFF.
    var text = bytes
    let names = SnapshotTests.offset(of: .names, in: bytes)
    let count = Int(bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: names, as: UInt32.self) })
    text[names + 8 + 4 * count] = 0xFF
    #expect(try error(SnapshotTests.resealed(text, .names)) == "damaged snapshot: name texts text 1 is not UTF-8; save it again from the dataset files")
  }

  /// Threads asking for the same unread column at once get one column, read once.
  @Test func threadsShareTheFirstReadOfAColumn() throws {
    let store = try SnapshotTests.sample("datasets")
    let folder = try TemporaryFolder()
    let path = try folder.write("shared.jxsnap", bytes: [UInt8](SnapshotWriter.data(store)))
    let opened = try DatasetLoader.load(paths: [path])
    let sums = UnsafeMutableBufferPointer<Int64>.allocate(capacity: 8)
    defer { sums.deallocate() }
    let shared = UnsafeSendable((opened.projects, sums))
    DispatchQueue.concurrentPerform(iterations: 8) { i in
      let (projects, sums) = shared.value
      sums[i] = projects.budget.reduce(0, +) + Int64(projects.units.count)
    }
    // 553.956 万元 and one unit.
    #expect(Array(sums) == [Int64](repeating: 5_539_561, count: 8))
  }

  /// Opening reads no column: each is read and checked when first asked for, and one
  /// found damaged is given as empty cells with the damage kept, never out of range.
  @Test func columnsAreReadWhenFirstAskedFor() throws {
    let store = try SnapshotTests.sample("datasets")
    var bytes = [UInt8](SnapshotWriter.data(store))
    bytes[SnapshotTests.offset(of: .budget, in: bytes)] ^= 1
    let folder = try TemporaryFolder()
    let path = try folder.write("lazy.jxsnap", bytes: bytes)
    let opened = try DatasetLoader.load(paths: [path])
    #expect(opened.projects.count == 19)
    // The grades are sound: 优 ×18, 良 ×1 in the bundled data.
    #expect(opened.projects.grade.filter { $0 == Grade.excellent.rawValue }.count == 18)
    #expect(opened.projects.damage == nil)
    #expect(opened.projects.budget == [Int64](repeating: ProjectTable.missing, count: 19))
    #expect(opened.projects.damage?.message == "damaged snapshot: the budget column's checksum does not match; save it again from the dataset files")
    // A change reads every column first, and keeps the damage.
    var changed = opened.projects
    changed.replace(0, with: changed[0])
    #expect(changed.damage == opened.projects.damage)
    // Joining the damaged file to another fails the load.
    let csv = try folder.write("projects.csv", "year,unit,seq,name,budget\n2030,甲单位,1,新项目,1\n")
    #expect(Support.loadError { () throws(LoadError) in try DatasetLoader.load(paths: [path, csv]) }?.message.contains("budget column") == true)
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
    // 1.2 MB a money column: five blocks, two on one core and three on the other.
    try SnapshotColumns.$parallelBytes.withValue(1 << 20) {
      let opened = try SnapshotReader.read(path)
      #expect(SnapshotTests.csv(opened) == SnapshotTests.csv(store))
      // Σ 0…149,999 ten-thousandths.
      #expect(opened.projects.budget.reduce(0, +) == 11_249_925_000)
      #expect(opened.projects.damage == nil)
      // A flipped byte in each core's part of the last column.
      let last = SnapshotTests.offset(of: .ratePoints, in: bytes)
      for at in [last + 100, bytes.count - 100] {
        var damaged = bytes
        damaged[at] ^= 1
        let bad = try folder.write("bad.jxsnap", bytes: damaged)
        #expect(SnapshotTests.refusal(bad)?.message == "damaged snapshot: the rate_points column's checksum does not match; save it again from the dataset files")
      }
    }
  }
}
