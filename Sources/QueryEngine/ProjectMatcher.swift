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

  /// The same pairing over all units at once, for counting: rows are keyed by (unit,
  /// name) codes and both years sorted by key, so matching is one merge walk instead of
  /// a dictionary per unit. The order of the pairs is not meaningful.
  static func matchAll(_ first: [Int], _ second: [Int], table t: ProjectTable) -> [(Int?, Int?)] {
    // The key packs the unit code above just as many bits as the largest name code
    // needs, so a radix sort touches few digits.
    let nameBits = UInt64(max(1, UInt32.bitWidth - UInt32(max(1, t.names.count)).leadingZeroBitCount))
    func key(_ r: Int) -> UInt64 { UInt64(t.unit[r]) << nameBits | UInt64(t.name[r]) }
    // Each year is sorted on its own core; rows arrive in ascending order and the
    // radix sort is stable, so equal keys keep their rows in order.
    var keyed: [[(UInt64, Int)]] = [first.map { (key($0), $0) }, second.map { (key($0), $0) }]
    if first.count + second.count < Parallel.threshold {
      radixSort(&keyed[0])
      radixSort(&keyed[1])
    } else {
      keyed.withUnsafeMutableBufferPointer { years in
        let box = UnsafeSendable(years)
        Threads.run(2) { i in radixSort(&box.value[i]) }
      }
    }
    return walk(keyed[0].map(\.1), keyed[1].map(\.1), table: t)
  }

  /// The same pairing from each year's rows already in (unit, name) order, as
  /// `NameOrder` keeps them.
  static func matchAll(_ first: [Int], _ second: [Int], table t: ProjectTable, order: NameOrder, years: (Int, Int)) -> [(Int?, Int?)] {
    walk(order.rows(of: years.0, among: first, count: t.count), order.rows(of: years.1, among: second, count: t.count), table: t)
  }

  /// One merge walk over two years' rows sorted by (unit, name), rows ascending within a
  /// key; repeated names go through `match`.
  static func walk(_ a: [Int], _ b: [Int], table t: ProjectTable) -> [(Int?, Int?)] {
    let nameBits = UInt64(max(1, UInt32.bitWidth - UInt32(max(1, t.names.count)).leadingZeroBitCount))
    func key(_ r: Int) -> UInt64 { UInt64(t.unit[r]) << nameBits | UInt64(t.name[r]) }
    var out: [(Int?, Int?)] = []
    out.reserveCapacity(max(a.count, b.count))
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      let ka = i < a.count ? key(a[i]) : UInt64.max
      let kb = j < b.count ? key(b[j]) : UInt64.max
      if ka < kb {
        out.append((a[i], nil))
        i += 1
      } else if kb < ka {
        out.append((nil, b[j]))
        j += 1
      } else {
        var i2 = i
        while i2 < a.count, key(a[i2]) == ka { i2 += 1 }
        var j2 = j
        while j2 < b.count, key(b[j2]) == kb { j2 += 1 }
        if i2 - i == 1 && j2 - j == 1 {
          out.append((a[i], b[j]))
        } else {
          out += match(Array(a[i..<i2]), Array(b[j..<j2]), table: t)
        }
        i = i2
        j = j2
      }
    }
    return out
  }

  /// Stable least-significant-digit radix sort on the keys, 16 bits a pass.
  static func radixSort(_ pairs: inout [(UInt64, Int)]) {
    guard pairs.count > 64 else {
      pairs.sort { $0 < $1 }
      return
    }
    var largest: UInt64 = 0
    for p in pairs where p.0 > largest { largest = p.0 }
    var buffer = pairs
    var shift: UInt64 = 0
    var counts = [Int](repeating: 0, count: 65537)
    while shift < 64, largest >> shift != 0 {
      for i in counts.indices { counts[i] = 0 }
      for p in pairs { counts[Int((p.0 >> shift) & 0xFFFF) + 1] += 1 }
      for i in 1..<counts.count { counts[i] += counts[i - 1] }
      for p in pairs {
        let d = Int((p.0 >> shift) & 0xFFFF)
        buffer[counts[d]] = p
        counts[d] += 1
      }
      swap(&pairs, &buffer)
      shift += 16
    }
  }

  static func distance(_ t: ProjectTable, _ a: Int, _ b: Int) -> Int64 {
    let x = t.budget[a]
    let y = t.budget[b]
    if x == ProjectTable.missing || y == ProjectTable.missing { return Int64.max / 2 }
    return (x - y).magnitude > UInt64(Int64.max) ? Int64.max : Int64((x - y).magnitude)
  }
}
