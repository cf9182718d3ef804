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
  let scope: YearScope?
  let interrupted: @Sendable () -> Bool
  let recomputeCache: RecomputeCache
  let dataVersion: Int
  /// Rule sets `rules NAME` can switch to, for `rules` to list.
  let ruleLibrary: [String: RuleSet]
}

/// An evaluator of one family of statements: it answers from a snapshot of the session
/// and never changes it.
protocol Evaluator: SessionView {
  var session: Snapshot { get }
}

extension Evaluator {
  var store: Store { session.store }
  var rules: RuleSet { session.rules }
  var baseRules: RuleSet { session.baseRules }
  var edits: [EditKey: Value] { session.edits }
  var scope: YearScope? { session.scope }
  var interrupted: @Sendable () -> Bool { session.interrupted }
  var recomputeCache: RecomputeCache { session.recomputeCache }
  var dataVersion: Int { session.dataVersion }
}
