import DataStore
import QuerySyntax
import Scoring

/// `projects` and the aggregates, on the plan and operators: selection (Filter), then
/// either projection and sort, or grouping, having, sort and limit.
extension Engine {
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

  /// A cell of a value computed at a position: amounts, scores and percentages as their
  /// type shows them; stored fields as they are stored.
  static func cell(_ e: BoundExpression, _ s: Scalar) -> Value {
    switch s {
    case .missing: return .missing
    case .text(let t): return .text(t)
    case .grade(let g): return .grade(g)
    case .fund(let f): return .fund(f)
    case .number(let x):
      if case .field(let f) = e {
        switch f {
        case .year, .seq: return ValueType.integer.value(x)
        case .budget, .initial, .spent: return ValueType.money.value(x)
        case .score, .newScore:
          if let v = x.exactTenThousandths { return .score(v) }
          return .number(x, places: 2)
        case .ratePoints: return .number(x, places: 2)
        default: break
        }
      }
      return e.type.value(x)
    }
  }

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
    let evaluator = ExpressionEvaluator(count: rows.count) { cols.vector($0, rows: rows) }
    var cells = [[Value]](repeating: [], count: rows.count)
    for item in items {
      if case .field(let f) = item.expression, !f.isRecomputed {
        for (i, r) in rows.enumerated() { cells[i].append(value(f, r)) }
        continue
      }
      let v = evaluator.evaluate(item.expression)
      for i in rows.indices { cells[i].append(Engine.cell(item.expression, v.scalar(i))) }
    }
    var table = ResultTable(columns: items.map { ResultTable.Column($0.title, numeric: $0.expression.type.isNumeric) }, rows: cells)
    for (i, r) in rows.enumerated() {
      for (c, item) in items.enumerated() {
        let read = item.expression.fields
        let touched = read.contains { f in
          edits[EditKey(row: r, field: f)] != nil || (f == .rate && (edits[EditKey(row: r, field: .spent)] != nil || edits[EditKey(row: r, field: .budget)] != nil))
        }
        if touched { table.edited.insert(.init(row: i, column: c)) }
      }
    }
    if !table.edited.isEmpty { table.notes.append("* edited for this session (reset data undoes it)") }
    table.notes += notes + binder.notes
    table.notes += gradeNotes(reading: items.flatMap(\.expression.fields) + sortKeys.flatMap(\.0.fields), clauses)
    return table
  }

  /// `count`, `sum`, `avg`, `min`, `max`, `pct` and `distinct`, optionally `by` keys,
  /// with `having`, `sort by` and `limit` on the groups; missing values are skipped.
  func aggregate(_ aggregates: [Aggregate], _ clauses: Clauses) throws(EvaluationError) -> ResultTable {
    if clauses.show != nil || clauses.showAll {
      throw EvaluationError(range: nil, message: "show lists fields of projects; an aggregate has its own columns", suggestion: "drop the show clause")
    }
    let plan = try AggregatePlan(aggregates, clauses)
    let (set, notes) = try selection(clauses)
    let cols = columns
    let n = store.projects.count
    let evaluator = ExpressionEvaluator(count: n) { cols.vector($0, rows: nil) }
    let keys = plan.keys.map { key in
      if key.cuts == nil, case .field(let f) = key.expression, let direct = GroupColumn(field: f, table: store.projects) { return direct }
      return GroupColumn(evaluator.evaluate(key.expression), cuts: key.cuts)
    }
    let targets = plan.targets.map { t in
      AggregateTarget(
        function: t.aggregate.function, argument: t.argument.map(evaluator.evaluate),
        weight: t.weight.map(evaluator.evaluate), distinct: t.aggregate.distinct,
        type: t.argument.map { $0.type == .untyped ? .number : $0.type } ?? .integer,
        display: { [argument = t.argument] s in argument.map { Engine.cell($0, s) } ?? .missing })
    }
    try checkInterrupt()
    let needsBase = keys.isEmpty && plan.targets.contains { $0.aggregate.function == .pct }
    var op = AggregateOperator(
      rowCount: n, selection: set, keys: keys, targets: targets, shareBase: needsBase ? try yearSet(clauses) : nil)
    op.interrupted = interrupted
    let result = try op.run()

    // The grouped result as slots: keys, then aggregates.
    var slots: [Vector] = []
    for (k, key) in plan.keys.enumerated() { slots.append(Vector.of(result.keys[k], key.resultType)) }
    for (t, target) in plan.targets.enumerated() { slots.append(Vector.of(result.scalars[t], target.resultType)) }
    var groups = Array(0..<result.groupCount)
    var groupEvaluator = ExpressionEvaluator(count: result.groupCount) { _ in .constant(.missing, count: result.groupCount) }
    groupEvaluator.slots = slots
    if let having = plan.having {
      groups = ConditionEvaluator(evaluator: groupEvaluator).truth(having).true.rows
    }
    if !plan.sort.isEmpty {
      let keys = plan.sort.map { (groupEvaluator.evaluate($0.expression).gathered(groups), $0.descending) }
      groups = SortOperator.order(count: groups.count, keys: keys, limit: plan.limit).map { groups[$0] }
    } else if let limit = plan.limit, groups.count > limit {
      groups.removeLast(groups.count - limit)
    }

    var columns = plan.keys.map { ResultTable.Column($0.title, numeric: $0.resultType.isNumeric) }
    let visible = plan.targets.indices.filter { plan.targets[$0].visible }
    columns += visible.map { ResultTable.Column(plan.targets[$0].aggregate.title, numeric: true) }
    let rows: [[Value]] = groups.map { g in
      plan.keys.enumerated().map { k, key in
        key.cuts == nil ? Engine.cell(key.expression, result.keys[k][g]) : result.keys[k][g] == .missing ? .missing : Engine.cell(.constant(.missing, .text), result.keys[k][g])
      } + visible.map { result.cells[$0][g] }
    }
    var table = ResultTable(columns: columns, rows: rows)
    table.notes = notes + plan.notes
    let read = plan.keys.flatMap(\.expression.fields) + plan.targets.flatMap { ($0.argument?.fields ?? []) + ($0.weight?.fields ?? []) }
    table.notes += gradeNotes(reading: read, clauses)
    table.showsRowCount = !plan.keys.isEmpty
    return table
  }

  /// A word when a statement reads the recorded grade (or score) while the rules or the
  /// data have changed since the report graded its projects.
  func gradeNotes(reading fields: [Field], _ clauses: Clauses) -> [String] {
    guard gradesMayDiffer else { return [] }
    var read = Set(fields)
    if let filter = clauses.filter { read.formUnion(Engine.fieldsNamed(in: filter)) }
    guard read.contains(.grade) else { return [] }
    return ["grade is the grade the report records; new_grade is the grade under \(rulesLabel) and the edits in force"]
  }

  /// The fields a condition names, for notes.
  static func fieldsNamed(in e: Expression) -> Set<Field> {
    func operand(_ o: Operand) -> Set<Field> {
      switch o {
      case .word(let n): Field(named: n.text).map { [$0] } ?? []
      case .number, .quoted: []
      case .arithmetic(_, let a, let b, _): operand(a).union(operand(b))
      case .negate(let a, _): operand(a)
      case .aggregate(let a): (a.argument.map(operand) ?? []).union(a.weight.map(operand) ?? [])
      }
    }
    var out: Set<Field> = []
    var stack = [e]
    while let x = stack.popLast() {
      switch x {
      case .compare(let a, _, let b), .contains(let a, let b): out.formUnion(operand(a).union(operand(b)))
      case .isMissing(let a, _): out.formUnion(operand(a))
      case .and(let a, let b), .or(let a, let b): stack += [a, b]
      case .not(let a, _): stack.append(a)
      }
    }
    return out
  }
}

extension Fraction {
  /// The value in ten-thousandths when it has at most four decimals.
  var exactTenThousandths: Int64? {
    let scaled = self * Fraction(Int128(DecimalText.scale))
    guard scaled.denominator == 1, let v = Int64(exactly: scaled.numerator), v != Int64.min else { return nil }
    return v
  }
}
