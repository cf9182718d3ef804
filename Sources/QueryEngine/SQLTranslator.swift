import DataStore
import QuerySyntax
import Scoring

/// Builds the SQL that asks a statement's question of the CSV files `save DIR` writes.
///
/// It works from the bound plan (Binder, AggregatePlan), never from the statement's text,
/// so the SQL means what jixiao means: a missing value is NULL and conditions follow the
/// same three-valued logic, a division by zero is NULL, text orders by code point, grades
/// by merit, and groups come in jixiao's order. What SQL over `projects.csv` cannot say
/// (scores computed from indicator rows, the closest-budget pairing) is an error.
struct SQLTranslator {
  let session: Snapshot
  /// Sentences for the reader of the SQL, in the order found.
  var notes: [String] = []
  /// Whether the query reads `new_score` or `new_grade`; the first CTE then adds them.
  var recomputed = false
  /// How `having` and `sort by` of an aggregate name each column of the grouped result.
  var slotSQL: [String] = []
  var slotTypes: [ValueType] = []

  /// The file the SQL reads: the projects file `save DIR` writes.
  static let source = "projects.csv"

  init(session: Snapshot) {
    self.session = session
  }

  /// A query: the common table expressions after `projects`, and the final SELECT.
  struct Query {
    var ctes: [(name: String, body: String)] = []
    var select: String
  }

  mutating func translate(_ parsed: ParsedStatement) throws(EvaluationError) -> SQLTranslation {
    let query: Query
    switch parsed.statement {
    case .projects(let clauses): query = try listing(clauses)
    case .aggregate(let aggregates, let clauses): query = try aggregate(aggregates, clauses)
    case .recompute(let mode, let clauses): query = try recompute(mode, clauses)
    case .compare(let first, let second, .grades, let source, let clauses):
      query = try compareGrades(first, second, source, clauses)
    case .compare(_, _, .projects, _, _):
      throw SQLTranslator.inexpressible(parsed, "compare … projects pairs repeated names by closest budget; compare … grades has SQL")
    default:
      throw SQLTranslator.inexpressible(parsed, "only projects, the aggregates (count, sum, avg, min, max, pct, distinct), recompute and compare … grades ask a question of projects.csv")
    }
    if !session.edits.isEmpty {
      let n = session.edits.count
      notes.append("\(n) what-if edit\(n == 1 ? " is" : "s are") not in the files until save DIR writes them")
    }
    let ctes = [(name: "projects", body: sourceBody)] + query.ctes
    let with = "WITH " + ctes.map { "\($0.name) AS (\n" + SQLTranslator.indent($0.body) + "\n)" }.joined(separator: ",\n")
    var seen = Set<String>()
    let unique = notes.filter { seen.insert($0).inserted }
    return SQLTranslation(sql: with + "\n" + query.select + ";", notes: unique)
  }

  static func times(_ n: Int) -> String { n == 1 ? "once" : n == 2 ? "twice" : "\(n) times" }

  static func inexpressible(_ parsed: ParsedStatement, _ why: String) -> EvaluationError {
    EvaluationError(range: parsed.range, message: "cannot be expressed in SQL: \(why)")
  }

  static func indent(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
  }

  /// SQL types for the columns `save` writes, in file order.
  static func sqlType(_ column: String) -> String {
    switch column {
    case "year", "seq": "INTEGER"
    case "budget", "initial", "spent", "score", "rate_points": "DECIMAL(18,4)"
    default: "VARCHAR"
    }
  }

  /// The first CTE: `projects.csv` with explicit column types, and the recomputed
  /// fields when the query reads them.
  var sourceBody: String {
    let keys = DatasetKind.projects.columns.map(\.key)
    let columns = keys.map { "'\($0)': '\(SQLTranslator.sqlType($0))'" }
    var lines: [String] = []
    var line = ""
    for c in columns {
      if !line.isEmpty, line.count + c.count > 80 {
        lines.append(line + ",")
        line = ""
      }
      line += (line.isEmpty ? "" : ", ") + c
    }
    lines.append(line)
    let read = "read_csv('\(SQLTranslator.source)', header = true, columns = {\n" + lines.map { "  " + $0 }.joined(separator: "\n") + "\n})"
    guard recomputed else { return "SELECT * FROM " + read }
    return "SELECT *, score AS new_score, \(newGrade("score")) AS new_grade\nFROM " + read
  }

