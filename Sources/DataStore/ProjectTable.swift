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

  public internal(set) var year: [Int32] = []
  public internal(set) var unit: [UInt32] = []
  public internal(set) var units = TextDictionary()
  public internal(set) var seq: [Int32] = []
  public internal(set) var name: [UInt32] = []
  public internal(set) var names = TextDictionary()
  public internal(set) var fund: [UInt8] = []
  public internal(set) var budget: [Int64] = []
  public internal(set) var initial: [Int64] = []
  public internal(set) var spent: [Int64] = []
  public internal(set) var score: [Int64] = []
  public internal(set) var grade: [UInt8] = []
  public internal(set) var ratePoints: [Int64] = []

  public init() {}

  public var count: Int { year.count }

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

  /// Room for `n` rows in every column.
  public mutating func reserveCapacity(_ n: Int) {
    year.reserveCapacity(n)
    unit.reserveCapacity(n)
    seq.reserveCapacity(n)
    name.reserveCapacity(n)
    fund.reserveCapacity(n)
    budget.reserveCapacity(n)
    initial.reserveCapacity(n)
    spent.reserveCapacity(n)
    score.reserveCapacity(n)
    grade.reserveCapacity(n)
    ratePoints.reserveCapacity(n)
  }

  /// Appends every row of `other`, re-coding its text: each distinct text is looked up
  /// once, then the code columns are mapped in one pass.
  public mutating func append(contentsOf other: ProjectTable) {
    if count == 0 && units.count == 0 && names.count == 0 {
      self = other
      return
    }
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
  /// piece and the joined table are not held whole at once.
  mutating func append(piece: inout ProjectTable, unitMap: [UInt32], nameMap: [UInt32]) {
    func move<T>(_ column: inout [T], _ from: inout [T]) {
      column += from
      from = []
    }
    func recode(_ column: inout [UInt32], _ from: inout [UInt32], _ map: [UInt32]) {
      column.reserveCapacity(column.count + from.count)
      map.withUnsafeBufferPointer { m in
        for c in from { column.append(m[Int(c)]) }
      }
      from = []
    }
    move(&year, &piece.year)
    recode(&unit, &piece.unit, unitMap)
    move(&seq, &piece.seq)
    recode(&name, &piece.name, nameMap)
    move(&fund, &piece.fund)
    move(&budget, &piece.budget)
    move(&initial, &piece.initial)
    move(&spent, &piece.spent)
    move(&score, &piece.score)
    move(&grade, &piece.grade)
    move(&ratePoints, &piece.ratePoints)
  }

  /// Row `i` as a value.
  public subscript(i: Int) -> Project {
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
