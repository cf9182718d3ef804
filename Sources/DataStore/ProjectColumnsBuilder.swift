import Scoring

/// Appends projects rows straight from a record's bytes into the columns.
///
/// Every cell takes a byte-level fast path for the spellings generated and exported
/// files use (plain digits, 优/良/中/差, the four budget books, text without surrounding
/// spaces); anything else goes through the `RecordCursor` reader the fast path stands in
/// for, so values and error messages are exactly those of the general reader, raised in
/// the same field order. No `Project` value and no String per numeric cell is built.
struct ProjectColumnsBuilder {
  var table = ProjectTable()
  private var units: ByteInterner
  private var names: ByteInterner
  /// Per unit code, the smallest and the largest (year, seq) of its rows so far, packed
  /// as `year << 32 | seq` (`Int64.min` for a unit with no row yet), and, while the key
  /// columns are not kept, the sums `KeyPrint` adds up: one element per unit, so that a
  /// row touches one place, and a new unit grows one array.
  private struct UnitKeys {
    var low = Int64.min
    var top = Int64.min
    var sum: UInt64 = 0
    var weighted: UInt64 = 0
  }
  private var unitKeys: [UnitKeys] = []
  /// (year, unit, seq) → row, open addressing of row + 1; empty while every row came with
  /// a (year, seq) above all earlier ones of its unit, as in a file ordered by year or by
  /// unit: no key can then repeat, and the duplicate check needs no table of keys. The
  /// first row that breaks the order builds the table.
  private var keySlots: [UInt32] = []
  private var keyMask = 0
  /// Rows the key table is sized for when it is built.
  private let keyRows: Int
  let fields: Fields
  /// The columns stored; the others are read and checked, then dropped.
  let kept: ProjectColumnSet
  /// `fields.read`, made once: the fields of a record wider than `Fields.readMask` covers.
  private let wideRead: [Bool]
  /// Rows not yet in `table`'s columns (`staged` of them), while the rows come in key
  /// order; once a key comes out of order, rows go to the columns directly, since the
  /// key table reads them by number. `flush` empties it; a piece is flushed as it ends.
  private let staging = ColumnStaging()
  private var staged = 0
  /// The (year, unit, seq) of the row appended last.
  private var lastKey: (year: Int32, unit: UInt32, seq: Int32) = (0, 0, 0)
  /// Set when a record's bytes are not UTF-8 (the error thrown then is only a stop): a
  /// streamed file's bytes are checked cell by cell, as they are read.
  private(set) var notUTF8 = false
  /// Set when a key comes out of order while the key columns are not kept: the duplicate
  /// check then needs the earlier rows' keys, and the file is read again keeping them.
  private(set) var needsKeys = false

  /// Field index of each column, -1 when absent.
  struct Fields {
    var year = -1, unit = -1, seq = -1, name = -1, fund = -1, budget = -1, initial = -1, spent = -1
    var score = -1, grade = -1, ratePoints = -1
    /// Bit i set when field i (of the first 64) is one of the above; any other field (a
    /// column the loader does not read) is only checked for UTF-8. A bit mask, not an
    /// array: the fields are copied for every row, and an array in them was retained and
    /// released for every row.
    var readMask: UInt64 = 0
    /// For each field, whether it is one of the above (kept by the builder, for records
    /// of more than 64 fields).
    var read: [Bool] {
      var read = [Bool](repeating: false, count: (all.max() ?? -1) + 1)
      for i in all where i >= 0 { read[i] = true }
      return read
    }
    private var all: [Int] { [year, unit, seq, name, fund, budget, initial, spent, score, grade, ratePoints] }
    init(_ index: [String: Int]) {
      year = index["year"] ?? -1
      unit = index["unit"] ?? -1
      seq = index["seq"] ?? -1
      name = index["name"] ?? -1
      fund = index["fund"] ?? -1
      budget = index["budget"] ?? -1
      initial = index["initial"] ?? -1
      spent = index["spent"] ?? -1
      score = index["score"] ?? -1
      grade = index["grade"] ?? -1
      ratePoints = index["rate_points"] ?? -1
      for i in all where i >= 0 && i < 64 { readMask |= 1 << UInt64(i) }
    }
  }

