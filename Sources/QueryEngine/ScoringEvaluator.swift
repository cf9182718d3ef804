import DataStore
import QuerySyntax
import Scoring

/// `recompute`, `explain` and `check`: scores and grades under the rules in force, the
/// steps behind one score, and the report's figures against its own rows.
struct ScoringEvaluator: Evaluator {
  let session: Snapshot
}

extension ScoringEvaluator {

  /// `recompute`: each project's grade (and score, where indicators exist) under the
  /// rules in force, beside what was recorded; changed rows are marked and counted.
  func recompute(_ mode: RecomputeMode, _ clauses: Clauses) throws(EvaluationError) -> ResultTable {
    let (chosen, notes) = try selection(clauses)
    let changedOnly = mode == .changed
    let index = indicatorIndex()
    let t = store.projects
    let total = chosen?.cardinality ?? t.count
    var skippedUnknown = 0
    var rows: [Int]
    if changedOnly, index.isEmpty, let b = RuleBands(rules) {
      // Only the changed rows are listed: find them with one pass over the score and
      // grade columns and build rows for those alone.
      var (changed, unknown) = b.changes(score: t.score, grade: t.grade)
      if let chosen {
        changed.formIntersection(chosen)
        unknown.formIntersection(chosen)
      }
      skippedUnknown = unknown.cardinality
      rows = changed.rows
    } else {
      rows = chosen?.rows ?? Array(0..<t.count)
    }
    if !clauses.sort.isEmpty {
      var binder = Binder()
      var keys: [(Vector, Bool)] = []
      let cols = columns
      let selected = rows
      let evaluator = ExpressionEvaluator(count: rows.count) { cols.vector($0, rows: selected) }
      for key in clauses.sort {
        let e = try binder.value(key.expression)
        if case .constant(.text, _) = e, case .word(let n) = key.expression { throw EvaluationError.unknownField(n) }
        keys.append((evaluator.evaluate(e), key.descending))
      }
      rows = SortOperator.order(count: rows.count, keys: keys, limit: nil).map { selected[$0] }
    }
    let limit = clauses.limit ?? Int.max
    var groups = Set<Int64>()
    for r in rows {
      groups.insert(Int64(t.year[r]) << 32 | Int64(t.unit[r]))
      if groups.count > 1 { break }
    }
    let several = groups.count > 1
    // A project without indicators is graded by comparing integers; nil when a band has
    // more decimals than a score can (then the exact path).
    let fastBands = RuleBands(rules)
    var columns: [ResultTable.Column] = []
    if several { columns += [.init("year", numeric: true), .init("unit", numeric: false)] }
    columns += [
      // Named as the fields are: the recorded score and grade, and the ones under the rules in force.
      .init("seq", numeric: true), .init("name", numeric: false), .init("score", numeric: true),
      .init("new_score", numeric: true), .init("grade", numeric: false), .init("new_grade", numeric: false),
      .init("change", numeric: false),
    ]
    let moves = Grade.allCases.map { a in Grade.allCases.map { b in "\(a) → \(b)" } }
    // Read once: each `t.names[…]` would copy the dictionary (and retain its parts) per
    // row, and a column read through the captured table copies the table per row.
    let names = t.names.values
    let units = t.units.values
    let (scoreColumn, gradeColumn, seqColumn, yearColumn, unitColumn, nameColumn) = (t.score, t.grade, t.seq, t.year, t.unit, t.name)
    let width = columns.count
    let recomputed = index.isEmpty ? nil : recomputedColumns()
    let rules = rules
    /// A project's recorded and recomputed score, its new grade code, and whether the
    /// two scores differ at two decimals, however they were found. The listing pass and
    /// the cells of a shown row both read it, so they cannot disagree.
    let figures: @Sendable (Int) -> (recorded: Value, computed: Value, newGrade: UInt8, scoreMoved: Bool) = { r in
      if let b = fastBands, !index.has(r) {
        // No indicators: the recorded score stands and only its grade is derived.
        let s = scoreColumn[r]
        if s == ProjectTable.missing { return (.missing, .text("unknown"), ProjectTable.missingCode, false) }
        return (.score(s), .score(s), b.code(s), false)
      }
      if !index.has(r) {
        // No indicators and bands finer than a recorded score: the exact path.
        let c = Scorer.score(t[r], indicators: [], rules: rules)
        return (c.project.score.map { .score($0) } ?? .missing, c.total.map { .number($0, places: 2) } ?? .text("unknown"), c.grade.map(\.rawValue) ?? ProjectTable.missingCode, false)
      }
      // Indicators: the score and grade from the recomputed columns (one scorer, cached
      // per rules and data version).
      let rc = recomputed!
      let total: Fraction? = rc.score[r] != ProjectTable.missing ? Fraction(tenThousandths: rc.score[r]) : rc.inexact[r]
      let recorded: Value = scoreColumn[r] == ProjectTable.missing ? .missing : .score(scoreColumn[r])
      var scoreMoved = false
      if total != nil, scoreColumn[r] != ProjectTable.missing {
        let recordedCents = Self.hundredths(scoreColumn[r])
        scoreMoved = rc.score[r] != ProjectTable.missing ? Self.hundredths(rc.score[r]) != recordedCents : rc.inexact.hundredths(r) != recordedCents
      }
      return (recorded, total.map { .number($0, places: 2) } ?? .text("unknown"), rc.grade[r], scoreMoved)
    }
    /// The change a row shows, whether it is marked (a grade or score moved), and whether
    /// its grade moved.
    let change: @Sendable (Int, UInt8, Bool) -> (text: String, moved: Bool, graded: Bool) = { r, newGrade, scoreMoved in
      let old = gradeColumn[r]
      if newGrade == ProjectTable.missingCode { return ("unknown", false, false) }
      if old != ProjectTable.missingCode, old != newGrade { return (moves[Int(old)][Int(newGrade)], true, true) }
      return scoreMoved ? ("score", true, false) : ("", false, false)
    }
    /// What a run of rows lists and counts: large listings are cut into one run per core
    /// and joined in order. Only the count and the first twelve moves are said. Rows are
    /// kept as row numbers; their cells are built when shown.
    struct Listing {
      var rows: [Int] = []
      var marked: [Int] = []
      var edited: [ResultTable.Cell] = []
      var gradeChanges = 0
      var firstChanges: [String] = []
      var scoreChanges = 0
      var unknown = 0
    }
    /// Counts rows[range] into `out` and lists those shown.
    func list(_ range: Range<Int>, into out: inout Listing) {
      for r in rows[range] {
        let f = figures(r)
        let c = change(r, f.newGrade, f.scoreMoved)
        if f.newGrade == ProjectTable.missingCode {
          out.unknown += 1
        } else if c.graded {
          out.gradeChanges += 1
          if out.firstChanges.count < 12 { out.firstChanges.append("#\(seqColumn[r]) \(c.text)") }
        }
        if f.scoreMoved { out.scoreChanges += 1 }
        if changedOnly && !c.moved { continue }
        if out.rows.count >= limit { continue }
        if c.moved { out.marked.append(out.rows.count) }
        if !edits.isEmpty {
          for field in [Field.score, .grade] where edits[EditKey(row: r, field: field)] != nil {
            out.edited.append(.init(row: out.rows.count, column: several ? (field == .score ? 4 : 6) : (field == .score ? 2 : 4)))
          }
        }
        out.rows.append(r)
      }
    }
    try checkInterrupt()
    // One run per core for a long listing without a limit, once there are some four
    // thousand rows a run (a limit keeps one run, so rows past it are counted, not listed).
    let perPiece = max(2, Parallel.threshold / 49)
    let pieces = limit == Int.max ? min(Parallel.maximumChunks, max(1, rows.count / perPiece)) : 1
    var listings = [Listing](repeating: Listing(), count: pieces)
    if pieces == 1 {
      // In runs of 4096, so Ctrl-C stops a long listing.
      var start = 0
      while start < rows.count {
        let end = min(start + 4096, rows.count)
        list(start..<end, into: &listings[0])
        start = end
        try checkInterrupt()
      }
    } else {
      let n = rows.count
      listings.withUnsafeMutableBufferPointer { listings in
        let box = UnsafeSendable(listings)
        Threads.run(pieces) { p in list((n * p / pieces)..<(n * (p + 1) / pieces), into: &box.value[p]) }
      }
      try checkInterrupt()
    }
    var gradeChanges = 0
    var firstChanges: [String] = []
    var scoreChanges = 0
    var unknown = 0
    var listed: [Int] = []
    var marked: [Int] = []
    var edited = Set<ResultTable.Cell>()
    listed.reserveCapacity(listings.reduce(0) { $0 + $1.rows.count })
    for piece in listings {
      let offset = listed.count
      listed += piece.rows
      marked += piece.marked.map { $0 + offset }
      edited.formUnion(piece.edited.map { ResultTable.Cell(row: $0.row + offset, column: $0.column) })
      gradeChanges += piece.gradeChanges
      if firstChanges.count < 12 { firstChanges += piece.firstChanges.prefix(12 - firstChanges.count) }
      scoreChanges += piece.scoreChanges
      unknown += piece.unknown
    }
    let shown = listed
    var table = ResultTable(columns: columns, rows: ResultRows(count: shown.count) { i in
      let r = shown[i]
      let f = figures(r)
      let old = gradeColumn[r]
      var cells: [Value] = []
      cells.reserveCapacity(width)
      if several {
        cells.append(.integer(Int(yearColumn[r])))
        cells.append(.text(units[Int(unitColumn[r])]))
      }
      cells.append(.integer(Int(seqColumn[r])))
      cells.append(.text(names[Int(nameColumn[r])]))
      cells.append(f.recorded)
      cells.append(f.computed)
      cells.append(Grade(rawValue: old).map { .grade($0) } ?? .missing)
      cells.append(Grade(rawValue: f.newGrade).map { .grade($0) } ?? .missing)
      cells.append(.text(change(r, f.newGrade, f.scoreMoved).text))
      return cells
    })
    table.marked = Set(marked)
    table.edited = edited
    unknown += skippedUnknown
    var summary = "\(gradeChanges) of \(total) project\(total == 1 ? "" : "s") change\(gradeChanges == 1 ? "s" : "") grade under \(rulesLabel)"
    if gradeChanges > 0 {
      summary += ": " + firstChanges.joined(separator: ", ") + (gradeChanges > 12 ? ", … (recompute changed lists them all)" : "")
    }
    table.notes = notes + [summary]
    if rules != baseRules { table.notes.append(ruleChangeEffect(chosen?.rows ?? Array(0..<t.count))) }
    if scoreChanges > 0 { table.notes.append("\(scoreChanges) recomputed score\(scoreChanges == 1 ? " differs" : "s differ") from the recorded one (explain SEQ shows why)") }
    if unknown > 0 { table.notes.append("\(unknown) score\(unknown == 1 ? " is" : "s are") unknown: a value is missing (explain SEQ names it)") }
    return table
  }

