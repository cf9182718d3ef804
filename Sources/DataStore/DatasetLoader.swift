import Foundation
import Scoring

/// Reads dataset folders and files into a `Store`.
///
/// A file loads completely or not at all; one load call either returns a whole new
/// snapshot or throws, so the caller's store is never half-updated.
public enum DatasetLoader {
  /// The most dataset files one load reads; more is almost surely a wrong folder.
  public static let fileLimit = 2_000
  /// The largest dataset file accepted.
  public static let byteLimit = 4 << 30
  /// Projects files larger than this are read piece by piece as they are parsed. Tests lower it.
  @TaskLocal static var streamThreshold = 64 << 20

  /// Loads every projects*/departments*/funds*/indicators* CSV under the given
  /// folders (or the given files), in path order.
  /// `monitor` is told the progress between files and every 65536 records, ending with
  /// all bytes of all files; its answer true stops the load.
  ///
  /// - Parameter columns: the projects columns to keep (`ProjectColumnSet`): every cell is
  ///   still read and checked, and a column not kept is made by loading the files again
  ///   when a statement first asks for it. Snapshots keep every column (theirs are read on
  ///   first use already).
  public static func load(
    paths: [String], encoding: TextEncoding = .auto, monitor: LoadMonitor = .silent, columns: ProjectColumnSet = .all
  ) throws(LoadError) -> Store {
    var files: [(String, DatasetKind)] = []
    var store = Store()
    // Each path's first bytes read once: a snapshot also means every column is kept.
    let snapshots = paths.map(SnapshotReader.isSnapshot)
    for (path, isSnapshot) in zip(paths, snapshots) {
      // A snapshot (save --snapshot) opens as the data it was saved from.
      if isSnapshot {
        let part = try SnapshotReader.read(path)
        try checkClashes(part, against: store, file: path)
        store.merge(part)
        continue
      }
      files += try datasetFiles(at: path)
    }
    // The keys are left out only of one projects file's load: keys across files, and
    // indicators (grouped by project), are matched by key.
    let oneProjectsFile = files.count(where: { $0.1 == .projects }) == 1 && !files.contains { $0.1 == .indicators }
    let columns: ProjectColumnSet = snapshots.contains(true) ? .all : oneProjectsFile ? columns.keysWhole : columns.union(.key)
    let sizes = files.map { (try? FilePath.status($0.0)).map { Int($0.st_size) } ?? 0 }
    let total = sizes.reduce(0, +)
    var done = 0
    var rows = 0
    for ((file, kind), size) in zip(files, sizes) {
      if monitor.report(.init(bytes: done, total: total, rows: rows)) { throw LoadError.interrupted(file) }
      // Within a file, the offset parsed counts (capped at the file's size: converted
      // GB18030 text is longer than the file).
      let before = (done, rows)
      let within = LoadMonitor { p in
        monitor.report(.init(bytes: before.0 + min(p.bytes, size), total: total, rows: before.1 + p.rows))
      }
      let part = try loadFile(file, kind: kind, encoding: encoding, monitor: within, columns: columns)
      try checkClashes(part, against: store, file: file)
      store.merge(part)
      done += size
      rows += part.projects.count + part.departments.count + part.funds.count + part.indicators.count
    }
    if !files.isEmpty, monitor.report(.init(bytes: done, total: total, rows: rows)) { throw LoadError.interrupted(files[files.count - 1].0) }
    // Joining files reads a snapshot's columns whole: damage in them fails the load.
    if let damage = store.projects.damage { throw damage }
    // Indicators are grouped by project row once, here, not by the first statement that scores.
    store.groupIndicators()
    if columns != .all, store.projects.count > 0 {
      let first = files.first { $0.1 == .projects }?.0 ?? paths.joined(separator: ", ")
      store.projects = ProjectTable(
        unread: PartialColumns(store.projects, kept: columns, file: first) { () throws(LoadError) -> ProjectTable in
          try DatasetLoader.load(paths: paths, encoding: encoding).projects
        })
    }
    return store
  }

