import Scoring

/// A grouped result: per group (in listed order) the key values and every aggregate's
/// value, as cells to show and as scalars for `having` and `sort by`.
struct AggregateResult {
  var groupCount: Int
  /// keys[k][g]: key k of group g.
  var keys: [[Scalar]]
  /// cells[t][g] and scalars[t][g]: aggregate t of group g.
  var cells: [[Value]]
  var scalars: [[Scalar]]
}
