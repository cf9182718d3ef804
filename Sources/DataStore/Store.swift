import Scoring

/// Everything loaded, as one immutable snapshot.
///
/// Statements read a snapshot; a load or a what-if edit builds a new one, so a failed
/// load leaves the session's store exactly as it was.
public struct Store: Sendable {
  public internal(set) var projects = ProjectTable()
  public internal(set) var departments: [Department] = []
  public internal(set) var funds: [FundLine] = []
  public internal(set) var indicators: [Indicator] = []
  /// The files this snapshot was loaded from, in load order.
  public internal(set) var files: [String] = []

  public init() {}

  /// Every year that has any data, ascending.
  public var years: [Int] {
    // Years are few and lie in 1900…2200: flags in a small array, not a Set of millions.
    var seen = [Bool](repeating: false, count: 301)
    var other = Set<Int>()
    projects.year.withUnsafeBufferPointer { column in
      for y in column {
        let i = Int(y) - 1900
        if i >= 0 && i < 301 { seen[i] = true } else { other.insert(Int(y)) }
      }
    }
    var set = other
    for (i, flag) in seen.enumerated() where flag { set.insert(1900 + i) }
    for d in departments { set.insert(d.year) }
    for i in indicators { set.insert(i.year) }
    return set.sorted()
  }

  /// Row numbers of projects matching year, unit and seq.
  public func rows(seq: Int, year: Int? = nil, unit: String? = nil) -> [Int] {
    var result: [Int] = []
    let unitCode = unit.flatMap { projects.units.existingCode(for: $0) }
    if unit != nil && unitCode == nil { return [] }
    for i in 0..<projects.count where Int(projects.seq[i]) == seq {
      if let y = year, Int(projects.year[i]) != y { continue }
      if let u = unitCode, projects.unit[i] != u { continue }
      result.append(i)
    }
    return result
  }

  /// The indicators of one project, in file order.
  public func indicators(year: Int, unit: String, seq: Int) -> [Indicator] {
    indicators.filter { $0.year == year && $0.seq == seq && $0.unit == unit }
  }

  /// Replaces one project row, for what-if edits.
  public mutating func replaceProject(_ row: Int, with p: Project) {
    projects.replace(row, with: p)
  }

  /// Adds another snapshot's contents (used by `load`); the caller checks for clashes first.
  public mutating func merge(_ other: Store) {
    projects.append(contentsOf: other.projects)
    departments += other.departments
    funds += other.funds
    indicators += other.indicators
    files += other.files
  }
}
