import DataStore
import QuerySyntax
import Scoring

/// What the scoring statements and the edits share: indicators by project, score cards,
/// and the one project a statement names.
extension SessionView {
  /// Indicators grouped by project row, as the store keeps them (grouped once per
  /// version of its projects and indicators, when it is loaded or changed).
  func indicatorIndex() -> IndicatorGroups { store.indicatorGroups }

  func card(_ row: Int, _ index: IndicatorGroups) -> ScoreCard {
    let own = index.places(of: row).map { $0.map { store.indicators[Int($0)] } }
    return Scorer.score(store.projects[row], indicators: own ?? [], rules: rules)
  }

  var rulesLabel: String { rules.name + (rules != baseRules ? " (changed)" : "") }

  /// The one project a statement names, or an error listing the candidates.
  func resolveProject(_ target: Operand, _ clauses: Clauses) throws(EvaluationError) -> Int {
    var (rows, _) = try selectedRows(clauses)
    let t = store.projects
    var target = target
    if case .word(let n) = target, n.text.hasPrefix("#"), Int(n.text.dropFirst()) != nil {
      target = .number(Name(String(n.text.dropFirst()), n.range))
    }
    switch target {
    case .number(let n):
      guard let seq = Int(n.text) else {
        throw EvaluationError(range: n.range, message: "'\(n.text)' is not a project number", suggestion: "explain 3, or explain '项目名称'")
      }
      rows = rows.filter { Int(t.seq[$0]) == seq }
      if rows.isEmpty {
        throw EvaluationError(range: n.range, message: "no project #\(seq)\(clauses.years.map { " in \($0.first)" } ?? "")", suggestion: "projects show year, unit, seq, name lists them")
      }
    case .arithmetic, .negate, .aggregate:
      throw EvaluationError(range: target.range, message: "'\(target.text)' is not a project", suggestion: "explain 3, or explain '项目名称'")
    case .word(let n), .quoted(let n):
      let exact = rows.filter { t.names[t.name[$0]] == n.text }
      rows = exact.isEmpty ? rows.filter { t.names[t.name[$0]].contains(n.text) } : exact
      if rows.isEmpty {
        let hint = Suggestions.didYouMean(n.text, in: t.names.values)
        throw EvaluationError(range: n.range, message: "no project is named '\(n.text)'", suggestion: hint ?? "projects where name contains … finds names")
      }
    }
    if rows.count > 1 {
      let list = rows.prefix(6).map { "\(t.year[$0]) \(t.units[t.unit[$0]]) #\(t.seq[$0]) \(t.names[t.name[$0]])" }.joined(separator: "; ")
      throw EvaluationError(
        range: target.range, message: "\(rows.count) projects match: \(list)\(rows.count > 6 ? "; …" : "")",
        suggestion: "narrow it with in YEAR, where unit = …, or the seq")
    }
    return rows[0]
  }

  func editedFields(_ row: Int) -> [Field: Value] {
    var out: [Field: Value] = [:]
    for (key, original) in edits where key.row == row { out[key.field] = original }
    return out
  }
}
