import DataStore
import QuerySyntax
import Scoring

extension Engine {
  /// `count`, `sum`, `avg`, `min`, `max`, optionally `by` fields; missing values are skipped.
  func aggregate(_ aggregates: [Aggregate], _ clauses: Clauses) throws(EvaluationError) -> ResultTable {
    if clauses.show != nil || clauses.showAll {
      throw EvaluationError(range: nil, message: "show lists fields of projects; an aggregate has its own columns", suggestion: "drop the show clause")
    }
    var targets: [(AggregateFunction, Field?)] = []
    for a in aggregates {
      guard let name = a.field else {
        targets.append((a.function, nil))
        continue
      }
      let f = try field(name)
      switch (a.function, f.kind) {
      case (.sum, .integer), (.avg, .integer), (.sum, .text), (.avg, .text), (.sum, .grade), (.avg, .grade),
        (.sum, .fund), (.avg, .fund), (.sum, .percent):
        throw EvaluationError(
          range: a.range, message: "cannot \(a.function.rawValue) \(f.rawValue): it is not an amount",
          suggestion: "sum and avg take budget, initial, spent or score; count projects by \(f.rawValue) counts them")
      default:
        targets.append((a.function, f))
      }
    }
    var groupFields: [Field] = []
    for name in clauses.groupBy { groupFields.append(try field(name)) }
    var entries: [(key: [Value], cells: [Value])]
    let notes: [String]
    if let fast = try fastAggregate(targets, groupFields, clauses) {
      (entries, notes) = fast
    } else {
      (entries, notes) = try genericAggregate(targets, groupFields, clauses)
    }
    entries.sort { a, b in
      for (x, y) in zip(a.key, b.key) where x != y { return Value.listed(x, y) }
      return false
    }
    if !clauses.sort.isEmpty || clauses.limit != nil {
      // Sorting aggregate output by a group field.
      var keys: [(Int, Bool)] = []
      for key in clauses.sort {
        let f = try field(key.field)
        guard let i = groupFields.firstIndex(of: f) else {
          throw EvaluationError(range: key.field.range, message: "sort by \(f.rawValue): it is not a group field of this aggregate", suggestion: "sort by one of the by fields")
        }
        keys.append((i, key.descending))
      }
      if !keys.isEmpty {
        entries.sort { a, b in
          for (i, desc) in keys where a.key[i] != b.key[i] {
            return desc ? Value.ascending(b.key[i], a.key[i]) : Value.ascending(a.key[i], b.key[i])
          }
          return false
        }
      }
      if let limit = clauses.limit { entries = Array(entries.prefix(limit)) }
    }
    var columns = groupFields.map { ResultTable.Column($0.rawValue, numeric: $0.isNumericColumn) }
    for (function, f) in targets {
      columns.append(.init(f.map { "\(function.rawValue)(\($0.rawValue))" } ?? "count", numeric: true))
    }
    let resultRows: [[Value]] = entries.map { $0.key + $0.cells }
    var table = ResultTable(columns: columns, rows: resultRows)
    table.notes = notes
    table.showsRowCount = !groupFields.isEmpty
    return table
  }
}

extension Engine {
  /// Any aggregate, one `Value` per cell: group keys in a dictionary.
  func genericAggregate(
    _ targets: [(AggregateFunction, Field?)], _ groupFields: [Field], _ clauses: Clauses
  ) throws(EvaluationError) -> (entries: [(key: [Value], cells: [Value])], notes: [String]) {
    let (rows, notes) = try selectedRows(clauses)
    var order: [[Value]] = []
    var groups: [[Value]: [Accumulator]] = [:]
    if groupFields.isEmpty {
      order = [[]]
      groups[[]] = targets.map { _ in Accumulator() }
    }
    for r in rows {
      let key = groupFields.map { value($0, r) }
      if groups[key] == nil {
        groups[key] = targets.map { _ in Accumulator() }
        order.append(key)
      }
      for (i, (_, f)) in targets.enumerated() {
        groups[key]![i].add(f.map { value($0, r) })
      }
    }
    let entries = order.map { key in
      let accumulators = groups[key] ?? []
      return (key: key, cells: zip(targets, accumulators).map { target, acc in acc.result(target.0, target.1) })
    }
    return (entries, notes)
  }
}

/// Running totals for one aggregate in one group.
struct Accumulator {
  var rows = 0
  var present = 0
  var sum: Int128 = 0
  var sumFraction = Fraction.zero
  var least: Value?
  var greatest: Value?

  mutating func add(_ v: Value?) {
    rows += 1
    guard let v else { return }
    switch v {
    case .missing:
      return
    case .money(let m):
      sum += Int128(m.tenThousandths)
    case .score(let s):
      sum += Int128(s)
    case .percent(let f), .number(let f, _), .exact(let f):
      sumFraction = sumFraction + f
    case .integer, .text, .grade, .fund:
      break
    }
    present += 1
    if least == nil || Value.ascending(v, least!) { least = v }
    if greatest == nil || Value.ascending(greatest!, v) { greatest = v }
  }

  func result(_ function: AggregateFunction, _ field: Field?) -> Value {
    switch function {
    case .count:
      return .integer(rows)
    case .min:
      return least ?? .missing
    case .max:
      return greatest ?? .missing
    case .sum, .avg:
      // A sum of nothing known is unknown, not 0.
      guard let field, present > 0 else { return .missing }
      let scaled = Fraction(sum, Int128(DecimalText.scale))
      switch field.kind {
      case .money:
        if function == .sum { return Value.amount(sum) }
        return .number(scaled / Fraction(present), places: 4)
      case .score:
        return function == .sum ? .number(scaled, places: 2) : .number(scaled / Fraction(present), places: 2)
      case .percent:
        return .percent(sumFraction / Fraction(present))
      case .integer, .text, .fund, .grade:
        return .missing
      }
    }
  }
}
