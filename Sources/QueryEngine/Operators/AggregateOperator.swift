import DataStore
import QuerySyntax
import Scoring

/// Groups the selected rows by their key codes and folds each aggregate over each group,
/// a column at a time. Group numbers are dense (mixed-radix codes) when the keys allow,
/// else compacted through a table; sums of stored amounts and scores are exact 128-bit
/// integer sums, split across the cores for large tables.
struct AggregateOperator {
  let rowCount: Int
  /// The rows to aggregate; nil for every row.
  let selection: RowSet?
  let keys: [GroupColumn]
  let targets: [AggregateTarget]
  /// For `pct` without `by`: the rows whose total is 100 % (the year scope); nil for all.
  let shareBase: RowSet?
  var interrupted: () -> Bool = { false }

  func run() throws(EvaluationError) -> AggregateResult {
    let n = rowCount
    // Group number of every row, and the key codes of each group number.
    var gid: [UInt32] = []
    var groupCount = 1
    var keyCodes: [[UInt32]] = []
    if !keys.isEmpty {
      // The product of the key sizes, or nil when it passes 2^22 (then compacted).
      var product: UInt64? = 1
      for k in keys {
        if let p = product {
          let (q, overflow) = p.multipliedReportingOverflow(by: UInt64(k.radix))
          product = overflow || q > 1 << 22 ? nil : q
        }
      }
      if let product {
        // Dense group numbers: mixed-radix codes, built in place, a chunk per core.
        // Not zeroed first: the first key's pass writes every number without reading it,
        // which saves a pass over the rows.
        gid = [UInt32](unsafeUninitializedCapacity: n) { _, count in count = n }
        // Fresh memory each statement: faulting 40 MB in 4 KiB pages was a fifth of
        // `sum budget, count by grade` at 10 M rows.
        HugePages.advise(&gid)
        let chunks = Parallel.chunks(for: n)
        gid.withUnsafeMutableBufferPointer { g in
          let box = UnsafeSendable(g)
          for (i, k) in keys.enumerated() {
            let radix = UInt32(k.radix)
            let first = i == 0
            let source = k.source
            Threads.run(chunks) { part in
              let g = box.value
              let range = (n * part / chunks)..<(n * (part + 1) / chunks)
              /// The first key sets the numbers, each later one scales them by its size
              /// and adds its code: two plain loops rather than one testing which per
              /// row, so that each becomes a vector loop (the test per row made these
              /// passes a third of a grouped average's instructions).
              @inline(__always) func fill<C>(_ c: UnsafeBufferPointer<C>, _ code: (C) -> UInt32) {
                if first {
                  for r in range { g[r] = code(c[r]) }
                } else {
                  for r in range { g[r] = g[r] &* radix &+ code(c[r]) }
                }
              }
              switch source {
              case .computed(let column):
                column.withUnsafeBufferPointer { c in fill(c) { $0 } }
              case .small(let column):
                // Read once: another module's constant is fetched through an accessor otherwise.
                let missingCode = ProjectTable.missingCode
                column.withUnsafeBufferPointer { c in fill(c) { $0 == missingCode ? 4 : UInt32($0) } }
              case .offset(let column, let lo):
                column.withUnsafeBufferPointer { c in fill(c) { UInt32(bitPattern: $0 &- lo) } }
              }
            }
          }
        }
        groupCount = Int(product)
        keyCodes = keys.map { _ in [] }
        for var combo in 0..<product {
          for (k, key) in keys.enumerated().reversed() {
            keyCodes[k].append(UInt32(combo % UInt64(key.radix)))
            combo /= UInt64(key.radix)
          }
        }
      } else {
        // Compact group numbers, one key at a time: a row's number so far times the key's
        // size plus its code stays below 2^64, and is renumbered densely through a table,
        // so any number of keys of any size works.
        gid = [UInt32](repeating: 0, count: n)
        var combos: [[UInt32]] = [[]]
        for k in keys {
          if interrupted() { throw EvaluationError.interrupted }
          let radix = UInt64(k.radix)
          let codes = k.codes
          var index: [UInt64: UInt32] = [:]
          var next: [[UInt32]] = []
          for r in 0..<n {
            let key = UInt64(gid[r]) &* radix &+ UInt64(codes[r])
            if let g = index[key] {
              gid[r] = g
            } else {
              let g = UInt32(next.count)
              index[key] = g
              next.append(combos[Int(gid[r])] + [codes[r]])
              gid[r] = g
            }
          }
          combos = next
        }
        groupCount = combos.count
        keyCodes = keys.indices.map { k in combos.map { $0[k] } }
      }
    }

    // Rows per group, each core counting its share.
    var rows = [Int](repeating: 0, count: groupCount)
    if keys.isEmpty {
      rows[0] = selection?.cardinality ?? n
    } else {
      let chunks = Parallel.chunks(for: n)
      let wordCount = (n + 63) / 64
      let words = selection?.words ?? []
      let selected = selection != nil
      var partials = [[Int]](repeating: [Int](repeating: 0, count: groupCount), count: chunks)
      partials.withUnsafeMutableBufferPointer { parts in
        let box = UnsafeSendable(parts)
        Threads.run(chunks) { c in
          var counts = box.value[c]
          counts.withUnsafeMutableBufferPointer { counts in
            gid.withUnsafeBufferPointer { g in
              words.withUnsafeBufferPointer { w in
                for wi in (wordCount * c / chunks)..<(wordCount * (c + 1) / chunks) {
                  let base = wi * 64
                  if !selected {
                    for r in base..<Swift.min(base + 64, n) { counts[Int(g[r])] &+= 1 }
                    continue
                  }
                  var bits = w[wi]
                  while bits != 0 {
                    counts[Int(g[base + bits.trailingZeroBitCount])] &+= 1
                    bits &= bits - 1
                  }
                }
              }
            }
          }
          box.value[c] = counts
        }
      }
      for p in partials {
        for gi in 0..<groupCount { rows[gi] += p[gi] }
      }
    }

    var folds: [Fold] = []
    for t in targets {
      if interrupted() { throw EvaluationError.interrupted }
      folds.append(fold(t, gid, groupCount, rows))
    }

    // The groups that have rows, in listed order.
    var live = keys.isEmpty ? [0] : (0..<groupCount).filter { rows[$0] > 0 }
    if !keys.isEmpty {
      live.sort { a, b in
        for (k, key) in keys.enumerated() {
          let x = key.rank[Int(keyCodes[k][a])]
          let y = key.rank[Int(keyCodes[k][b])]
          if x != y { return x < y }
        }
        return false
      }
    }
    var result = AggregateResult(groupCount: live.count, keys: [], cells: [], scalars: [])
    for (k, key) in keys.enumerated() {
      result.keys.append(live.map { key.values[Int(keyCodes[k][$0])] })
    }
    for (t, target) in targets.enumerated() {
      var cells: [Value] = []
      var scalars: [Scalar] = []
      let total = target.function == .pct ? shareDenominator(target, folds[t], live, rows) : nil
      for g in live {
        let (cell, scalar) = folds[t].result(g, rows: rows[g], target, shareTotal: total)
        cells.append(cell)
        scalars.append(scalar)
      }
      result.cells.append(cells)
      result.scalars.append(scalars)
    }
    return result
  }

