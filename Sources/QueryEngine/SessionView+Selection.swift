import DataStore
import QuerySyntax
import Scoring

/// The rows a statement selects: `where` through the filter, `in` and `use` as a year bitmap.
extension SessionView {
  /// The rows a statement's `where` and `in` select, as a bitmap; nil means every row.
  func selection(_ clauses: Clauses) throws(EvaluationError) -> (set: RowSet?, notes: [String]) {
    var set: RowSet?
    var notes: [String] = []
    if let expression = clauses.filter {
      var filter = Filter(columns: columns)
      set = try filter.rows(expression)
      notes = filter.notes
    }
    try checkInterrupt()
    if let scope = try yearSet(clauses) {
      if set == nil { set = scope } else { set!.formIntersection(scope) }
    }
    return (set, notes)
  }

  /// The rows in the statement's years (its `in`, else the session's `use`); nil for all.
  func yearSet(_ clauses: Clauses) throws(EvaluationError) -> RowSet? {
    guard let scope = effectiveYears(clauses) else { return nil }
    if clauses.years != nil { try checkYears(scope) }
    let table = store.projects
    let first = Int32(clamping: scope.first)
    let last = Int32(clamping: scope.last)
    return table.year.withUnsafeBufferPointer { y in
      RowSet(count: table.count) { r in y[r] >= first && y[r] <= last }
    }
  }

  /// The selected rows in ascending order.
  func selectedRows(_ clauses: Clauses) throws(EvaluationError) -> (rows: [Int], notes: [String]) {
    let (set, notes) = try selection(clauses)
    return (set?.rows ?? Array(0..<store.projects.count), notes)
  }
}
