import DataStore
import QuerySyntax
import Scoring

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
  var indicatorEdits: [Int: Indicator] { session.indicatorEdits }
  var scope: YearScope? { session.scope }
  var interrupted: @Sendable () -> Bool { session.interrupted }
  var recomputeCache: RecomputeCache { session.recomputeCache }
  var dataVersion: Int { session.dataVersion }
}
