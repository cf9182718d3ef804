import DataStore
import QuerySyntax
import Scoring

/// The query layer's session state and its entry point: the data, the rules and the
/// settings statements can change, and `execute` to answer one statement. Statements
/// that only read are answered by an evaluator per family (listing, aggregates, scoring,
/// years, indicators) from a `Snapshot`; the engine itself runs the ones that change the
/// session (rules, edits, `use`) and the file statements (Engine+Files).
///
/// The engine never prints; it returns an `Outcome` for the shell to render.
public struct Engine: Sendable {
  /// The data as loaded, before any what-if edit.
  public internal(set) var loaded: Store
  /// The data statements see (edits applied). Every change gives it a new version, which
  /// keys the cache of recomputed scores.
  public internal(set) var store: Store {
    didSet { dataVersion = Engine.nextVersion() }
  }
  /// Identifies the current data among every engine's, for `recomputeCache`.
  var dataVersion = Engine.nextVersion()
  /// The last recomputation under the rules in force (`new_score`, `new_grade`).
  let recomputeCache = RecomputeCache()
  /// Rule sets that `rules NAME` can switch to.
  public internal(set) var ruleLibrary: [String: RuleSet]
  /// The rules in force.
  public internal(set) var rules: RuleSet
  /// The named rule set in force; the rules differ from it after a `set`.
  var baseRules: RuleSet
  /// The rule set the session started with: `reset rules` returns to it.
  let startRules: RuleSet
  /// Rule changes and edits, newest last, for `undo` (at most `historyLimit`).
  var history: [SessionChange] = []
  static let historyLimit = 100
  /// Project cells changed by what-if edits, with the value as loaded.
  var edits: [EditKey: Value] = [:]
  /// Indicator rows changed by what-if edits, by index, as loaded.
  var indicatorEdits: [Int: Indicator] = [:]
  /// Asked between steps of a long statement; true when the user pressed Ctrl-C, and
  /// the statement then stops with an error instead of running on.
  public var interrupted: @Sendable () -> Bool = { false }
  /// Told how far a `load` is, for a progress display, and nil when it has ended
  /// (loaded or not); the loader asks `interrupted` at the same points.
  public var loadProgress: @Sendable (LoadMonitor.Progress?) -> Void = { _ in }
  /// The years `use` scoped the session to; nil for all years.
  public internal(set) var scope: YearScope?

  public init(store: Store, ruleSets: [String: RuleSet] = [:]) {
    self.loaded = store
    self.store = store
    var library = ruleSets
    if library["national"] == nil { library["national"] = .national }
    self.ruleLibrary = library
    self.rules = library["national"] ?? .national
    self.baseRules = rules
    self.startRules = rules
  }

  /// Remembers a change for `undo`, forgetting the oldest past the limit.
  mutating func remember(_ change: SessionChange) {
    history.append(change)
    if history.count > Engine.historyLimit { history.removeFirst(history.count - Engine.historyLimit) }
  }

  /// The confirmation without its parenthesised hint, as `undo` names a change.
  static func short(_ outcome: Outcome) -> String {
    guard case .text(let s) = outcome else { return "" }
    if let cut = s.range(of: " (rules ") { return String(s[..<cut.lowerBound]) }
    if let cut = s.range(of: " — for this session") { return String(s[..<cut.lowerBound]) }
    return s
  }

  /// Answers one statement.
  public mutating func execute(_ parsed: ParsedStatement) throws(EvaluationError) -> Outcome {
    let outcome = try answer(parsed)
    // A snapshot's column is checked when first read, which may be now: a listing's first
    // row reads what all its rows read, and damage found fails the statement.
    if case .table(let table) = outcome, !table.rows.isEmpty { _ = table.rows[0] }
    if let damage = store.projects.damage ?? loaded.projects.damage {
      throw EvaluationError(range: nil, message: damage.description, suggestion: "every statement fails until jixiao starts again without this file")
    }
    return outcome
  }