  /// - Parameters:
  ///   - expectedRows: rows the columns are sized for (a first piece's columns take the
  ///     later pieces' rows too).
  ///   - keyRows: rows the duplicate-key table is sized for, should it be needed (this
  ///     piece's own).
  ///   - defersTexts: whether unit and name codes are the interners' own, for a later
  ///     piece whose texts a first piece's builder absorbs (`absorbTexts`); the table's
  ///     dictionaries then stay empty.
  ///   - kept: the columns stored. Without the key columns, keys are checked for
  ///     duplicates only while each unit's come in order (`needsKeys` tells when not).
  init(index: [String: Int], expectedRows: Int, keyRows: Int? = nil, defersTexts: Bool = false, kept: ProjectColumnSet = .all) {
    // Room for as many distinct units (and names, when kept) as a million, or the
    // piece's rows if fewer: address space, not memory, until used.
    let texts = min(keyRows ?? expectedRows, 1 << 20)
    // Without the key columns no unit text is kept, so none becomes a String: units get
    // the interner's own codes, and `KeyPrint` takes their texts by hash.
    units = ByteInterner(reserving: texts, defers: defersTexts || !kept.keysWhole.keepsKeys)
    names = ByteInterner(reserving: kept.contains(.name) ? texts : 0, defers: defersTexts)
    unitKeys.reserveCapacity(texts)
    HugePages.advise(&unitKeys)
    fields = Fields(index)
    wideRead = fields.read
    self.kept = kept.keysWhole
    if !self.kept.keepsKeys { table.keylessRows = 0 }
    table.reserveCapacity(expectedRows, kept: self.kept)
    self.keyRows = keyRows ?? expectedRows
  }

  @inline(__always)
  static func packedKey(_ y: Int32, _ s: Int32) -> Int64 {
    Int64(y) << 32 | Int64(UInt32(bitPattern: s))
  }

  /// Rows appended, staged ones included.
  var count: Int { table.count + staged }

  /// Moves the staged rows into the table's columns.
  mutating func flush() {
    guard staged > 0 else { return }
    staging.move(staged, to: &table, kept: kept)
    if let rows = table.keylessRows { table.keylessRows = rows + staged }
    staged = 0
  }

  /// The row whose (year, unit, seq) equals row `r`'s (the row appended last), if one
  /// came before.
  mutating func insertKey(_ r: Int) -> Int? {
    let (y, u, s) = lastKey
    let k = ProjectColumnsBuilder.packedKey(y, s)
    let ui = Int(u)
    if ui >= unitKeys.count {
      unitKeys.append(contentsOf: repeatElement(UnitKeys(), count: max(ui + 1, unitCodes) - unitKeys.count))
    }
    let top = unitKeys[ui].top
    if keySlots.isEmpty {
      if k > top {
        if top == Int64.min { unitKeys[ui].low = k }
        unitKeys[ui].top = k
        if !kept.keepsKeys {
          let m = KeyPrint.mix(y, s)
          unitKeys[ui].sum &+= m
          unitKeys[ui].weighted &+= m &* KeyPrint.rowTerm(r)
        }
        return nil
      }
      // The earlier rows' keys were not kept: only a reading that keeps them can tell.
      if !kept.keepsKeys {
        needsKeys = true
        return nil
      }
      // From here on the key table reads rows by number: no row stays staged.
      flush()
      buildKeys(rows: r)
    }
    if top == Int64.min || k < unitKeys[ui].low { unitKeys[ui].low = k }
    if k > top { unitKeys[ui].top = k }
    if (r + 1) * 4 > keySlots.count * 3 { buildKeys(rows: r) }
    var slot = ProjectColumnsBuilder.keyHash(y, u, s) & keyMask
    while true {
      let e = keySlots[slot]
      if e == 0 {
        keySlots[slot] = UInt32(r + 1)
        return nil
      }
      let o = Int(e - 1)
      if table.seq[o] == s && table.unit[o] == u && table.year[o] == y { return o }
      slot = (slot + 1) & keyMask
    }
  }

