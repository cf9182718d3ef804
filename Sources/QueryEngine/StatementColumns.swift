import DataStore
import QuerySyntax

/// The projects columns statements read, for a load that keeps only those
/// (`DatasetLoader.load(columns:)`): a one-shot question over a 10 M-row file then stores
/// three or four of its eleven columns instead of all of them.
///
/// Only statements whose columns are all named in their text are narrowed: aggregates over
/// stored fields (and `rate`), `years`, `help` and `quit`. Every other statement asks for
/// every column. A column missed here is loaded when a statement first reads it, so a
/// wrong answer here costs time, never a wrong result.
public enum StatementColumns {
  public static func projectColumns(_ statements: [ParsedStatement]) -> ProjectColumnSet {
    union(statements.map(\.statement), columns) ?? .all
  }

  /// The columns one statement reads; nil when not known from its text alone.
  static func columns(_ statement: Statement) -> ProjectColumnSet? {
    switch statement {
    case .aggregate(let aggregates, let clauses):
      guard let c = columns(clauses) else { return nil }
      return union(aggregates, columns)?.union(c)
    case .years:
      // Projects, units and budget per year.
      return [.key, .budget]
    case .help, .quit:
      return []
    case .projects, .departments, .rules, .set, .reset, .undo, .edits, .recompute, .explain, .check, .checkForms,
      .indicators, .use, .compare, .compareRules, .chart, .trend, .load, .importData, .importForms, .export, .save,
      .edit, .sql:
      return nil
    }
  }

  /// What every item reads; nil when any item's columns are unknown.
  static func union<T>(_ items: [T], _ columns: (T) -> ProjectColumnSet?) -> ProjectColumnSet? {
    var set: ProjectColumnSet = []
    for item in items {
      guard let c = columns(item) else { return nil }
      set.formUnion(c)
    }
    return set
  }

  static func columns(_ clauses: Clauses) -> ProjectColumnSet? {
    if clauses.showAll { return nil }
    let operands = clauses.sort.map(\.expression) + clauses.groupBy.map(\.expression) + (clauses.show ?? []).map(\.expression)
    guard let read = union(operands, columns), let conditions = union([clauses.filter, clauses.having].compactMap { $0 }, columns) else {
      return nil
    }
    // `in 2023` reads the year.
    return read.union(conditions).union(clauses.years == nil ? [] : .year)
  }

  static func columns(_ a: Aggregate) -> ProjectColumnSet? {
    union([a.argument, a.weight].compactMap { $0 }, columns)
  }

  static func columns(_ e: Expression) -> ProjectColumnSet? {
    switch e {
    case .compare(let a, _, let b), .contains(let a, let b):
      return union([a, b], columns)
    case .isMissing(let a, _):
      return columns(a)
    case .and(let a, let b), .or(let a, let b):
      return union([a, b], columns)
    case .not(let a, _):
      return columns(a)
    }
  }

  static func columns(_ o: Operand) -> ProjectColumnSet? {
    switch o {
    case .word(let n):
      guard let f = Field(named: n.text) else { return [] }
      return columns(f)
    case .number, .quoted:
      return []
    case .arithmetic(_, let a, let b, _):
      return union([a, b], columns)
    case .negate(let a, _):
      return columns(a)
    case .aggregate(let a):
      return columns(a)
    }
  }

  /// The stored columns a field is read from; nil for the recomputed ones, which score
  /// every column (and the indicators) under the rules.
  static func columns(_ f: Field) -> ProjectColumnSet? {
    switch f {
    case .year: .year
    case .unit: .unit
    case .seq: .seq
    case .name: .name
    case .fund: .fund
    case .budget: .budget
    case .initial: .initial
    case .spent: .spent
    case .score: .score
    case .grade: .grade
    case .ratePoints: .ratePoints
    // The rules may divide by the initial budget (`set basis initial`).
    case .rate: [.budget, .initial, .spent]
    case .newScore, .newGrade: nil
    }
  }
}