  /// Ten-thousandths rounded to hundredths, half away from zero, as `formatted(places: 2)` rounds.
  static func hundredths(_ v: Int64) -> Int128 {
    let (q, r) = Int128(v).quotientAndRemainder(dividingBy: 100)
    return r.magnitude * 2 >= 100 ? (v < 0 ? q - 1 : q + 1) : q
  }

  /// `explain`: how a project's score and grade come about, step by step.
  func explain(_ target: Operand, _ clauses: Clauses) throws(EvaluationError) -> ScoreExplanation {
    let row = try resolveProject(target, clauses)
    let c = card(row, indicatorIndex())
    return Explanation(card: c, rules: rules, rulesLabel: rulesLabel, edited: editedFields(row)).result
  }

  /// `check`: every figure a report states, recomputed from its own rows.
  func check(_ clauses: Clauses, unit: String? = nil) throws(EvaluationError) -> CheckResult {
    if let scope = clauses.years { try checkYears(scope) }
    let years = effectiveYears(clauses)
    let index = indicatorIndex()
    var groups: [ProjectKey: [Int]] = [:]
    var order: [ProjectKey] = []
    let t = store.projects
    let (yearColumn, unitColumn, units) = (t.year, t.unit, t.units)
    for r in 0..<t.count where years?.contains(Int(yearColumn[r])) ?? true {
      if let unit, units[unitColumn[r]] != unit { continue }
      let key = ProjectKey(year: Int(yearColumn[r]), unit: units[unitColumn[r]], seq: 0)
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(r)
    }
    for d in store.departments where years?.contains(d.year) ?? true {
      if let unit, d.unit != unit { continue }
      let key = ProjectKey(year: d.year, unit: d.unit, seq: 0)
      if groups[key] == nil {
        order.append(key)
        groups[key] = []
      }
    }
    order.sort { ($0.year, $0.unit) < ($1.year, $1.unit) }
    var findings: [Finding] = []
    for key in order {
      let rows = groups[key] ?? []
      let input = AuditInput(
        year: key.year, unit: key.unit,
        department: store.departments.first { $0.year == key.year && $0.unit == key.unit },
        projects: rows.map { t[$0] }, cards: rows.map { card($0, index) },
        funds: store.funds.filter { $0.year == key.year && $0.unit == key.unit }, rules: rules,
        report: store.reports.first { $0.year == key.year && $0.unit == key.unit },
        forms: store.forms.filter { $0.project.year == key.year && $0.project.unit == key.unit })
      findings += RuleBook.audit(input)
    }
    let one = order.count == 1 ? order.first : nil
    return CheckResult(findings: findings, year: one?.year, unit: one?.unit, several: order.count > 1, rules: rulesLabel)
  }

