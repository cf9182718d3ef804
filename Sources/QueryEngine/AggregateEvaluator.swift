import DataStore
import QuerySyntax
import Scoring

/// The aggregates (`count`, `sum`, `avg`, `min`, `max`, `pct`, `distinct`): a bound plan
/// run through the grouping operator, then having, sort and limit on the groups.
struct AggregateEvaluator: Evaluator {
  let session: Snapshot
}

extension AggregateEvaluator {
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
        display: { [argument = t.argument] s in argument.map { $0.cell(s) } ?? .missing })
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
        key.cuts == nil ? key.expression.cell(result.keys[k][g]) : result.keys[k][g] == .missing ? .missing : BoundExpression.constant(.missing, .text).cell(result.keys[k][g])
      } + visible.map { result.cells[$0][g] }
    }
    var table = ResultTable(columns: columns, rows: rows)
    table.notes = notes + plan.notes
    let read = plan.keys.flatMap(\.expression.fields) + plan.targets.flatMap { ($0.argument?.fields ?? []) + ($0.weight?.fields ?? []) }
    table.notes += gradeNotes(reading: read, clauses)
    table.showsRowCount = !plan.keys.isEmpty
    return table
  }
}
