import Scoring
import Synchronization

/// Holds the last recomputation, keyed by the rules and the data it was made from, so
/// statements that read `new_grade` one after another recompute once. (The indicators
/// grouped by project row are the store's own: `Store.indicatorGroups`.)
final class RecomputeCache: Sendable {
  private let state = Mutex<(key: Key, columns: RecomputedColumns)?>(nil)
  private let ordered = Mutex<(dataVersion: Int, order: NameOrder?)?>(nil)
  private let loadedYears = Mutex<(dataVersion: Int, years: [Int])?>(nil)

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

  func nameOrder(for dataVersion: Int, compute: () -> NameOrder?) -> NameOrder? {
    if let hit = ordered.withLock({ $0?.dataVersion == dataVersion ? $0 : nil }) { return hit.order }
    let fresh = compute()
    ordered.withLock { $0 = (dataVersion, fresh) }
    return fresh
  }

  /// The years the data has, which `in YEAR` and `compare` check against.
  func years(for dataVersion: Int, compute: () -> [Int]) -> [Int] {
    if let hit = loadedYears.withLock({ $0?.dataVersion == dataVersion ? $0?.years : nil }) { return hit }
    let fresh = compute()
    loadedYears.withLock { $0 = (dataVersion, fresh) }
    return fresh
  }
}
