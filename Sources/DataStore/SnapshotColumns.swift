import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The project columns of an opened snapshot, each read from the file when a statement
/// first asks for it.
///
/// Reading and checking every column on open was the whole cost of opening 10 M projects
/// (590 MB copied from the page cache, 0.4–0.5 s), while `sum budget where grade = 良`
/// needs two of them. A column is checked as it is read: its checksum, and that its codes
/// name texts and its grade and fund bytes are in range. A column that fails is given as
/// a column of harmless values (empty cells, the first text) and the damage is kept, so
/// nothing indexes out of range; the engine turns kept damage into the statement's error.
final class SnapshotColumns: ProjectColumnSource {
  /// Columns at least this long are read on both cores. Tests lower it.
  @TaskLocal static var parallelBytes = 2 * HugePages.smallest

  let path: String
  let rows: Int
  /// The file as opened; a file saved over the path later is another file.
  private let fd: Int32
  private let entries: [SnapshotFormat.Section: SnapshotReader.Entry]
  private let unitTextSection: Texts
  private let nameTextSection: Texts
  /// One slot per column: a table opened from a snapshot asks its slot on every access
  /// (a whole row is eleven), so a slot once filled is read without a lock.
  private let year = ColumnSlot<[Int32]>(), seq = ColumnSlot<[Int32]>()
  private let unit = ColumnSlot<[UInt32]>(), name = ColumnSlot<[UInt32]>()
  private let fund = ColumnSlot<[UInt8]>(), grade = ColumnSlot<[UInt8]>()
  private let budget = ColumnSlot<[Int64]>(), initial = ColumnSlot<[Int64]>(), spent = ColumnSlot<[Int64]>()
  private let score = ColumnSlot<[Int64]>(), ratePoints = ColumnSlot<[Int64]>()
  private let units = ColumnSlot<TextDictionary>(), names = ColumnSlot<TextDictionary>()
  private let found = Mutex<LoadError?>(nil)

  /// A text section: a count, count + 1 offsets, the UTF-8 bytes (SnapshotWriter.texts).
  /// Its count is read on open, so that code columns can be checked without its texts.
  struct Texts: Sendable {
    let entry: SnapshotReader.Entry
    let count: Int

    /// The section's texts from its checked bytes, or why they cannot be used.
    func values(_ bytes: [UInt8]) -> Result<[String], SnapshotReader.Problem> {
      let label = entry.section.label
      return bytes.withUnsafeBytes { raw -> Result<[String], SnapshotReader.Problem> in
        func u32(_ at: Int) -> Int { Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }
        guard raw.count >= 8, u32(0) == count else { return .failure(.init("\(label) does not count \(count) texts")) }
        let start = 4 + 4 * (count + 1)
        var previous = u32(4)
        guard previous == 0 else { return .failure(.init("\(label) offsets do not start at 0")) }
        var values: [String] = []
        values.reserveCapacity(count)
        for i in 0..<count {
          let next = u32(4 + 4 * (i + 1))
          guard next >= previous, start + next <= raw.count else { return .failure(.init("\(label) offsets run past the texts")) }
          guard let text = String(validating: UnsafeRawBufferPointer(rebasing: raw[(start + previous)..<(start + next)]), as: UTF8.self) else {
            return .failure(.init("\(label) text \(i + 1) is not UTF-8"))
          }
          values.append(text)
          previous = next
        }
        guard start + previous == raw.count else { return .failure(.init("\(label) has bytes after its texts")) }
        return .success(values)
      }
    }
  }

  /// Takes `fd` (the caller gives up closing it).
  init(path: String, fd: Int32, rows: Int, entries: [SnapshotFormat.Section: SnapshotReader.Entry], units: Texts, names: Texts) {
    self.path = path
    self.fd = fd
    self.rows = rows
    self.entries = entries
    self.unitTextSection = units
    self.nameTextSection = names
  }

  deinit { close(fd) }

  /// The first damage found in a column read so far.
  var damage: LoadError? { found.withLock { $0 } }

  var yearColumn: [Int32] {
    year.get {
      let (low, high) = (Int32(DatasetLoader.yearRange.lowerBound), Int32(DatasetLoader.yearRange.upperBound))
      return read(.year, harmless: low, invalid: "a year is outside \(low)–\(high)") { column in
        var (least, most) = (high, low)
        for y in column {
          least = min(least, y)
          most = max(most, y)
        }
        return column.isEmpty || (least >= low && most <= high)
      }
    }
  }
  var seqColumn: [Int32] { seq.get { read(.seq, harmless: 0) } }
  var fundColumn: [UInt8] { fund.get { small(.fund) } }
  var gradeColumn: [UInt8] { grade.get { small(.grade) } }
  var budgetColumn: [Int64] { budget.get { read(.budget, harmless: ProjectTable.missing) } }
  var initialColumn: [Int64] { initial.get { read(.initial, harmless: ProjectTable.missing) } }
  var spentColumn: [Int64] { spent.get { read(.spent, harmless: ProjectTable.missing) } }
  var scoreColumn: [Int64] { score.get { read(.score, harmless: ProjectTable.missing) } }
  var ratePointsColumn: [Int64] { ratePoints.get { read(.ratePoints, harmless: ProjectTable.missing) } }
  var unitColumn: [UInt32] { unit.get { codes(.unitCodes, below: unitTexts.count) } }
  var nameColumn: [UInt32] { name.get { codes(.nameCodes, below: nameTexts.count) } }
  var unitTexts: TextDictionary { units.get { texts(unitTextSection) } }
  var nameTexts: TextDictionary { names.get { texts(nameTextSection) } }

