import DataStore
import Scoring

/// The values of one expression over a run of rows (or of groups), in the cheapest form
/// that holds them exactly: stored columns are used as they are, computed values are
/// exact fractions.
enum Vector: Sendable {
  /// Ten-thousandths, as amounts and scores are stored; `ProjectTable.missing` is missing.
  case fixed([Int64])
  /// Whole numbers; `Int64.min` is missing.
  case whole([Int64])
  /// Computed numbers; nil is missing (a missing operand, a division by zero).
  case exact([Fraction?])
  /// Codes into `values`; `Vector.noText` is missing.
  case text([UInt32], [String])
  /// Grade codes (0 优 … 3 差); `ProjectTable.missingCode` is missing.
  case grades([UInt8])
  /// Budget-book codes; `ProjectTable.missingCode` is missing.
  case funds([UInt8])
  /// One value at every position.
  case constant(Scalar, count: Int)

  static let noText = UInt32.max

  var count: Int {
    switch self {
    case .fixed(let v), .whole(let v): v.count
    case .exact(let v): v.count
    case .text(let v, _): v.count
    case .grades(let v), .funds(let v): v.count
    case .constant(_, let n): n
    }
  }

  func isMissing(_ i: Int) -> Bool {
    switch self {
    case .fixed(let v): v[i] == ProjectTable.missing
    case .whole(let v): v[i] == Int64.min
    case .exact(let v): v[i] == nil
    case .text(let v, _): v[i] == Vector.noText
    case .grades(let v), .funds(let v): v[i] == ProjectTable.missingCode
    case .constant(let s, _): s.isMissing
    }
  }

  /// The number at `i`, for numeric vectors.
  @inline(__always)
  func number(_ i: Int) -> Fraction? {
    switch self {
    case .fixed(let v): v[i] == ProjectTable.missing ? nil : Fraction(tenThousandths: v[i])
    case .whole(let v): v[i] == Int64.min ? nil : Fraction(Int128(v[i]))
    case .exact(let v): v[i]
    case .constant(let s, _): s.number
    case .text, .grades, .funds: nil
    }
  }

  func scalar(_ i: Int) -> Scalar {
    switch self {
    case .fixed, .whole, .exact: return number(i).map { .number($0) } ?? .missing
    case .text(let v, let values): return v[i] == Vector.noText ? .missing : .text(values[Int(v[i])])
    case .grades(let v): return v[i] == ProjectTable.missingCode ? .missing : Grade(rawValue: v[i]).map { .grade($0) } ?? .missing
    case .funds(let v): return v[i] == ProjectTable.missingCode ? .missing : Fund(rawValue: v[i]).map { .fund($0) } ?? .missing
    case .constant(let s, _): return s
    }
  }

  /// The values at `positions`, in that order.
  func gathered(_ positions: [Int]) -> Vector {
    switch self {
    case .fixed(let v): .fixed(positions.map { v[$0] })
    case .whole(let v): .whole(positions.map { v[$0] })
    case .exact(let v): .exact(positions.map { v[$0] })
    case .text(let v, let values): .text(positions.map { v[$0] }, values)
    case .grades(let v): .grades(positions.map { v[$0] })
    case .funds(let v): .funds(positions.map { v[$0] })
    case .constant(let s, _): .constant(s, count: positions.count)
    }
  }

  /// A vector holding `scalars` as exactly as their type allows.
  static func of(_ scalars: [Scalar], _ type: ValueType) -> Vector {
    switch type {
    case .text:
      var values: [String] = []
      var codes: [String: UInt32] = [:]
      let v = scalars.map { s -> UInt32 in
        guard case .text(let t) = s else { return Vector.noText }
        if let c = codes[t] { return c }
        let c = UInt32(values.count)
        codes[t] = c
        values.append(t)
        return c
      }
      return .text(v, values)
    case .grade:
      return .grades(scalars.map { if case .grade(let g) = $0 { g.rawValue } else { ProjectTable.missingCode } })
    case .fund:
      return .funds(scalars.map { if case .fund(let f) = $0 { f.rawValue } else { ProjectTable.missingCode } })
    default:
      return .exact(scalars.map(\.number))
    }
  }
}