  /// The dataset files at a path: the file itself, or every matching file below a folder.
  ///
  /// - Parameter list: lists one folder; the tests pass one that fails, since running as
  ///   root they cannot make a folder the loader may not enter.
  static func datasetFiles(
    at path: String,
    list: (String) -> Result<[(name: String, isFolder: Bool)], FilePath.FolderError> = FilePath.entries
  ) throws(LoadError) -> [(String, DatasetKind)] {
    let info = try FilePath.status(path)
    if info.st_mode & S_IFMT != S_IFDIR {
      let name = (path as NSString).lastPathComponent
      if let kind = DatasetKind(fileName: name) { return [(path, kind)] }
      guard [".csv", ".tsv", ".txt"].contains(where: name.lowercased().hasSuffix) else {
        throw LoadError(
          file: path,
          message: "not a dataset file; expected a .csv, .tsv or .txt named projects*, departments*, funds* or indicators*, or one whose header names a kind's columns")
      }
      // A text file named otherwise is told by its header, its first line: only as much
      // of the file is read as holds it (reading a 1 GB file whole for its header was
      // the peak of its load).
      let opened = try FileBytes.open(path, limit: byteLimit)
      let n = opened.bytes.count
      var end = min(n, 1 << 16)
      var filled = 0
      while true {
        try opened.fill(filled..<end)
        filled = end
        if end == n || UnsafeBufferPointer(rebasing: opened.bytes[0..<end]).contains(where: { $0 == 0x0A || $0 == 0x0D }) { break }
        end = min(n, end * 4)
      }
      return [(path, try HeaderKind.kind(of: path, header: HeaderKind.header(UnsafeBufferPointer(rebasing: opened.bytes[0..<end]))))]
    }
    // A folder given through a symbolic link is walked at its target; the files keep
    // the path the user gave. Links to folders below it are not followed (they could loop).
    var found: [(String, DatasetKind)] = []
    var seen = 0
    var folders = [path]
    while let folder = folders.popLast() {
      let entries: [(name: String, isFolder: Bool)]
      switch list(folder) {
      case .success(let e): entries = e
      case .failure(let e): throw FilePath.error(folder: folder, code: e.code)
      }
      for entry in entries {
        seen += 1
        if seen > 100_000 {
          throw LoadError(file: path, message: "more than 100000 entries below this folder; name a smaller folder")
        }
        // Hidden files and folders (.git, editors' backups) are not data.
        if entry.name.hasPrefix(".") { continue }
        let full = (folder as NSString).appendingPathComponent(entry.name)
        if entry.isFolder {
          folders.append(full)
          continue
        }
        guard let kind = DatasetKind(fileName: entry.name) else { continue }
        if FilePath.isFolder(full) { continue }
        found.append((full, kind))
        if found.count > fileLimit {
          throw LoadError(file: path, message: "more than \(fileLimit) dataset files below this folder; name a smaller folder")
        }
      }
    }
    if found.isEmpty {
      throw LoadError(file: path, message: "no dataset files here; expected projects*.csv, departments*.csv, funds*.csv or indicators*.csv")
    }
    return found.sorted { $0.0 < $1.0 }
  }