  /// A grade or fund column: each byte one of the four cases, or empty.
  private func small(_ s: SnapshotFormat.Section) -> [UInt8] {
    read(s, harmless: ProjectTable.missingCode, invalid: "a \(s.label) byte is out of range") { column in
      // The empty mark 255 wraps to 0 and the cases to 1…4: one maximum, a vector loop.
      var top: UInt8 = 0
      for b in column { top = max(top, b &+ 1) }
      return top <= 4
    }
  }

  /// A text code column: each code names one of the section's texts.
  private func codes(_ s: SnapshotFormat.Section, below bound: Int) -> [UInt32] {
    read(s, harmless: 0, invalid: "a \(s.label) code names no text") { column in
      var top: UInt32 = 0
      for code in column { top = max(top, code) }
      return column.isEmpty || Int(top) < bound
    }
  }

  private func found(_ what: String) {
    found.withLock { if $0 == nil { $0 = SnapshotReader.damaged(path, what) } }
  }

  /// A text section as a dictionary; when it cannot be used, as many empty texts, so that
  /// every checked code still names one.
  private func texts(_ section: Texts) -> TextDictionary {
    switch SnapshotReader.section(fd, section.entry).flatMap(section.values) {
    case .success(let texts):
      // The writer wrote a dictionary's texts, each once; the checksum vouches for them.
      return TextDictionary(distinct: texts)
    case .failure(let problem):
      found(problem.what)
      return TextDictionary(distinct: [String](repeating: "", count: section.count))
    }
  }

  /// Section `s` as a column of `rows` values. Large columns are read on both cores, each
  /// checking its blocks as it reads them (SnapshotFormat.sectionChecksum). When the column
  /// fails its checksum, or `valid` (then `invalid` says what), every value is `harmless`
  /// and `damage` says why.
  private func read<T: FixedWidthInteger>(
    _ s: SnapshotFormat.Section, harmless: T, invalid: String = "", valid: (UnsafeBufferPointer<T>) -> Bool = { _ in true }
  ) -> [T] {
    guard let e = entries[s] else { return [T](repeating: harmless, count: rows) }
    let blockSize = SnapshotFormat.blockSize
    let blocks = (e.length + blockSize - 1) / blockSize
    let cores = e.length >= SnapshotColumns.parallelBytes ? 2 : 1
    var sums = [UInt64](repeating: 0, count: blocks)
    // Per core: whether a read fell short, and whether a block failed `valid`.
    var short = [Bool](repeating: false, count: cores)
    var outOfRange = [Bool](repeating: false, count: cores)
    var values = [T](unsafeUninitializedCapacity: rows) { buffer, count in
      HugePages.advise(UnsafeMutableRawBufferPointer(buffer))
      sums.withUnsafeMutableBufferPointer { sums in
        short.withUnsafeMutableBufferPointer { short in
          outOfRange.withUnsafeMutableBufferPointer { outOfRange in
            let shared = UnsafeSendable((buffer, sums, short, outOfRange))
            Threads.run(cores) { core in
              let (buffer, sums, short, outOfRange) = shared.value
              let raw = UnsafeMutableRawBufferPointer(buffer)
              for b in (blocks * core / cores)..<(blocks * (core + 1) / cores) {
                let range = (b * blockSize)..<min(e.length, (b + 1) * blockSize)
                let block = UnsafeMutableRawBufferPointer(rebasing: raw[range])
                guard SnapshotReader.readFully(fd, block, at: e.offset + range.lowerBound) else {
                  short[core] = true
                  return
                }
                sums[b] = SnapshotFormat.checksum(UnsafeRawBufferPointer(block), seed: UInt64(b))
                let width = MemoryLayout<T>.stride
                if !valid(UnsafeBufferPointer(rebasing: buffer[(range.lowerBound / width)..<(range.upperBound / width)])) { outOfRange[core] = true }
              }
            }
          }
        }
      }
      count = rows
    }
    var problem: String?
    if short.contains(true) || SnapshotFormat.combined(sums) != e.checksum {
      problem = "the \(s.label) column's checksum does not match"
    } else if outOfRange.contains(true) {
      problem = invalid
    }
    if let problem {
      found(problem)
      values = [T](repeating: harmless, count: rows)
    }
    return values
  }
}
