import DataStore

/// Pairs one unit's projects across two years by name.
enum ProjectMatcher {
  /// Pairs (row in year 1, row in year 2); nil on one side for a project that is gone
  /// or new. Order follows year 1's rows, then year 2's new rows.
  static func match(_ first: [Int], _ second: [Int], table t: ProjectTable) -> [(Int?, Int?)] {
    var byName2: [UInt32: [Int]] = [:]
    for r in second { byName2[t.name[r], default: []].append(r) }
    var byName1: [UInt32: [Int]] = [:]
    for r in first { byName1[t.name[r], default: []].append(r) }
    var partner: [Int: Int] = [:]
    for (name, rows1) in byName1 {
      guard let rows2 = byName2[name] else { continue }
      if rows1.count == rows2.count {
        for (a, b) in zip(rows1, rows2) { partner[a] = b }
        continue
      }
      // Different counts: the fewer rows each take the closest budget left.
      let (few, many, flipped) = rows1.count < rows2.count ? (rows1, rows2, false) : (rows2, rows1, true)
      var free = many
      for r in few {
        guard let best = free.enumerated().min(by: { distance(t, r, $0.element) < distance(t, r, $1.element) }) else { break }
        free.remove(at: best.offset)
        if flipped { partner[best.element] = r } else { partner[r] = best.element }
      }
    }
    let matched2 = Set(partner.values)
    var out: [(Int?, Int?)] = first.map { ($0, partner[$0]) }
    for r in second where !matched2.contains(r) { out.append((nil, r)) }
    return out
  }

  static func distance(_ t: ProjectTable, _ a: Int, _ b: Int) -> Int64 {
    let x = t.budget[a]
    let y = t.budget[b]
    if x == ProjectTable.missing || y == ProjectTable.missing { return Int64.max / 2 }
    return (x - y).magnitude > UInt64(Int64.max) ? Int64.max : Int64((x - y).magnitude)
  }
}
