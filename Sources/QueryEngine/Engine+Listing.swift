import DataStore
import QuerySyntax
import Scoring

extension Engine {
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