  /// Whether a row with this key may be here: its unit has rows, and the key lies between
  /// their smallest and largest. Most rows of another piece are ruled out by this alone.
  @inline(__always)
  func mayHoldKey(year y: Int32, unit u: UInt32, seq s: Int32) -> Bool {
    let ui = Int(u)
    guard ui < unitKeys.count else { return false }
    let k = ProjectColumnsBuilder.packedKey(y, s)
    let keys = unitKeys[ui]
    return keys.top != Int64.min && k >= keys.low && k <= keys.top
  }

  /// The smallest and the largest (year, seq) of unit `u`'s rows (packed as in
  /// `packedKey`); nil when it has none. Pieces whose keys were not kept are told apart
  /// by these alone.
  func keyRange(unit u: Int) -> (low: Int64, top: Int64)? {
    guard u < unitKeys.count, unitKeys[u].top != Int64.min else { return nil }
    return (unitKeys[u].low, unitKeys[u].top)
  }

  /// Units this builder has key ranges for (codes below this).
  var rangedUnits: Int { unitKeys.count }

  /// Unit codes given so far: the dictionary's, or the interner's own when it defers.
  var unitCodes: Int { units.defers ? units.ownCodes : table.units.count }

  /// Adds this piece's rows to the fingerprint of keys not kept; the piece starts at row
  /// `offset` of the joined table, its unit codes turned into the table's by `unitMap`
  /// (nil for the first piece, whose codes are the table's), whose units' text hashes
  /// are `textHashes` (the first piece's `unitTextHashes`, once it absorbed the others).
  func addKeyPrint(to print: inout KeyPrint, unitMap: [UInt32]?, textHashes: [UInt64], offset: Int) {
    guard !kept.keepsKeys else { return }
    for (u, keys) in unitKeys.enumerated() where keys.top != Int64.min {
      let joined = unitMap.map { Int($0[u]) } ?? u
      print.add(textHash: textHashes[joined], sum: keys.sum, weighted: keys.weighted, offset: offset)
    }
  }

  /// For each unit code, the hash of its text's bytes (`ByteInterner.hash`).
  var unitTextHashes: [UInt64] { units.codeHashes }

  /// Builds the key table if the rows never needed it, so that `findKey` can look up
  /// another piece's keys here.
  mutating func prepareKeyTable() {
    if keySlots.isEmpty { buildKeys(rows: table.count) }
  }

  /// The row with this key, if any, without adding it (another piece's rows are looked
  /// up here when pieces are joined, after `prepareKeyTable`).
  func findKey(year y: Int32, unit u: UInt32, seq s: Int32) -> Int? {
    guard mayHoldKey(year: y, unit: u, seq: s) else { return nil }
    precondition(!keySlots.isEmpty, "findKey before prepareKeyTable")
    var slot = ProjectColumnsBuilder.keyHash(y, u, s) & keyMask
    while true {
      let e = keySlots[slot]
      if e == 0 { return nil }
      let o = Int(e - 1)
      if table.seq[o] == s && table.unit[o] == u && table.year[o] == y { return o }
      slot = (slot + 1) & keyMask
    }
  }

  /// Adds the texts of a later piece to this builder's dictionaries; returns, for each of
  /// its unit and name codes, the code here. A text seen here already is found by its
  /// bytes; only a new one is looked up as a String (which also joins canonically
  /// equivalent spellings, as within one piece).
  mutating func absorbTexts(of other: ProjectColumnsBuilder) -> (units: [UInt32], names: [UInt32]) {
    (
      units.absorb(other.units, otherDictionary: other.table.units, into: &table.units),
      names.absorb(other.names, otherDictionary: other.table.names, into: &table.names)
    )
  }

