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
    if sortFields.count == 1, let keys = sortKeys(sortFields[0].0, rows) {
      rows = Engine.order(rows, by: keys, descending: sortFields[0].1, limit: clauses.limit)
    } else if !sortFields.isEmpty {
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

  /// The values of a numeric column for `rows`, as integers that order like the field
  /// (nil for text fields, which sort through `Value`). Missing values get `Int64.min`.
  func sortKeys(_ field: Field, _ rows: [Int]) -> [Int64]? {
    let t = store.projects
    switch field {
    case .budget, .initial, .spent, .score, .ratePoints:
      guard let column = Filter.fixedColumn(t, field) else { return nil }
      return rows.map { column[$0] }
    case .year: return rows.map { Int64(t.year[$0]) }
    case .seq: return rows.map { Int64(t.seq[$0]) }
    case .grade:
      return rows.map { t.grade[$0] == ProjectTable.missingCode ? Int64.min : Int64(3 - Int(t.grade[$0])) }
    case .unit, .name, .fund, .rate: return nil
    }
  }

  /// `rows` ordered by `keys` (missing last in either direction, ties in row order);
  /// with a small limit only the first `limit` are selected, without sorting the rest.
  static func order(_ rows: [Int], by keys: [Int64], descending: Bool, limit: Int?) -> [Int] {
    let missing = Int64.min
    @inline(__always) func before(_ a: Int, _ b: Int) -> Bool {
      let x = keys[a]
      let y = keys[b]
      if x == y { return a < b }
      if x == missing { return false }
      if y == missing { return true }
      return descending ? x > y : x < y
    }
    if let limit, limit < 1024, limit * 8 < rows.count {
      // Top-k: keep a sorted buffer of the best `limit` positions.
      var best: [Int] = []
      best.reserveCapacity(limit + 1)
      for i in rows.indices {
        if best.count == limit, let last = best.last, !before(i, last) { continue }
        var lo = 0
        var hi = best.count
        while lo < hi {
          let mid = (lo + hi) / 2
          if before(best[mid], i) { lo = mid + 1 } else { hi = mid }
        }
        best.insert(i, at: lo)
        if best.count > limit { best.removeLast() }
      }
      return best.map { rows[$0] }
    }
    return rows.indices.sorted(by: before).map { rows[$0] }
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
