import QuerySyntax
import Scoring

/// The one definition of arithmetic on values: exact, with a missing result for a
/// missing operand or a division by zero (never a crash and never a fake 0).
enum Arithmetic {
  @inline(__always)
  static func apply(_ op: ArithmeticOperator, _ a: Fraction?, _ b: Fraction?) -> Fraction? {
    guard let a, let b else { return nil }
    switch op {
    case .add: return a + b
    case .subtract: return a - b
    case .multiply: return a * b
    case .divide: return b.numerator == 0 ? nil : a / b
    }
  }

  /// `a op b` on stored ten-thousandths, when both are fixed-point and the operation
  /// stays fixed-point (`+`, `-`); nil when a result would overflow.
  static func fixed(_ op: ArithmeticOperator, _ a: [Int64], _ b: [Int64]) -> [Int64]? {
    guard op == .add || op == .subtract else { return nil }
    var out = [Int64](repeating: 0, count: a.count)
    let missing = Int64.min
    for i in a.indices {
      let x = a[i]
      let y = b[i]
      if x == missing || y == missing {
        out[i] = missing
        continue
      }
      let (r, overflow) = op == .add ? x.addingReportingOverflow(y) : x.subtractingReportingOverflow(y)
      if overflow || r == missing { return nil }
      out[i] = r
    }
    return out
  }

  /// Whether `op` holds between two present values of comparable types.
  static func holds(_ op: ComparisonOperator, _ a: Scalar, _ b: Scalar) -> Bool {
    switch op {
    case .equal: a == b
    case .notEqual: a != b
    case .less: Scalar.less(a, b)
    case .lessOrEqual: a == b || Scalar.less(a, b)
    case .greater: Scalar.less(b, a)
    case .greaterOrEqual: a == b || Scalar.less(b, a)
    }
  }
}
