import DataStore
import QuerySyntax
import Scoring

/// Turns a `where` condition into the set of matching project rows.
///
/// A comparison of a stored field with a literal (or with another field) is resolved once
/// and runs as one loop over one column; text tests run once per distinct text, not per
/// row. Any other condition (arithmetic, recomputed fields) is bound and evaluated by the
/// general condition operator; the differential tests hold the two to the same answers.
/// A missing value matches no comparison, not even `!=`, and the comparison is unknown
/// rather than false, so `not (spent > 0)` does not match it either (SQL's rule);
/// `is missing` finds it.
struct Filter {
  let columns: ProjectColumns
  var table: ProjectTable { columns.table }
  /// Things worth telling the user that are not errors (a name that occurs nowhere).
  var notes: [String] = []

  init(columns: ProjectColumns) {
    self.columns = columns
  }

  /// Whether `e` is a comparison the column loops below answer: stored fields and
  /// literals only.
  func isSimple(_ e: Expression) -> Bool {
    func simple(_ o: Operand) -> Bool {
      switch o {
      case .word(let n): Field(named: n.text).map { !$0.isRecomputed } ?? true
      case .number, .quoted: true
      case .arithmetic, .negate, .aggregate: false
      }
    }
    switch e {
    case .compare(let a, _, let b), .contains(let a, let b): return simple(a) && simple(b)
    case .isMissing(let a, _): return simple(a)
    case .and, .or, .not: return true
    }
  }

  /// The rows where a condition outside the column loops is true, and where it is false.
  mutating func general(_ e: Expression) throws(EvaluationError) -> (true: RowSet, false: RowSet) {
    var binder = Binder()
    let bound = try binder.condition(e)
    notes += binder.notes
    let cols = columns
    let evaluator = ExpressionEvaluator(count: cols.table.count) { cols.vector($0, rows: nil) }
    return ConditionEvaluator(evaluator: evaluator).truth(bound)
  }

  enum Side {
    case field(Field, Name)
    case literal(Operand)
  }

  func resolve(_ operand: Operand) -> Side {
    if case .word(let n) = operand, let f = Field(named: n.text) { return .field(f, n) }
    return .literal(operand)
  }

  mutating func rows(_ expression: Expression) throws(EvaluationError) -> RowSet {
    if !isSimple(expression) { return try general(expression).true }
    switch expression {
    case .and, .or:
      // A long generated chain is flattened and walked left to right, not recursed into.
      let (isAnd, parts) = Filter.chain(expression)
      var set = try rows(parts[0])
      for part in parts.dropFirst() {
        if isAnd { set.formIntersection(try rows(part)) } else { set.formUnion(try rows(part)) }
      }
      return set
    case .not(let inner, _):
      return try truth(inner).false
    case .isMissing(let operand, let negated):
      guard case .field(let f, _) = resolve(operand) else { throw notAField(operand) }
      return RowSet(count: table.count) { [table] r in Filter.isMissing(table, f, r) != negated }
    case .contains(let left, let right):
      guard case .field(let f, let name) = resolve(left) else { throw notAField(left) }
      guard case .literal(let lit) = resolve(right) else {
        throw EvaluationError(range: right.range, message: "contains takes text, not a field", suggestion: "quote it: '\(right.text)'")
      }
      return try contains(f, name, lit.text)
    case .compare(let left, let op, let right):
      switch (resolve(left), resolve(right)) {
      case (.field(let f, let n), .literal(let lit)):
        let set = try compare(f, n, op, lit)
        if op == .equal, set.cardinality == 0, let note = nearMiss(f, lit.text) { notes.append(note) }
        return set
      case (.literal(let lit), .field(let f, let n)):
        return try compare(f, n, op.flipped, lit)
      case (.field(let a, let an), .field(let b, let bn)):
        return try compareFields(a, an, op, b, bn)
      case (.literal, .literal):
        throw notAField(left)
      }
    }
  }

  /// The rows where `e` is true and those where it is false; the others are unknown
  /// because a value it compares is missing.
  mutating func truth(_ e: Expression) throws(EvaluationError) -> (true: RowSet, false: RowSet) {
    if !isSimple(e) { return try general(e) }
    switch e {
    case .not(let inner, _):
      let (t, f) = try truth(inner)
      return (f, t)
    case .and, .or:
      let (isAnd, parts) = Filter.chain(e)
      var result = try truth(parts[0])
      for part in parts.dropFirst() { result = RowSet.combine(result, try truth(part), and: isAnd) }
      return result
    case .compare, .contains, .isMissing:
      let t = try rows(e)
      var f = t
      f.invert()
      var fields: [Field] = []
      switch e {
      case .compare(let a, _, let b):
        for side in [resolve(a), resolve(b)] { if case .field(let x, _) = side { fields.append(x) } }
      case .contains(let a, _):
        if case .field(let x, _) = resolve(a) { fields.append(x) }
      default:
        break
      }
      if !fields.isEmpty {
        f.formIntersection(RowSet(count: table.count) { [table] r in !fields.contains { Filter.isMissing(table, $0, r) } })
      }
      return (t, f)
    }
  }

