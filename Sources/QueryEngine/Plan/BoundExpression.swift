import QuerySyntax
import Scoring

/// A value expression checked against the data: every word resolved to a field or a
/// constant, every operation typed. The operators evaluate it a column at a time.
indirect enum BoundExpression: Hashable, Sendable {
  case field(Field)
  case constant(Scalar, ValueType)
  case arithmetic(ArithmeticOperator, BoundExpression, BoundExpression, ValueType)
  case negate(BoundExpression)
  /// A column of a grouped result: a group key or an aggregate (in `having` and `sort by`).
  case slot(Int, ValueType)

  var type: ValueType {
    switch self {
    case .field(let f): ValueType(f)
    case .constant(_, let t), .arithmetic(_, _, _, let t), .slot(_, let t): t
    case .negate(let e): e.type
    }
  }

  /// The fields the expression reads.
  var fields: [Field] {
    switch self {
    case .field(let f): [f]
    case .constant, .slot: []
    case .arithmetic(_, let a, let b, _): a.fields + b.fields
    case .negate(let e): e.fields
    }
  }
}

extension BoundExpression {
  /// A cell of a value computed at a position: amounts, scores and percentages as their
  /// type shows them; stored fields as they are stored.
  func cell(_ s: Scalar) -> Value {
    switch s {
    case .missing: return .missing
    case .text(let t): return .text(t)
    case .grade(let g): return .grade(g)
    case .fund(let f): return .fund(f)
    case .number(let x):
      if case .field(let f) = self {
        switch f {
        case .year, .seq: return ValueType.integer.value(x)
        case .budget, .initial, .spent: return ValueType.money.value(x)
        case .score, .newScore:
          if let v = x.exactTenThousandths { return .score(v) }
          return .number(x, places: 2)
        case .ratePoints: return .number(x, places: 2)
        default: break
        }
      }
      return type.value(x)
    }
  }
}
