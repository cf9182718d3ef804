import Foundation
import Scoring

/// All loaded projects, one array per field.
///
/// A statement scans only the columns it names, in tight loops over plain integers:
/// money and scores are fixed-point Int64 (`ProjectTable.missing` marks an empty
/// cell), grades and funds are one byte, and text is dictionary-encoded.
public struct ProjectTable: Sendable {
  /// The stored value of an empty money or score cell.
  public static let missing = Int64.min
  /// The stored value of an empty grade or fund cell.
  public static let missingCode: UInt8 = 255

  // The columns as held; a table opened from a snapshot, or made by a load that kept only
  // some columns, holds none until a change needs them all (`readAll`), and gives each
  // from `unread` when asked. The accessors lend the
  // column (`_read`) rather than return a copy: a load's per-row key checks read three
  // columns a row, and a returned array is retained and released each time.
  private var storedYear: [Int32] = []
  private var storedUnit: [UInt32] = []
  private var storedUnits: TextDictionary = TextDictionary()
  private var storedSeq: [Int32] = []
  private var storedName: [UInt32] = []
  private var storedNames: TextDictionary = TextDictionary()
  private var storedFund: [UInt8] = []
  private var storedBudget: [Int64] = []
  private var storedInitial: [Int64] = []
  private var storedSpent: [Int64] = []
  private var storedScore: [Int64] = []
  private var storedGrade: [UInt8] = []
  private var storedRatePoints: [Int64] = []
  /// The columns not yet read into this table: a snapshot's, or those a partial load
  /// did not keep.
  private var unread: (any ProjectColumnSource)?
  /// Damage found in the snapshot's columns before they were read into this table.
  private var readDamage: LoadError?
  /// The rows of a table a load made without its key columns (whose count is otherwise
  /// the year column's); such a table only ever sits inside `PartialColumns`.
  var keylessRows: Int?
  /// Such a table's keys as `KeyPrint` sums them, to tell a second reading of the file
  /// from the first.
  var keyPrint: KeyPrint?

  public internal(set) var year: [Int32] {
    _read {
      if let unread { yield unread.yearColumn } else { yield storedYear }
    }
    _modify {
      if unread != nil { readAll() }
      yield &storedYear
    }
  }
  public internal(set) var unit: [UInt32] {
    _read {
      if let unread { yield unread.unitColumn } else { yield storedUnit }
    }
    _modify {
      if unread != nil { readAll() }
      yield &storedUnit
    }
  }
  public internal(set) var units: TextDictionary {
    _read {
      if let unread { yield unread.unitTexts } else { yield storedUnits }
    }
    _modify {
      if unread != nil { readAll() }
      yield &storedUnits
    }
  }
  public internal(set) var seq: [Int32] {
    _read {
      if let unread { yield unread.seqColumn } else { yield storedSeq }
    }
    _modify {
      if unread != nil { readAll() }
      yield &storedSeq
    }
  }
  public internal(set) var name: [UInt32] {
    _read {
      if let unread { yield unread.nameColumn } else { yield storedName }
    }
    _modify {
      if unread != nil { readAll() }
      yield &storedName
    }
  }
  public internal(set) var names: TextDictionary {
    _read {
      if let unread { yield unread.nameTexts } else { yield storedNames }
    }
    _modify {
      if unread != nil { readAll() }
      yield &storedNames
    }
  }
  public internal(set) var fund: [UInt8] {
    _read {
      if let unread { yield unread.fundColumn } else { yield storedFund }
    }
    _modify {
      if unread != nil { readAll() }
      yield &storedFund
    }
  }
  public internal(set) var budget: [Int64] {
    _read {
      if let unread { yield unread.budgetColumn } else { yield storedBudget }
    }
    _modify {
      if unread != nil { readAll() }
      yield &storedBudget
    }
  }
  public internal(set) var initial: [Int64] {
    _read {
      if let unread { yield unread.initialColumn } else { yield storedInitial }
    }
    _modify {
      if unread != nil { readAll() }
      yield &storedInitial
    }
  }
  public internal(set) var spent: [Int64] {
    _read {
      if let unread { yield unread.spentColumn } else { yield storedSpent }
    }
    _modify {
      if unread != nil { readAll() }
      yield &storedSpent
    }
  }
  public internal(set) var score: [Int64] {
    _read {
      if let unread { yield unread.scoreColumn } else { yield storedScore }
    }
    _modify {
      if unread != nil { readAll() }
      yield &storedScore
    }
  }
  public internal(set) var grade: [UInt8] {
    _read {
      if let unread { yield unread.gradeColumn } else { yield storedGrade }
    }
    _modify {
      if unread != nil { readAll() }
      yield &storedGrade
    }
  }
  public internal(set) var ratePoints: [Int64] {
    _read {
      if let unread { yield unread.ratePointsColumn } else { yield storedRatePoints }
    }
    _modify {
      if unread != nil { readAll() }
      yield &storedRatePoints
    }
  }