  /// Reads one file of a known kind.
  public static func loadFile(
    _ file: String, kind: DatasetKind, encoding: TextEncoding = .auto, monitor: LoadMonitor = .silent, columns: ProjectColumnSet = .all
  ) throws(LoadError) -> Store {
    if kind == .projects, encoding != .gb18030, let size = try? FilePath.status(file).st_size, Int(size) > streamThreshold,
      let store = try loadStreamed(file, monitor: monitor, columns: columns)
    {
      return store
    }
    let read = try FileBytes.read(file, limit: byteLimit)
    // A projects file is checked for UTF-8 cell by cell as it is parsed (pages are given
    // back only for files above the streamed size, which come here only when streaming
    // failed); only when a cell is not UTF-8 is the whole file checked and converted.
    if kind == .projects, encoding != .gb18030, read.bytes.count <= 64 << 20,
      let table = try parseProjects(read.bytes, file: file, monitor: monitor, columns: columns)
    {
      try read.checkUnchanged()
      var store = Store()
      store.files = [file]
      store.projects = table
      return store
    }
    // Non-UTF-8 text (GB18030 from Chinese Excel) is converted; anything else is left
    // for the parser to report with the line of the first bad byte.
    let isUTF8 = encoding != .gb18030 && isUTF8OnAllCores(read.bytes)
    let store: Store
    if !isUTF8, let converted = encoding.utf8(Data(buffer: read.bytes)) {
      let result = converted.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Result<Store, LoadError> in
        Result { () throws(LoadError) -> Store in
          try parse(
            raw.bindMemory(to: UInt8.self), file: file, kind: kind, releasingParsedPages: false, checkedUTF8: false, monitor: monitor,
            columns: columns)
        }
      }
      store = try result.get()
    } else {
      // Pages parsing has passed are given back only for large files, where it matters.
      store = try parse(
        read.bytes, file: file, kind: kind, releasingParsedPages: read.bytes.count > 64 << 20, checkedUTF8: isUTF8, monitor: monitor,
        columns: columns)
    }
    // The bytes parsed were read in full before parsing, but a file changed meanwhile is
    // one the user is still writing: what was read may be a part of it.
    try read.checkUnchanged()
    return store
  }

  /// Parses a file's bytes.
  ///
  /// - Parameter releasingParsedPages: the bytes are the loader's own anonymous memory,
  ///   so pages already parsed can be dropped (they then read as zeros; an error that
  ///   needs an earlier line reads the file again).
  public static func parse(
    _ bytes: UnsafeBufferPointer<UInt8>, file: String, kind: DatasetKind, releasingParsedPages: Bool = false,
    monitor: LoadMonitor = .silent
  ) throws(LoadError) -> Store {
    try parse(bytes, file: file, kind: kind, releasingParsedPages: releasingParsedPages, checkedUTF8: false, monitor: monitor, columns: .all)
  }

  /// - Parameter checkedUTF8: the caller has found the bytes to be UTF-8 already.
  static func parse(
    _ bytes: UnsafeBufferPointer<UInt8>, file: String, kind: DatasetKind, releasingParsedPages: Bool,
    checkedUTF8: Bool, monitor: LoadMonitor, columns: ProjectColumnSet
  ) throws(LoadError) -> Store {
    if !checkedUTF8, let bad = firstInvalidUTF8Line(bytes) {
      throw LoadError(
        file: file, line: bad,
        message: "neither UTF-8 nor GB18030 text; save the file as CSV UTF-8 (or name the encoding with --encoding)")
    }
    let (reader, layout) = try readHeader(bytes, file: file, kind: kind, columns: columns)
    let headers = layout.headers
    let headerWidth = layout.headerWidth
    let index = layout.index
    var store = Store()
    store.files = [file]
    if kind == .projects {
      // Never nil: the bytes are UTF-8 and not streamed.
      if let table = try ProjectPieces.read(
        bytes, layout: layout, body: reader.offset, line: reader.line, releasing: releasingParsedPages, monitor: monitor)
      {
        store.projects = table
      }
      return store
    }
    var cursor = RecordCursor(file: file, headers: headers, index: index, reader: reader)
    // Rows are gathered here and given to the store once (each change to its indicators
    // begins its groups afresh).
    var indicators: [Indicator] = []
    let indicatorColumns = IndicatorColumns(cursor)
    var records = 0
    while true {
      records += 1
      if records & 0xFFFF == 0, monitor.report(.init(bytes: cursor.reader.offset, total: bytes.count, rows: records - 1)) {
        throw LoadError.interrupted(file)
      }
      do {
        guard try cursor.reader.next() else { break }
      } catch {
        if case .nulByte(let line, let field) = error, field <= headers.count {
          throw LoadError(file: file, line: line, column: headers[field - 1], field: field, message: DelimitedReader.Problem.nulMessage)
        }
        throw LoadError(file: file, line: error.line, message: error.message)
      }
      try checkWidth(cursor.reader, headers: headers, headerWidth: headerWidth, file: file)
      switch kind {
      case .projects:
        break  // read in pieces above
      case .departments:
        store.departments.append(try readDepartment(cursor))
      case .funds:
        store.funds.append(try readFundLine(cursor))
      case .indicators:
        indicators.append(try readIndicator(cursor, indicatorColumns))
      }
    }
    if !indicators.isEmpty {
      store.indicators = indicators
      store.indicatorFiles = [(file, indicators.count)]
    }
    return store
  }

  /// A projects file's table, its cells checked for UTF-8 as they are read; nil when the
  /// header or a cell is not UTF-8 (or the header cannot be read as UTF-8), for the
  /// reading that tells the encoding and reports the place.
  static func parseProjects(
    _ bytes: UnsafeBufferPointer<UInt8>, file: String, monitor: LoadMonitor, columns: ProjectColumnSet = .all
  ) throws(LoadError) -> ProjectTable? {
    guard let (reader, layout) = try? readHeader(bytes, file: file, kind: .projects, columns: columns),
      TextEncoding.isUTF8(UnsafeBufferPointer(rebasing: bytes[0..<reader.offset]))
    else { return nil }
    return try ProjectPieces.read(bytes, layout: layout, body: reader.offset, line: reader.line, releasing: false, monitor: monitor)
  }

  /// Reads the header record: the reader placed after it, and the columns it names.
  static func readHeader(
    _ bytes: UnsafeBufferPointer<UInt8>, file: String, kind: DatasetKind, columns: ProjectColumnSet = .all
  ) throws(LoadError) -> (DelimitedReader, ProjectPieces.Layout) {
    var reader = DelimitedReader(bytes: bytes, separator: HeaderKind.separator(bytes))
    do {
      guard try reader.next() else { throw LoadError(file: file, message: "empty file; expected a header row") }
    } catch let p as DelimitedReader.Problem {
      throw LoadError(file: file, line: p.line, message: p.message)
    } catch let e as LoadError {
      throw e
    } catch {
      throw LoadError(file: file, message: "\(error)")
    }
    let headers = (0..<reader.fieldCount).map { reader.text($0) }
    // Fields under empty trailing headers may be left out, as spreadsheets write them.
    let headerWidth = (headers.lastIndex { !$0.isEmpty } ?? -1) + 1
    var index: [String: Int] = [:]
    for (f, h) in headers.enumerated() where !h.isEmpty {
      guard let spec = kind.columns.first(where: { $0.matches(h) }) else { continue }
      if index[spec.key] != nil {
        throw LoadError(file: file, line: reader.recordLine, column: h, field: f + 1, message: "names the column '\(spec.key)' a second time")
      }
      index[spec.key] = f
    }
    for spec in kind.columns where spec.required && index[spec.key] == nil {
      let names = ([spec.key] + spec.aliases.prefix(2)).joined(separator: " or ")
      throw LoadError(file: file, line: reader.recordLine, message: "missing required column \(names)")
    }
    return (
      reader,
      ProjectPieces.Layout(file: file, headers: headers, headerWidth: headerWidth, index: index, separator: reader.separator, columns: columns)
    )
  }

  /// Loads a large UTF-8 projects file read piece by piece just ahead of its parse, so
  /// the file never sits whole in memory beside its columns; nil when the file is not
  /// UTF-8 after all (or its header is not in its first MB), for the whole-file reading.
  static func loadStreamed(_ file: String, monitor: LoadMonitor, columns: ProjectColumnSet = .all) throws(LoadError) -> Store? {
    let opened = try FileBytes.map(file, limit: byteLimit)
    let bytes = opened.bytes
    let head = min(bytes.count, ProjectPieces.tuning.head)
    try opened.fill(0..<head)
    guard let base = bytes.baseAddress, memchr(base, 0x0A, head) != nil else { return nil }
    let (reader, layout) = try readHeader(bytes, file: file, kind: .projects, columns: columns)
    guard reader.offset < head, TextEncoding.isUTF8(UnsafeBufferPointer(rebasing: bytes[0..<reader.offset])) else { return nil }
    let read: ProjectTable?
    do {
      read = try ProjectPieces.read(
        bytes, layout: layout, body: reader.offset, line: reader.line, releasing: true, monitor: monitor, stream: opened)
    } catch {
      // Zeros read where a cut file's pages were: the error is the cut, not what they made.
      if opened.wasCut { throw opened.changed() }
      throw error
    }
    if opened.wasCut { throw opened.changed() }
    // A file changed under the streamed reading is reported, not read again as it is now.
    guard let table = read else {
      try opened.checkUnchanged()
      return nil
    }
    try opened.checkNotGrown()
    try opened.checkUnchanged()
    var store = Store()
    store.files = [file]
    store.projects = table
    return store
  }

  /// Refuses a record with more non-blank fields than the header, or fewer than its named
  /// columns. The test of every record is inlined into the loops; what follows a width
  /// other than the header's is not.
  @inline(__always)
  static func checkWidth(_ reader: DelimitedReader, headers: [String], headerWidth: Int, file: String) throws(LoadError) {
    guard reader.fieldCount > headers.count || reader.fieldCount < headerWidth else { return }
    try checkOtherWidth(reader, headers: headers, headerWidth: headerWidth, file: file)
  }

  @inline(never)
  static func checkOtherWidth(_ reader: DelimitedReader, headers: [String], headerWidth: Int, file: String) throws(LoadError) {
    if reader.fieldCount > headers.count, !(headers.count..<reader.fieldCount).allSatisfy({ reader.isBlank($0) }) {
      throw LoadError(
        file: file, line: reader.recordLine,
        message: "has \(reader.fieldCount) fields but the header has \(headers.count); quote fields that contain the separator")
    }
    // A short row has lost cells (a line cut short, a cell with a line break not quoted):
    // its values would land under the wrong columns' meaning, or be taken as empty.
    if reader.fieldCount < headerWidth {
      let missing = headers[reader.fieldCount]
      throw LoadError(
        file: file, line: reader.recordLine, column: missing, field: reader.fieldCount + 1,
        message: "the row ends after \(reader.fieldCount) fields but the header has \(headerWidth); expected a field for every column (an empty one between commas is fine)")
    }
  }

  static let yearRange = 1900...2200

  static func readProject(_ c: RecordCursor) throws(LoadError) -> Project {
    let year = try c.requiredInteger("year", range: yearRange, what: "a year")
    let unit = try c.requiredText("unit")
    let seq = try c.requiredInteger("seq", range: 1...Int(Int32.max), what: "a row number")
    let name = try c.requiredText("name")
    guard let budget = try c.money("budget") else {
      throw c.error("budget", "empty; expected the adjusted budget in 万元, e.g. 228.764")
    }
    return Project(
      year: year, unit: unit, seq: seq, name: name, fund: try c.fund("fund"), budget: budget,
      initial: try c.money("initial"), spent: try c.money("spent"), score: try c.score("score"),
      grade: try c.grade("grade"),
      ratePoints: try c.decimal("rate_points", what: "points from 0 to 100", example: "8.62"))
  }

  static func readDepartment(_ c: RecordCursor) throws(LoadError) -> Department {
    var d = Department(
      year: try c.requiredInteger("year", range: yearRange, what: "a year"), unit: try c.requiredText("unit"))
    let counts = 0...10_000_000
    d.initial = try c.statedMoney("initial")
    d.budget = try c.statedMoney("budget")
    d.spent = try c.statedMoney("spent")
    d.rate = try c.percent("rate")
    d.projectCount = try c.integer("project_count", range: counts, what: "a count")
    d.projectInitial = try c.statedMoney("project_initial")
    d.projectBudget = try c.statedMoney("project_budget")
    d.projectSpent = try c.statedMoney("project_spent")
    d.projectRate = try c.percent("project_rate")
    d.evaluatedCount = try c.integer("evaluated_count", range: counts, what: "a count")
    d.evaluatedBudget = try c.statedMoney("evaluated_budget")
    let gradeColumns: [(String, Grade)] = [
      ("count_excellent", .excellent), ("count_good", .good), ("count_fair", .fair), ("count_poor", .poor),
    ]
    for (key, grade) in gradeColumns {
      if let n = try c.integer(key, range: counts, what: "a count") { d.gradeCounts[grade] = n }
    }
    d.excellentRate = try c.percent("excellent_rate")
    d.score = try c.score("score")
    d.grade = try c.grade("grade")
    d.staff = try c.integer("staff", range: counts, what: "a count")
    d.internalUnits = try c.integer("internal_units", range: counts, what: "a count")
    d.budgetUnits = try c.integer("budget_units", range: counts, what: "a count")
    return d
  }

  static func readFundLine(_ c: RecordCursor) throws(LoadError) -> FundLine {
    let year = try c.requiredInteger("year", range: yearRange, what: "a year")
    let unit = try c.requiredText("unit")
    guard let fund = try c.fund("fund") else { throw c.error("fund", "empty; expected a budget book such as 一般公共预算") }
    var line = FundLine(year: year, unit: unit, fund: fund)
    line.projectCount = try c.integer("project_count", range: 0...10_000_000, what: "a count")
    line.budget = try c.statedMoney("budget")
    line.share = try c.percent("share")
    return line
  }

  /// The columns of an indicators file, found once per file.
  struct IndicatorColumns {
    let year, unit, seq, level1, level2, name, kind, target, actual, weight, points: RecordCursor.Column

    init(_ c: RecordCursor) {
      (year, unit, seq, level1, level2) = (c.column("year"), c.column("unit"), c.column("seq"), c.column("level1"), c.column("level2"))
      (name, kind, target, actual) = (c.column("name"), c.column("kind"), c.column("target"), c.column("actual"))
      (weight, points) = (c.column("weight"), c.column("points"))
    }
  }

  static func readIndicator(_ c: RecordCursor) throws(LoadError) -> Indicator {
    try readIndicator(c, IndicatorColumns(c))
  }

  static func readIndicator(_ c: RecordCursor, _ k: IndicatorColumns) throws(LoadError) -> Indicator {
    let year = try c.requiredInteger(k.year, range: yearRange, what: "a year")
    let unit = try c.requiredText(k.unit)
    let seq = try c.requiredInteger(k.seq, range: 1...Int(Int32.max), what: "a row number")
    let level1 = try c.requiredText(k.level1)
    let name = try c.requiredText(k.name)
    let kindText = try c.requiredText(k.kind)
    guard let kind = IndicatorKind(kindText) else {
      throw c.error(k.kind, "'\(kindText)' is not an indicator kind; expected 正向, 反向 or 定性 (positive, negative, qualitative)")
    }
    guard let weight = try c.decimal(k.weight, what: "the indicator's points (分值)", example: "10") else {
      throw c.error(k.weight, "empty; expected the indicator's points (分值), e.g. 10")
    }
    let points = try c.decimal(k.points, what: "the recorded points (得分)", example: "8.62")
    // Points above the weight break the rule, but a form that records them is loaded as
    // it is: check reports them.
    let targetText = c.text(k.target) ?? ""
    let actualText = c.text(k.actual) ?? ""
    let cells: (target: Int64?, actual: Int64?, tier: Tier?)
    do {
      cells = try IndicatorCells.parse(kind: kind, targetText: targetText, actualText: actualText)
    } catch {
      throw c.error(error.column, error.message)
    }
    let (target, actual, tier) = cells
    return Indicator(
      year: year, unit: unit, seq: seq, level1: level1, level2: c.text(k.level2) ?? "", name: name, kind: kind,
      targetText: targetText, actualText: actualText, target: target, actual: actual, tier: tier, weight: weight,
      points: points)
  }

  /// What makes an indicator row the same as another: its project, its groups and its name.
  struct IndicatorKey: Hashable {
    var year: Int
    var unit: String
    var seq: Int
    var level1: String
    var level2: String
    var name: String

    init(_ i: Indicator) {
      (year, unit, seq, level1, level2, name) = (i.year, i.unit, i.seq, i.level1, i.level2, i.name)
    }
  }

  /// Refuses a file whose projects, department rows or indicator rows repeat ones already
  /// loaded (the same file loaded twice would count every indicator twice).
  public static func checkClashes(_ part: Store, against store: Store, file: String) throws(LoadError) {
    for d in part.departments where store.departments.contains(where: { $0.year == d.year && $0.unit == d.unit }) {
      throw LoadError(file: file, message: "the department figures of \(d.year) \(d.unit) are already loaded")
    }
    try checkProjectClashes(part, against: store, file: file)
    if !store.indicators.isEmpty, !part.indicators.isEmpty {
      let existing = Set(store.indicators.map(IndicatorKey.init))
      for (n, i) in part.indicators.enumerated() where existing.contains(IndicatorKey(i)) {
        let place = part.indicatorSource(n) ?? (file, n)
        let groups = [i.level1, i.level2].filter { !$0.isEmpty }.joined(separator: " · ")
        throw LoadError(
          file: place.file, line: recordLine(ofRow: place.row, in: place.file), column: "name",
          message: "duplicate indicator: year \(i.year), unit \(i.unit), seq \(i.seq), \(groups) · \(i.name) is already loaded from another file; expected each project's indicators to be loaded once")
      }
    }
  }

  static func checkProjectClashes(_ part: Store, against store: Store, file: String) throws(LoadError) {
    guard store.projects.count > 0, part.projects.count > 0 else { return }
    var existing: [ProjectKey: String] = [:]
    for key in store.projects.keys { existing[key] = "" }
    for (i, key) in part.projects.keys.enumerated() {
      if existing[key] != nil {
        throw LoadError(
          file: file, line: recordLine(ofRow: i, in: file), column: "seq",
          message: "duplicate project: year \(key.year), unit \(key.unit), seq \(key.seq) is already loaded from another file")
      }
    }
  }

  /// Warnings about indicator rows of `part` whose project is not in `store` (which
  /// holds `part`): they are kept, but no score uses them. One line per project named,
  /// with the file and line of its first row.
  public static func orphanIndicatorWarnings(_ part: Store, in store: Store) -> [String] {
    // Without indicator rows there is nothing to warn about, and no key set of every project to build.
    guard !part.indicators.isEmpty else { return [] }
    let known = Set(store.projects.keys)
    var order: [ProjectKey] = []
    var rows: [ProjectKey: (first: Int, count: Int)] = [:]
    for (n, i) in part.indicators.enumerated() {
      let key = ProjectKey(year: i.year, unit: i.unit, seq: i.seq)
      if known.contains(key) { continue }
      if let r = rows[key] {
        rows[key] = (r.first, r.count + 1)
      } else {
        rows[key] = (n, 1)
        order.append(key)
      }
    }
    return order.map { key in
      let r = rows[key]!
      let place = part.indicatorSource(r.first).map { "\($0.file):\(recordLine(ofRow: $0.row, in: $0.file)): " } ?? ""
      let rowsText = r.count == 1 ? "1 indicator row is" : "\(r.count) indicator rows are"
      return place + "\(rowsText) for year \(key.year), unit \(key.unit), seq \(key.seq), which is not a loaded project; no score uses \(r.count == 1 ? "it" : "them")"
    }
  }

  /// The line a data row starts on in a CSV file, found again only when an error needs it
  /// (quoted fields may span lines, blank lines are skipped); row + 2 when the file
  /// cannot be read back (tables from workbooks).
  static func recordLine(ofRow row: Int, in file: String) -> Int {
    guard let data = FileManager.default.contents(atPath: file) else { return row + 2 }
    return data.withUnsafeBytes { ProjectColumnsBuilder.recordLine(ofRow: row, in: $0.bindMemory(to: UInt8.self)) }
  }

  /// Whether the bytes are UTF-8, checked in pieces cut at line ends (an LF is never
  /// inside a UTF-8 sequence), one per core for a large file.
  static func isUTF8OnAllCores(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let pieces = bytes.count >= max(ProjectPieces.threshold, 1) ? ProjectPieces.pieceCount : 1
    let starts = ProjectPieces.cuts(bytes, body: 0, pieces: pieces)
    let ends = Array(starts.dropFirst()) + [bytes.count]
    var valid = [Bool](repeating: false, count: starts.count)
    valid.withUnsafeMutableBufferPointer { out in
      let shared = UnsafeSendable((bytes, out))
      Threads.run(starts.count) { k in
        shared.value.1[k] = TextEncoding.isUTF8(UnsafeBufferPointer(rebasing: shared.value.0[starts[k]..<ends[k]]))
      }
    }
    return !valid.contains(false)
  }

  /// The 1-based line of the first byte sequence that is not UTF-8, if any.
  static func firstInvalidUTF8Line(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    // The byte-level check is several times faster than decoding scalars; the line is
    // looked for only when there is something to report.
    if isUTF8OnAllCores(bytes) { return nil }
    // Fast path: pure ASCII chunks need no decoding.
    var allASCII = true
    for b in bytes where b >= 0x80 {
      allASCII = false
      break
    }
    if allASCII { return nil }
    var line = 1
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let s):
        // Lines as the CSV reader counts them: LF, CR LF or a lone CR.
        if s == "\n" || (s == "\r" && offset + 1 < bytes.count && bytes[offset + 1] != 0x0A) { line += 1 }
        offset += Int(UTF8.width(s))
      case .emptyInput:
        return nil
      case .error:
        return line
      }
    }
  }
}