  /// Calls `body` for every selected row, in order.
  @inline(__always)
  func forEachSelected(_ body: (Int) -> Void) {
    if let selection { selection.forEach(body) } else { for r in 0..<rowCount { body(r) } }
  }

  /// The total a `pct` divides by: with groups, the sum over every group (so the shares
  /// add up to 100 %); without, the sum over `shareBase`.
  func shareDenominator(_ t: AggregateTarget, _ f: Fold, _ live: [Int], _ rows: [Int]) -> Fraction? {
    if !keys.isEmpty, t.argument == nil { return Fraction(Int128(live.reduce(0) { $0 + rows[$1] })) }
    if !keys.isEmpty {
      var total = Fraction.zero
      var any = false
      for g in live {
        if let s = f.share(g) {
          total = total + s
          any = true
        }
      }
      return any ? total : nil
    }
    guard let argument = t.argument else { return Fraction(Int128(shareBase?.cardinality ?? rowCount)) }
    var total = Fraction.zero
    var any = false
    func add(_ r: Int) {
      if let x = argument.number(r) {
        total = total + x
        any = true
      }
    }
    if let shareBase { shareBase.forEach(add) } else { for r in 0..<rowCount { add(r) } }
    return any ? total : nil
  }

  /// One aggregate's running totals for every group.
  struct Fold {
    var present: [Int] = []
    /// Exact sums of stored ten-thousandths (the fixed-point path).
    var fixedSum: [Int128] = []
    var sum: [Fraction] = []
    var weights: [Fraction] = []
    var least: [Scalar] = []
    var greatest: [Scalar] = []
    var distinct: [Set<Scalar>] = []

