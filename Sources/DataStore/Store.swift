import Scoring

/// Everything loaded, as one immutable snapshot.
///
/// Statements read a snapshot; a load or a what-if edit builds a new one, so a failed
/// load leaves the session's store exactly as it was.
public struct Store: Sendable {
  public internal(set) var projects = ProjectTable() {
    didSet { grouping = IndicatorGroups.Cache() }
  }
  public internal(set) var departments: [Department] = []
  public internal(set) var funds: [FundLine] = []
  public internal(set) var indicators: [Indicator] = [] {
    didSet { grouping = IndicatorGroups.Cache() }
  }
  /// The indicators grouped by project row, for this version of the projects and
  /// indicators: built once (a load builds them as it ends), shared by copies of the store,
  /// and begun afresh by any change to either.
  private var grouping = IndicatorGroups.Cache()
  /// The texts of imported reports, for the narrative checks.
  public internal(set) var reports: [ReportText] = []
  /// The 项目支出绩效自评表 forms imported, with what only a form states (its 总分, its
  /// printed 执行率, group headings); their projects and indicators are in the tables above.
  public internal(set) var forms: [ProjectForm] = []
  /// The files this snapshot was loaded from, in load order.
  public internal(set) var files: [String] = []
  /// Which file each run of indicator rows came from: the file and the end of its rows,
  /// so an error about a row can name its line.
  var indicatorFiles: [(file: String, end: Int)] = []

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
    let (seqs, years, units) = (projects.seq, projects.year, projects.unit)
    for i in 0..<projects.count where Int(seqs[i]) == seq {
      if let y = year, Int(years[i]) != y { continue }
      if let u = unitCode, units[i] != u { continue }
      result.append(i)
    }
    return result
  }

  /// The indicators of one project, in file order.
  public func indicators(year: Int, unit: String, seq: Int) -> [Indicator] {
    indicators.filter { $0.year == year && $0.seq == seq && $0.unit == unit }
  }

  /// The indicators grouped by project row: built on first use after a change, then kept.
  public var indicatorGroups: IndicatorGroups {
    let (projects, indicators) = (self.projects, self.indicators)
    return grouping.groups { IndicatorGroups(projects: projects, indicators: indicators) }
  }

  /// Builds the indicator groups now, as a load ends, so the first statement that scores
  /// does not.
  public func groupIndicators() {
    _ = indicatorGroups
  }

  /// Replaces one indicator row, for what-if edits. An edit that keeps the indicator's
  /// project keeps the groups, with its new figures; one that moves it regroups.
  public mutating func replaceIndicator(_ index: Int, with i: Indicator) {
    let old = indicators[index]
    let built = grouping.current
    indicators[index] = i
    if let built, old.year == i.year, old.seq == i.seq, old.unit == i.unit {
      grouping = IndicatorGroups.Cache(built.replacingFigures(ofPlace: index, with: i.figures))
    }
  }

  /// The file an indicator row came from and its row number in that file, when known.
  func indicatorSource(_ index: Int) -> (file: String, row: Int)? {
    var start = 0
    for (file, end) in indicatorFiles {
      if index < end { return (file, index - start) }
      start = end
    }
    return nil
  }

  /// Replaces one project row, for what-if edits.
  public mutating func replaceProject(_ row: Int, with p: Project) {
    let old = (projects.year[row], projects.units[projects.unit[row]], projects.seq[row])
    let built = grouping.current
    projects.replace(row, with: p)
    // The groups depend only on the projects' years, units and seqs.
    if let built, old == (Int32(p.year), p.unit, Int32(p.seq)) { grouping = IndicatorGroups.Cache(built) }
  }

  /// Adds another snapshot's contents (used by `load`); the caller checks for clashes first.
  public mutating func merge(_ other: Store) {
    projects.append(contentsOf: other.projects)
    departments += other.departments
    funds += other.funds
    reports += other.reports
    let offset = indicators.count
    indicatorFiles += other.indicatorFiles.map { ($0.file, $0.end + offset) }
    // Into an empty store the other's rows are taken as they are, not copied row by row
    // (millions of indicators, six texts each).
    if indicators.isEmpty { indicators = other.indicators } else { indicators += other.indicators }
    forms += other.forms
    files += other.files
  }
}