  /// The grade of `score` under the bands in force, as CASE.
  func newGrade(_ score: String) -> String {
    var parts = ["CASE"]
    for g in [Grade.excellent, .good, .fair] {
      if let low = session.rules.bands[g] { parts.append("WHEN \(score) >= \(SQLTranslator.literal(low)) THEN '\(g)'") }
    }
    parts.append("WHEN \(score) IS NOT NULL THEN '\(Grade.poor)' END")
    return parts.joined(separator: " ")
  }

  /// `new_score` and `new_grade` are SQL only where the recorded score stands.
  mutating func needRecomputed() throws(EvaluationError) {
    guard session.store.indicators.isEmpty else {
      throw EvaluationError(
        range: nil,
        message: "cannot be expressed in SQL: new_score and new_grade are scored from the indicator rows here, which SQL over projects.csv does not do")
    }
    if !recomputed {
      notes.append("new_grade is the grade of the recorded score under \(session.rulesLabel) (\(bandsText)); no indicator rows are loaded")
    }
    recomputed = true
  }

  var bandsText: String {
    [Grade.excellent, .good, .fair].compactMap { g in session.rules.bands[g].map { "\(g) ≥ \($0.trimmed(places: 4))" } }.joined(separator: ", ")
  }

  // MARK: - Where and years

  /// The WHERE text of `where` and the year scope (`in`, else `use`), or nil for none.
  mutating func filter(_ clauses: Clauses, year: Int? = nil) throws(EvaluationError) -> String? {
    var parts: [String] = []
    if let expression = clauses.filter {
      var binder = Binder()
      let c = try binder.condition(expression)
      notes += binder.notes
      if case .and(let all) = c {
        for p in all { parts.append(try condition(p)) }
      } else {
        parts.append(try condition(c))
      }
    }
    if let year {
      parts.append("year = \(year)")
    } else if let scope = session.effectiveYears(clauses) {
      if clauses.years != nil { try session.checkYears(scope) }
      parts.append(scope.first == scope.last ? "year = \(scope.first)" : "year BETWEEN \(scope.first) AND \(scope.last)")
    }
    return parts.isEmpty ? nil : parts.joined(separator: " AND ")
  }

  // MARK: - projects

  mutating func listing(_ clauses: Clauses) throws(EvaluationError) -> Query {
    var binder = Binder()
    var items: [(title: String, expression: BoundExpression)] = []
    if clauses.showAll {
      items = Field.stored.map { ($0.rawValue, .field($0)) }
    } else if let show = clauses.show {
      for item in show {
        let e = try binder.value(item.expression)
        if case .constant = e, case .word(let n) = item.expression { throw EvaluationError.unknownField(n) }
        let title: String
        if case .field(let f) = e, item.label == nil { title = f.rawValue } else { title = item.title }
        items.append((title, e))
      }
    } else {
      items = Field.listingDefault.map { ($0.rawValue, .field($0)) }
      notes.append("jixiao leaves out spent, score and grade when no row shown has a value")
    }
    var order: [String] = []
    for key in clauses.sort {
      let e = try binder.value(key.expression)
      if case .constant(.text, _) = e, case .word(let n) = key.expression { throw EvaluationError.unknownField(n) }
      order.append(try sortKey(e, descending: key.descending))
    }
    notes += binder.notes
    var select = "SELECT " + (try items.map { item throws(EvaluationError) in try column(item.expression, item.title) }).joined(separator: ", ")
    select += "\nFROM projects"
    if let w = try filter(clauses) { select += "\nWHERE " + w }
    // jixiao keeps the files' order among equal keys; year, unit, seq is that order in a saved file.
    order += ["year", "unit", "seq"]
    select += "\nORDER BY " + order.joined(separator: ", ")
    if let limit = clauses.limit { select += "\nLIMIT \(limit)" }
    return Query(select: select)
  }

  /// `EXPR AS "title"`, or the bare column when the title is its name.
  mutating func column(_ e: BoundExpression, _ title: String) throws(EvaluationError) -> String {
    let sql = try value(e)
    return sql == title ? sql : "\(sql) AS \(SQLTranslator.identifier(title))"
  }