  public init() {}

  /// A table whose columns are read from a snapshot, or made by a second load, as they
  /// are first asked for.
  init(unread: any ProjectColumnSource) {
    self.unread = unread
  }

  /// How many times the columns a partial load did not keep were loaded again; nil for a
  /// table that is not such a load's.
  var partialReloads: Int? { (unread as? PartialColumns)?.reloadCount }

  public var count: Int { unread?.rows ?? keylessRows ?? storedYear.count }

  /// Why a snapshot's column could not be used: set once a damaged column was read, and
  /// then every statement fails with it.
  public var damage: LoadError? { unread?.damage ?? readDamage }

  /// Reads every snapshot column not yet read, before the table changes.
  private mutating func readAll() {
    guard let source = unread else { return }
    unread = nil
    storedYear = source.yearColumn
    storedUnit = source.unitColumn
    storedUnits = source.unitTexts
    storedSeq = source.seqColumn
    storedName = source.nameColumn
    storedNames = source.nameTexts
    storedFund = source.fundColumn
    storedBudget = source.budgetColumn
    storedInitial = source.initialColumn
    storedSpent = source.spentColumn
    storedScore = source.scoreColumn
    storedGrade = source.gradeColumn
    storedRatePoints = source.ratePointsColumn
    readDamage = readDamage ?? source.damage
  }

  /// Appends one row.
  public mutating func append(_ p: Project) {
    year.append(Int32(p.year))
    unit.append(units.code(for: p.unit))
    seq.append(Int32(p.seq))
    name.append(names.code(for: p.name))
    fund.append(p.fund?.rawValue ?? ProjectTable.missingCode)
    budget.append(p.budget?.tenThousandths ?? ProjectTable.missing)
    initial.append(p.initial?.tenThousandths ?? ProjectTable.missing)
    spent.append(p.spent?.tenThousandths ?? ProjectTable.missing)
    score.append(p.score ?? ProjectTable.missing)
    grade.append(p.grade?.rawValue ?? ProjectTable.missingCode)
    ratePoints.append(p.ratePoints ?? ProjectTable.missing)
  }

  /// Room for `n` rows in every column of `kept`.
  public mutating func reserveCapacity(_ n: Int) { reserveCapacity(n, kept: .all) }

  mutating func reserveCapacity(_ n: Int, kept: ProjectColumnSet) {
    func room<T>(_ column: inout [T], _ c: ProjectColumnSet) {
      guard kept.contains(c) else { return }
      column.reserveCapacity(n)
      HugePages.advise(&column)
    }
    room(&year, .year)
    room(&unit, .unit)
    room(&seq, .seq)
    room(&name, .name)
    room(&fund, .fund)
    room(&budget, .budget)
    room(&initial, .initial)
    room(&spent, .spent)
    room(&score, .score)
    room(&grade, .grade)
    room(&ratePoints, .ratePoints)
  }

  /// Appends every row of `other`, re-coding its text: each distinct text is looked up
  /// once, then the code columns are mapped in one pass.
  public mutating func append(contentsOf other: ProjectTable) {
    // Nothing to add (a file of departments only) leaves a snapshot's columns unread.
    if other.count == 0 && other.units.count == 0 && other.names.count == 0 { return }
    if count == 0 && units.count == 0 && names.count == 0 {
      self = other
      return
    }
    defer { readDamage = readDamage ?? other.damage }
    let unitMap = other.units.values.map { units.code(for: $0) }
    let nameMap = other.names.values.map { names.code(for: $0) }
    year += other.year
    unit += other.unit.map { unitMap[Int($0)] }
    seq += other.seq
    name += other.name.map { nameMap[Int($0)] }
    fund += other.fund
    budget += other.budget
    initial += other.initial
    spent += other.spent
    score += other.score
    grade += other.grade
    ratePoints += other.ratePoints
  }