extension DelimitedReader.Problem {
  var line: Int {
    switch self {
    case .unterminatedQuote(let line, _), .textAfterQuote(let line, _), .tooManyFields(let line, _),
      .nulByte(let line, _):
      line
    }
  }

  var message: String {
    switch self {
    case .unterminatedQuote(_, let field):
      "field \(field): a quoted field is never closed; expected a closing \" before the end of the file"
    case .textAfterQuote(_, let field):
      "field \(field): text after a closing quote; expected a comma or the end of the line (write \"\" for a quote inside a quoted field)"
    case .tooManyFields(_, let limit):
      "more than \(limit) fields in one record; expected a dataset file"
    case .nulByte(_, let field):
      "field \(field): " + Self.nulMessage
    }
  }

  static let nulMessage =
    "a NUL byte (0x00), which text never holds; expected CSV text in UTF-8 (a UTF-16 file has one in every other byte: save it as CSV UTF-8)"
}

/// Gives back the pages of a mapped file that parsing has passed.
enum PageRelease {
  /// Drops whole pages from `from` up to `upTo`; returns the new released offset.
  static func drop(_ bytes: UnsafeBufferPointer<UInt8>, upTo: Int, from: Int, page: Int) -> Int {
    guard let base = bytes.baseAddress, page > 0 else { return from }
    let start = UInt(bitPattern: base) + UInt(from)
    let end = (UInt(bitPattern: base) + UInt(upTo)) / UInt(page) * UInt(page)
    guard end > start else { return from }
    let alignedStart = (start + UInt(page) - 1) / UInt(page) * UInt(page)
    guard end > alignedStart, let pointer = UnsafeMutableRawPointer(bitPattern: alignedStart) else { return from }
    _ = madvise(pointer, Int(end - alignedStart), MADV_DONTNEED)
    return Int(end - UInt(bitPattern: base))
  }

  /// Has the kernel make ready (zeroed and mapped) the whole pages of `start..<start +
  /// bytes` of memory this process owns and has not touched, without writing to it: a
  /// thread with nothing else to do so takes the page faults off one that copies there.
  /// Where the system cannot, the copy faults them itself.
  static func prepare(_ start: UnsafeMutableRawPointer, bytes: Int, page: Int) {
    #if os(Linux)
      let low = (UInt(bitPattern: start) + UInt(page) - 1) / UInt(page) * UInt(page)
      let high = (UInt(bitPattern: start) + UInt(bytes)) / UInt(page) * UInt(page)
      guard high > low, let pointer = UnsafeMutableRawPointer(bitPattern: low) else { return }
      _ = madvise(pointer, Int(high - low), MADV_POPULATE_WRITE)
    #endif
  }
}
