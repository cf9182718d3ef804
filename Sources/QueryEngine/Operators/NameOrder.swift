import DataStore

/// Every project row sorted by (year, unit, name), rows in file order within a key: built
/// once per version of the data (kept in `RecomputeCache`), so `compare Y1 Y2 grades` takes
/// each year's rows already in matching order instead of sorting them in every statement.
struct NameOrder: Sendable {
  /// Rows by (year, unit code, name code, row).
  let rows: [Int32]
  /// Each row's (unit, name) key in `rows`' order: rows of two years pair by name
  /// exactly when their keys are equal, so the merge walk reads keys in order instead of
  /// looking up two columns at scattered rows.
  let keys: [UInt64]
  /// Where each year's rows lie in `rows`.
  let years: [Int: Range<Int>]

  /// Nil when the three codes do not fit one 64-bit key together.
  init?(_ t: ProjectTable) {
    func bits(_ n: Int) -> Int { max(1, Int.bitWidth - max(1, n).leadingZeroBitCount) }
    var low = Int32.max
    var high = Int32.min
    for y in t.year {
      low = min(low, y)
      high = max(high, y)
    }
    let span = t.count == 0 ? 1 : Int(high) - Int(low) + 1
    let nameBits = UInt64(bits(t.names.count))
    let unitBits = UInt64(bits(t.units.count))
    guard Int(nameBits + unitBits) + bits(span) <= 64 else { return nil }
    let year = t.year
    let unit = t.unit
    let name = t.name
    var keyed = (0..<t.count).map { r in
      ((UInt64(year[r] - low) << unitBits | UInt64(unit[r])) << nameBits | UInt64(name[r]), r)
    }
    ProjectMatcher.radixSort(&keyed)
    var years: [Int: Range<Int>] = [:]
    var start = 0
    for i in 0..<keyed.count where i + 1 == keyed.count || year[keyed[i + 1].1] != year[keyed[i].1] {
      years[Int(year[keyed[i].1])] = start..<(i + 1)
      start = i + 1
    }
    rows = keyed.map { Int32($0.1) }
    // Without the year, so the same (unit, name) has the same key in every year.
    let sameYear = (UInt64(1) << (unitBits + nameBits)) - 1
    keys = keyed.map { $0.0 & sameYear }
    self.years = years
  }

  /// The rows of `year` in matching order with their keys: the year's whole slice, or
  /// only its rows in `member` when a `where` leaves some out.
  func year(_ year: Int, among member: RowSet?) -> ProjectMatcher.Sorted {
    guard let range = years[year] else { return .init(rows: [], keys: []) }
    guard let member else { return .init(rows: rows[range], keys: keys[range]) }
    var kept: [Int32] = []
    var keptKeys: [UInt64] = []
    member.words.withUnsafeBufferPointer { words in
      for i in range {
        let r = Int(rows[i])
        if words[r >> 6] & (1 << UInt64(r & 63)) != 0 {
          kept.append(rows[i])
          keptKeys.append(keys[i])
        }
      }
    }
    return .init(rows: kept[...], keys: keptKeys[...])
  }
}
