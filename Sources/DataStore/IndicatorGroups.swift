import Scoring
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Indicators grouped by project row number, so scoring a project finds its indicators by
/// row instead of hashing a (year, unit text, seq) key for every project in every
/// statement. The store builds them once per version of its projects and indicators (at
/// the end of a load) and keeps them; an indicator edit updates their figures in place of
/// regrouping.
///
/// The groups are flat arrays with offsets (no array per project), and beside the
/// indicators' places their scoring figures, gathered once, so `recompute` scores from
/// plain integers without copying an `Indicator` (six strings) per indicator per run.
public struct IndicatorGroups: Sendable {
  /// For each project row, its group, or -1 when it has no indicators; empty when no
  /// project has any.
  private let group: [Int32]
  /// Group g's indicators are places `starts[g]..<starts[g + 1]` of `members` and `figures`.
  private let starts: [Int]
  /// Places in the store's indicators, group by group, in file order within a group.
  private let members: [Int32]
  /// The scoring figures of `members`, in the same order.
  private var figures: [IndicatorFigures]

  /// Whether no project has indicators (then every grade is derived from its recorded score).
  public var isEmpty: Bool { starts.count <= 1 }

  /// A project's identity by codes: hashing three integers instead of the unit's text.
  private struct Key: Hashable {
    var year: Int32
    var unit: UInt32
    var seq: Int32
  }

  /// Groups `indicators` by the rows of `projects` whose year, unit and seq they name.
  init(projects t: ProjectTable, indicators all: [Indicator]) {
    guard !all.isEmpty, t.count > 0 else {
      group = []
      starts = [0]
      members = []
      figures = []
      return
    }
    // Each indicator's unit is told by its bytes against the run before it (a form's rows
    // come together); only a new run's text is looked up, in a table of the units' codes
    // made once (the dictionary's own look-up may be a scan until it is built).
    var unitCodes: [String: UInt32] = [:]
    unitCodes.reserveCapacity(t.units.count)
    for (c, text) in t.units.values.enumerated() { unitCodes[text] = UInt32(c) }
    var byKey: [Key: Int32] = [:]
    byKey.reserveCapacity(t.count)
    // Each indicator's group (-1 for a unit no project has) and each group's size.
    var owner = [Int32](repeating: -1, count: all.count)
    var sizes: [Int] = []
    var lastUnit = ""
    var lastCode: UInt32?
    var lastKey: Key?
    var lastGroup: Int32 = -1
    all.withUnsafeBufferPointer { all in
      for n in all.indices {
        if n == 0 || !Self.sameBytes(all[n].unit, lastUnit) {
          lastUnit = all[n].unit
          lastCode = unitCodes[lastUnit]
        }
        // An indicator of a unit no project has belongs to no row.
        guard let unit = lastCode, let year = Int32(exactly: all[n].year), let seq = Int32(exactly: all[n].seq) else { continue }
        let key = Key(year: year, unit: unit, seq: seq)
        if key != lastKey {
          if let g = byKey[key] {
            lastGroup = g
          } else {
            lastGroup = Int32(sizes.count)
            byKey[key] = lastGroup
            sizes.append(0)
          }
          lastKey = key
        }
        owner[n] = lastGroup
        sizes[Int(lastGroup)] += 1
      }
    }
    // Places by group: a counting sort, stable, so file order holds within a group.
    var starts = [Int](repeating: 0, count: sizes.count + 1)
    for g in sizes.indices { starts[g + 1] = starts[g] + sizes[g] }
    var next = starts
    var members = [Int32](repeating: 0, count: starts[sizes.count])
    for n in owner.indices where owner[n] >= 0 {
      let g = Int(owner[n])
      members[next[g]] = Int32(n)
      next[g] += 1
    }
    figures = all.withUnsafeBufferPointer { all in members.map { all[Int($0)].figures } }
    var group = [Int32](repeating: -1, count: sizes.isEmpty ? 0 : t.count)
    if !sizes.isEmpty {
      for r in 0..<t.count {
        if let g = byKey[Key(year: t.year[r], unit: t.unit[r], seq: t.seq[r])] { group[r] = g }
      }
    }
    self.group = group
    self.starts = starts
    self.members = members
  }

  /// Whether two texts are the same bytes (then they are the same text). Read in place:
  /// copying the two texts to reach their bytes retained both for every indicator.
  static func sameBytes(_ a: String, _ b: String) -> Bool {
    let inPlace = a.utf8.withContiguousStorageIfAvailable { x in
      b.utf8.withContiguousStorageIfAvailable { y in
        x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
      }
    }
    if let inPlace, let same = inPlace { return same }
    return a.utf8.elementsEqual(b.utf8)
  }

  /// Whether the project in `row` has indicators.
  public func has(_ row: Int) -> Bool { !group.isEmpty && group[row] >= 0 }

  /// The scoring figures of the project in `row`'s indicators, in file order; nil when it
  /// has none.
  public func figures(of row: Int) -> ArraySlice<IndicatorFigures>? {
    guard has(row) else { return nil }
    let g = Int(group[row])
    return figures[starts[g]..<starts[g + 1]]
  }

  /// The places in the store's indicators of the project in `row`'s, in file order; nil
  /// when it has none.
  public func places(of row: Int) -> ArraySlice<Int32>? {
    guard has(row) else { return nil }
    let g = Int(group[row])
    return members[starts[g]..<starts[g + 1]]
  }

  /// The same groups with the figures of the indicator at `place` replaced, for an edit
  /// that keeps the indicator's project (unchanged when no project has it). The indicator
  /// is found by a scan of the places, cheaper than regrouping every indicator.
  func replacingFigures(ofPlace place: Int, with new: IndicatorFigures) -> IndicatorGroups {
    guard let k = members.firstIndex(of: Int32(place)) else { return self }
    var copy = self
    copy.figures[k] = new
    return copy
  }
}

extension IndicatorGroups {
  /// The groups of one version of a store's projects and indicators, built at most once
  /// and shared by the store's copies; a change to either gives the store a new, empty one.
  final class Cache: Sendable {
    private let built: Mutex<IndicatorGroups?>

    init(_ groups: IndicatorGroups? = nil) { built = Mutex(groups) }

    /// The groups, made by `make` on first use.
    func groups(_ make: () -> IndicatorGroups) -> IndicatorGroups {
      built.withLock { built in
        if let built { return built }
        let fresh = make()
        built = fresh
        return fresh
      }
    }

    /// The groups if they were built.
    var current: IndicatorGroups? { built.withLock { $0 } }
  }
}
