import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Opens a snapshot file (SnapshotFormat) as a store. Everything is checked before it is
/// used: the magic, the version, the header's checksum, that every section lies inside
/// the file and has the size its row count gives, each section's checksum, every text
/// code and grade byte. A damaged or cut-short file is a one-line `LoadError`.
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

  struct Entry {
    var section: SnapshotFormat.Section
    var offset: Int
    var length: Int
    var checksum: UInt64
  }

  public static func read(_ path: String) throws(LoadError) -> Store {
    func damaged(_ what: String) -> LoadError {
      LoadError(file: path, message: "damaged snapshot: \(what); save it again from the dataset files")
    }
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

    // The columns are most of the file: read them on every core at once, each into its
    // own array (copying from the page cache and zeroing new pages is the whole cost).
    let columnSections = SnapshotFormat.Section.allCases.filter { $0.width > 0 }
    for c in columnSections { _ = try entry(c) }
    let slots = UnsafeMutableBufferPointer<Any?>.allocate(capacity: columnSections.count)
    slots.initialize(repeating: nil)
    defer { slots.deinitialize(); slots.deallocate() }
    let work = UnsafeSendableSlots(slots: slots, entries: columnSections.map { entries[$0]! }, fd: fd, rows: rows)
    if rows >= 100_000 {
      DispatchQueue.concurrentPerform(iterations: columnSections.count) { i in work.fill(i) }
    } else {
      for i in columnSections.indices { work.fill(i) }
    }

    /// A section's bytes as a column, checked against its checksum.
    func column<T: FixedWidthInteger>(_ s: SnapshotFormat.Section, _: T.Type) throws(LoadError) -> [T] {
      guard let i = columnSections.firstIndex(of: s), let values = slots[i] as? [T] else {
        throw damaged("the \(s.label) column's checksum does not match")
      }
      slots[i] = nil
      return values
    }
    func blob(_ s: SnapshotFormat.Section) throws(LoadError) -> [UInt8] {
      let e = try entry(s)
      var bytes = [UInt8](repeating: 0, count: e.length)
      guard bytes.withUnsafeMutableBytes({ $0.count == 0 || readFully($0, at: e.offset) }) else { throw damaged("cut short in \(s.label)") }
      guard bytes.withUnsafeBytes({ SnapshotFormat.checksum($0) }) == e.checksum else { throw damaged("the \(s.label) checksum does not match") }
      return bytes
    }
    func texts(_ s: SnapshotFormat.Section) throws(LoadError) -> TextDictionary {
      let b = try blob(s)
      guard b.count >= 4 else { throw damaged("\(s.label) is too short") }
      let n = Int(u32(b, 0))
      let start = 4 + 4 * (n + 1)
      guard n < b.count, start <= b.count else { throw damaged("\(s.label) counts \(n) texts in \(b.count) bytes") }
      var values: [String] = []
      values.reserveCapacity(n)
      var previous = Int(u32(b, 4))
      guard previous == 0 else { throw damaged("\(s.label) offsets do not start at 0") }
      for i in 0..<n {
        let next = Int(u32(b, 4 + 4 * (i + 1)))
        guard next >= previous, start + next <= b.count else { throw damaged("\(s.label) offsets run past the texts") }
        guard let text = String(validating: b[(start + previous)..<(start + next)], as: UTF8.self) else {
          throw damaged("\(s.label) text \(i + 1) is not UTF-8")
        }
        values.append(text)
        previous = next
      }
      guard start + previous == b.count else { throw damaged("\(s.label) has bytes after its texts") }
      // The writer wrote a dictionary's texts, each once; the checksum vouches for them.
      return TextDictionary(distinct: values)
    }
    func codes(_ s: SnapshotFormat.Section, below limit: Int) throws(LoadError) -> [UInt32] {
      let c = try column(s, UInt32.self)
      let bound = UInt32(limit)
      guard c.allSatisfy({ $0 < bound }) else { throw damaged("a \(s.label) code names no text") }
      return c
    }
    func small(_ s: SnapshotFormat.Section, cases: Int) throws(LoadError) -> [UInt8] {
      let c = try column(s, UInt8.self)
      guard c.allSatisfy({ Int($0) < cases || $0 == ProjectTable.missingCode }) else { throw damaged("a \(s.label) byte is out of range") }
      return c
    }

    var t = ProjectTable()
    t.year = try column(.year, Int32.self)
    t.units = try texts(.units)
    t.unit = try codes(.unitCodes, below: t.units.count)
    t.seq = try column(.seq, Int32.self)
    t.names = try texts(.names)
    t.name = try codes(.nameCodes, below: t.names.count)
    t.fund = try small(.fund, cases: 4)
    t.budget = try column(.budget, Int64.self)
    t.initial = try column(.initial, Int64.self)
    t.spent = try column(.spent, Int64.self)
    t.score = try column(.score, Int64.self)
    t.grade = try small(.grade, cases: 4)
    t.ratePoints = try column(.ratePoints, Int64.self)
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

/// The column reads shared by the cores: each task fills only its own slot.
struct UnsafeSendableSlots: @unchecked Sendable {
  let slots: UnsafeMutableBufferPointer<Any?>
  let entries: [SnapshotReader.Entry]
  let fd: Int32
  let rows: Int

  /// Reads section `i` straight into a column of its type, kept only when its checksum
  /// matches. Columns are stored little-endian, the order of every machine Swift runs on.
  func fill(_ i: Int) {
    switch entries[i].section {
    case .year, .seq: slots[i] = read(entries[i], Int32.self)
    case .unitCodes, .nameCodes: slots[i] = read(entries[i], UInt32.self)
    case .fund, .grade: slots[i] = read(entries[i], UInt8.self)
    default: slots[i] = read(entries[i], Int64.self)
    }
  }

  func read<T: FixedWidthInteger>(_ e: SnapshotReader.Entry, _: T.Type) -> [T]? {
    var ok = true
    let values = [T](unsafeUninitializedCapacity: rows) { buffer, count in
      let raw = UnsafeMutableRawBufferPointer(buffer)
      ok = e.length == 0 || SnapshotReader.readFully(fd, UnsafeMutableRawBufferPointer(rebasing: raw[0..<e.length]), at: e.offset)
      ok = ok && SnapshotFormat.checksum(UnsafeRawBufferPointer(rebasing: raw[0..<e.length])) == e.checksum
      if !ok, let base = raw.baseAddress { memset(base, 0, raw.count) }
      count = rows
    }
    return ok ? values : nil
  }
}
