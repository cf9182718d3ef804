import DataStore
import QuerySyntax
import Scoring

/// The query layer's session state and its entry point: a store snapshot plus the
/// settings statements can change, and `execute` to answer one statement.
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
  /// The named rule set that `reset rules` returns to.
  var baseRules: RuleSet
  /// Project cells changed by what-if edits, with the value as loaded.
  var edits: [EditKey: Value] = [:]
  /// Asked between steps of a long statement; true when the user pressed Ctrl-C, and
  /// the statement then stops with an error instead of running on.
  public var interrupted: @Sendable () -> Bool = { false }
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
  }

  /// Answers one statement.
  public mutating func execute(_ parsed: ParsedStatement) throws(EvaluationError) -> Outcome {
    switch parsed.statement {
    case .projects(let clauses):
      return .table(try listProjects(clauses))
    case .aggregate(let aggregates, let clauses):
      return .table(try aggregate(aggregates, clauses))
    case .departments(let clauses):
      return .table(try listDepartments(clauses))
    case .years:
      return .table(yearsTable())
    case .help(let topic):
      return .help(topic)
    case .quit:
      return .quit
    case .rules(let name):
      return try showOrSwitchRules(name)
    case .set(let change):
      return try changeRules(change)
    case .reset(let what):
      if what.text.lowercased() == "rules" {
        rules = baseRules
        return .text("rules reset to \(rules.name)")
      }
      let n = edits.count
      store = loaded
      edits = [:]
      return .text(n == 0 ? "no edits to undo" : "\(n) edited value\(n == 1 ? "" : "s") undone; the data is as loaded")
    case .recompute(let mode, let clauses):
      return .table(try recompute(mode, clauses))
    case .explain(let target, let clauses):
      return .explanation(try explain(target, clauses))
    case .check(let clauses):
      return .findings(try check(clauses))
    case .indicators(let clauses):
      return .table(try listIndicators(clauses))
    case .edit(let seq, let field, let value, let clauses):
      return .text(try edit(seq: seq, field: field, value: value, clauses))
    case .load(let path, let options):
      return .text(try load(path, options))
    case .importData(let report, let path, let options):
      return try importData(report: report, path, options)
    case .save(let path, let options):
      return .text(try save(path, options))
    case .export(let format, let path, let options, let inner):
      return .export(try export(format, path, options, inner))
    case .use(let years):
      if let years { try checkYears(years) }
      scope = years
      return .text(years.map { "using \($0.label); use all to see every year" } ?? "using all years")
    case .compare(let first, let second, let mode, let source, let clauses):
      switch mode {
      case .grades: return .table(try compareGrades(first, second, source, clauses))
      case .projects: return .table(try compareProjects(first, second, source, clauses))
      case .departments: return .table(try compareYears(first, second, clauses))
      }
    case .chart(let aggregates, let clauses):
      return .chart(try chart(aggregates, clauses))
    case .trend(let figure, let source, let clauses):
      return .chart(try trend(figure, source, clauses))
    }
  }

  /// Replaces the data (a successful `load`); edits start afresh.
  public mutating func replaceData(_ newStore: Store) {
    loaded = newStore
    store = newStore
    edits = [:]
  }

  /// Stops a statement the user interrupted.
  func checkInterrupt() throws(EvaluationError) {
    if interrupted() { throw Engine.interruption }
  }

  static let interruption = EvaluationError(range: nil, message: "interrupted (Ctrl-C); the statement was abandoned")

  /// The years a statement covers: its own `in`, else the session's `use`.
  func effectiveYears(_ clauses: Clauses) -> YearScope? { clauses.years ?? scope }

  /// Refuses a year range that matches no loaded year, naming the ones that exist.
  func checkYears(_ scope: YearScope) throws(EvaluationError) {
    let years = store.years
    guard years.contains(where: scope.contains) else {
      let shown = scope.label
      throw EvaluationError(
        range: scope.range, message: "no data for \(shown)",
        suggestion: years.isEmpty ? "no data is loaded" : "loaded years: " + years.map(String.init).joined(separator: ", "))
    }
  }

  /// The value of a field in a project row.
  func value(_ field: Field, _ r: Int) -> Value {
    let t = store.projects
    func fixed(_ v: Int64, _ make: (Int64) -> Value) -> Value { v == ProjectTable.missing ? .missing : make(v) }
    switch field {
    case .year: return .integer(Int(t.year[r]))
    case .unit: return .text(t.units[t.unit[r]])
    case .seq: return .integer(Int(t.seq[r]))
    case .name: return .text(t.names[t.name[r]])
    case .fund: return t.fund[r] == ProjectTable.missingCode ? .missing : .fund(Fund(rawValue: t.fund[r]) ?? .general)
    case .budget: return fixed(t.budget[r]) { .money(Money(tenThousandths: $0)) }
    case .initial: return fixed(t.initial[r]) { .money(Money(tenThousandths: $0)) }
    case .spent: return fixed(t.spent[r]) { .money(Money(tenThousandths: $0)) }
    case .score: return fixed(t.score[r]) { .score($0) }
    case .ratePoints: return fixed(t.ratePoints[r]) { .number(Fraction(tenThousandths: $0), places: 2) }
    case .grade: return t.grade[r] == ProjectTable.missingCode ? .missing : .grade(Grade(rawValue: t.grade[r]) ?? .poor)
    case .rate:
      let b = t.budget[r]
      let s = t.spent[r]
      guard b != ProjectTable.missing, s != ProjectTable.missing, b != 0 else { return .missing }
      return .percent(Fraction(Int128(s), Int128(b)))
    case .newScore, .newGrade:
      let c = recomputedColumns()
      if field == .newGrade { return c.grade[r] == ProjectTable.missingCode ? .missing : .grade(Grade(rawValue: c.grade[r]) ?? .poor) }
      if let x = c.inexact[r] { return .number(x, places: 2) }
      return fixed(c.score[r]) { .score($0) }
    }
  }

  func field(_ name: Name) throws(EvaluationError) -> Field {
    guard let f = Field(named: name.text) else { throw EvaluationError.unknownField(name) }
    return f
  }
}

extension Engine {
  private static let versions = Atomic<Int>(0)

  static func nextVersion() -> Int { versions.add(1, ordering: .relaxed).newValue }
}

import Synchronization

extension YearScope {
  /// "2023" or "2021..2023".
  var label: String { first == last ? "\(first)" : "\(first)..\(last)" }
}
