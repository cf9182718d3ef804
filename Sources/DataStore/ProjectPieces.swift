import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads the records of a projects file in pieces, one per core, and joins them into one
/// table: the CSV parse was the load's single-threaded part.
///
/// The records are cut at line ends into pieces; each piece is read by its own reader into
/// its own columns, dictionaries and duplicate-key table, concurrently. The pieces are then
/// joined in file order, re-coding each piece's texts once per distinct text. The outcome
/// is the one-piece reading's exactly: the same table, or the error at the earliest line
/// (a duplicate key across pieces included). A cut that falls inside a quoted field is
/// seen, because the piece before it then reads past the cut; the file is then read again
/// as one piece. One piece is the same code with no cut.
enum ProjectPieces {
  /// Files with fewer bytes of records than this are read as one piece: below a few MB,
  /// starting threads costs about what a second core saves. Tests lower it.
  @TaskLocal static var threshold = 4 << 20
  /// How many pieces a large file is cut into; tests raise it to cut on one core too.
  @TaskLocal static var pieceCount = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  /// Sizes of the streamed reading; tests make them small so that small files are cut
  /// and read in many steps. (Read once by the caller: task-local values do not reach
  /// the threads the pieces run on.)
  struct Tuning: Sendable {
    /// Bytes at the start of a piece whose pages the piece never gives back: the piece
    /// before reads a little past its cut to find that its last record ends there.
    var kept = 1 << 16
    /// Bytes read first, for the header and the row estimate.
    var head = 1 << 20
    /// Bytes a streamed piece reads at a time; it reads again when its reader is within an
    /// eighth of that of the end of what it has read.
    var chunk = 8 << 20
    /// Bytes a streamed piece's reader claims at a time, and the fewest a piece must have
    /// left for a thread with none to split it (`PieceSplits`).
    var grain = 1 << 20
    var least = 4 << 20
  }
  @TaskLocal static var tuning = Tuning()

  /// What the records are read with: the header as the loader read it.
  struct Layout {
    var file: String
    var headers: [String]
    var headerWidth: Int
    var index: [String: Int]
    var separator: UInt8
    /// The columns the table keeps (all of them are read and checked).
    var columns: ProjectColumnSet = .all
  }

  /// One piece, once read.
  struct Outcome {
    var builder: ProjectColumnsBuilder
    /// The first problem in the piece; reading stopped there.
    var failure: LoadError?
    /// When the problem is a duplicate key within the piece: its row (appended) and line,
    /// the earlier row in the piece, and the unit cell's text.
    var duplicate: (row: Int, line: Int, earlier: Int, unit: String)?
    /// Where the last record read ended.
    var lastEnd: Int
    /// How far the reader got.
    var farthest: Int
    var interrupted = false
    /// A piece with a cell that is not UTF-8.
    var notUTF8 = false
    /// A streamed piece whose bytes could not be read.
    var unreadable = false
    /// A piece read without its key columns whose keys came out of order.
    var needsKeys = false
  }

  /// What the pieces found: the table, or a sign that the cuts were wrong.
  enum Result {
    case table(ProjectTable)
    case readAgain
    /// A cell is not UTF-8: the file is for the reading that tells its encoding.
    case notUTF8
    /// The key columns were not kept, and the duplicate check needs them.
    case keysNeeded
  }

