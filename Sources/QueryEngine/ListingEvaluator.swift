import DataStore
import QuerySyntax
import Scoring

/// `projects`, `departments` and `years`: rows of the data, chosen, computed and ordered.
struct ListingEvaluator: Evaluator {
  let session: Snapshot
}

extension ListingEvaluator {
  /// `departments`: each unit-year's stated figures, one figure per row.
  func listDepartments(_ clauses: Clauses) throws(EvaluationError) -> ResultTable {
    if let scope = clauses.years { try checkYears(scope) }
    let years = effectiveYears(clauses)
    var rows: [[Value]] = []
    for d in store.departments where years?.contains(d.year) ?? true {
      for (label, value) in DepartmentFigures.stated(d) {
        rows.append([.integer(d.year), .text(d.unit), .text(label), value])
      }
    }
    return ResultTable(
      columns: [
        .init("year", numeric: true), .init("unit", numeric: false), .init("figure", numeric: false),
        .init("stated", numeric: true),
      ],
      rows: rows)
  }

  /// `years`: what is loaded, year by year.
  func yearsTable() -> ResultTable {
    let t = store.projects
    let years = store.years
    // One pass over the rows for every year at once (a pass per year, a Set insert per
    // row, took 3 s at 10 M rows); units are counted by a bit per unit code and year.
    // Years are few and close together: their places by offset from the first, unless a
    // snapshot's years lie far apart.
    let first = years.first ?? 0
    let span = (years.last ?? 0) - first + 1
    let byOffset = span <= 4096
    var place = [Int](repeating: 0, count: byOffset ? span : 0)
    var placed: [Int: Int] = [:]
    for (i, y) in years.enumerated() {
      if byOffset { place[y - first] = i } else { placed[y] = i }
    }
    var counts = [Int](repeating: 0, count: years.count)
    var budgets = [Int128](repeating: 0, count: years.count)
    let words = (t.units.count + 63) / 64
    var seen = [UInt64](repeating: 0, count: words * years.count)
    let (year, budget, unit) = (t.year, t.budget, t.unit)
    for r in 0..<t.count {
      let i = byOffset ? place[Int(year[r]) - first] : placed[Int(year[r]), default: 0]
      counts[i] += 1
      if budget[r] != ProjectTable.missing { budgets[i] += Int128(budget[r]) }
      let u = Int(unit[r])
      seen[i * words + u / 64] |= 1 << UInt64(u % 64)
    }
    var rows: [[Value]] = []
    for (i, y) in years.enumerated() {
      let units = seen[(i * words)..<((i + 1) * words)].reduce(0) { $0 + $1.nonzeroBitCount }
      let departments = store.departments.filter { $0.year == y }.count
      let indicators = store.indicators.filter { $0.year == y }.count
      rows.append([
        .integer(y), .integer(units), .integer(counts[i]), Value.amount(budgets[i]),
        .integer(departments), .integer(indicators),
      ])
    }
    return ResultTable(
      columns: [
        .init("year", numeric: true), .init("units", numeric: true), .init("projects", numeric: true),
        .init("budget", numeric: true), .init("departments", numeric: true), .init("indicators", numeric: true),
      ],
      rows: rows)
  }
}

extension ListingEvaluator {

  /// `projects …`: matching rows with the chosen fields or values.
  func listProjects(_ clauses: Clauses) throws(EvaluationError) -> ResultTable {
    var binder = Binder()
    var items: [(title: String, expression: BoundExpression)] = []
    let explicit = clauses.show != nil || clauses.showAll
    if clauses.showAll {
      items = Field.stored.map { ($0.rawValue, .field($0)) }
    } else if let show = clauses.show {
      for item in show {
        let e = try binder.value(item.expression)
        if case .constant = e {
          if case .word(let n) = item.expression { throw EvaluationError.unknownField(n) }
        }
        let title: String
        if case .field(let f) = e, item.label == nil { title = f.rawValue } else { title = item.title }
        items.append((title, e))
      }
    } else {
      items = Field.listingDefault.map { ($0.rawValue, .field($0)) }
    }
    var sortKeys: [(BoundExpression, Bool)] = []
    for key in clauses.sort {
      let e = try binder.value(key.expression)
      if case .constant(.text, _) = e, case .word(let n) = key.expression { throw EvaluationError.unknownField(n) }
      sortKeys.append((e, key.descending))
    }
    let (set, notes) = try selection(clauses)
    var rows = set?.rows ?? Array(0..<store.projects.count)
    let cols = columns
    if !sortKeys.isEmpty {
      let evaluator = ExpressionEvaluator(count: rows.count) { cols.vector($0, rows: rows) }
      let order = SortOperator.order(count: rows.count, keys: sortKeys.map { (evaluator.evaluate($0.0), $0.1) }, limit: clauses.limit)
      rows = order.map { rows[$0] }
    } else if let limit = clauses.limit, rows.count > limit {
      rows.removeLast(rows.count - limit)
    }
    try checkInterrupt()
    if !explicit {
      // Optional fields that no selected row has would only add an empty column.
      items.removeAll { item in
        guard case .field(let f) = item.expression, f == .spent || f == .score || f == .grade else { return false }
        return rows.allSatisfy { value(f, $0) == .missing }
      }
    }
    // Computed values are evaluated as columns now; each row's cells are built when it
    // is shown (a listing of a million rows draws forty).
    let evaluator = ExpressionEvaluator(count: rows.count) { cols.vector($0, rows: rows) }
    let sources: [(field: Field?, vector: Vector?, expression: BoundExpression)] = items.map { item in
      if case .field(let f) = item.expression, !f.isRecomputed { return (f, nil, item.expression) }
      return (nil, evaluator.evaluate(item.expression), item.expression)
    }
    let chosen = rows
    let view = self
    var table = ResultTable(
      columns: items.map { ResultTable.Column($0.title, numeric: $0.expression.type.isNumeric) },
      rows: ResultRows(count: chosen.count) { i in
        sources.map { s in s.field.map { view.value($0, chosen[i]) } ?? s.expression.cell(s.vector!.scalar(i)) }
      })
    if !edits.isEmpty {
      for (i, r) in rows.enumerated() {
        for (c, item) in items.enumerated() {
          let read = item.expression.fields
          let touched = read.contains { f in
            edits[EditKey(row: r, field: f)] != nil || (f == .rate && (edits[EditKey(row: r, field: .spent)] != nil || edits[EditKey(row: r, field: .budget)] != nil))
          }
          if touched { table.edited.insert(.init(row: i, column: c)) }
        }
      }
    }
    if !table.edited.isEmpty { table.notes.append("* edited for this session (reset data undoes it)") }
    table.notes += notes + binder.notes
    table.notes += gradeNotes(reading: items.flatMap(\.expression.fields) + sortKeys.flatMap(\.0.fields), clauses)
    return table
  }

}