  @inline(__always)
  static func keyHash(_ y: Int32, _ u: UInt32, _ s: Int32) -> Int {
    var h = UInt64(UInt32(bitPattern: s)) | UInt64(u) << 32
    h ^= UInt64(UInt32(bitPattern: y)) &* 0x9E37_79B9_7F4A_7C15
    h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
    h ^= h >> 32
    return Int(truncatingIfNeeded: h)
  }

  /// (Re)builds the key table from rows `0..<rows`, sized for this piece's rows (at
  /// most three quarters full) or twice what it held.
  private mutating func buildKeys(rows: Int) {
    var size = max(1024, keySlots.count * 2)
    while size * 3 < max(keyRows, rows + 1) * 4 { size <<= 1 }
    keySlots = [UInt32](repeating: 0, count: size)
    keyMask = size - 1
    for r in 0..<rows {
      var slot = ProjectColumnsBuilder.keyHash(table.year[r], table.unit[r], table.seq[r]) & keyMask
      while keySlots[slot] != 0 { slot = (slot + 1) & keyMask }
      keySlots[slot] = UInt32(r + 1)
    }
  }

  // MARK: - Cells

  /// Plain ASCII digits (1 to 9 of them) as a number, or nil for anything else.
  @inline(__always)
  static func digits(_ p: UnsafeBufferPointer<UInt8>) -> Int? {
    let n = p.count
    guard n > 0, n <= 9 else { return nil }
    var v = 0
    for b in p {
      let d = b &- 0x30
      if d > 9 { return nil }
      v = v * 10 + Int(d)
    }
    return v
  }

  /// Digits with at most one point and at most four decimals, as ten-thousandths;
  /// nil for anything else (signs, spaces, units, commas, overflow).
  @inline(__always)
  static func decimal(_ p: UnsafeBufferPointer<UInt8>) -> Int64? {
    let n = p.count
    guard n > 0, n <= 16 else { return nil }
    var whole: Int64 = 0
    var i = 0
    var digits = 0
    while i < n {
      let d = p[i] &- 0x30
      if d > 9 { break }
      whole = whole &* 10 &+ Int64(d)
      digits += 1
      i += 1
    }
    var fraction: Int64 = 0
    var places = 0
    if i < n {
      guard p[i] == UInt8(ascii: ".") else { return nil }
      i += 1
      while i < n {
        let d = p[i] &- 0x30
        if d > 9 || places == 4 { return nil }
        fraction = fraction * 10 + Int64(d)
        places += 1
        digits += 1
        i += 1
      }
    }
    guard digits > 0, whole <= 1_000_000_000_000 else { return nil }
    while places < 4 {
      fraction *= 10
      places += 1
    }
    let v = whole * DecimalText.scale + fraction
    return v <= DecimalText.maxMagnitude ? v : nil
  }

  /// Whether text needs the general reader: empty, or a space at either end.
  @inline(__always)
  static func needsTrim(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = p.count
    guard n > 0 else { return true }
    let first = p[0]
    let last = p[n - 1]
    if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 { return true }
    // U+3000 IDEOGRAPHIC SPACE is E3 80 80.
    if first == 0xE3, n >= 3, p[1] == 0x80, p[2] == 0x80 { return true }
    if last == 0x80, n >= 3, p[n - 3] == 0xE3, p[n - 2] == 0x80 { return true }
    return false
  }

  @inline(__always)
  static func gradeCode(_ p: UnsafeBufferPointer<UInt8>) -> UInt8? {
    guard p.count == 3 else { return nil }
    switch (p[0], p[1], p[2]) {
    case (0xE4, 0xBC, 0x98): return Grade.excellent.rawValue  // 优
    case (0xE8, 0x89, 0xAF): return Grade.good.rawValue  // 良
    case (0xE4, 0xB8, 0xAD): return Grade.fair.rawValue  // 中
    case (0xE5, 0xB7, 0xAE): return Grade.poor.rawValue  // 差
    default: return nil
    }
  }

