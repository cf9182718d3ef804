import DataStore
import Scoring

#if canImport(Glibc)
  import Glibc
#endif

/// Indicators grouped by project row number. Built once per version of the data (kept in
/// `RecomputeCache`), so scoring a project finds its indicators by row instead of hashing
/// a (year, unit text, seq) key for every project in every statement.
struct IndicatorGroups: Sendable {
  /// For each project row, its place in `ranges`, or -1 when it has no indicators; empty
  /// when no project has any.
  private let group: [Int32]
  /// Each group's indicators as a range of `indicators`.
  private let ranges: [Range<Int>]
  /// The store's indicators when every project's rows come together in the file (as
  /// forms and exports write them), so nothing is copied; else a copy ordered by group.
  private let indicators: [Indicator]

  /// Whether no project has indicators (then every grade is derived from its recorded score).
  var isEmpty: Bool { ranges.isEmpty }

  /// A project's identity by codes: hashing three integers instead of the unit's text.
  private struct Key: Hashable {
    var year: Int32
    var unit: UInt32
    var seq: Int32
  }

  init(_ store: Store) {
    let t = store.projects
    let all = store.indicators
    guard !all.isEmpty else {
      group = []
      ranges = []
      indicators = []
      return
    }
    // Unit texts are looked up once per run of indicators with the same unit (a form's
    // rows come together), compared by their bytes rather than hashed for every row.
    var unitCodes: [String: UInt32] = [:]
    for (c, text) in t.units.values.enumerated() { unitCodes[text] = UInt32(c) }
    var byKey: [Key: Int] = [:]
    var members: [[Int]] = []
    var contiguous = true
    var lastUnit = ""
    var lastCode: UInt32?
    var lastKey: Key?
    var lastGroup = -1
    for (n, i) in all.enumerated() {
      if n == 0 || !Self.sameBytes(i.unit, lastUnit) {
        lastUnit = i.unit
        lastCode = unitCodes[i.unit]
      }
      // An indicator of a unit no project has belongs to no row.
      guard let unit = lastCode, let year = Int32(exactly: i.year), let seq = Int32(exactly: i.seq) else { continue }
      let key = Key(year: year, unit: unit, seq: seq)
      if key == lastKey {
        members[lastGroup].append(n)
        continue
      }
      if let g = byKey[key] {
        contiguous = false
        members[g].append(n)
        lastGroup = g
      } else {
        byKey[key] = members.count
        lastGroup = members.count
        members.append([n])
      }
      lastKey = key
    }
    // Runs broken by an unmatched row also count as not contiguous.
    if contiguous { contiguous = members.allSatisfy { $0.last! - $0.first! + 1 == $0.count } }
    var ranges: [Range<Int>] = []
    ranges.reserveCapacity(members.count)
    if contiguous {
      for m in members { ranges.append(m.first!..<(m.last! + 1)) }
      indicators = all
    } else {
      var copy: [Indicator] = []
      copy.reserveCapacity(all.count)
      for m in members {
        let start = copy.count
        for k in m { copy.append(all[k]) }
        ranges.append(start..<copy.count)
      }
      indicators = copy
    }
    var group = [Int32](repeating: -1, count: ranges.isEmpty ? 0 : t.count)
    if !ranges.isEmpty {
      for r in 0..<t.count {
        if let g = byKey[Key(year: t.year[r], unit: t.unit[r], seq: t.seq[r])] { group[r] = Int32(g) }
      }
    }
    self.group = group
    self.ranges = ranges
  }

  /// Whether two texts are the same bytes (then they are the same text).
  static func sameBytes(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    return a.withUTF8 { x in
      b.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
    }
  }

  /// The indicators of the project in `row`, in file order; nil when it has none.
  subscript(row: Int) -> ArraySlice<Indicator>? {
    guard !ranges.isEmpty, group[row] >= 0 else { return nil }
    return indicators[ranges[Int(group[row])]]
  }
}
