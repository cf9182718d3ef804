import DataStore
import QuerySyntax
import Scoring

/// `compare`, `chart` and `trend`: figures of one year beside another, or across the years.
struct YearsEvaluator: Evaluator {
  let session: Snapshot
}

extension YearsEvaluator {
  /// A single year from a `compare` argument.
  func singleYear(_ scope: YearScope) throws(EvaluationError) -> Int {
    guard scope.first == scope.last else {
      throw EvaluationError(range: scope.range, message: "compare takes single years, not \(scope.label)", suggestion: "compare 2022 2023")
    }
    try checkYears(scope)
    return scope.first
  }

  /// Project rows of one year that pass the statement's `where`, grouped by unit name.
  func rowsByUnit(year: Int, _ clauses: Clauses) throws(EvaluationError) -> [String: [Int]] {
    var out: [String: [Int]] = [:]
    for (code, rows) in try rowsByUnitCode(year: year, clauses) { out[store.projects.units[code]] = rows }
    return out
  }

  /// The same, keyed by the unit's dictionary code (no string hashing per row).
  func rowsByUnitCode(year: Int, _ clauses: Clauses) throws(EvaluationError) -> [UInt32: [Int]] {
    var c = clauses
    c.years = YearScope(first: year, last: year, range: SourceRange(0, 0))
    let (rows, _) = try selectedRows(c)
    var out: [UInt32: [Int]] = [:]
    let unit = store.projects.unit
    for r in rows { out[unit[r], default: []].append(r) }
    return out
  }

  /// `compare Y1 Y2 grades`: how many matched projects went from each grade to each
  /// grade, with the new and gone ones.
  func compareGrades(_ a: YearScope, _ b: YearScope, _ source: GradeSource, _ clauses: Clauses) throws(EvaluationError) -> ResultTable {
    let y1 = try singleYear(a)
    let y2 = try singleYear(b)
    let t = store.projects
    let grades = gradeCodes(source)
    let order = recomputeCache.nameOrder(for: dataVersion) { NameOrder(t) }
    let sorted: (ProjectMatcher.Sorted, ProjectMatcher.Sorted)
    if let order {
      // Each year's rows are taken in kept (unit, name) order; a `where` is one bitmap
      // for both years.
      var member: RowSet?
      if let e = clauses.filter {
        var filter = Filter(columns: self.columns)
        member = try filter.rows(e)
      }
      try checkInterrupt()
      sorted = (order.year(y1, among: member), order.year(y2, among: member))
    } else {
      var c1 = clauses
      c1.years = YearScope(first: y1, last: y1, range: SourceRange(0, 0))
      var c2 = clauses
      c2.years = YearScope(first: y2, last: y2, range: SourceRange(0, 0))
      sorted = ProjectMatcher.sorted(try selectedRows(c1).rows, try selectedRows(c2).rows, table: t)
    }
    // counts[from][to]: grade codes 0–3, 4 = missing grade; to 5 = gone; from 5 = new.
    let flat = ProjectMatcher.transitions(sorted.0, sorted.1, table: t, grades: grades)
    let counts = (0..<6).map { from in Array(flat[(from * 6)..<(from * 6 + 6)]) }
    let labels = Grade.allCases.map(\.description) + ["(none)"]
    var columns: [ResultTable.Column] = [.init("\(y1) \\ \(y2)", numeric: false)]
    columns += labels.map { .init($0, numeric: true) } + [.init("gone", numeric: true), .init("total", numeric: true)]
    var table = ResultTable(columns: columns, rows: [])
    for from in 0..<6 {
      let total = counts[from].reduce(0, +)
      guard total > 0 || from < 4 else { continue }
      let label = from == 5 ? "new" : labels[from]
      table.rows.append([.text(label)] + (0..<6).map { Value.integer(counts[from][$0]) } + [.integer(total)])
    }
    table.showsRowCount = false
    var moved = 0
    var stayed = 0
    for from in 0..<4 {
      for to in 0..<4 { if from == to { stayed += counts[from][to] } else { moved += counts[from][to] } }
    }
    table.notes = ["\(stayed + moved) matched projects: \(stayed) keep their grade, \(moved) change; rows are \(y1)'s grade, columns \(y2)'s", gradeSourceNote(source)]
    // Each year-one grade's bar, split by where its projects went.
    if let last = table.rows.lastIndex(where: { $0.first != .text("new") }) {
      table.chart = TableChart(kind: .stackedColumns, title: "grade transitions", labels: 0, values: Array(1...Grade.allCases.count), rows: 0..<(last + 1))
    }
    return table
  }