  /// Reads the records from `body` (where the header's record ended; line `line`) to the end.
  ///
  /// - Parameter stream: the file, opened but read only up to its header: each piece reads
  ///   its bytes just ahead of its parse. Any problem (not UTF-8, an error, a wrong cut)
  ///   then answers nil, and the caller reads the whole file the ordinary way, which
  ///   finds the same problem and reports it.
  static func read(
    _ bytes: UnsafeBufferPointer<UInt8>, layout: Layout, body: Int, line: Int, releasing: Bool, monitor: LoadMonitor,
    stream: FileBytes? = nil
  ) throws(LoadError) -> ProjectTable? {
    let pieces = bytes.count - body >= max(threshold, 1) ? max(1, pieceCount) : 1
    let tuning = tuning
    /// The same reading, keeping the keys: a mapped file's pages given back read from the
    /// file again, a read file's are read again.
    func keyed() throws(LoadError) -> ProjectTable? {
      var keyed = layout
      keyed.columns.formUnion(.key)
      guard releasing, stream == nil else {
        return try read(bytes, layout: keyed, body: body, line: line, releasing: releasing, monitor: monitor, stream: stream)
      }
      let again = try FileBytes.read(layout.file, limit: DatasetLoader.byteLimit)
      let table = try read(again.bytes, layout: keyed, body: body, line: line, releasing: true, monitor: monitor)
      try again.checkUnchanged()
      return table
    }
    switch try read(bytes, layout: layout, body: body, line: line, pieces: pieces, releasing: releasing, monitor: monitor, stream: stream, tuning: tuning) {
    case .table(let table):
      return table
    case .notUTF8:
      return nil
    case .keysNeeded:
      return try keyed()
    case .readAgain where stream != nil:
      return nil
    case .readAgain:
      // Pages already given back read as zeros: read the file again.
      if releasing {
        let again = try FileBytes.read(layout.file, limit: DatasetLoader.byteLimit)
        switch try read(again.bytes, layout: layout, body: body, line: line, pieces: 1, releasing: true, monitor: monitor, stream: nil, tuning: tuning) {
        case .table(let table):
          try again.checkUnchanged()
          return table
        case .keysNeeded:
          return try keyed()
        case .notUTF8, .readAgain:
          return nil
        }
      }
      switch try read(bytes, layout: layout, body: body, line: line, pieces: 1, releasing: false, monitor: monitor, stream: nil, tuning: tuning) {
      case .table(let table):
        return table
      case .keysNeeded:
        return try keyed()
      case .notUTF8, .readAgain:
        return nil
      }
    }
  }

  /// Where the pieces start: `body`, then one line start near each even share of the bytes.
  static func cuts(_ bytes: UnsafeBufferPointer<UInt8>, body: Int, pieces: Int) -> [Int] {
    var starts = [body]
    let n = bytes.count
    guard pieces > 1, let base = bytes.baseAddress else { return starts }
    for k in 1..<pieces {
      let target = max(body + (n - body) / pieces * k, starts[starts.count - 1])
      guard target < n, let hit = memchr(base + target, 0x0A, n - target) else { break }
      let start = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base + 1
      if start >= n { break }
      if start > starts[starts.count - 1] { starts.append(start) }
    }
    return starts
  }

  /// Cuts for a file read as it is parsed: the bytes around each cut are read first (to
  /// find a line end there and to keep the start of each piece for the one before), and
  /// each piece is given the rest of its bytes to read.
  static func streamedCuts(_ stream: FileBytes, body: Int, pieces: Int, tuning: Tuning) throws(LoadError) -> (starts: [Int], fills: [Range<Int>]) {
    let bytes = stream.bytes
    let n = bytes.count
    let head = min(n, tuning.head)
    var starts = [body]
    var windows: [Range<Int>] = [0..<head]
    if pieces > 1, let base = bytes.baseAddress {
      for k in 1..<pieces {
        let target = max(body + (n - body) / pieces * k, starts[starts.count - 1], windows[windows.count - 1].upperBound)
        guard target < n else { break }
        let window = target..<min(n, target + 2 * tuning.kept)
        try stream.fill(window)
        guard let hit = memchr(base + target, 0x0A, window.count) else { continue }
        let start = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base + 1
        if start >= n || start - target > tuning.kept { continue }
        starts.append(start)
        windows.append(window)
      }
    }
    var fills: [Range<Int>] = []
    for k in 0..<starts.count {
      let from = max(starts[k], windows[k].upperBound)
      let to = k + 1 < starts.count ? windows[k + 1].lowerBound : n
      fills.append(from..<max(from, to))
    }
    return (starts, fills)
  }

