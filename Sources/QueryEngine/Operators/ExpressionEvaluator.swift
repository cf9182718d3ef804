import DataStore
import QuerySyntax
import Scoring

/// Evaluates a bound expression over a run of positions (rows of the projects table, or
/// groups of an aggregate), one operation at a time over whole vectors.
struct ExpressionEvaluator {
  /// How many positions are evaluated.
  let count: Int
  /// A field's values at the positions.
  let field: (Field) -> Vector
  /// The grouped result's columns (having, sort by of an aggregate).
  var slots: [Vector] = []

  func evaluate(_ e: BoundExpression) -> Vector {
    switch e {
    case .field(let f):
      return field(f)
    case .constant(let s, _):
      return .constant(s, count: count)
    case .slot(let i, _):
      return slots[i]
    case .negate(let inner):
      switch evaluate(inner) {
      case .fixed(let v): return .fixed(v.map { $0 == ProjectTable.missing ? $0 : -$0 })
      case .whole(let v): return .whole(v.map { $0 == Int64.min ? $0 : -$0 })
      case let v: return .exact((0..<count).map { i in v.number(i).map { -$0 } })
      }
    case .arithmetic(let op, let a, let b, _):
      let x = evaluate(a)
      let y = evaluate(b)
      if case .fixed(let xs) = x, case .fixed(let ys) = y, let out = Arithmetic.fixed(op, xs, ys) {
        return .fixed(out)
      }
      var out = [Fraction?](repeating: nil, count: count)
      for i in 0..<count { out[i] = Arithmetic.apply(op, x.number(i), y.number(i)) }
      return .exact(out)
    }
  }
}