  /// `compare Y1 Y2`: department-level figures side by side, one block per unit.
  func compareYears(_ a: YearScope, _ b: YearScope, _ clauses: Clauses) throws(EvaluationError) -> ResultTable {
    let y1 = try singleYear(a)
    let y2 = try singleYear(b)
    let rows1 = try rowsByUnit(year: y1, clauses)
    let rows2 = try rowsByUnit(year: y2, clauses)
    var units = Set(rows1.keys).union(rows2.keys)
    if clauses.filter == nil {
      for d in store.departments where d.year == y1 || d.year == y2 { units.insert(d.unit) }
    }
    let ordered = units.sorted()
    let several = ordered.count > 1
    var columns: [ResultTable.Column] = several ? [.init("unit", numeric: false)] : []
    columns += [
      .init("figure", numeric: false), .init(String(y1), numeric: true), .init(String(y2), numeric: true),
      .init("change", numeric: true), .init("% change", numeric: true),
    ]
    var table = ResultTable(columns: columns, rows: [])
    table.showsRowCount = false
    for unit in ordered {
      let f1 = YearFigures(engine: self, year: y1, unit: unit, rows: rows1[unit] ?? [])
      let f2 = YearFigures(engine: self, year: y2, unit: unit, rows: rows2[unit] ?? [])
      for (label, v1, v2) in YearFigures.pairs(f1, f2) {
        let (change, percent) = YearFigures.change(v1, v2)
        table.rows.append((several ? [Value.text(unit)] : []) + [.text(label), v1, v2, change, percent])
      }
    }
    if ordered.isEmpty { table.notes.append("no unit has data in \(y1) or \(y2)") }
    // One unit: its projects per grade, the two years side by side.
    let gradeRows = table.rows.indices.filter { r in Grade.allCases.contains { table.rows[r].first == .text("“\($0)”项目") } }
    if !several, let first = gradeRows.first, let last = gradeRows.last, last - first + 1 == gradeRows.count {
      table.chart = TableChart(kind: .columns, title: "projects by grade", labels: 0, values: [1, 2], rows: first..<(last + 1))
    }
    table.notes.append("执行率 = 决算 ÷ 调整后预算 from the stated department figures; 优秀率 = 优 ÷ projects; 优良率 = (优 + 良) ÷ projects")
    return table
  }