  /// LF bytes in `from..<to`, and line ends as the reader counts them (LF, CR LF or a lone CR).
  static func lineEnds(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> (lf: Int, ends: Int) {
    guard let base = bytes.baseAddress, to > from else { return (0, 0) }
    var lf = 0
    var p = UnsafeRawPointer(base + from)
    let end = UnsafeRawPointer(base + to)
    while p < end, let hit = memchr(p, 0x0A, end - p) {
      lf += 1
      p = UnsafeRawPointer(hit) + 1
    }
    var lone = 0
    p = UnsafeRawPointer(base + from)
    while p < end, let hit = memchr(p, 0x0D, end - p) {
      let i = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
      if i + 1 >= bytes.count || bytes[i + 1] != 0x0A { lone += 1 }
      p = UnsafeRawPointer(hit) + 1
    }
    return (lf, lf + lone)
  }

  static func read(
    _ bytes: UnsafeBufferPointer<UInt8>, layout: Layout, body: Int, line: Int, pieces wanted: Int, releasing: Bool,
    monitor: LoadMonitor, stream: FileBytes?, tuning: Tuning
  ) throws(LoadError) -> Result {
    var starts: [Int]
    // What each piece reads from the file itself, when streamed.
    var fills: [Range<Int>] = []
    if let stream {
      (starts, fills) = try streamedCuts(stream, body: body, pieces: wanted, tuning: tuning)
    } else {
      starts = cuts(bytes, body: body, pieces: wanted)
    }
    var pieces = starts.count
    var ends = Array(starts.dropFirst()) + [bytes.count]
    // Each piece's first line, and its rows at most (to size its columns once). A streamed
    // file's lines are not counted ahead (its bytes are not read yet): its rows are
    // estimated from the first MB (columns reserved generously cost address space, not
    // memory), and its line numbers are not needed, since any error is reported by the
    // ordinary reading.
    var counts = [(lf: Int, ends: Int)](repeating: (0, 0), count: pieces)
    if stream != nil {
      let head = min(bytes.count, tuning.head)
      let sample = max(1, lineEnds(bytes, from: 0, to: head).lf)
      for k in 0..<pieces { counts[k].lf = (ends[k] - starts[k]) / max(1, head / sample) * 5 / 4 + 1024 }
    } else {
      counts.withUnsafeMutableBufferPointer { out in
        let shared = UnsafeSendable((bytes, out))
        Threads.run(pieces) { k in shared.value.1[k] = lineEnds(shared.value.0, from: starts[k], to: ends[k]) }
      }
    }
    var lines = [line]
    for k in 1..<max(pieces, 1) where k < pieces { lines.append(lines[k - 1] + counts[k - 1].ends) }
    let totalRows = counts.reduce(0) { $0 + $1.lf } + 1
    let progress = Progress(starts: starts, body: body, total: bytes.count, monitor: monitor)
    var outcomes: [Outcome]
    if let stream {
      // Pieces cut by bytes take unequal times: a thread whose piece is done splits the
      // piece with the most left, as long as one has enough (line numbers are not needed:
      // a streamed piece's error is reported by the ordinary reading).
      let splits = PieceSplits<Outcome>(starts: starts, ends: ends, grain: tuning.grain, least: tuning.least)
      let bytesPerRow = max(1, (ends[0] - starts[0]) / max(1, counts[0].lf))
      let shared = UnsafeSendable(bytes)
      func cut(_ target: Int, _ limit: Int) -> Int? {
        let window = target..<min(limit, target + 2 * tuning.kept)
        guard let base = shared.value.baseAddress, !window.isEmpty, (try? stream.fill(window)) != nil,
          let hit = memchr(base + target, 0x0A, window.count)
        else { return nil }
        return UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base + 1
      }
      Threads.run(pieces) { k in
        splits.finish(
          k,
          readPiece(
            shared.value, layout: layout, from: starts[k], to: ends[k], line: lines[k], stream: (stream, fills[k]),
            expectedRows: k == 0 ? totalRows : counts[k].lf + 1, keyRows: counts[k].lf + 1, releasing: releasing, piece: k,
            progress: progress, tuning: tuning, splits: splits))
        while let (piece, from, to) = splits.split(cut: cut) {
          progress.add(piece: piece, start: from)
          // The bytes the piece split from has not read, itself reading no further.
          let first = fills[starts.lastIndex { $0 <= from } ?? 0]
          let fill = from..<max(from, min(to, first.upperBound))
          let rows = (to - from) / bytesPerRow * 5 / 4 + 1024
          splits.finish(
            piece,
            readPiece(
              shared.value, layout: layout, from: from, to: to, line: line, stream: (stream, fill), expectedRows: rows,
              keyRows: rows, releasing: releasing, piece: piece, progress: progress, tuning: tuning, splits: splits))
        }
      }
      let read = splits.finished()
      starts = read.map(\.start)
      ends = read.map(\.end)
      outcomes = read.map(\.outcome)
    } else {
      var slots = [Outcome?](repeating: nil, count: pieces)
      slots.withUnsafeMutableBufferPointer { out in
        let shared = UnsafeSendable((bytes, out))
        Threads.run(pieces) { k in
          shared.value.1[k] = readPiece(
            shared.value.0, layout: layout, from: starts[k], to: ends[k], line: lines[k], stream: nil,
            expectedRows: k == 0 ? totalRows : counts[k].lf + 1, keyRows: counts[k].lf + 1, releasing: releasing, piece: k,
            progress: progress, tuning: tuning)
        }
      }
      outcomes = slots.map { $0! }
    }
    pieces = outcomes.count
    // The pieces that count: up to the first one with a problem.
    var last = pieces - 1
    for k in 0..<pieces {
      let o = outcomes[k]
      if o.interrupted { throw LoadError.interrupted(layout.file) }
      if o.needsKeys { return .keysNeeded }
      // Not UTF-8: the ordinary reading tells the file's encoding and reports the place.
      if o.notUTF8 { return .notUTF8 }
      if o.unreadable || (stream != nil && o.failure != nil) { return .readAgain }
      if o.failure == nil {
        if o.lastEnd > ends[k] { return .readAgain }
        continue
      }
      if releasing, o.farthest > ends[k] + tuning.kept - 16 { return .readAgain }
      last = k
      break
    }
    var offsets = [0]
    for k in 0..<last { offsets.append(offsets[k] + outcomes[k].builder.table.count) }
    // Later pieces' texts, in the first piece's dictionaries.
    var maps: [(units: [UInt32], names: [UInt32])] = [([], [])]
    if last > 0 {
      var first = outcomes[0].builder
      outcomes[0].builder = ProjectColumnsBuilder(index: [:], expectedRows: 0)
      for k in 1...last { maps.append(first.absorbTexts(of: outcomes[k].builder)) }
      outcomes[0].builder = first
    }
    // Keys repeated across pieces: each later piece's rows looked up in the earlier pieces
    // (or, with keys not kept, each unit's key range told apart from the earlier pieces').
    let hits: [(row: Int, earlier: Int)?]
    if layout.columns.keysWhole.keepsKeys {
      hits = crossDuplicates(&outcomes, maps: maps, last: last, offsets: offsets)
    } else {
      if unitRangesMeet(outcomes, maps: maps, last: last) { return .keysNeeded }
      hits = [(row: Int, earlier: Int)?](repeating: nil, count: last + 1)
    }
    for k in 0...last {
      let o = outcomes[k]
      let failRow = o.duplicate?.row ?? o.builder.table.count
      if hits[k] != nil, stream != nil { return .readAgain }
      if let hit = hits[k], o.failure == nil || hit.row <= failRow {
        let row = offsets[k] + hit.row
        let (rowLine, unit) = recordInfo(ofRow: row, bytes, released: releasing, layout: layout)
        let earlier = recordInfo(ofRow: hit.earlier, bytes, released: releasing, layout: layout).line
        let t = o.builder.table
        throw duplicateError(layout, line: rowLine, year: t.year[hit.row], unit: unit, seq: t.seq[hit.row], earlierLine: earlier)
      }
      if let d = o.duplicate {
        let earlier = recordInfo(ofRow: offsets[k] + d.earlier, bytes, released: releasing, layout: layout).line
        let t = o.builder.table
        throw duplicateError(layout, line: d.line, year: t.year[d.row], unit: d.unit, seq: t.seq[d.row], earlierLine: earlier)
      }
      if let failure = o.failure { throw failure }
    }
    // Keys not kept: their fingerprint, for the reading that keeps them later.
    var keyPrint: KeyPrint?
    if !layout.columns.keysWhole.keepsKeys {
      var print = KeyPrint()
      let hashes = outcomes[0].builder.unitTextHashes
      for k in 0..<pieces { outcomes[k].builder.addKeyPrint(to: &print, unitMap: k == 0 ? nil : maps[k].units, textHashes: hashes, offset: offsets[k]) }
      keyPrint = print
    }
    // Joined: the first piece's columns (sized for the whole file) take the others' rows,
    // each piece's columns given back as soon as they are copied.
    var table = outcomes[0].builder.table
    outcomes[0].builder = ProjectColumnsBuilder(index: [:], expectedRows: 0)
    for k in 1..<max(pieces, 1) where k < pieces {
      var piece = outcomes[k].builder.table
      outcomes[k].builder = ProjectColumnsBuilder(index: [:], expectedRows: 0)
      table.append(piece: &piece, unitMap: maps[k].units, nameMap: maps[k].names)
    }
    table.keyPrint = keyPrint
    return .table(table)
  }

  /// For each piece, its first row whose key an earlier piece holds, and that earlier row
  /// (numbered in the file). Looked up concurrently, in chunks of rows: first against each
  /// earlier piece's per-unit key ranges, which in a file ordered by year or by unit rule
  /// out every row; only when some row falls inside a range are the earlier pieces' key
  /// tables built and the keys looked up.
  static func crossDuplicates(
    _ outcomes: inout [Outcome], maps: [(units: [UInt32], names: [UInt32])], last: Int, offsets: [Int]
  ) -> [(row: Int, earlier: Int)?] {
    guard last > 0 else { return [nil] }
    // For each earlier piece, each joined unit code → its own code (or none).
    var local: [[UInt32]] = []
    let unitCount = outcomes[0].builder.unitCodes
    for j in 0..<last {
      if j == 0 {
        local.append([])
        continue
      }
      var back = [UInt32](repeating: UInt32.max, count: unitCount)
      for (own, joined) in maps[j].units.enumerated() where back[Int(joined)] == UInt32.max { back[Int(joined)] = UInt32(own) }
      local.append(back)
    }
    let chunksPerPiece = 4
    var jobs: [(piece: Int, rows: Range<Int>)] = []
    for k in 1...last {
      let n = outcomes[k].builder.table.count
      let size = max(1, (n + chunksPerPiece - 1) / chunksPerPiece)
      var s = 0
      while s < n {
        jobs.append((k, s..<min(n, s + size)))
        s += size
      }
    }
    /// Each job's first row that may (`exact` false: lies in a unit's key range) or does
    /// repeat an earlier piece's key, with that earlier row.
    func scan(_ outcomes: [Outcome], exact: Bool) -> [(row: Int, earlier: Int)?] {
      var found = [(row: Int, earlier: Int)?](repeating: nil, count: jobs.count)
      found.withUnsafeMutableBufferPointer { out in
        let shared = UnsafeSendable((outcomes, local, out))
        Threads.run(jobs.count) { i in
          let (outcomes, local, out) = shared.value
          let (k, rows) = jobs[i]
          let t = outcomes[k].builder.table
          let (unit, year, seq) = (t.unit, t.year, t.seq)
          let unitMap = maps[k].units
          // Taken once, not for every row: a builder is large to copy.
          let builders = outcomes[0..<k].map(\.builder)
          for r in rows {
            let joined = unitMap[Int(unit[r])]
            let (y, s) = (year[r], seq[r])
            for j in 0..<k {
              let u = j == 0 ? joined : local[j][Int(joined)]
              if u == UInt32.max { continue }
              if exact {
                if let e = builders[j].findKey(year: y, unit: u, seq: s) {
                  out[i] = (r, offsets[j] + e)
                  return
                }
              } else if builders[j].mayHoldKey(year: y, unit: u, seq: s) {
                out[i] = (r, 0)
                return
              }
            }
          }
        }
      }
      return found
    }
    let inRange = scan(outcomes, exact: false)
    var hits = [(row: Int, earlier: Int)?](repeating: nil, count: last + 1)
    guard inRange.contains(where: { $0 != nil }) else { return hits }
    var tables = [ProjectColumnsBuilder?](repeating: nil, count: last)
    tables.withUnsafeMutableBufferPointer { out in
      let shared = UnsafeSendable((outcomes, out))
      Threads.run(last) { j in
        var b = shared.value.0[j].builder
        b.prepareKeyTable()
        shared.value.1[j] = b
      }
    }
    for j in 0..<last { outcomes[j].builder = tables[j]! }
    tables = []
    let found = scan(outcomes, exact: true)
    for (i, job) in jobs.enumerated() {
      if let f = found[i], hits[job.piece] == nil { hits[job.piece] = f }
    }
    return hits
  }

  /// Whether some unit's key range in a piece meets the range of its rows in the pieces
  /// before it: when none does, no key of a piece can be an earlier piece's (as in a file
  /// ordered by year or by unit). Ranges that meet may still hold no repeated key; only a
  /// reading that keeps the keys can tell.
  static func unitRangesMeet(_ outcomes: [Outcome], maps: [(units: [UInt32], names: [UInt32])], last: Int) -> Bool {
    guard last > 0 else { return false }
    let unitCount = outcomes[0].builder.unitCodes
    // Per joined unit code, the smallest and the largest key of the pieces so far.
    var low = [Int64](repeating: Int64.max, count: unitCount)
    var top = [Int64](repeating: Int64.min, count: unitCount)
    for k in 0...last {
      let b = outcomes[k].builder
      func joined(_ own: Int) -> Int { k == 0 ? own : Int(maps[k].units[own]) }
      if k > 0 {
        for own in 0..<b.rangedUnits {
          guard let r = b.keyRange(unit: own) else { continue }
          let u = joined(own)
          if top[u] != Int64.min, r.low <= top[u], low[u] <= r.top { return true }
        }
      }
      for own in 0..<b.rangedUnits {
        guard let r = b.keyRange(unit: own) else { continue }
        let u = joined(own)
        low[u] = min(low[u], r.low)
        top[u] = max(top[u], r.top)
      }
    }
    return false
  }

  /// Reads the records that start in `from..<to`.
  static func readPiece(
    _ bytes: UnsafeBufferPointer<UInt8>, layout: Layout, from: Int, to: Int, line: Int, stream: (FileBytes, Range<Int>)?,
    expectedRows: Int, keyRows: Int, releasing: Bool, piece: Int, progress: Progress, tuning: Tuning,
    splits: PieceSplits<Outcome>? = nil
  ) -> Outcome {
    // A piece that may be split reads the bytes it has claimed, and claims more at their end.
    let claimed = splits.map { $0.claim(piece, from: from) ?? from } ?? to
    let reader = DelimitedReader(bytes: bytes, separator: layout.separator, from: from, to: claimed, line: line)
    var cursor = RecordCursor(file: layout.file, headers: layout.headers, index: layout.index, reader: reader)
    var out = Outcome(builder: ProjectColumnsBuilder(index: layout.index, expectedRows: expectedRows, keyRows: keyRows, defersTexts: piece > 0, kept: layout.columns), lastEnd: from, farthest: from)
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    var released = piece == 0 ? from : min(to, from + tuning.kept)
    var records = 0
    let file = layout.file
    let headers = layout.headers
    // A streamed piece reads its bytes 8 MB at a time, at least 1 MB ahead of the reader.
    // Its bytes are checked for UTF-8 by the builder, cell by cell (the header was
    // checked by the loader, and what lies between cells is ASCII).
    var loaded = stream?.1.lowerBound ?? 0
    var streamDone = stream == nil
    func readAhead(_ offset: Int) -> Bool {
      guard let (file, fill) = stream else { return true }
      while loaded < fill.upperBound, offset + tuning.chunk / 8 > loaded {
        let next = min(fill.upperBound, loaded + tuning.chunk)
        do { try file.fill(loaded..<next) } catch { return false }
        loaded = next
      }
      streamDone = loaded >= fill.upperBound
      return true
    }
    while true {
      if !streamDone, cursor.reader.offset + tuning.chunk / 8 > loaded, !readAhead(cursor.reader.offset) {
        out.unreadable = true
        break
      }
      records += 1
      if records & 0xFFFF == 0 {
        if progress.report(piece: piece, offset: cursor.reader.offset, rows: records - 1) {
          out.interrupted = true
          break
        }
        if releasing, cursor.reader.offset - released > 1 << 24 {
          released = PageRelease.drop(bytes, upTo: cursor.reader.offset, from: released, page: page)
        }
      }
      do {
        guard try cursor.reader.next() else {
          if let splits, let more = splits.claim(piece, from: cursor.reader.offset) {
            cursor.reader.limit = more
            records -= 1
            continue
          }
          break
        }
      } catch {
        if case .nulByte(let line, let field) = error, field <= headers.count {
          out.failure = LoadError(file: file, line: line, column: headers[field - 1], field: field, message: DelimitedReader.Problem.nulMessage)
        } else {
          out.failure = LoadError(file: file, line: error.line, message: error.message)
        }
        break
      }
      out.lastEnd = cursor.reader.recordEnd
      do {
        try DatasetLoader.checkWidth(cursor.reader, headers: headers, headerWidth: layout.headerWidth, file: file)
        try out.builder.append(cursor)
      } catch {
        if out.builder.notUTF8 { out.notUTF8 = true } else { out.failure = error }
        break
      }
      let row = out.builder.count - 1
      let earlier = out.builder.insertKey(row)
      if out.builder.needsKeys {
        out.needsKeys = true
        break
      }
      if let earlier {
        out.duplicate = (row, cursor.reader.recordLine, earlier, cursor.text("unit") ?? "")
        out.failure = LoadError(file: file, message: "duplicate")
        break
      }
    }
    out.builder.flush()
    if !streamDone, out.failure == nil, !out.notUTF8, !readAhead(to) { out.unreadable = true }
    out.farthest = cursor.reader.offset
    _ = progress.report(piece: piece, offset: cursor.reader.offset, rows: records - 1, finished: true)
    return out
  }

  static func duplicateError(_ layout: Layout, line: Int, year: Int32, unit: String, seq: Int32, earlierLine: Int) -> LoadError {
    let f = layout.index["seq"]
    return LoadError(
      file: layout.file, line: line, column: f.map { layout.headers[$0] } ?? "seq", field: f.map { $0 + 1 },
      message: "duplicate project: year \(year), unit \(unit), seq \(seq) is already on line \(earlierLine); expected (year, unit, seq) to be unique")
  }

  /// The line data row `row` starts on and its unit cell's text, found by reading the
  /// file again from the start (only an error message needs them); from the file on disk
  /// when pages were given back.
  static func recordInfo(ofRow row: Int, _ bytes: UnsafeBufferPointer<UInt8>, released: Bool, layout: Layout) -> (line: Int, unit: String) {
    func find(_ b: UnsafeBufferPointer<UInt8>) -> (line: Int, unit: String) {
      var reader = DelimitedReader(bytes: b, separator: layout.separator)
      for _ in 0...(row + 1) { _ = try? reader.next() }
      var unit = ""
      if let f = layout.index["unit"], f < reader.fieldCount { unit = reader.text(f) }
      return (reader.recordLine, unit)
    }
    if released {
      guard let data = FileManager.default.contents(atPath: layout.file) else { return (row + 2, "") }
      return data.withUnsafeBytes { find($0.bindMemory(to: UInt8.self)) }
    }
    return find(bytes)
  }

  /// Progress of all pieces, told to the monitor at each piece's checkpoints (one at a
  /// time), and whether to stop.
  final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private var starts: [Int]
    private var offsets: [Int]
    private var rows: [Int]
    private var stop = false
    private let body: Int
    private let total: Int
    private let monitor: LoadMonitor

    init(starts: [Int], body: Int, total: Int, monitor: LoadMonitor) {
      self.starts = starts
      offsets = starts
      rows = [Int](repeating: 0, count: starts.count)
      self.body = body
      self.total = total
      self.monitor = monitor
    }

    /// A piece split off another while the pieces are read (`PieceSplits`).
    func add(piece: Int, start: Int) {
      lock.lock()
      defer { lock.unlock() }
      while offsets.count <= piece {
        starts.append(start)
        offsets.append(start)
        rows.append(0)
      }
      starts[piece] = start
      offsets[piece] = start
    }

    /// Records piece `piece`'s place; true when the load is to stop.
    func report(piece: Int, offset: Int, rows done: Int, finished: Bool = false) -> Bool {
      lock.lock()
      defer { lock.unlock() }
      offsets[piece] = offset
      rows[piece] = done
      if finished || stop { return stop }
      // Bytes parsed: what each piece has passed, counted from its own start.
      var bytes = body
      for k in 0..<offsets.count { bytes += max(0, offsets[k] - starts[k]) }
      if monitor.report(.init(bytes: min(bytes, total), total: total, rows: rows.reduce(0, +))) { stop = true }
      return stop
    }
  }
}