  /// `compare rules A B`: every selected project's score and grade under each rule set,
  /// the projects whose grade differs marked, and the rules that differ listed.
  func compareRules(_ first: (RuleSet, String), _ second: (RuleSet, String), _ clauses: Clauses) throws(EvaluationError) -> ResultTable {
    let (a, aName) = first
    let (b, bName) = second
    let (rows, notes) = try selectedRows(clauses)
    func under(_ r: RuleSet) -> Snapshot {
      Snapshot(
        store: store, rules: r, baseRules: r, edits: edits, indicatorEdits: indicatorEdits, scope: scope, interrupted: interrupted,
        recomputeCache: RecomputeCache(), dataVersion: dataVersion, ruleLibrary: session.ruleLibrary)
    }
    let one = under(a)
    let two = under(b)
    let t = store.projects
    let several = Set(rows.map { Int64(t.year[$0]) << 32 | Int64(t.unit[$0]) }).count > 1
    var columns: [ResultTable.Column] = several ? [.init("year", numeric: true), .init("unit", numeric: false)] : []
    columns += [
      .init("seq", numeric: true), .init("name", numeric: false), .init("score \(aName)", numeric: true),
      .init("grade \(aName)", numeric: false), .init("score \(bName)", numeric: true), .init("grade \(bName)", numeric: false),
    ]
    var table = ResultTable(columns: columns, rows: [])
    var moved = 0
    for r in rows {
      try checkInterrupt()
      let g1 = one.value(.newGrade, r)
      let g2 = two.value(.newGrade, r)
      var cells: [Value] = several ? [.integer(Int(t.year[r])), .text(t.units[t.unit[r]])] : []
      cells += [.integer(Int(t.seq[r])), .text(t.names[t.name[r]]), one.value(.newScore, r), g1, two.value(.newScore, r), g2]
      if g1 != g2 {
        moved += 1
        table.marked.insert(table.rows.count)
      }
      table.rows.append(cells)
    }
    table.notes = notes + ["\(moved) of \(rows.count) project\(rows.count == 1 ? "" : "s") change\(moved == 1 ? "s" : "") grade from \(aName) to \(bName)"]
    let differences = zip(Engine.ruleRows(a, name: aName), Engine.ruleRows(b, name: bName)).dropFirst().filter { $0.0.1 != $0.1.1 }
    table.notes.append(
      differences.isEmpty
        ? "the two rule sets give the same bands, weights, formulas and tiers"
        : "rules that differ: " + differences.map { "\($0.0.0) \($0.0.1) · \($0.1.1)" }.joined(separator: "; "))
    return table
  }

  /// After a `set`: how many grades the change itself moves (under the named set, then
  /// under the rules in force), apart from those the report already disagreed with.
  func ruleChangeEffect(_ rows: [Int]) -> String {
    let before = Snapshot(
      store: store, rules: baseRules, baseRules: baseRules, edits: edits, indicatorEdits: indicatorEdits, scope: scope, interrupted: interrupted,
      recomputeCache: RecomputeCache(), dataVersion: dataVersion, ruleLibrary: session.ruleLibrary
    ).recomputedColumns().grade
    let after = recomputedColumns().grade
    let recorded = store.projects.grade
    let moved = rows.filter { before[$0] != after[$0] }.count
    let already = rows.filter { recorded[$0] != ProjectTable.missingCode && before[$0] != ProjectTable.missingCode && recorded[$0] != before[$0] }.count
    return "the change from \(baseRules.name) moves \(moved) grade\(moved == 1 ? "" : "s"); under \(baseRules.name) itself \(already) recorded grade\(already == 1 ? " differs" : "s differ") already"
  }
}