  /// An ORDER BY item: grades by merit and budget books by their order, missing last.
  mutating func sortKey(_ e: BoundExpression, descending: Bool) throws(EvaluationError) -> String {
    let v = try value(e)
    let key: String
    switch e.type {
    case .grade: key = SQLTranslator.gradeRank(v)
    case .fund: key = SQLTranslator.fundRank(v)
    default: key = v
    }
    return key + (descending ? " DESC" : "") + " NULLS LAST"
  }

  // MARK: - Aggregates

  mutating func aggregate(_ aggregates: [Aggregate], _ clauses: Clauses) throws(EvaluationError) -> Query {
    if clauses.show != nil || clauses.showAll {
      throw EvaluationError(range: nil, message: "show lists fields of projects; an aggregate has its own columns", suggestion: "drop the show clause")
    }
    let plan = try AggregatePlan(aggregates, clauses)
    notes += plan.notes
    let whereText = try filter(clauses)
    var inner: [String] = []
    var outer: [String] = []
    var defaultOrder: [String] = []
    slotSQL = []
    slotTypes = []
    let grouped = !plan.keys.isEmpty
    for (i, key) in plan.keys.enumerated() {
      let alias = "k\(i + 1)"
      let v = try value(key.expression)
      if let cuts = key.cuts {
        let labels = bandLabels(key.expression, cuts)
        var band = "CASE WHEN \(v) IS NULL THEN NULL"
        for (c, cut) in cuts.enumerated() { band += " WHEN \(v) < \(SQLTranslator.literal(cut)) THEN \(c)" }
        band += " ELSE \(cuts.count) END"
        inner.append("\(band) AS \(alias)")
        let label = "CASE \(alias) " + labels.enumerated().map { "WHEN \($0) THEN \(SQLTranslator.quote($1))" }.joined(separator: " ") + " END"
        outer.append("\(label) AS \(SQLTranslator.identifier(key.title))")
        slotSQL.append(label)
        defaultOrder.append("\(alias) NULLS LAST")
      } else {
        inner.append("\(v) AS \(alias)")
        outer.append("\(alias) AS \(SQLTranslator.identifier(key.title))")
        slotSQL.append(alias)
        switch key.expression.type {
        case .grade: defaultOrder.append(SQLTranslator.gradeRank(alias) + " DESC NULLS LAST")
        case .fund: defaultOrder.append(SQLTranslator.fundRank(alias) + " NULLS LAST")
        default: defaultOrder.append("\(alias) NULLS LAST")
        }
      }
      slotTypes.append(key.resultType)
    }
    for (i, target) in plan.targets.enumerated() {
      let alias = "a\(i + 1)"
      inner.append("\(try aggregateSQL(target, grouped: grouped, clauses)) AS \(alias)")
      if target.visible { outer.append("\(alias) AS \(SQLTranslator.identifier(target.aggregate.title))") }
      slotSQL.append(alias)
      slotTypes.append(target.resultType)
    }
    var groupBody = "SELECT " + inner.joined(separator: ",\n  ") + "\nFROM projects"
    if let whereText { groupBody += "\nWHERE " + whereText }
    if grouped { groupBody += "\nGROUP BY " + plan.keys.indices.map { String($0 + 1) }.joined(separator: ", ") }
    var order: [String] = []
    for (e, descending) in plan.sort { order.append(try sortKey(e, descending: descending)) }
    order += defaultOrder
    if !grouped, plan.having == nil, plan.sort.isEmpty, plan.limit == nil {
      // One row, nothing to filter or order: the plain query reads best.
      let items = plan.targets.enumerated().map { i, t in inner[plan.keys.count + i].replacingAlias("a\(i + 1)", with: SQLTranslator.identifier(t.aggregate.title)) }
      var select = "SELECT " + items.joined(separator: ",\n  ") + "\nFROM projects"
      if let whereText { select += "\nWHERE " + whereText }
      return Query(select: select)
    }
    var select = "SELECT " + outer.joined(separator: ", ") + "\nFROM groups"
    if let having = plan.having { select += "\nWHERE " + (try condition(having)) }
    if !order.isEmpty { select += "\nORDER BY " + order.joined(separator: ", ") }
    if let limit = plan.limit { select += "\nLIMIT \(limit)" }
    return Query(ctes: [("groups", groupBody)], select: select)
  }