  /// The operands of an `and` chain (or an `or` chain), left to right, found without
  /// recursion so thousands of conditions cannot exhaust the stack.
  static func chain(_ e: Expression) -> (isAnd: Bool, parts: [Expression]) {
    let isAnd: Bool
    if case .and = e { isAnd = true } else { isAnd = false }
    var stack = [e]
    var parts: [Expression] = []
    while let x = stack.popLast() {
      switch x {
      case .and(let a, let b) where isAnd, .or(let a, let b) where !isAnd:
        stack.append(b)
        stack.append(a)
      default:
        parts.append(x)
      }
    }
    return (isAnd, parts)
  }

  func notAField(_ operand: Operand) -> EvaluationError {
    switch operand {
    case .word(let n):
      return EvaluationError.unknownField(n)
    case .number(let n), .quoted(let n):
      return EvaluationError(range: n.range, message: "'\(n.text)' is a value; a condition starts with a field", suggestion: "for example: grade = 良")
    case .arithmetic, .negate, .aggregate:
      return EvaluationError(range: operand.range, message: "'\(operand.text)' is not a field")
    }
  }

  static func isMissing(_ t: ProjectTable, _ f: Field, _ r: Int) -> Bool {
    switch f {
    case .year, .seq, .unit, .name: false
    case .fund: t.fund[r] == ProjectTable.missingCode
    case .budget: t.budget[r] == ProjectTable.missing
    case .initial: t.initial[r] == ProjectTable.missing
    case .spent: t.spent[r] == ProjectTable.missing
    case .score: t.score[r] == ProjectTable.missing
    case .ratePoints: t.ratePoints[r] == ProjectTable.missing
    case .grade: t.grade[r] == ProjectTable.missingCode
    case .rate: t.spent[r] == ProjectTable.missing || t.budget[r] == ProjectTable.missing || t.budget[r] == 0
    case .newScore, .newGrade: false  // answered by the general operator
    }
  }

  /// The column holding a fixed-point field.
  static func fixedColumn(_ t: ProjectTable, _ f: Field) -> [Int64]? {
    switch f {
    case .budget: t.budget
    case .initial: t.initial
    case .spent: t.spent
    case .score: t.score
    case .ratePoints: t.ratePoints
    case .year, .seq, .unit, .name, .fund, .rate, .grade, .newScore, .newGrade: nil
    }
  }

  func compare(_ f: Field, _ name: Name, _ op: ComparisonOperator, _ lit: Operand) throws(EvaluationError) -> RowSet {
    let n = table.count
    switch f.kind {
    case .integer:
      guard let v = Int(lit.text) else {
        throw EvaluationError(range: lit.range, message: "\(f.rawValue) is a whole number; '\(lit.text)' is not", suggestion: f == .year ? "for example: year = 2023" : "for example: seq = 3")
      }
      let column = f == .year ? table.year : table.seq
      guard let (range, negated) = RowSet.range(op, Int64(v)) else { return RowSet(count: n, filled: false) }
      return RowSet(count: n, values: column, in: range, negated: negated)
    case .money, .score:
      let parsed = DecimalText.parse(lit.text.replacing("万元", with: ""))
      if case .failure(.tooManyDecimals) = parsed {
        throw EvaluationError(range: lit.range, message: "'\(lit.text)' has more than 4 decimals; amounts and scores keep 4")
      }
      guard case .success(let v) = parsed else {
        throw EvaluationError(range: lit.range, message: "\(f.rawValue) is a number; '\(lit.text)' is not", suggestion: "for example: \(f.rawValue) > 50")
      }
      let column = Filter.fixedColumn(table, f) ?? []
      guard let (range, negated) = RowSet.range(op, v) else { return RowSet(count: n, filled: false) }
      return RowSet(count: n, values: column, in: range, negated: negated)
    case .percent:
      var text = lit.text
      if text.hasSuffix("%") { text.removeLast() }
      guard case .success(let v) = DecimalText.parse(text) else {
        throw EvaluationError(range: lit.range, message: "rate is a percentage; '\(lit.text)' is not a number", suggestion: "for example: rate < 90 (percent)")
      }
      // spent / budget  op  v / 100   ⇔   spent × 100 × scale  op  v × budget  (budget > 0)
      let budget = table.budget
      let spent = table.spent
      return RowSet(count: n) { r in
        let b = budget[r]
        let s = spent[r]
        guard b != ProjectTable.missing, s != ProjectTable.missing, b > 0 else { return false }
        return op.holds(Int128(s) * 100 * Int128(DecimalText.scale), Int128(v) * Int128(b))
      }
    case .grade:
      guard let g = Grade(lit.text) else {
        throw EvaluationError(range: lit.range, message: "'\(lit.text)' is not a grade", suggestion: "valid grades: \(Grade.validSpellings)")
      }
      // Better grades compare greater: 优 > 良 > 中 > 差.
      let target = Int64(3 - Int(g.rawValue))
      let accepted = Grade.allCases.map(\.rawValue).filter { op.holds(Int64(3 - Int($0)), target) }
      return RowSet(count: n, codes: table.grade, oneOf: accepted)
    case .fund:
      guard let fund = Fund(lit.text) else {
        throw EvaluationError(range: lit.range, message: "'\(lit.text)' is not a budget book", suggestion: "valid: " + Fund.allCases.map(\.description).joined(separator: ", "))
      }
      guard op == .equal || op == .notEqual else {
        throw EvaluationError(range: name.range, message: "fund can only be compared with = or !=")
      }
      let accepted = Fund.allCases.filter { ($0 == fund) == (op == .equal) }.map(\.rawValue)
      return RowSet(count: n, codes: table.fund, oneOf: accepted)
    case .text:
      let dictionary = f == .unit ? table.units : table.names
      let codes = f == .unit ? table.unit : table.name
      // Decide per distinct text, then scan codes.
      let verdict = dictionary.values.map { op.holds($0, lit.text) ? UInt8(1) : 0 }
      return RowSet(count: n, codes: codes, accept: verdict)
    }
  }

