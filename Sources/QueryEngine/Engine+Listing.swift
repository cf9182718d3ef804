import DataStore
import QuerySyntax
import Scoring

extension Engine {
  /// `projects …`: matching rows with the chosen fields.
  func listProjects(_ clauses: Clauses) throws(EvaluationError) -> ResultTable {
    var fields: [Field]
    let explicit = clauses.show != nil || clauses.showAll
    if clauses.showAll {
      fields = Field.allCases
    } else if let show = clauses.show {
      fields = []
      for name in show { fields.append(try field(name)) }
    } else {
      fields = Field.listingDefault
    }
    var sortFields: [(Field, Bool)] = []
    for key in clauses.sort { sortFields.append((try field(key.field), key.descending)) }
    var (rows, notes) = try selectedRows(clauses)
    if !sortFields.isEmpty {
      let keyed = rows.map { r in (r, sortFields.map { value($0.0, r) }) }
      let sorted = keyed.sorted { a, b in
        for (i, (_, descending)) in sortFields.enumerated() where a.1[i] != b.1[i] {
          // Missing values sort last in either direction.
          if case .missing = a.1[i] { return false }
          if case .missing = b.1[i] { return true }
          return descending ? Value.ascending(b.1[i], a.1[i]) : Value.ascending(a.1[i], b.1[i])
        }
        return a.0 < b.0
      }
      rows = sorted.map(\.0)
    }
    if let limit = clauses.limit, rows.count > limit { rows = Array(rows.prefix(limit)) }
    if !explicit {
      // Optional fields that no selected row has would only add an empty column.
      fields.removeAll { f in
        (f == .spent || f == .score || f == .grade) && rows.allSatisfy { value(f, $0) == .missing }
      }
    }
    var table = ResultTable(
      columns: fields.map { ResultTable.Column($0.rawValue, numeric: $0.isNumericColumn) },
      rows: rows.map { r in fields.map { value($0, r) } })
    for (i, r) in rows.enumerated() {
      for (c, f) in fields.enumerated() where edits[EditKey(row: r, field: f)] != nil || (f == .rate && (edits[EditKey(row: r, field: .spent)] != nil || edits[EditKey(row: r, field: .budget)] != nil)) {
        table.edited.insert(.init(row: i, column: c))
      }
    }
    if !table.edited.isEmpty { table.notes.append("* edited for this session (reset data undoes it)") }
    table.notes += notes
    return table
  }

  /// `departments`: each unit-year's stated figures, one figure per row.
  func listDepartments(_ clauses: Clauses) throws(EvaluationError) -> ResultTable {
    if clauses.filter != nil || !clauses.sort.isEmpty || clauses.show != nil || clauses.limit != nil {
      throw EvaluationError(range: nil, message: "departments takes only 'in YEAR'", suggestion: "for example: departments in 2023")
    }
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
    var rows: [[Value]] = []
    for year in store.years {
      var count = 0
      var budget: Int128 = 0
      var units = Set<UInt32>()
      for r in 0..<t.count where Int(t.year[r]) == year {
        count += 1
        if t.budget[r] != ProjectTable.missing { budget += Int128(t.budget[r]) }
        units.insert(t.unit[r])
      }
      let departments = store.departments.filter { $0.year == year }.count
      let indicators = store.indicators.filter { $0.year == year }.count
      rows.append([
        .integer(year), .integer(units.count), .integer(count), Value.amount(budget),
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

extension Field {
  var isNumericColumn: Bool {
    switch kind {
    case .integer, .money, .score, .percent: true
    case .text, .fund, .grade: false
    }
  }
}