  /// Appends the rows of a piece of the same file whose text codes `unitMap` and `nameMap`
  /// turn into this table's; each of the piece's columns is given back once copied, so the
  /// piece and the joined table are not held whole at once. Two threads copy at once, each
  /// its own columns: on one thread, copying a piece and first touching the pages it lands
  /// in took 0.28 s of a 10 M-row load while the other core waited.
  mutating func append(piece: inout ProjectTable, unitMap: [UInt32], nameMap: [UInt32]) {
    if let rows = keylessRows { keylessRows = rows + piece.count }
    let into = Columns(taking: &self)
    let from = Columns(taking: &piece)
    func move<T>(_ column: inout [T], _ other: inout [T]) {
      column += other
      other = []
    }
    func recode(_ column: inout [UInt32], _ other: inout [UInt32], _ map: [UInt32]) {
      map.withUnsafeBufferPointer { m in column.append(contentsOf: other.lazy.map { m[Int($0)] }) }
      other = []
    }
    typealias Landing = (start: UnsafeMutableRawPointer, bytes: Int)
    /// A column's copy: the bytes it adds, and where they land when that is at least
    /// 1 MiB of reserved, untouched room (see `ahead` below).
    func job<T>(_ column: [T], _ other: [T], _ run: @escaping () -> Void) -> (bytes: Int, landing: Landing?, run: () -> Void) {
      let bytes = other.count * MemoryLayout<T>.stride
      guard bytes >= 1 << 20, column.capacity >= column.count + other.count else { return (bytes, nil, run) }
      let landing = column.withUnsafeBufferPointer { b in b.baseAddress.map { (UnsafeMutableRawPointer(mutating: $0 + b.count), bytes) } }
      return (bytes, landing, run)
    }
    // Each column a job, weighed by the bytes it copies; the heaviest go first, each to
    // the thread with less so far (a load that kept a few columns has few to share).
    let jobs = [
      job(into.year, from.year) { move(&into.year, &from.year) },
      job(into.unit, from.unit) { recode(&into.unit, &from.unit, unitMap) },
      job(into.seq, from.seq) { move(&into.seq, &from.seq) },
      job(into.name, from.name) { recode(&into.name, &from.name, nameMap) },
      job(into.fund, from.fund) { move(&into.fund, &from.fund) },
      job(into.budget, from.budget) { move(&into.budget, &from.budget) },
      job(into.initial, from.initial) { move(&into.initial, &from.initial) },
      job(into.spent, from.spent) { move(&into.spent, &from.spent) },
      job(into.score, from.score) { move(&into.score, &from.score) },
      job(into.grade, from.grade) { move(&into.grade, &from.grade) },
      job(into.ratePoints, from.ratePoints) { move(&into.ratePoints, &from.ratePoints) },
    ]
    var halves: [[Int]] = [[], []]
    var load = [0, 0]
    for j in jobs.indices.sorted(by: { jobs[$0].bytes > jobs[$1].bytes }) where jobs[j].bytes > 0 {
      let h = load[0] <= load[1] ? 0 : 1
      halves[h].append(j)
      load[h] += jobs[j].bytes
    }
    // The kernel zeroes each page a copy lands in on its first touch, which was most of
    // the join's time. The thread with fewer bytes to copy first has the pages made ready
    // for the last part of the other thread's copies, half the difference, so that both
    // finish together; no more than that, since a page made ready early is held while the
    // piece's column it will hold is not yet given back (readying every landing page at
    // once raised a 10 M-row load's peak by a fifth).
    let heavy = load[0] >= load[1] ? 0 : 1
    var ahead: [Landing] = []
    var share = (load[heavy] - load[1 - heavy]) / 2
    for j in halves[heavy].reversed() where share > 0 {
      guard let l = jobs[j].landing else { continue }
      let take = min(share, l.bytes)
      ahead.append((l.start + (l.bytes - take), take))
      share -= take
    }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let shared = UnsafeSendable((jobs.map(\.run), halves, ahead))
    Threads.run(2) { half in
      let (runs, halves, ahead) = shared.value
      if half != heavy {
        for l in ahead { PageRelease.prepare(l.start, bytes: l.bytes, page: page) }
      }
      for j in halves[half] { runs[j]() }
    }
    into.give(to: &self)
  }