  private mutating func answer(_ parsed: ParsedStatement) throws(EvaluationError) -> Outcome {
    switch parsed.statement {
    case .projects(let clauses):
      return .table(try ListingEvaluator(session: snapshot).listProjects(clauses))
    case .aggregate(let aggregates, let clauses):
      return .table(try AggregateEvaluator(session: snapshot).aggregate(aggregates, clauses))
    case .departments(let clauses):
      return .table(try ListingEvaluator(session: snapshot).listDepartments(clauses))
    case .years:
      return .table(ListingEvaluator(session: snapshot).yearsTable())
    case .help(let topic):
      return .help(topic)
    case .quit:
      return .quit
    case .rules(let name):
      let before = SessionChange.rules(rules: rules, base: baseRules, said: "rules \(name?.text ?? "")")
      let outcome = try showOrSwitchRules(name)
      if name != nil { remember(before) }
      return outcome
    case .set(let change):
      let (oldRules, oldBase) = (rules, baseRules)
      let outcome = try changeRules(change)
      remember(.rules(rules: oldRules, base: oldBase, said: Engine.short(outcome)))
      return outcome
    case .reset(let what):
      if what.text.lowercased() == "rules" {
        if rules != startRules || baseRules != startRules { remember(.rules(rules: rules, base: baseRules, said: "reset rules")) }
        rules = startRules
        baseRules = startRules
        return .text("rules reset to \(rules.name), the rules the session started with")
      }
      let n = edits.count + indicatorEdits.count
      if n > 0 { remember(.data(store: store, edits: edits, indicators: indicatorEdits, said: "reset data")) }
      store = loaded
      edits = [:]
      indicatorEdits = [:]
      return .text(n == 0 ? "no edits to undo" : "\(n) edited value\(n == 1 ? "" : "s") undone; the data is as loaded")
    case .undo:
      return .text(undo())
    case .edits:
      return .table(editsTable())
    case .recompute(let mode, let clauses):
      return .table(try ScoringEvaluator(session: snapshot).recompute(mode, clauses))
    case .explain(let target, let clauses):
      return .explanation(try ScoringEvaluator(session: snapshot).explain(target, clauses))
    case .check(let clauses):
      return .findings(try ScoringEvaluator(session: snapshot).check(clauses))
    case .checkForms(let clauses):
      return .table(try FormCheckEvaluator(session: snapshot).checkForms(clauses, statement: parsed.range))
    case .indicators(let clauses):
      return .table(try IndicatorEvaluator(session: snapshot).listIndicators(clauses))
    case .edit(let seq, let field, let value, let clauses) where field.text.contains("."):
      let (oldIndicators, oldEdits) = (store.indicators, indicatorEdits)
      let (index, said) = try editIndicator(seq: seq, target: field, value: value, clauses)
      remember(.indicator(index: index, indicator: oldIndicators[index], edits: oldEdits, said: Engine.short(.text(said))))
      return .text(said)
    case .edit(let seq, let field, let value, let clauses):
      let row = try resolveProject(.number(seq), clauses)
      let before = SessionChange.edit(row: row, project: store.projects[row], edits: edits, said: "")
      let outcome = Outcome.text(try edit(seq: seq, field: field, value: value, clauses))
      if case .edit(let r, let p, let e, _) = before { remember(.edit(row: r, project: p, edits: e, said: Engine.short(outcome))) }
      return outcome
    case .load(let path, let options):
      return .text(try load(path, options))
    case .importData(let report, let path, let options):
      return try importData(report: report, path, options)
    case .importForms(let path, let options):
      return try importForms(path, options)
    case .save(let path, let options):
      return .text(try save(path, options))
    case .export(let format, let path, let options, let inner):
      return .export(try export(format, path, options, inner))
    case .use(let years):
      if let years { try checkYears(years) }
      scope = years
      return .text(years.map { "using \($0.label); use all to see every year" } ?? "using all years")
    case .compare(let first, let second, let mode, let source, let clauses):
      let years = YearsEvaluator(session: snapshot)
      switch mode {
      case .grades: return .table(try years.compareGrades(first, second, source, clauses))
      case .projects: return .table(try years.compareProjects(first, second, source, clauses))
      case .departments: return .table(try years.compareYears(first, second, clauses))
      }
    case .compareRules(let a, let b, let clauses):
      let sets = (try ruleSet(named: a), try ruleSet(named: b))
      func label(_ n: Name, _ r: RuleSet) -> String { ["current", "当前"].contains(n.text.lowercased()) ? rulesLabel : r.name }
      return .table(try ScoringEvaluator(session: snapshot).compareRules((sets.0, label(a, sets.0)), (sets.1, label(b, sets.1)), clauses))
    case .chart(let aggregates, let clauses):
      return .chart(try YearsEvaluator(session: snapshot).chart(aggregates, clauses))
    case .trend(let figure, let source, let clauses):
      return .chart(try YearsEvaluator(session: snapshot).trend(figure, source, clauses))
    case .sql(let inner):
      var translator = SQLTranslator(session: snapshot)
      return .sql(try translator.translate(inner))
    }
  }

  /// The session as the evaluators see it for one statement.
  var snapshot: Snapshot {
    Snapshot(
      store: store, rules: rules, baseRules: baseRules, edits: edits, indicatorEdits: indicatorEdits, scope: scope, interrupted: interrupted,
      recomputeCache: recomputeCache, dataVersion: dataVersion, ruleLibrary: ruleLibrary)
  }

  /// Replaces the data (a successful `load`); edits start afresh.
  public mutating func replaceData(_ newStore: Store) {
    loaded = newStore
    store = newStore
    edits = [:]
    indicatorEdits = [:]
    history = []
  }
}

/// The engine reads the session like the evaluators do (the edits and the rules
/// statements need the same helpers).
extension Engine: SessionView {}

extension Engine {
  private static let versions = Atomic<Int>(0)

  static func nextVersion() -> Int { versions.add(1, ordering: .relaxed).newValue }
}

import Synchronization

extension YearScope {
  /// "2023" or "2021..2023".
  var label: String { first == last ? "\(first)" : "\(first)..\(last)" }
}