  /// The labels jixiao gives the bands of `e` over the loaded rows ([0,5) or (-∞,5)).
  func bandLabels(_ e: BoundExpression, _ cuts: [Fraction]) -> [String] {
    let cols = session.columns
    let evaluator = ExpressionEvaluator(count: session.store.projects.count) { cols.vector($0, rows: nil) }
    let labels = GroupColumn(evaluator.evaluate(e), cuts: cuts).labels ?? []
    return Array(labels.prefix(cuts.count + 1))
  }

  /// One aggregate as SQL over the selected rows of a group.
  mutating func aggregateSQL(_ t: AggregatePlan.Target, grouped: Bool, _ clauses: Clauses) throws(EvaluationError) -> String {
    let a = t.aggregate
    let x = try t.argument.map { e throws(EvaluationError) in try value(e) }
    switch a.function {
    case .count:
      guard let x else { return "count(*)" }
      return a.distinct ? "count(DISTINCT \(x))" : "count(\(x))"
    case .sum:
      return "sum(\(x ?? "NULL"))"
    case .avg:
      guard let x else { return "NULL" }
      if let w = t.weight {
        let wv = try value(w)
        return "sum(\(x) * \(wv)) / NULLIF(sum(CASE WHEN \(x) IS NOT NULL THEN \(wv) END), 0)"
      }
      return "avg(\(x))"
    case .min, .max:
      guard let x, let e = t.argument else { return "NULL" }
      let f = a.function.rawValue
      switch e.type {
      case .grade:
        let back = [Grade.poor, .fair, .good, .excellent].enumerated().map { "WHEN \($0 + 1) THEN '\($1)'" }.joined(separator: " ")
        return "CASE \(f)(\(SQLTranslator.gradeRank(x))) \(back) END"
      case .fund:
        let back = Fund.allCases.enumerated().map { "WHEN \($0 + 1) THEN '\($1)'" }.joined(separator: " ")
        return "CASE \(f)(\(SQLTranslator.fundRank(x))) \(back) END"
      default:
        return "\(f)(\(x))"
      }
    case .pct:
      if grouped {
        guard let x else { return "CAST(count(*) AS DOUBLE) / sum(count(*)) OVER ()" }
        return "sum(\(x)) / NULLIF(sum(sum(\(x))) OVER (), 0)"
      }
      // Without groups a share is of the same years without the where clause.
      var base = clauses
      base.filter = nil
      let scope = try filter(base).map { " WHERE " + $0 } ?? ""
      guard let x else { return "CAST(count(*) AS DOUBLE) / NULLIF((SELECT count(*) FROM projects\(scope)), 0)" }
      return "sum(\(x)) / NULLIF((SELECT sum(\(x)) FROM projects\(scope)), 0)"
    }
  }

  // MARK: - recompute

  mutating func recompute(_ mode: RecomputeMode, _ clauses: Clauses) throws(EvaluationError) -> Query {
    try needRecomputed()
    var order: [String] = []
    var binder = Binder()
    for key in clauses.sort {
      let e = try binder.value(key.expression)
      if case .constant(.text, _) = e, case .word(let n) = key.expression { throw EvaluationError.unknownField(n) }
      order.append(try sortKey(e, descending: key.descending))
    }
    var select = """
      SELECT year, unit, seq, name, score, new_score, grade, new_grade,
        CASE WHEN new_grade IS NULL THEN 'unknown' WHEN grade <> new_grade THEN grade || ' → ' || new_grade ELSE '' END AS change
      FROM projects
      """
    var conditions: [String] = []
    if let w = try filter(clauses) { conditions.append(w) }
    if mode == .changed { conditions.append("grade <> new_grade") }
    if !conditions.isEmpty { select += "\nWHERE " + conditions.joined(separator: " AND ") }
    order += ["year", "unit", "seq"]
    select += "\nORDER BY " + order.joined(separator: ", ")
    if let limit = clauses.limit { select += "\nLIMIT \(limit)" }
    notes.append("jixiao shows year and unit only when the rows span several, and a missing score as unknown")
    return Query(select: select)
  }