    /// The sum a share of this group is taken of.
    func share(_ g: Int) -> Fraction? {
      if !fixedSum.isEmpty { return present[g] > 0 ? Fraction(fixedSum[g], Int128(DecimalText.scale)) : nil }
      if !sum.isEmpty { return present[g] > 0 ? sum[g] : nil }
      return nil
    }

    func total(_ g: Int) -> Fraction {
      fixedSum.isEmpty ? sum[g] : Fraction(fixedSum[g], Int128(DecimalText.scale))
    }

    func result(_ g: Int, rows: Int, _ t: AggregateTarget, shareTotal: Fraction?) -> (Value, Scalar) {
      switch t.function {
      case .count:
        let n = t.argument == nil ? rows : t.distinct ? distinct[g].count : present[g]
        return (.integer(n), .number(Fraction(n)))
      case .pct:
        let part: Fraction? = t.argument == nil ? Fraction(rows) : share(g)
        guard let part, let shareTotal, shareTotal.numerator != 0 else { return (.missing, .missing) }
        let x = part / shareTotal
        return (.percent(x), .number(x))
      case .min, .max:
        let s = t.function == .min ? least[g] : greatest[g]
        return (s.isMissing ? .missing : t.display(s), s)
      case .sum:
        guard present[g] > 0 else { return (.missing, .missing) }
        let x = total(g)
        switch t.type {
        case .money: return (fixedSum.isEmpty ? ValueType.money.value(x) : Value.amount(fixedSum[g]), .number(x))
        case .score: return (.number(x, places: 2), .number(x))
        default: return (ValueType.number.value(x), .number(x))
        }
      case .avg:
        let weighted = t.weight != nil
        guard present[g] > 0, !weighted || weights[g].numerator != 0 else { return (.missing, .missing) }
        let x = total(g) / (weighted ? weights[g] : Fraction(present[g]))
        switch t.type {
        case .money: return (.number(x, places: 4), .number(x))
        case .score: return (.number(x, places: 2), .number(x))
        case .percent: return (.percent(x), .number(x))
        default: return (.number(x, places: 4), .number(x))
        }
      }
    }
  }

  /// Folds one aggregate over the selected rows of every group.
  func fold(_ t: AggregateTarget, _ gid: [UInt32], _ groupCount: Int, _ rows: [Int]) -> Fold {
    var f = Fold()
    guard let argument = t.argument else { return f }
    if case .fixed(let column) = argument, t.weight == nil, !t.distinct {
      return fixedFold(column, t, gid, groupCount)
    }
    f.present = [Int](repeating: 0, count: groupCount)
    f.sum = [Fraction](repeating: .zero, count: groupCount)
    let extremes = t.function == .min || t.function == .max
    if extremes {
      f.least = [Scalar](repeating: .missing, count: groupCount)
      f.greatest = [Scalar](repeating: .missing, count: groupCount)
    }
    if t.distinct { f.distinct = [Set<Scalar>](repeating: [], count: groupCount) }
    if t.weight != nil { f.weights = [Fraction](repeating: .zero, count: groupCount) }
    let numeric = t.type.isNumeric
    let grouped = !keys.isEmpty
    forEachSelected { r in
      let g = grouped ? Int(gid[r]) : 0
      if let w = t.weight {
        guard let x = argument.number(r), let wx = w.number(r) else { return }
        f.present[g] += 1
        f.sum[g] = f.sum[g] + x * wx
        f.weights[g] = f.weights[g] + wx
        return
      }
      let s = argument.scalar(r)
      if s.isMissing { return }
      f.present[g] += 1
      if t.distinct {
        f.distinct[g].insert(s)
        return
      }
      if numeric, (t.function == .sum || t.function == .avg || t.function == .pct), let x = s.number { f.sum[g] = f.sum[g] + x }
      if extremes {
        if f.least[g].isMissing || Scalar.less(s, f.least[g]) { f.least[g] = s }
        if f.greatest[g].isMissing || Scalar.less(f.greatest[g], s) { f.greatest[g] = s }
      }
    }
    return f
  }

