import DataStore
import QuerySyntax
import Scoring

/// What a statement reads from the session: the data with its edits, the rules in force,
/// the years in scope. The engine is one (it also changes them); a `Snapshot` is a frozen
/// copy the evaluators answer from.
protocol SessionView {
  var store: Store { get }
  var rules: RuleSet { get }
  /// The named rule set `reset rules` returns to.
  var baseRules: RuleSet { get }
  /// Project cells changed by what-if edits, with the value as loaded.
  var edits: [EditKey: Value] { get }
  /// Indicator rows changed by what-if edits, by index, as loaded.
  var indicatorEdits: [Int: Indicator] { get }
  var scope: YearScope? { get }
  var interrupted: @Sendable () -> Bool { get }
  var recomputeCache: RecomputeCache { get }
  var dataVersion: Int { get }
}

extension SessionView {
  /// Stops a statement the user interrupted.
  func checkInterrupt() throws(EvaluationError) {
    if interrupted() { throw EvaluationError.interrupted }
  }


  /// The years a statement covers: its own `in`, else the session's `use`.
  func effectiveYears(_ clauses: Clauses) -> YearScope? { clauses.years ?? scope }

  /// Refuses a year range that matches no loaded year, naming the ones that exist.
  func checkYears(_ scope: YearScope) throws(EvaluationError) {
    // Kept per data version: finding the years reads every project row.
    let store = self.store
    let years = recomputeCache.years(for: dataVersion) { store.years }
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
