import DataStore
import Scoring

/// Every project's score and grade under the rules and edits in force: the columns
/// behind `new_score` and `new_grade`, computed by the same scorer as `recompute`.
struct RecomputedColumns: Sendable {
  /// Scores in ten-thousandths where exact; `ProjectTable.missing` where unknown or
  /// where the exact score is in `inexact`.
  var score: [Int64]
  /// Scores with more than four decimals (ratios of indicator values), by row.
  var inexact: [Int: Fraction]
  /// Grade codes; `ProjectTable.missingCode` where the score is unknown.
  var grade: [UInt8]
}

/// Holds the last recomputation, keyed by the rules and the data it was made from, so
/// statements that read `new_grade` one after another recompute once.
final class RecomputeCache: Sendable {
  private let state = Mutex<(key: Key, columns: RecomputedColumns)?>(nil)

  struct Key: Equatable, Sendable {
    var rules: RuleSet
    var dataVersion: Int
  }

  func columns(for key: Key, compute: () -> RecomputedColumns) -> RecomputedColumns {
    if let hit = state.withLock({ $0?.key == key ? $0?.columns : nil }) { return hit }
    let fresh = compute()
    state.withLock { $0 = (key, fresh) }
    return fresh
  }
}

import Synchronization