  /// The fixed-point fold: counts, 128-bit sums and extremes of a stored column, each
  /// core folding its own share of the rows, merged at the end.
  func fixedFold(_ column: [Int64], _ t: AggregateTarget, _ gid: [UInt32], _ groupCount: Int) -> Fold {
    struct Partial {
      var present: [Int]
      var sum: [Int128]
      var least: [Int64]
      var greatest: [Int64]
    }
    let n = rowCount
    let extremes = t.function == .min || t.function == .max
    let grouped = !keys.isEmpty
    let chunks = Parallel.chunks(for: n)
    let wordCount = (n + 63) / 64
    let words = selection?.words ?? []
    let selected = selection != nil
    let empty = Partial(
      present: [Int](repeating: 0, count: groupCount), sum: [Int128](repeating: 0, count: groupCount),
      least: [Int64](repeating: Int64.max, count: extremes ? groupCount : 0),
      greatest: [Int64](repeating: Int64.min, count: extremes ? groupCount : 0))
    var partials = [Partial](repeating: empty, count: chunks)
    partials.withUnsafeMutableBufferPointer { parts in
      let box = UnsafeSendable(parts)
      Threads.run(chunks) { c in
        let firstWord = wordCount * c / chunks
        let endWord = wordCount * (c + 1) / chunks
        var part = box.value[c]
        // Read once: another module's constant is fetched through an accessor otherwise.
        let missing = ProjectTable.missing
        column.withUnsafeBufferPointer { v in
          gid.withUnsafeBufferPointer { g in
            words.withUnsafeBufferPointer { w in
              // Every array the loop writes is reached through a buffer: a captured
              // `var` array would be checked for exclusive access on every row.
              part.present.withUnsafeMutableBufferPointer { present in
               part.sum.withUnsafeMutableBufferPointer { sum in
                part.least.withUnsafeMutableBufferPointer { least in
                 part.greatest.withUnsafeMutableBufferPointer { greatest in
                  /// Calls `add` for each selected row of this core's words.
                  @inline(__always) func walk(_ add: (Int) -> Void) {
                    for wi in firstWord..<endWord {
                      let base = wi * 64
                      if !selected {
                        for r in base..<Swift.min(base + 64, n) { add(r) }
                        continue
                      }
                      var bits = w[wi]
                      if bits == ~0 {
                        for r in base..<(base + 64) { add(r) }
                        continue
                      }
                      while bits != 0 {
                        add(base + bits.trailingZeroBitCount)
                        bits &= bits - 1
                      }
                    }
                  }
                  if !grouped && !extremes {
                    // One group, no extremes: the count and the sum stay in registers
                    // instead of going through memory on every row.
                    var count = 0
                    var total: Int128 = 0
                    walk { r in
                      let x = v[r]
                      let ok = x != missing
                      count &+= ok ? 1 : 0
                      total &+= Int128(ok ? x : 0)
                    }
                    present[0] = count
                    sum[0] = total
                    return
                  }
                  /// Adds row r; called with constant flags, so that each loop below is
                  /// made without the tests it does not need (kept in the loop, they were
                  /// a sixth of a grouped fold's instructions).
                  @inline(__always) func add(_ r: Int, grouped: Bool, extremes: Bool) {
                    let x = v[r]
                    let ok = x != missing
                    let gi = grouped ? Int(g[r]) : 0
                    present[gi] &+= ok ? 1 : 0
                    sum[gi] &+= Int128(ok ? x : 0)
                    if extremes, ok {
                      if x < least[gi] { least[gi] = x }
                      if x > greatest[gi] { greatest[gi] = x }
                    }
                  }
                  if !extremes {
                    walk { add($0, grouped: true, extremes: false) }
                  } else if grouped {
                    walk { add($0, grouped: true, extremes: true) }
                  } else {
                    walk { add($0, grouped: false, extremes: true) }
                  }
                 }
                }
               }
              }
            }
          }
        }
        box.value[c] = part
      }
    }
    var total = partials[0]
    for p in partials.dropFirst() {
      for gi in 0..<groupCount {
        total.present[gi] += p.present[gi]
        total.sum[gi] += p.sum[gi]
        if extremes {
          total.least[gi] = Swift.min(total.least[gi], p.least[gi])
          total.greatest[gi] = Swift.max(total.greatest[gi], p.greatest[gi])
        }
      }
    }
    var f = Fold()
    f.present = total.present
    f.fixedSum = total.sum
    if extremes {
      f.least = (0..<groupCount).map { total.present[$0] > 0 ? .number(Fraction(tenThousandths: total.least[$0])) : .missing }
      f.greatest = (0..<groupCount).map { total.present[$0] > 0 ? .number(Fraction(tenThousandths: total.greatest[$0])) : .missing }
    }
    return f
  }
}
