import DataStore
import Scoring

/// One change to the session that `undo` can take back, with what it was before.
enum SessionChange: Sendable {
  /// `set`, `rules NAME` or `reset rules`: the rules before it.
  case rules(rules: RuleSet, base: RuleSet, said: String)
  /// `let`: the project row before it, and the edits then in force.
  case edit(row: Int, project: Project, edits: [EditKey: Value], said: String)
  /// `let SEQ.INDICATOR.FIELD`: the indicator row before it, and the indicator edits then.
  case indicator(index: Int, indicator: Indicator, edits: [Int: Indicator], said: String)
  /// `reset data`: the data and edits before it.
  case data(store: Store, edits: [EditKey: Value], indicators: [Int: Indicator], said: String)

  var said: String {
    switch self {
    case .rules(_, _, let s), .edit(_, _, _, let s), .indicator(_, _, _, let s), .data(_, _, _, let s): s
    }
  }
}
