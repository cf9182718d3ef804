import DataStore
import Scoring

/// One `by` key as small integer codes per row: the codes, how many there are, and for
/// each code its value and its place in the listed order (grades 优 良 中 差, text and
/// numbers ascending, bands in order, missing last).
struct GroupColumn {
  /// How the codes are held: as computed, or read from a stored column as it is.
  enum Codes {
    case computed([UInt32])
    /// Grade or budget-book bytes; `ProjectTable.missingCode` is code 4.
    case small([UInt8])
    /// Year or seq, as offsets from the smallest.
    case offset([Int32], Int32)
  }

  var source: Codes
  var codes: [UInt32] {
    get {
      switch source {
      case .computed(let c): c
      case .small(let c): c.map { $0 == ProjectTable.missingCode ? 4 : UInt32($0) }
      case .offset(let c, let lo): c.map { UInt32(bitPattern: $0 &- lo) }
      }
    }
    set { source = .computed(newValue) }
  }
  var radix: Int
  var values: [Scalar]
  var rank: [Int]
  /// Band labels, by code, for `bands`.
  var labels: [String]?

  /// Codes for `vector` (one entry per table row), or for its bands when `cuts` is given.
  init(_ vector: Vector, cuts: [Fraction]?) {
    if let cuts {
      // Band i holds cuts[i-1] ≤ x < cuts[i]; the last code is missing.
      let n = vector.count
      var codes = [UInt32](repeating: 0, count: n)
      var anyNegative = false
      for i in 0..<n {
        guard let x = vector.number(i) else {
          codes[i] = UInt32(cuts.count + 1)
          continue
        }
        if x < Fraction.zero { anyNegative = true }
        var lo = 0
        var hi = cuts.count
        while lo < hi {
          let mid = (lo + hi) / 2
          if cuts[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        codes[i] = UInt32(lo)
      }
      let bounds = [anyNegative || cuts.first.map { $0 <= Fraction.zero } == true ? "-∞" : "0"] + cuts.map(\.description)
      var labels = (0...cuts.count).map { i in
        i == cuts.count ? "[\(bounds[i]),∞)" : (bounds[i] == "-∞" ? "(-∞,\(bounds[i + 1]))" : "[\(bounds[i]),\(bounds[i + 1]))")
      }
      labels.append("")
      source = .computed(codes)
      radix = cuts.count + 2
      values = labels.enumerated().map { i, l in i == cuts.count + 1 ? .missing : .text(l) }
      rank = Array(0..<radix)
      self.labels = labels
      return
    }
    switch vector {
    case .grades(let v), .funds(let v):
      source = .small(v)
      radix = 5
      let isGrade: Bool
      if case .grades = vector { isGrade = true } else { isGrade = false }
      values = (0..<5).map { c in
        c == 4 ? .missing : isGrade ? Grade(rawValue: UInt8(c)).map { .grade($0) } ?? .missing : Fund(rawValue: UInt8(c)).map { .fund($0) } ?? .missing
      }
      rank = Array(0..<5)
    case .text(let v, let dictionary):
      let none = UInt32(dictionary.count)
      source = .computed(v.map { $0 == Vector.noText ? none : $0 })
      radix = dictionary.count + 1
      values = dictionary.map { .text($0) } + [.missing]
      self.rank = SortOperator.places(dictionary) + [dictionary.count]
    case .whole(let v), .fixed(let v):
      let isFixed: Bool
      if case .fixed = vector { isFixed = true } else { isFixed = false }
      let missing = isFixed ? ProjectTable.missing : Int64.min
      var lo = Int64.max
      var hi = Int64.min
      for x in v where x != missing {
        lo = Swift.min(lo, x)
        hi = Swift.max(hi, x)
      }
      let scalar: (Int64) -> Scalar = { isFixed ? .number(Fraction(tenThousandths: $0)) : .number(Fraction(Int128($0))) }
      if lo <= hi, hi.subtractingReportingOverflow(lo).partialValue < 1 << 16, !hi.subtractingReportingOverflow(lo).overflow {
        let span = Int(hi - lo) + 1
        source = .computed(v.map { $0 == missing ? UInt32(span) : UInt32($0 - lo) })
        radix = span + 1
        values = (0..<span).map { scalar(lo + Int64($0)) } + [.missing]
        rank = Array(0..<radix)
      } else {
        self = GroupColumn(hashing: (0..<v.count).map { v[$0] == missing ? Scalar.missing : scalar(v[$0]) })
      }
    case .exact, .constant:
      self = GroupColumn(hashing: (0..<vector.count).map { vector.scalar($0) })
    }
  }

  /// A stored field's codes read straight from its column, without a vector between:
  /// grades and budget books are already small codes, unit and name dictionary codes,
  /// year and seq a narrow range. Nil for the other fields.
  init?(field: Field, table t: ProjectTable) {
    switch field {
    case .grade, .fund:
      source = .small(field == .grade ? t.grade : t.fund)
      radix = 5
      values = (0..<5).map { c in
        c == 4 ? .missing : field == .grade ? Grade(rawValue: UInt8(c)).map { .grade($0) } ?? .missing : Fund(rawValue: UInt8(c)).map { .fund($0) } ?? .missing
      }
      rank = Array(0..<5)
    case .unit, .name:
      let dictionary = field == .unit ? t.units.values : t.names.values
      source = .computed(field == .unit ? t.unit : t.name)
      radix = Swift.max(dictionary.count, 1)
      values = dictionary.map { .text($0) }
      self.rank = dictionary.isEmpty ? [0] : SortOperator.places(dictionary)
    case .year, .seq:
      let column = field == .year ? t.year : t.seq
      guard let lo = column.min(), let hi = column.max(), Int(hi) - Int(lo) < 1 << 16 else { return nil }
      source = .offset(column, lo)
      radix = Int(hi) - Int(lo) + 1
      values = (0..<radix).map { .number(Fraction(Int(lo) + $0)) }
      rank = Array(0..<radix)
    default:
      return nil
    }
  }

  /// Codes for any values, by hashing; ranks follow the values' order, missing last.
  init(hashing scalars: [Scalar]) {
    var index: [Scalar: UInt32] = [:]
    var values: [Scalar] = []
    source = .computed(scalars.map { s in
      if let c = index[s] { return c }
      let c = UInt32(values.count)
      index[s] = c
      values.append(s)
      return c
    })
    radix = Swift.max(values.count, 1)
    let order = values.indices.sorted { a, b in
      if values[a].isMissing != values[b].isMissing { return !values[a].isMissing }
      return Scalar.less(values[a], values[b])
    }
    var rank = [Int](repeating: 0, count: radix)
    for (place, code) in order.enumerated() { rank[code] = place }
    self.values = values
    self.rank = rank
  }
}