  /// `compare Y1 Y2 projects`: projects matched by unit and name.
  ///
  /// A name that occurs the same number of times in both years pairs by order (first
  /// with first); otherwise each row of the year with fewer pairs with the unmatched row
  /// of closest budget. Rows left over are new (only in Y2) or gone (only in Y1).
  func compareProjects(_ a: YearScope, _ b: YearScope, _ source: GradeSource, _ clauses: Clauses) throws(EvaluationError) -> ResultTable {
    let y1 = try singleYear(a)
    let y2 = try singleYear(b)
    let byCode1 = try rowsByUnitCode(year: y1, clauses)
    let byCode2 = try rowsByUnitCode(year: y2, clauses)
    let t = store.projects
    let codes = Set(byCode1.keys).union(byCode2.keys).sorted { t.units[$0] < t.units[$1] }
    let units = codes.map { t.units[$0] }
    let several = units.count > 1
    var columns: [ResultTable.Column] = several ? [.init("unit", numeric: false)] : []
    columns += [
      .init("name", numeric: false), .init("seq", numeric: false),
      .init("budget \(y1)", numeric: true), .init("budget \(y2)", numeric: true), .init("Δ budget", numeric: true),
      .init("score \(y1)", numeric: true), .init("score \(y2)", numeric: true), .init("Δ score", numeric: true),
      .init("grade", numeric: false),
    ]
    var table = ResultTable(columns: columns, rows: [])
    let grades = gradeCodes(source)
    let scoreField: Field = source == .recorded ? .score : .newScore
    var transitions: [String: Int] = [:]
    var newCount = 0
    var goneCount = 0
    for (unit, unitCode) in zip(units, codes) {
      let pairs = ProjectMatcher.match(byCode1[unitCode] ?? [], byCode2[unitCode] ?? [], table: t)
      for (r1, r2) in pairs {
        let name = t.names[t.name[r1 ?? r2!]]
        let seq = (r1.map { "#\(t.seq[$0])" } ?? "—") + " → " + (r2.map { "#\(t.seq[$0])" } ?? "—")
        let b1 = r1.map { value(.budget, $0) } ?? .missing
        let b2 = r2.map { value(.budget, $0) } ?? .missing
        let s1 = r1.map { value(scoreField, $0) } ?? .missing
        let s2 = r2.map { value(scoreField, $0) } ?? .missing
        let g1 = r1.flatMap { grades[$0] == ProjectTable.missingCode ? nil : Grade(rawValue: grades[$0]) }
        let g2 = r2.flatMap { grades[$0] == ProjectTable.missingCode ? nil : Grade(rawValue: grades[$0]) }
        var grade: String
        switch (r1, r2) {
        case (nil, _):
          grade = "new" + (g2.map { " (\($0))" } ?? "")
          newCount += 1
        case (_, nil):
          grade = "gone" + (g1.map { " (was \($0))" } ?? "")
          goneCount += 1
        default:
          let key = "\(g1.map(\.description) ?? "?")→\(g2.map(\.description) ?? "?")"
          transitions[key, default: 0] += 1
          grade = g1 == g2 ? (g1.map(\.description) ?? "") : "\(g1.map(\.description) ?? "?") → \(g2.map(\.description) ?? "?")"
        }
        var cells: [Value] = several ? [.text(unit)] : []
        cells += [.text(name), .text(seq), b1, b2, YearFigures.change(b1, b2).0, s1, s2, YearFigures.change(s1, s2).0, .text(grade)]
        if (r1 != nil && r2 != nil && g1 != g2) || r1 == nil || r2 == nil { table.marked.insert(table.rows.count) }
        table.rows.append(cells)
      }
    }
    let order: [Grade?] = Grade.allCases.map { $0 } + [nil]
    let keys = transitions.keys.sorted { x, y in
      let rank: (String) -> (Int, Int) = { k in
        let parts = k.split(separator: "→").map(String.init)
        let a = order.firstIndex(of: Grade(parts[0])) ?? 4
        let b = order.firstIndex(of: parts.count > 1 ? Grade(parts[1]) : nil) ?? 4
        return (a, b)
      }
      return rank(x) < rank(y)
    }
    let moved = keys.filter { let p = $0.split(separator: "→"); return p.first != p.last }
    let stayed = keys.filter { let p = $0.split(separator: "→"); return p.first == p.last }
    var summary = "grade transitions: " + (moved.isEmpty ? "none" : moved.map { "\($0): \(transitions[$0] ?? 0)" }.joined(separator: ", "))
    let unchanged = stayed.reduce(0) { $0 + (transitions[$1] ?? 0) }
    summary += "; unchanged: \(unchanged)" + (stayed.isEmpty ? "" : " (" + stayed.map { "\($0) \(transitions[$0] ?? 0)" }.joined(separator: ", ") + ")")
    summary += "; new: \(newCount); gone: \(goneCount)"
    table.notes = [summary, "matched by unit and name; a repeated name pairs by order, or by closest budget when the counts differ", gradeSourceNote(source)]
    // Each project's budget in the two years, while the bars stay readable.
    let first = several ? 1 : 0
    if !table.rows.isEmpty && table.rows.count <= TableChart.readableBars {
      table.chart = TableChart(kind: .bars, title: "budget", labels: first, values: [first + 2, first + 3], rows: 0..<table.rows.count)
    }
    return table
  }

