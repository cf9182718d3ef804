import DataStore
import QuerySyntax
import Scoring

/// Compiled forms of the common statements: typed loops over the columns instead of a
/// `Value` per cell. Each answers exactly what the general path answers, or returns nil
/// to leave the statement to it.
extension Engine {
  /// The rows a statement's `where` and `in` select, as a bitmap; nil means every row.
  /// Same checks, errors and notes as `selectedRows`.
  func selectedSet(_ clauses: Clauses) throws(EvaluationError) -> (set: RowSet?, notes: [String]) {
    let table = store.projects
    var set: RowSet?
    var notes: [String] = []
    if let expression = clauses.filter {
      var filter = Filter(table: table)
      set = try filter.rows(expression)
      notes = filter.notes
    }
    if let scope = effectiveYears(clauses) {
      if clauses.years != nil { try checkYears(scope) }
      let first = Int32(clamping: scope.first)
      let last = Int32(clamping: scope.last)
      let years = table.year
      let inScope = years.withUnsafeBufferPointer { y in
        RowSet(count: table.count) { r in y[r] >= first && y[r] <= last }
      }
      if set == nil {
        set = inScope
      } else {
        set!.formIntersection(inScope)
      }
    }
    return (set, notes)
  }

  /// A fixed-point cell as the value `value(_:_:)` gives for it.
  static func fixedValue(_ f: Field, _ v: Int64) -> Value {
    if v == ProjectTable.missing { return .missing }
    switch f {
    case .budget, .initial, .spent: return .money(Money(tenThousandths: v))
    case .score: return .score(v)
    case .ratePoints: return .number(Fraction(tenThousandths: v), places: 2)
    default: return .missing
    }
  }