  static let fundSpellings: [[UInt8]] = Fund.allCases.map { Array($0.description.utf8) }

  /// Compared inline (`ByteInterner.same`): a call to memcmp per row cost more.
  @inline(__always)
  static func fundCode(_ p: UnsafeBufferPointer<UInt8>) -> UInt8? {
    guard let cell = p.baseAddress else { return nil }
    for i in fundSpellings.indices where fundSpellings[i].count == p.count {
      if fundSpellings[i].withUnsafeBytes({ ByteInterner.same($0.baseAddress!, cell, p.count) }) { return UInt8(i) }
    }
    return nil
  }

  // MARK: - A row

  /// Appends the cursor's current record; throws what `readProject` would.
  mutating func append(_ c: RecordCursor) throws(LoadError) {
    let reader = c.reader
    let f = fields
    let present = reader.fieldCount
    let bytes = reader.bytes
    let base = reader.scratchBase
    try reader.scratch.withUnsafeBufferPointer { (copied) throws(LoadError) -> Void in
      // Fields are read in place in the file's bytes; only quoted ones with doubled quotes are copied.
      func cell(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        guard i >= 0, i < present else { return UnsafeBufferPointer(start: bytes.baseAddress, count: 0) }
        let r = reader.field(i)
        if r.lowerBound >= base { return UnsafeBufferPointer(rebasing: copied[(r.lowerBound - base)..<(r.upperBound - base)]) }
        return UnsafeBufferPointer(rebasing: bytes[r])
      }
      /// Checks a cell that the fast paths below did not take whole (those take only
      /// ASCII digits, the four grades and budget books, or text the interner checks).
      func checkText(_ p: UnsafeBufferPointer<UInt8>) throws(LoadError) {
        if !TextEncoding.isUTF8(p) {
          notUTF8 = true
          throw c.error("", "not UTF-8")
        }
      }
      if present <= 64 {
        // The fields not read below, in order: each is only checked.
        var unread = ~f.readMask & (present == 64 ? ~0 : (1 << UInt64(present)) &- 1)
        while unread != 0 {
          try checkText(cell(unread.trailingZeroBitCount))
          unread &= unread &- 1
        }
      } else {
        for i in 0..<present where i >= wideRead.count || !wideRead[i] { try checkText(cell(i)) }
      }
      // year
      var year: Int
      if let v = ProjectColumnsBuilder.digits(cell(f.year)), DatasetLoader.yearRange.contains(v) {
        year = v
      } else {
        year = try c.requiredInteger("year", range: DatasetLoader.yearRange, what: "a year")
      }
      // unit
      let unitBytes = cell(f.unit)
      let unit: UInt32
      if f.unit >= 0, !ProjectColumnsBuilder.needsTrim(unitBytes) {
        guard let code = units.code(UnsafeRawBufferPointer(unitBytes), &table.units) else {
          notUTF8 = true
          throw c.error("", "not UTF-8")
        }
        unit = code
      } else {
        try checkText(unitBytes)
        unit = units.code(text: try c.requiredText("unit"), &table.units)
      }
      // seq
      var seq: Int
      if let v = ProjectColumnsBuilder.digits(cell(f.seq)), v >= 1 {
        seq = v
      } else {
        seq = try c.requiredInteger("seq", range: 1...Int(Int32.max), what: "a row number")
      }
      // name
      let nameBytes = cell(f.name)
      let name: UInt32
      if !kept.contains(.name) {
        // Checked as a kept name would be, but not coded.
        try checkText(nameBytes)
        if f.name < 0 || ProjectColumnsBuilder.needsTrim(nameBytes) { _ = try c.requiredText("name") }
        name = 0
      } else if f.name >= 0, !ProjectColumnsBuilder.needsTrim(nameBytes) {
        guard let code = names.code(UnsafeRawBufferPointer(nameBytes), &table.names) else {
          notUTF8 = true
          throw c.error("", "not UTF-8")
        }
        name = code
      } else {
        try checkText(nameBytes)
        name = names.code(text: try c.requiredText("name"), &table.names)
      }
      // budget (required)
      let budget: Int64
      if let v = ProjectColumnsBuilder.decimal(cell(f.budget)) {
        budget = v
      } else {
        guard let m = try c.money("budget") else {
          throw c.error("budget", "empty; expected the adjusted budget in 万元, e.g. 228.764")
        }
        budget = m.tenThousandths
      }
      // fund
      let fundBytes = cell(f.fund)
      let fund: UInt8
      if fundBytes.isEmpty {
        fund = try c.fund("fund")?.rawValue ?? ProjectTable.missingCode
      } else if let code = ProjectColumnsBuilder.fundCode(fundBytes) {
        fund = code
      } else {
        fund = try c.fund("fund")?.rawValue ?? ProjectTable.missingCode
      }
      // initial, spent
      func money(_ i: Int, _ key: String) throws(LoadError) -> Int64 {
        let p = cell(i)
        if p.isEmpty { return ProjectTable.missing }
        if let v = ProjectColumnsBuilder.decimal(p) { return v }
        return try c.money(key)?.tenThousandths ?? ProjectTable.missing
      }
      let initial = try money(f.initial, "initial")
      let spent = try money(f.spent, "spent")
      // score
      let scoreBytes = cell(f.score)
      let score: Int64
      if scoreBytes.isEmpty {
        score = ProjectTable.missing
      } else if let v = ProjectColumnsBuilder.decimal(scoreBytes), v <= 100 * DecimalText.scale {
        score = v
      } else {
        score = try c.score("score") ?? ProjectTable.missing
      }
      // grade
      let gradeBytes = cell(f.grade)
      let grade: UInt8
      if let g = ProjectColumnsBuilder.gradeCode(gradeBytes) {
        grade = g
      } else {
        grade = try c.grade("grade")?.rawValue ?? ProjectTable.missingCode
      }
      // rate_points
      let rateBytes = cell(f.ratePoints)
      let ratePoints: Int64
      if rateBytes.isEmpty {
        ratePoints = ProjectTable.missing
      } else if let v = ProjectColumnsBuilder.decimal(rateBytes) {
        ratePoints = v
      } else {
        ratePoints =
          try c.decimal("rate_points", what: "points from 0 to 100", example: "8.62") ?? ProjectTable.missing
      }
      lastKey = (Int32(year), unit, Int32(seq))
      guard keySlots.isEmpty else {
        table.year.append(Int32(year))
        table.unit.append(unit)
        table.seq.append(Int32(seq))
        if kept.contains(.name) { table.name.append(name) }
        if kept.contains(.fund) { table.fund.append(fund) }
        if kept.contains(.budget) { table.budget.append(budget) }
        if kept.contains(.initial) { table.initial.append(initial) }
        if kept.contains(.spent) { table.spent.append(spent) }
        if kept.contains(.score) { table.score.append(score) }
        if kept.contains(.grade) { table.grade.append(grade) }
        if kept.contains(.ratePoints) { table.ratePoints.append(ratePoints) }
        return
      }
      let i = staged
      let st = staging
      st.year[i] = Int32(year)
      st.unit[i] = unit
      st.seq[i] = Int32(seq)
      st.name[i] = name
      st.fund[i] = fund
      st.budget[i] = budget
      st.initial[i] = initial
      st.spent[i] = spent
      st.score[i] = score
      st.grade[i] = grade
      st.ratePoints[i] = ratePoints
      staged = i + 1
      if staged == st.capacity { flush() }
    }
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ProjectColumnsBuilder {
  /// The line on which data row `row` (0-based, after the header) starts; only for
  /// error messages, so it simply reads the file again.
  static func recordLine(ofRow row: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var reader = DelimitedReader(bytes: bytes, separator: HeaderKind.separator(bytes))
    for _ in 0...(row + 1) { _ = try? reader.next() }
    return reader.recordLine
  }
}
