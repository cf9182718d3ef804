import DataStore
import QuerySyntax
import Scoring

/// The session frozen for one statement: what the evaluators read. Copying it is cheap
/// (the store's columns are shared, copy-on-write).
struct Snapshot: SessionView, Sendable {
  let store: Store
  let rules: RuleSet
  let baseRules: RuleSet
  let edits: [EditKey: Value]
  let indicatorEdits: [Int: Indicator]
  let scope: YearScope?
  let interrupted: @Sendable () -> Bool
  let recomputeCache: RecomputeCache
  let dataVersion: Int
  /// Rule sets `rules NAME` can switch to, for `rules` to list.
  let ruleLibrary: [String: RuleSet]
}