  /// A table's columns held apart from it, so that two threads may each extend some of
  /// them at once (each column is then only the box's).
  private final class Columns: @unchecked Sendable {
    var year: [Int32] = [], unit: [UInt32] = [], seq: [Int32] = [], name: [UInt32] = [], fund: [UInt8] = []
    var budget: [Int64] = [], initial: [Int64] = [], spent: [Int64] = [], score: [Int64] = [], grade: [UInt8] = []
    var ratePoints: [Int64] = []

    init(taking t: inout ProjectTable) { exchange(with: &t) }

    func give(to t: inout ProjectTable) { exchange(with: &t) }

    /// Swaps every column with the table's.
    private func exchange(with t: inout ProjectTable) {
      swap(&year, &t.year)
      swap(&unit, &t.unit)
      swap(&seq, &t.seq)
      swap(&name, &t.name)
      swap(&fund, &t.fund)
      swap(&budget, &t.budget)
      swap(&initial, &t.initial)
      swap(&spent, &t.spent)
      swap(&score, &t.score)
      swap(&grade, &t.grade)
      swap(&ratePoints, &t.ratePoints)
    }
  }

  /// Every row's year, unit and seq, in row order.
  public var keys: [ProjectKey] {
    let (year, unit, units, seq) = (self.year, self.unit, self.units, self.seq)
    return (0..<count).map { ProjectKey(year: Int(year[$0]), unit: units[unit[$0]], seq: Int(seq[$0])) }
  }

  /// Row `i` as a value.
  public subscript(i: Int) -> Project {
    // Straight from the stored columns: through the accessors, each of the eleven reads
    // copied the table's references (a tenth of `check`'s instructions).
    if let unread {
      return ProjectTable.project(
        i, unread.yearColumn, unread.unitColumn, unread.unitTexts, unread.seqColumn, unread.nameColumn, unread.nameTexts,
        unread.fundColumn, unread.budgetColumn, unread.initialColumn, unread.spentColumn, unread.scoreColumn,
        unread.gradeColumn, unread.ratePointsColumn)
    }
    return ProjectTable.project(
      i, storedYear, storedUnit, storedUnits, storedSeq, storedName, storedNames, storedFund, storedBudget, storedInitial,
      storedSpent, storedScore, storedGrade, storedRatePoints)
  }

  private static func project(
    _ i: Int, _ year: [Int32], _ unit: [UInt32], _ units: TextDictionary, _ seq: [Int32], _ name: [UInt32],
    _ names: TextDictionary, _ fund: [UInt8], _ budget: [Int64], _ initial: [Int64], _ spent: [Int64], _ score: [Int64],
    _ grade: [UInt8], _ ratePoints: [Int64]
  ) -> Project {
    Project(
      year: Int(year[i]), unit: units[unit[i]], seq: Int(seq[i]), name: names[name[i]],
      fund: fund[i] == ProjectTable.missingCode ? nil : Fund(rawValue: fund[i]),
      budget: ProjectTable.money(budget[i]), initial: ProjectTable.money(initial[i]),
      spent: ProjectTable.money(spent[i]),
      score: score[i] == ProjectTable.missing ? nil : score[i],
      grade: grade[i] == ProjectTable.missingCode ? nil : Grade(rawValue: grade[i]),
      ratePoints: ratePoints[i] == ProjectTable.missing ? nil : ratePoints[i])
  }

  /// Replaces row `i` (what-if edits make a new snapshot; files never change).
  public mutating func replace(_ i: Int, with p: Project) {
    year[i] = Int32(p.year)
    unit[i] = units.code(for: p.unit)
    seq[i] = Int32(p.seq)
    name[i] = names.code(for: p.name)
    fund[i] = p.fund?.rawValue ?? ProjectTable.missingCode
    budget[i] = p.budget?.tenThousandths ?? ProjectTable.missing
    initial[i] = p.initial?.tenThousandths ?? ProjectTable.missing
    spent[i] = p.spent?.tenThousandths ?? ProjectTable.missing
    score[i] = p.score ?? ProjectTable.missing
    grade[i] = p.grade?.rawValue ?? ProjectTable.missingCode
    ratePoints[i] = p.ratePoints ?? ProjectTable.missing
  }

  static func money(_ v: Int64) -> Money? { v == missing ? nil : Money(tenThousandths: v) }
}
