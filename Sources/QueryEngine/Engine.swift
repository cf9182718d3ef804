import DataStore
import QuerySyntax
import Scoring

/// The query layer's session state and its entry point: a store snapshot plus the
/// settings statements can change, and `execute` to answer one statement.
///
/// The engine never prints; it returns an `Outcome` for the shell to render.
public struct Engine: Sendable {
  /// The data as loaded, before any what-if edit.
  public private(set) var loaded: Store
  /// The data statements see (edits applied).
  public internal(set) var store: Store

  public init(store: Store) {
    self.loaded = store
    self.store = store
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
    }
  }

  /// Replaces the data (a successful `load`); edits and settings start afresh.
  public mutating func replaceData(_ newStore: Store) {
    loaded = newStore
    store = newStore
  }

  /// The rows a statement's `where` and `in` select.
  func selectedRows(_ clauses: Clauses) throws(EvaluationError) -> (rows: [Int], notes: [String]) {
    let table = store.projects
    var filter = Filter(table: table)
    var set = RowSet(count: table.count, filled: true)
    if let expression = clauses.filter {
      set = try filter.rows(expression)
    }
    if let scope = clauses.years {
      try checkYears(scope)
      let years = table.year
      set.formIntersection(RowSet(count: table.count) { r in scope.contains(Int(years[r])) })
    }
    return (set.rows, filter.notes)
  }

  /// Refuses a year range that matches no loaded year, naming the ones that exist.
  func checkYears(_ scope: YearScope) throws(EvaluationError) {
    let years = store.years
    guard years.contains(where: scope.contains) else {
      let shown = scope.first == scope.last ? "\(scope.first)" : "\(scope.first)..\(scope.last)"
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
    }
  }

  func field(_ name: Name) throws(EvaluationError) -> Field {
    guard let f = Field(named: name.text) else { throw EvaluationError.unknownField(name) }
    return f
  }
}
