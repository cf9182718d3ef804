import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Opens a snapshot file (SnapshotFormat) as a store. Everything is checked before it is
/// used: on open, the magic, the version, the header's checksum, that every section lies
/// inside the file and has the size its row count gives, and the texts and small tables
/// with their checksums; each project column, with its checksum, its text codes and grade
/// bytes, when it is first read (SnapshotColumns). A damaged or cut-short file is a
/// one-line `LoadError`.
public enum SnapshotReader {
  /// Whether `path` is a regular file that starts like a snapshot.
  public static func isSnapshot(_ path: String) -> Bool {
    guard let info = try? FilePath.status(path), info.st_mode & S_IFMT == S_IFREG else { return false }
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var head = [UInt8](repeating: 0, count: SnapshotFormat.magic.count)
    let n = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
    return n == head.count && head == SnapshotFormat.magic
  }

  struct Entry: Sendable {
    var section: SnapshotFormat.Section
    var offset: Int
    var length: Int
    var checksum: UInt64
  }

  public static func read(_ path: String) throws(LoadError) -> Store {
    func damaged(_ what: String) -> LoadError { SnapshotReader.damaged(path, what) }
    let info = try FilePath.status(path)
    guard info.st_mode & S_IFMT == S_IFREG else { throw LoadError(file: path, message: "is not a regular file") }
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw FilePath.error(path, opening: errno) }
    defer { close(fd) }
    var opened = stat()
    guard fstat(fd, &opened) == 0 else { throw FilePath.error(path, opening: errno) }
    let size = Int(opened.st_size)

    func readFully(_ buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
      SnapshotReader.readFully(fd, buffer, at: offset)
    }