  /// Group keys and result cells of an aggregate whose targets are counts or amounts and
  /// whose groups are small codes (grade, fund, year, unit, name): dense arrays indexed
  /// by a group number, filled by one loop per target over the selected rows.
  func fastAggregate(
    _ targets: [(AggregateFunction, Field?)], _ groupFields: [Field], _ clauses: Clauses
  ) throws(EvaluationError) -> (entries: [(key: [Value], cells: [Value])], notes: [String])? {
    let t = store.projects
    for (_, f) in targets {
      if let f, Filter.fixedColumn(t, f) == nil { return nil }
    }
    // Each group field: its cardinality and how a row's code maps into 0..<cardinality.
    var radix: [Int] = []
    var minYear: Int32 = 0
    for f in groupFields {
      switch f {
      case .grade, .fund: radix.append(5)
      case .year:
        guard let lo = t.year.min(), let hi = t.year.max() else { return nil }
        minYear = lo
        radix.append(Int(hi) - Int(lo) + 1)
      case .unit: radix.append(max(t.units.count, 1))
      case .name: radix.append(max(t.names.count, 1))
      default: return nil
      }
    }
    var groupCount = 1
    for r in radix {
      groupCount *= r
      if groupCount > 1 << 22 { return nil }
    }
    let (selection, notes) = try selectedSet(clauses)
    let n = t.count

    // Group number of every row (only when grouping).
    var gid: [UInt32] = []
    if !groupFields.isEmpty {
      gid = [UInt32](repeating: 0, count: n)
      var stride = 1
      for (k, f) in groupFields.enumerated().reversed() {
        let s = UInt32(stride)
        gid.withUnsafeMutableBufferPointer { g in
          func add(_ code: (Int) -> UInt32) {
            let chunks = Parallel.chunks(for: n)
            let box = UnsafeSendable(g)
            Parallel.run(chunks) { c in
              let g = box.value
              for r in (n * c / chunks)..<(n * (c + 1) / chunks) { g[r] &+= code(r) &* s }
            }
          }
          switch f {
          case .grade:
            t.grade.withUnsafeBufferPointer { col in add { r in UInt32(Swift.min(col[r], 4)) } }
          case .fund:
            t.fund.withUnsafeBufferPointer { col in add { r in UInt32(Swift.min(col[r], 4)) } }
          case .year:
            t.year.withUnsafeBufferPointer { col in add { r in UInt32(bitPattern: col[r] &- minYear) } }
          case .unit:
            t.unit.withUnsafeBufferPointer { col in add { r in col[r] } }
          default:
            t.name.withUnsafeBufferPointer { col in add { r in col[r] } }
          }
        }
        stride *= radix[k]
      }
    }

    // Per chunk, per target: rows, present, sum, min, max of each group.
    struct Partial {
      var rows: [Int]
      var present: [[Int]]
      var sum: [[Int128]]
      var least: [[Int64]]
      var greatest: [[Int64]]
    }
    let targetCount = targets.count
    let wantsExtremes = targets.map { $0.0 == .min || $0.0 == .max }
    let columns: [[Int64]] = targets.map { $0.1.flatMap { Filter.fixedColumn(t, $0) } ?? [] }
    let chunks = Parallel.chunks(for: n)
    var partials = [Partial](
      repeating: Partial(
        rows: [Int](repeating: 0, count: groupCount),
        present: [[Int]](repeating: [], count: targetCount), sum: [[Int128]](repeating: [], count: targetCount),
        least: [[Int64]](repeating: [], count: targetCount), greatest: [[Int64]](repeating: [], count: targetCount)),
      count: chunks)
    let words = selection?.words ?? []
    let wordCount = (n + 63) / 64
    partials.withUnsafeMutableBufferPointer { parts in
      let box = UnsafeSendable(parts)
      Parallel.run(chunks) { c in
        let firstWord = wordCount * c / chunks
        let endWord = wordCount * (c + 1) / chunks
        let firstRow = firstWord * 64
        let endRow = Swift.min(endWord * 64, n)
        var part = box.value[c]
        words.withUnsafeBufferPointer { w in
          gid.withUnsafeBufferPointer { g in
            // Calls body(row) for every selected row of this chunk.
            @inline(__always) func each(_ body: (Int) -> Void) {
              if selection == nil {
                for r in firstRow..<endRow { body(r) }
              } else {
                for wi in firstWord..<endWord {
                  var bits = w[wi]
                  if bits == ~0 {
                    let base = wi * 64
                    for r in base..<(base + 64) { body(r) }
                    continue
                  }
                  while bits != 0 {
                    body(wi * 64 + bits.trailingZeroBitCount)
                    bits &= bits - 1
                  }
                }
              }
            }
            part.rows.withUnsafeMutableBufferPointer { rows in
              if groupFields.isEmpty {
                var k = 0
                each { _ in k += 1 }
                rows[0] = k
              } else {
                each { r in rows[Int(g[r])] += 1 }
              }
            }
            for ti in 0..<targetCount where !columns[ti].isEmpty {
              var present = [Int](repeating: 0, count: groupCount)
              var sum = [Int128](repeating: 0, count: groupCount)
              var least = [Int64](repeating: Int64.max, count: wantsExtremes[ti] ? groupCount : 0)
              var greatest = [Int64](repeating: Int64.min, count: wantsExtremes[ti] ? groupCount : 0)
              columns[ti].withUnsafeBufferPointer { v in
                if wantsExtremes[ti] {
                  each { r in
                    let x = v[r]
                    if x != ProjectTable.missing {
                      let gi = groupFields.isEmpty ? 0 : Int(g[r])
                      present[gi] += 1
                      sum[gi] += Int128(x)
                      if x < least[gi] { least[gi] = x }
                      if x > greatest[gi] { greatest[gi] = x }
                    }
                  }
                } else if groupFields.isEmpty {
                  var p = 0
                  var s: Int128 = 0
                  each { r in
                    let x = v[r]
                    let ok = x != ProjectTable.missing
                    p &+= ok ? 1 : 0
                    s &+= Int128(ok ? x : 0)
                  }
                  present[0] = p
                  sum[0] = s
                } else {
                  present.withUnsafeMutableBufferPointer { pr in
                    sum.withUnsafeMutableBufferPointer { su in
                      each { r in
                        let x = v[r]
                        let ok = x != ProjectTable.missing
                        let gi = Int(g[r])
                        pr[gi] &+= ok ? 1 : 0
                        su[gi] &+= Int128(ok ? x : 0)
                      }
                    }
                  }
                }
              }
              part.present[ti] = present
              part.sum[ti] = sum
              part.least[ti] = least
              part.greatest[ti] = greatest
            }
          }
        }
        box.value[c] = part
      }
    }

    // Merge the chunks.
    var total = partials[0]
    for p in partials.dropFirst() {
      for gi in 0..<groupCount { total.rows[gi] += p.rows[gi] }
      for ti in 0..<targetCount where !columns[ti].isEmpty {
        for gi in 0..<groupCount {
          total.present[ti][gi] += p.present[ti][gi]
          total.sum[ti][gi] += p.sum[ti][gi]
          if wantsExtremes[ti] {
            total.least[ti][gi] = Swift.min(total.least[ti][gi], p.least[ti][gi])
            total.greatest[ti][gi] = Swift.max(total.greatest[ti][gi], p.greatest[ti][gi])
          }
        }
      }
    }

    // Key values of group number gi.
    func key(_ gi: Int) -> [Value] {
      var rest = gi
      var digits = [Int](repeating: 0, count: groupFields.count)
      for k in (0..<groupFields.count).reversed() {
        digits[k] = rest % radix[k]
        rest /= radix[k]
      }
      return zip(groupFields, digits).map { f, d in
        switch f {
        case .grade: d == 4 ? .missing : .grade(Grade(rawValue: UInt8(d)) ?? .poor)
        case .fund: d == 4 ? .missing : .fund(Fund(rawValue: UInt8(d)) ?? .general)
        case .year: .integer(Int(minYear) + d)
        case .unit: .text(t.units[UInt32(d)])
        default: .text(t.names[UInt32(d)])
        }
      }
    }
    var entries: [(key: [Value], cells: [Value])] = []
    for gi in 0..<groupCount where total.rows[gi] > 0 || groupFields.isEmpty {
      var cells: [Value] = []
      for (ti, (function, f)) in targets.enumerated() {
        var acc = Accumulator()
        acc.rows = total.rows[gi]
        if let f, !columns[ti].isEmpty {
          acc.present = total.present[ti][gi]
          acc.sum = total.sum[ti][gi]
          if wantsExtremes[ti], acc.present > 0 {
            acc.least = Engine.fixedValue(f, total.least[ti][gi])
            acc.greatest = Engine.fixedValue(f, total.greatest[ti][gi])
          }
        }
        cells.append(acc.result(function, f))
      }
      entries.append((groupFields.isEmpty ? [] : key(gi), cells))
    }
    return (entries, notes)
  }
}
