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
      sameName(rows1[...], rows2[...], table: t) { r1, r2 in
        if let r1, let r2 { partner[r1] = r2 }
      }
    }
    let matched2 = Set(partner.values)
    var out: [(Int?, Int?)] = first.map { ($0, partner[$0]) }
    for r in second where !matched2.contains(r) { out.append((nil, r)) }
    return out
  }

  /// Pairs rows of one unit and one name across two years, handing each pair to `pair`:
  /// in order (first with first) when both years have as many, else each row of the
  /// year with fewer takes the unmatched row of closest budget. Year 1's rows come first,
  /// in order, with their partner or none; then year 2's rows left over.
  @inline(__always)
  static func sameName(_ rows1: ArraySlice<Int>, _ rows2: ArraySlice<Int>, table t: ProjectTable, _ pair: (Int?, Int?) -> Void) {
    if rows1.count == rows2.count {
      for (a, b) in zip(rows1, rows2) { pair(a, b) }
      return
    }
    // Different counts: the fewer rows each take the closest budget left.
    let flipped = rows1.count > rows2.count
    let (few, many) = flipped ? (rows2, rows1) : (rows1, rows2)
    var free = Array(many)
    var partnerOfMany = [Int: Int]()
    var partnerOfFew = [Int?](repeating: nil, count: few.count)
    for (k, r) in few.enumerated() {
      guard let best = free.enumerated().min(by: { distance(t, r, $0.element) < distance(t, r, $1.element) }) else { break }
      free.remove(at: best.offset)
      partnerOfFew[k] = best.element
      partnerOfMany[best.element] = r
    }
    if flipped {
      // Year 1 has more rows: each takes its partner, if any; every row of year 2 has one.
      for r in rows1 { pair(r, partnerOfMany[r]) }
    } else {
      for (k, r) in rows1.enumerated() { pair(r, partnerOfFew[k]) }
      for r in rows2 where partnerOfMany[r] == nil { pair(nil, r) }
    }
  }

  /// The same pairing over all units at once: rows are keyed by (unit, name) codes and
  /// both years sorted by key, so matching is one merge walk instead of a dictionary per
  /// unit. The order of the pairs is not meaningful. `compare … grades` takes each year
  /// already in key order from `NameOrder`; this sorts, for tables whose codes do not fit
  /// its key and for checking the kept order against.
  static func matchAll(_ first: [Int], _ second: [Int], table t: ProjectTable) -> [(Int?, Int?)] {
    let (a, b) = sorted(first, second, table: t)
    var out: [(Int?, Int?)] = []
    out.reserveCapacity(max(a.rows.count, b.rows.count))
    walk(a, b, table: t) { out.append(($0, $1)) }
    return out
  }

  /// Two years' rows (each ascending) sorted by (unit, name) key for `walk`.
  static func sorted(_ first: [Int], _ second: [Int], table t: ProjectTable) -> (Sorted, Sorted) {
    // The key packs the unit code above just as many bits as the largest name code
    // needs, so a radix sort touches few digits; the row rides below it.
    let nameBits = bits(t.names.count)
    let rowBits = bits(t.count)
    let (unit, name) = (t.unit, t.name)
    func key(_ r: Int) -> UInt64 { UInt64(unit[r]) << UInt64(nameBits) | UInt64(name[r]) }
    guard bits(t.units.count) + nameBits + rowBits <= 64 else {
      // Too many texts and rows to pack: compared whole, rows breaking ties.
      func pairs(_ rows: [Int]) -> Sorted {
        let sorted = rows.map { (key($0), $0) }.sorted { $0 < $1 }
        return Sorted(rows: sorted.map { Int32($0.1) }[...], keys: sorted.map(\.0)[...])
      }
      return (pairs(first), pairs(second))
    }
    // Each year is sorted on its own core; rows arrive in ascending order and the
    // radix sort is stable, so equal keys keep their rows in order.
    var packed: [[UInt64]] = [first, second].map { $0.map { key($0) << UInt64(rowBits) | UInt64($0) } }
    let width = bits(t.units.count) + nameBits
    if first.count + second.count < Parallel.threshold {
      radixSort(&packed[0], above: rowBits, bits: width)
      radixSort(&packed[1], above: rowBits, bits: width)
    } else {
      packed.withUnsafeMutableBufferPointer { years in
        let box = UnsafeSendable(years)
        Threads.run(2) { i in radixSort(&box.value[i], above: rowBits, bits: width) }
      }
    }
    let rowMask = (UInt64(1) << UInt64(rowBits)) - 1
    func unpacked(_ words: [UInt64]) -> Sorted {
      Sorted(rows: words.map { Int32(truncatingIfNeeded: $0 & rowMask) }[...], keys: words.map { $0 >> UInt64(rowBits) }[...])
    }
    return (unpacked(packed[0]), unpacked(packed[1]))
  }

  /// Bits enough for the numbers below `n` (at least one).
  static func bits(_ n: Int) -> Int { max(1, Int.bitWidth - max(1, n - 1).leadingZeroBitCount) }

  /// Sorts `words` stably by their `width` bits above bit `low` (none are set above those);
  /// the bits below ride along (a row number there keeps rows in order within a key).
  static func radixSort(_ words: inout [UInt64], above low: Int, bits width: Int) {
    var scratch = [UInt64](unsafeUninitializedCapacity: words.count) { _, count in count = words.count }
    HugePages.advise(&scratch)
    words.withUnsafeMutableBufferPointer { w in
      scratch.withUnsafeMutableBufferPointer { s in radixSort(w, scratch: s, above: low, bits: width) }
    }
  }

  /// Least-significant-digit radix sort, 11 bits a pass: 2,048 counters and as many places
  /// being written stay in the core's cache, where 16 bits a pass (65,536 of each) missed
  /// it on most rows of a 10 M-row sort. `scratch` is as long as `words`.
  static func radixSort(_ words: UnsafeMutableBufferPointer<UInt64>, scratch: UnsafeMutableBufferPointer<UInt64>, above low: Int, bits width: Int) {
    guard words.count > 64 else {
      // Few words: an insertion sort on the key, which keeps equal keys in order too.
      let top = width + low >= 64 ? UInt64.max : (UInt64(1) << UInt64(width + low)) - 1
      func key(_ w: UInt64) -> UInt64 { (w & top) >> UInt64(low) }
      for i in words.indices.dropFirst() {
        let w = words[i]
        var j = i
        while j > 0, key(words[j - 1]) > key(w) {
          words[j] = words[j - 1]
          j -= 1
        }
        words[j] = w
      }
      return
    }
    let digit = 11
    let mask = UInt64(1 << digit) - 1
    var counts = [Int](repeating: 0, count: (1 << digit) + 1)
    var (from, to) = (words, scratch)
    var shift = low
    counts.withUnsafeMutableBufferPointer { counts in
      while shift < low + width {
        for i in counts.indices { counts[i] = 0 }
        for w in from { counts[Int((w >> UInt64(shift)) & mask) + 1] += 1 }
        for i in 1..<counts.count { counts[i] += counts[i - 1] }
        for w in from {
          let d = Int((w >> UInt64(shift)) & mask)
          to[counts[d]] = w
          counts[d] += 1
        }
        swap(&from, &to)
        shift += digit
      }
    }
    // After an odd number of passes the sorted words are in the scratch space.
    if from.baseAddress != words.baseAddress { _ = words.update(fromContentsOf: from) }
  }

  /// One year's rows sorted by (unit, name) key, rows ascending within a key, beside
  /// their keys.
  struct Sorted {
    var rows: ArraySlice<Int32>
    var keys: ArraySlice<UInt64>
  }

  /// Grade transitions between two years counted straight from the merge walk, without a
  /// list of pairs: `counts[from * 6 + to]`, grade codes 0–3, 4 for a missing grade, 5 for
  /// no partner (from 5 = new, to 5 = gone). Large years are cut into one key range per
  /// core (a key never straddles two ranges, so each pairs exactly as the whole would).
  static func transitions(_ a: Sorted, _ b: Sorted, table t: ProjectTable, grades: [UInt8]) -> [Int] {
    let pieces = Parallel.chunks(for: a.rows.count + b.rows.count)
    // Piece p walks a[aCut[p]..<aCut[p + 1]] against b[bCut[p]..<bCut[p + 1]].
    var aCut = [a.rows.startIndex]
    var bCut = [b.rows.startIndex]
    for p in 1..<max(pieces, 1) {
      var i = a.rows.startIndex + a.rows.count * p / pieces
      while i > a.rows.startIndex, i < a.rows.endIndex, a.keys[i] == a.keys[i - 1] { i += 1 }
      i = max(i, aCut.last!)
      aCut.append(i)
      bCut.append(i == a.rows.endIndex ? b.rows.endIndex : max(lowerBound(b.keys, a.keys[i]), bCut.last!))
    }
    aCut.append(a.rows.endIndex)
    bCut.append(b.rows.endIndex)
    var counts = [[Int]](repeating: [Int](repeating: 0, count: 36), count: pieces)
    grades.withUnsafeBufferPointer { grades in
      counts.withUnsafeMutableBufferPointer { counts in
        let box = UnsafeSendable((grades, counts))
        Threads.run(pieces) { p in
          let (grades, counts) = box.value
          var local = [Int](repeating: 0, count: 36)
          @inline(__always) func code(_ r: Int?) -> Int {
            guard let r else { return 5 }
            let g = grades[r]
            return g == ProjectTable.missingCode ? 4 : Int(g)
          }
          let pa = Sorted(rows: a.rows[aCut[p]..<aCut[p + 1]], keys: a.keys[aCut[p]..<aCut[p + 1]])
          let pb = Sorted(rows: b.rows[bCut[p]..<bCut[p + 1]], keys: b.keys[bCut[p]..<bCut[p + 1]])
          local.withUnsafeMutableBufferPointer { local in
            walk(pa, pb, table: t) { r1, r2 in local[code(r1) * 6 + code(r2)] += 1 }
          }
          counts[p] = local
        }
      }
    }
    var total = [Int](repeating: 0, count: 36)
    for piece in counts { for k in 0..<36 { total[k] += piece[k] } }
    return total
  }

  /// The first index of `keys` whose key is not below `key`.
  static func lowerBound(_ keys: ArraySlice<UInt64>, _ key: UInt64) -> Int {
    var low = keys.startIndex
    var high = keys.endIndex
    while low < high {
      let mid = low + (high - low) / 2
      if keys[mid] < key { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// One merge walk over two years' rows sorted by (unit, name), handing each pair to
  /// `pair`; repeated names go through `sameName`.
  @inline(__always)
  static func walk(_ a: Sorted, _ b: Sorted, table t: ProjectTable, _ pair: (Int?, Int?) -> Void) {
    a.rows.withUnsafeBufferPointer { ar in
      a.keys.withUnsafeBufferPointer { ak in
        b.rows.withUnsafeBufferPointer { br in
          b.keys.withUnsafeBufferPointer { bk in
            var i = 0
            var j = 0
            let n = ar.count
            let m = br.count
            while i < n || j < m {
              let ka = i < n ? ak[i] : UInt64.max
              let kb = j < m ? bk[j] : UInt64.max
              if ka < kb {
                pair(Int(ar[i]), nil)
                i += 1
              } else if kb < ka {
                pair(nil, Int(br[j]))
                j += 1
              } else {
                var i2 = i + 1
                while i2 < n, ak[i2] == ka { i2 += 1 }
                var j2 = j + 1
                while j2 < m, bk[j2] == kb { j2 += 1 }
                if i2 - i == 1 && j2 - j == 1 {
                  pair(Int(ar[i]), Int(br[j]))
                } else {
                  sameName(ar[i..<i2].map { Int($0) }[...], br[j..<j2].map { Int($0) }[...], table: t, pair)
                }
                i = i2
                j = j2
              }
            }
          }
        }
      }
    }
  }

  static func distance(_ t: ProjectTable, _ a: Int, _ b: Int) -> Int64 {
    let x = t.budget[a]
    let y = t.budget[b]
    if x == ProjectTable.missing || y == ProjectTable.missing { return Int64.max / 2 }
    return (x - y).magnitude > UInt64(Int64.max) ? Int64.max : Int64((x - y).magnitude)
  }
}
