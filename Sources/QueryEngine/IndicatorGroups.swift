import DataStore
import Scoring

/// Indicators grouped by project row number. Built once per version of the data (kept in
/// `RecomputeCache`), so scoring a project finds its indicators by row instead of hashing
/// a (year, unit text, seq) key for every project in every statement.
struct IndicatorGroups: Sendable {
  /// For each project row, its place in `groups`, or -1 when it has no indicators; empty
  /// when no project has any.
  private let group: [Int32]
  private let groups: [[Indicator]]

  /// Whether no project has indicators (then every grade is derived from its recorded score).
  var isEmpty: Bool { groups.isEmpty }

  init(_ store: Store) {
    var byKey: [ProjectKey: Int] = [:]
    var groups: [[Indicator]] = []
    for i in store.indicators {
      let key = ProjectKey(year: i.year, unit: i.unit, seq: i.seq)
      if let g = byKey[key] {
        groups[g].append(i)
      } else {
        byKey[key] = groups.count
        groups.append([i])
      }
    }
    let t = store.projects
    var group = [Int32](repeating: -1, count: groups.isEmpty ? 0 : t.count)
    if !groups.isEmpty {
      for r in 0..<t.count {
        if let g = byKey[ProjectKey(year: Int(t.year[r]), unit: t.units[t.unit[r]], seq: Int(t.seq[r]))] { group[r] = Int32(g) }
      }
    }
    self.group = group
    self.groups = groups
  }

  /// The indicators of the project in `row`, in file order; nil when it has none.
  subscript(row: Int) -> [Indicator]? {
    guard !groups.isEmpty, group[row] >= 0 else { return nil }
    return groups[Int(group[row])]
  }
}