  // MARK: - compare … grades

  mutating func compareGrades(_ a: YearScope, _ b: YearScope, _ source: GradeSource, _ clauses: Clauses) throws(EvaluationError) -> Query {
    let years = YearsEvaluator(session: session)
    let y1 = try years.singleYear(a)
    let y2 = try years.singleYear(b)
    // A name repeated a different number of times pairs by closest budget: not SQL.
    var c1 = clauses
    c1.years = YearScope(first: y1, last: y1, range: SourceRange(0, 0))
    var c2 = clauses
    c2.years = YearScope(first: y2, last: y2, range: SourceRange(0, 0))
    let t = session.store.projects
    var counts: [String: (Int, Int)] = [:]
    for r in try session.selectedRows(c1).rows { counts["\(t.units[t.unit[r]])\u{0}\(t.names[t.name[r]])", default: (0, 0)].0 += 1 }
    for r in try session.selectedRows(c2).rows { counts["\(t.units[t.unit[r]])\u{0}\(t.names[t.name[r]])", default: (0, 0)].1 += 1 }
    let clashes = counts.filter { $0.value.0 != $0.value.1 && min($0.value.0, $0.value.1) > 0 }
    if let clash = clashes.min(by: { $0.key < $1.key }) {
      let name = clash.key.split(separator: "\u{0}").last.map(String.init) ?? clash.key
      throw EvaluationError(
        range: nil,
        message: "cannot be expressed in SQL: \(name) occurs \(SQLTranslator.times(clash.value.0)) in \(y1) and \(SQLTranslator.times(clash.value.1)) in \(y2), and such names pair by closest budget")
    }
    let grade: String
    if source == .recomputed {
      try needRecomputed()
      grade = "new_grade"
    } else {
      grade = "grade"
    }
    func side(_ year: Int) throws(EvaluationError) -> String {
      var body = "SELECT unit, name, \(grade) AS grade, row_number() OVER (PARTITION BY unit, name ORDER BY seq) AS n\nFROM projects"
      body += "\nWHERE " + (try filter(clauses, year: year) ?? "year = \(year)")
      return body
    }
    let before = try side(y1)
    let after = try side(y2)
    let pairs = """
      SELECT CASE WHEN a.unit IS NULL THEN 'new' ELSE coalesce(a.grade, '(none)') END AS before,
        CASE WHEN b.unit IS NULL THEN 'gone' ELSE coalesce(b.grade, '(none)') END AS after
      FROM a FULL JOIN b ON a.unit = b.unit AND a.name = b.name AND a.n = b.n
      """
    let rowLabels = Grade.allCases.map(\.description) + ["(none)", "new"]
    let rows = "SELECT * FROM (VALUES " + rowLabels.enumerated().map { "(\(SQLTranslator.quote($1)), \($0 + 1))" }.joined(separator: ", ") + ") AS f(grade, o)"
    let columnLabels = Grade.allCases.map(\.description) + ["(none)", "gone"]
    var items = ["f.grade AS \(SQLTranslator.identifier("\(y1) \\ \(y2)"))"]
    items += columnLabels.map { "count(CASE WHEN p.after = \(SQLTranslator.quote($0)) THEN 1 END) AS \(SQLTranslator.identifier($0))" }
    items.append("count(p.before) AS total")
    let select = "SELECT " + items.joined(separator: ",\n  ") + """

      FROM froms f LEFT JOIN pairs p ON p.before = f.grade
      GROUP BY f.grade, f.o
      HAVING f.o <= 4 OR count(p.before) > 0
      ORDER BY f.o
      """
    notes.append("projects pair by unit and name, a repeated name by order of seq")
    return Query(ctes: [("a", before), ("b", after), ("pairs", pairs), ("froms", rows)], select: select)
  }
}

extension String {
  /// The text with its trailing `AS alias` replaced by `AS name`.
  func replacingAlias(_ alias: String, with name: String) -> String {
    guard hasSuffix(" AS " + alias) else { return self }
    return String(dropLast(alias.count)) + name
  }
}