    guard size >= SnapshotFormat.headerSize else { throw damaged("\(size) bytes, shorter than the header") }
    var header = [UInt8](repeating: 0, count: SnapshotFormat.headerSize)
    guard header.withUnsafeMutableBytes({ readFully($0, at: 0) }) else { throw damaged("cut short in the header") }
    guard Array(header[0..<8]) == SnapshotFormat.magic else {
      throw LoadError(file: path, message: "not a jixiao snapshot (the first bytes are not \\x89JXSNAP)")
    }
    func u32(_ b: [UInt8], _ at: Int) -> UInt32 { b.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt32.self)) } }
    func u64(_ b: [UInt8], _ at: Int) -> UInt64 { b.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt64.self)) } }
    let version = u32(header, 8)
    guard version == SnapshotFormat.version else {
      throw LoadError(file: path, message: "snapshot version \(version); this jixiao reads version \(SnapshotFormat.version): save it again from the dataset files")
    }
    let sectionCount = u32(header, 12)
    guard sectionCount <= SnapshotFormat.sectionLimit else { throw damaged("\(sectionCount) sections") }
    let rowCount = u64(header, 16)
    guard rowCount <= UInt64(UInt32.max) else { throw damaged("\(rowCount) rows") }
    let rows = Int(rowCount)
    let tableEnd = SnapshotFormat.headerSize + SnapshotFormat.entrySize * Int(sectionCount)
    guard size >= tableEnd else { throw damaged("cut short in the table of sections") }
    var table = [UInt8](repeating: 0, count: tableEnd - SnapshotFormat.headerSize)
    guard table.withUnsafeMutableBytes({ readFully($0, at: SnapshotFormat.headerSize) }) else { throw damaged("cut short in the table of sections") }
    let expected = (Array(header[0..<24]) + table).withUnsafeBytes { SnapshotFormat.checksum($0) }
    guard expected == u64(header, 24) else { throw damaged("the header's checksum does not match") }

    var entries: [SnapshotFormat.Section: Entry] = [:]
    var end = UInt64(tableEnd)
    for i in 0..<Int(sectionCount) {
      let at = i * SnapshotFormat.entrySize
      guard let section = SnapshotFormat.Section(rawValue: u32(table, at)) else { throw damaged("unknown section \(u32(table, at))") }
      guard entries[section] == nil else { throw damaged("section \(section.label) twice") }
      let offset = u64(table, at + 8)
      let length = u64(table, at + 16)
      guard offset == end, length <= UInt64(size), offset <= UInt64(size) - length else {
        throw damaged("section \(section.label) lies outside the file's \(size) bytes (cut short?)")
      }
      end = offset + length
      if section.width > 0, length != UInt64(section.width) * rowCount {
        throw damaged("section \(section.label) holds \(length) bytes for \(rows) rows")
      }
      entries[section] = Entry(section: section, offset: Int(offset), length: Int(length), checksum: u64(table, at + 24))
    }
    guard end == UInt64(size) else { throw damaged("\(UInt64(size) - end) bytes after the last section") }
    func entry(_ s: SnapshotFormat.Section) throws(LoadError) -> Entry {
      guard let e = entries[s] else { throw damaged("no \(s.label) section") }
      return e
    }

    for c in SnapshotFormat.Section.allCases where c.width > 0 { _ = try entry(c) }
    func blob(_ s: SnapshotFormat.Section) throws(LoadError) -> [UInt8] {
      switch section(fd, try entry(s)) {
      case .success(let bytes): return bytes
      case .failure(let problem): throw damaged(problem.what)
      }
    }
    // The columns and texts, most of the file, are checked as they are first read; only
    // the texts' counts now, which the code columns are checked against.
    func texts(_ s: SnapshotFormat.Section) throws(LoadError) -> SnapshotColumns.Texts {
      let e = try entry(s)
      var count: UInt32 = 0
      guard e.length >= 8, withUnsafeMutableBytes(of: &count, { readFully($0, at: e.offset) }) else { throw damaged("\(s.label) is too short") }
      let n = Int(UInt32(littleEndian: count))
      guard n <= (e.length - 8) / 4 else { throw damaged("\(s.label) counts \(n) texts in \(e.length) bytes") }
      return SnapshotColumns.Texts(entry: e, count: n)
    }
    let units = try texts(.units)
    let names = try texts(.names)
    guard rows == 0 || (units.count > 0 && names.count > 0) else { throw damaged("\(rows) rows, but no unit or name texts") }
    let kept = dup(fd)
    guard kept >= 0 else { throw FilePath.error(path, opening: errno) }
    let t = ProjectTable(unread: SnapshotColumns(path: path, fd: kept, rows: rows, entries: entries, units: units, names: names))
    var store = Store()
    store.projects = t
    // The small tables are the CSV text save writes, read by the CSV reader itself.
    for (section, kind) in [(SnapshotFormat.Section.departments, DatasetKind.departments), (.funds, .funds), (.indicators, .indicators)] where entries[section] != nil {
      let text = try blob(section)
      let result = text.withUnsafeBufferPointer { buffer -> Result<Store, LoadError> in
        Result { () throws(LoadError) -> Store in try DatasetLoader.parse(buffer, file: path, kind: kind) }
      }
      store.merge(try result.get())
    }
    store.files = [path]
    return store
  }

  /// What is wrong with a section, for `damaged`.
  struct Problem: Error {
    let what: String
    init(_ what: String) { self.what = what }
  }

  /// A section's bytes, checked against its checksum.
  static func section(_ fd: Int32, _ e: Entry) -> Result<[UInt8], Problem> {
    var bytes = [UInt8](repeating: 0, count: e.length)
    guard bytes.withUnsafeMutableBytes({ $0.count == 0 || readFully(fd, $0, at: e.offset) }) else {
      return .failure(Problem("cut short in \(e.section.label)"))
    }
    guard bytes.withUnsafeBytes({ SnapshotFormat.sectionChecksum($0) }) == e.checksum else {
      return .failure(Problem("the \(e.section.label) checksum does not match"))
    }
    return .success(bytes)
  }

  static func damaged(_ path: String, _ what: String) -> LoadError {
    LoadError(file: path, message: "damaged snapshot: \(what); save it again from the dataset files")
  }

  /// Exactly `buffer.count` bytes at `offset`, or false.
  static func readFully(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
    var done = 0
    while done < buffer.count {
      let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
      if n < 0, errno == EINTR { continue }
      if n <= 0 { return false }
      done += n
    }
    return true
  }
}