  /// `chart sum budget by grade`: the aggregate's rows as bars.
  func chart(_ aggregates: [Aggregate], _ clauses: Clauses) throws(EvaluationError) -> Chart {
    guard aggregates.count == 1 else {
      throw EvaluationError(range: aggregates[1].range, message: "a chart draws one figure", suggestion: "chart sum budget by grade")
    }
    let table = try AggregateEvaluator(session: session).aggregate(aggregates, clauses)
    let keyCount = clauses.groupBy.count
    var chart = Chart(
      title: table.columns[keyCount].name + " by " + clauses.groupBy.map(\.text).joined(separator: ", "),
      bars: table.rows.map { row in
        let label = row.prefix(keyCount).map { $0.display.isEmpty ? "(missing)" : $0.display }.joined(separator: " · ")
        return Chart.Bar(label: label, value: row[keyCount], magnitude: row[keyCount].sortNumber)
      })
    chart.notes = table.notes
    // Bars per grade say which grade they count, and how to get the other.
    let keys = Set(clauses.groupBy.compactMap { key -> Field? in
      if case .word(let n) = key.expression { return Field(named: n.text) }
      return nil
    })
    if keys.contains(.grade), !chart.notes.contains(where: { $0.contains("new_grade") }) {
      chart.notes.append("grade as the report records it; by new_grade for the grades under \(rulesLabel)")
    }
    if keys.contains(.newGrade) {
      chart.notes.append("new_grade: the grades under \(rulesLabel); by grade for the grades the report records")
    }
    return chart
  }

  /// `trend FIGURE`: one bar per loaded year (within scope), with a sparkline.
  func trend(_ figure: TrendFigure, _ source: GradeSource, _ clauses: Clauses) throws(EvaluationError) -> Chart {
    let years = store.years.filter { effectiveYears(clauses)?.contains($0) ?? true }
    if let scope = clauses.years { try checkYears(scope) }
    var bars: [Chart.Bar] = []
    var title: String
    switch figure {
    case .aggregate(let a):
      title = a.field.map { "\(a.function.rawValue)(\($0.text))" } ?? "count"
      for y in years {
        var c = clauses
        c.years = YearScope(first: y, last: y, range: SourceRange(0, 0))
        let table = try AggregateEvaluator(session: session).aggregate([a], c)
        let v = table.rows.first?.first ?? .missing
        bars.append(.init(label: String(y), value: v, magnitude: v.sortNumber))
      }
    case .rate(let name):
      let key = name.text.lowercased()
      let rates = ["优秀率": 0, "评优率": 0, "excellent": 0, "优良率": 1, "good": 1, "执行率": 2, "支出率": 2, "rate": 2]
      guard let kind = rates[key] else {
        throw EvaluationError(
          range: name.range, message: "cannot trend '\(name.text)'",
          suggestion: "trend sum budget, trend count, trend avg score, trend 优秀率, trend 优良率 or trend 执行率")
      }
      title = ["优秀率 (优 ÷ projects)", "优良率 ((优 + 良) ÷ projects)", "执行率 (Σ 决算 ÷ Σ 预算 of the projects)"][kind]
      let grades = kind < 2 ? gradeCodes(source) : []
      for y in years {
        var c = clauses
        c.years = YearScope(first: y, last: y, range: SourceRange(0, 0))
        let (rows, _) = try selectedRows(c)
        var ratio: Fraction?
        if kind < 2 {
          let hits = rows.filter { r in
            let g = grades[r]
            return kind == 0 ? g == Grade.excellent.rawValue : (g == Grade.excellent.rawValue || g == Grade.good.rawValue)
          }.count
          ratio = rows.isEmpty ? nil : Fraction(Int128(hits), Int128(rows.count))
        } else {
          var spent: Int128 = 0
          var budget: Int128 = 0
          var complete = !rows.isEmpty
          for r in rows {
            let s = store.projects.spent[r]
            let b = store.projects.budget[r]
            if s == ProjectTable.missing || b == ProjectTable.missing { complete = false; break }
            spent += Int128(s)
            budget += Int128(b)
          }
          ratio = complete && budget != 0 ? Fraction(spent, budget) : nil
        }
        bars.append(.init(label: String(y), value: ratio.map { .percent($0) } ?? .missing, magnitude: ratio))
      }
    }
    var chart = Chart(title: title + " by year", bars: bars, sparkline: true)
    if years.isEmpty { chart.notes.append("no years loaded") }
    if case .rate(let name) = figure, ["优秀率", "评优率", "excellent", "优良率", "good"].contains(name.text.lowercased()) {
      chart.notes.append(gradeSourceNote(source))
    } else if case .aggregate = figure, source == .recomputed {
      throw EvaluationError(range: nil, message: "recomputed applies to 优秀率 and 优良率", suggestion: "use new_grade or new_score in the figure: trend count where new_grade = 优")
    }
    return chart
  }
}