  /// For `name = X` that matches nothing, the close names the user may have meant.
  func nearMiss(_ f: Field, _ text: String) -> String? {
    guard f == .name || f == .unit else { return nil }
    let dictionary = f == .unit ? table.units : table.names
    guard dictionary.existingCode(for: text) == nil else { return nil }
    let close = Suggestions.closest(to: text, in: dictionary.values)
    // The texts `contains` would find, by the search it runs.
    let containing = Array(zip(dictionary.values, TextSearch.matching(text, in: dictionary)).lazy.filter(\.1).map(\.0).prefix(3))
    if let hint = close.first ?? containing.first {
      return "no \(f.rawValue) is exactly '\(text)'; did you mean '\(hint)'" + (containing.isEmpty ? "?" : ", or \(f.rawValue) contains \(text)?")
    }
    return "no \(f.rawValue) is exactly '\(text)'"
  }

  func contains(_ f: Field, _ name: Name, _ text: String) throws(EvaluationError) -> RowSet {
    let dictionary: TextDictionary
    let codes: [UInt32]
    switch f {
    case .unit:
      dictionary = table.units
      codes = table.unit
    case .name:
      dictionary = table.names
      codes = table.name
    case .fund:
      let column = table.fund
      let matching = Set(Fund.allCases.filter { $0.description.contains(text) }.map(\.rawValue))
      return RowSet(count: table.count) { r in matching.contains(column[r]) }
    case .year, .seq, .budget, .initial, .spent, .rate, .score, .grade, .ratePoints, .newScore, .newGrade:
      throw EvaluationError(range: name.range, message: "contains works on text fields (name, unit, fund); \(f.rawValue) is not text", suggestion: "compare numbers with = < > instead")
    }
    let verdict = TextSearch.matching(text, in: dictionary).map { $0 ? UInt8(1) : 0 }
    return RowSet(count: table.count, codes: codes, accept: verdict)
  }

  func compareFields(_ a: Field, _ an: Name, _ op: ComparisonOperator, _ b: Field, _ bn: Name) throws(EvaluationError) -> RowSet {
    let n = table.count
    if let x = Filter.fixedColumn(table, a), let y = Filter.fixedColumn(table, b), a.kind == b.kind {
      return RowSet(count: n) { r in x[r] != ProjectTable.missing && y[r] != ProjectTable.missing && op.holds(x[r], y[r]) }
    }
    if a.kind == .integer, b.kind == .integer {
      let x = a == .year ? table.year : table.seq
      let y = b == .year ? table.year : table.seq
      return RowSet(count: n) { r in op.holds(x[r], y[r]) }
    }
    throw EvaluationError(
      range: an.range.union(bn.range),
      message: "cannot compare \(a.rawValue) with \(b.rawValue): they hold different kinds of values",
      suggestion: "quote '\(bn.text)' if you mean the text")
  }
}

extension ComparisonOperator {
  /// The operator with its sides swapped: `5 < budget` is `budget > 5`.
  var flipped: ComparisonOperator {
    switch self {
    case .equal: .equal
    case .notEqual: .notEqual
    case .less: .greater
    case .lessOrEqual: .greaterOrEqual
    case .greater: .less
    case .greaterOrEqual: .lessOrEqual
    }
  }

  @inline(__always)
  func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
    switch self {
    case .equal: a == b
    case .notEqual: a != b
    case .less: a < b
    case .lessOrEqual: a <= b
    case .greater: a > b
    case .greaterOrEqual: a >= b
    }
  }
}
