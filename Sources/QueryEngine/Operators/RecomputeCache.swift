import Scoring
import Synchronization

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
