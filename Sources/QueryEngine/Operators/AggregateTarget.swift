import QuerySyntax
import Scoring

/// What one aggregate of a statement reads and how its extremes are shown.
struct AggregateTarget {
  var function: AggregateFunction
  /// The aggregated values, one per table row; nil for a plain `count` (or `pct`).
  var argument: Vector?
  /// `avg … weighted by W`: the weights, one per table row.
  var weight: Vector?
  var distinct: Bool
  /// The argument's type (integer for a plain count).
  var type: ValueType
  /// How a value of the argument is shown (`min budget` as an amount, `max grade` as a grade).
  var display: (Scalar) -> Value

  /// The type of the aggregate's result.
  var resultType: ValueType {
    switch function {
    case .count: .integer
    case .pct: .percent
    case .sum, .avg, .min, .max: type
    }
  }
}
