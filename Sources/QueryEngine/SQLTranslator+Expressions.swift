import QuerySyntax
import Scoring

/// Bound values and conditions as SQL text.
extension SQLTranslator {
  // MARK: - Values

  mutating func value(_ e: BoundExpression) throws(EvaluationError) -> String {
    switch e {
    case .field(let f):
      switch f {
      case .rate: return "(spent / NULLIF(budget, 0))"
      case .newScore, .newGrade:
        try needRecomputed()
        return f.rawValue
      default: return f.rawValue
      }
    case .constant(let scalar, _):
      switch scalar {
      case .missing: return "NULL"
      case .number(let x): return x < Fraction.zero ? "(\(SQLTranslator.literal(x)))" : SQLTranslator.literal(x)
      case .text(let s): return SQLTranslator.quote(s)
      case .grade(let g): return SQLTranslator.quote(g.description)
      case .fund(let f): return SQLTranslator.quote(f.description)
      }
    case .arithmetic(let op, let a, let b, _):
      let x = try value(a)
      let y = try value(b)
      // A division by zero is missing in jixiao, NULL here (DuckDB would give inf).
      return op == .divide ? "(\(x) / NULLIF(\(y), 0))" : "(\(x) \(op.rawValue) \(y))"
    case .negate(let inner):
      return "(-\(try value(inner)))"
    case .slot(let i, _):
      return slotSQL[i]
    }
  }

  /// A number as an exact SQL literal: 0.9, 228.764, 1000.
  static func literal(_ x: Fraction) -> String {
    let d = x.denominator
    var pow: Int128 = 1
    var places = 0
    while pow % d != 0, places < 30 {
      pow *= 10
      places += 1
    }
    guard pow % d == 0 else { return "(CAST(\(x.numerator) AS DOUBLE) / \(d))" }
    let scaled = x.numerator * (pow / d)
    let negative = scaled < 0
    let digits = String(scaled.magnitude)
    guard places > 0 else { return (negative ? "-" : "") + digits }
    let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
    let cut = padded.index(padded.endIndex, offsetBy: -places)
    return (negative ? "-" : "") + padded[..<cut] + "." + padded[cut...]
  }

  /// Text as a SQL string literal.
  static func quote(_ s: String) -> String { "'" + s.replacing("'", with: "''") + "'" }

  /// A column name as a quoted identifier.
  static func identifier(_ s: String) -> String { "\"" + s.replacing("\"", with: "\"\"") + "\"" }

  /// Grades ordered by merit: 差 1, 中 2, 良 3, 优 4.
  static func gradeRank(_ sql: String) -> String {
    "CASE \(sql) " + [Grade.poor, .fair, .good, .excellent].enumerated().map { "WHEN '\($1)' THEN \($0 + 1)" }.joined(separator: " ") + " END"
  }

  /// Budget books in jixiao's order.
  static func fundRank(_ sql: String) -> String {
    "CASE \(sql) " + Fund.allCases.enumerated().map { "WHEN '\($1)' THEN \($0 + 1)" }.joined(separator: " ") + " END"
  }

  // MARK: - Conditions

  mutating func condition(_ c: BoundCondition) throws(EvaluationError) -> String {
    switch c {
    case .and(let parts), .or(let parts):
      let isAnd: Bool
      if case .and = c { isAnd = true } else { isAnd = false }
      var texts: [String] = []
      for p in parts { texts.append(try condition(p)) }
      return texts.count == 1 ? texts[0] : "(" + texts.joined(separator: isAnd ? " AND " : " OR ") + ")"
    case .not(let inner):
      return "(NOT \(try condition(inner)))"
    case .isMissing(let e, let negated):
      return "\(try value(e)) IS \(negated ? "NOT " : "")NULL"
    case .contains(let e, let needle):
      return "position(\(SQLTranslator.quote(needle)) IN lower(\(try value(e)))) > 0"
    case .compare(let a, let op, let b):
      return try compare(a, op, b)
    }
  }

  static func sqlOperator(_ op: ComparisonOperator) -> String { op == .notEqual ? "<>" : op.rawValue }

  /// `a op b` holds for ranks x op y.
  static func holds(_ x: Int, _ op: ComparisonOperator, _ y: Int) -> Bool {
    switch op {
    case .equal: x == y
    case .notEqual: x != y
    case .less: x < y
    case .lessOrEqual: x <= y
    case .greater: x > y
    case .greaterOrEqual: x >= y
    }
  }

  /// The comparison with its operands swapped: `a < b` is `b > a`.
  static func flipped(_ op: ComparisonOperator) -> ComparisonOperator {
    switch op {
    case .equal, .notEqual: op
    case .less: .greater
    case .lessOrEqual: .greaterOrEqual
    case .greater: .less
    case .greaterOrEqual: .lessOrEqual
    }
  }

  mutating func compare(_ a: BoundExpression, _ op: ComparisonOperator, _ b: BoundExpression) throws(EvaluationError) -> String {
    if a.type == .grade || b.type == .grade {
      // A grade against a constant: the grades that satisfy it, by merit.
      func rank(_ g: Grade) -> Int { 4 - Int(g.rawValue) }
      if case .constant(.grade(let g), _) = b { return try gradeSet(a, { h in SQLTranslator.holds(rank(h), op, rank(g)) }) }
      if case .constant(.grade(let g), _) = a { return try gradeSet(b, { h in SQLTranslator.holds(rank(g), op, rank(h)) }) }
      return "\(SQLTranslator.gradeRank(try value(a))) \(SQLTranslator.sqlOperator(op)) \(SQLTranslator.gradeRank(try value(b)))"
    }
    if let exact = try ratioComparison(a, op, b) { return exact }
    return "\(try value(a)) \(SQLTranslator.sqlOperator(op)) \(try value(b))"
  }

  /// `e IN (the grades that pass)`; NULL where `e` is missing, as jixiao's unknown.
  mutating func gradeSet(_ e: BoundExpression, _ passes: (Grade) -> Bool) throws(EvaluationError) -> String {
    let v = try value(e)
    let grades = Grade.allCases.filter(passes)
    if grades.isEmpty { return "\(v) <> \(v)" }
    if grades.count == 1 { return "\(v) = '\(grades[0])'" }
    return "\(v) IN (" + grades.map { "'\($0)'" }.joined(separator: ", ") + ")"
  }

  /// A side of a comparison that is a ratio, as numerator and denominator.
  static func ratio(_ e: BoundExpression) -> (BoundExpression, BoundExpression)? {
    switch e {
    case .field(.rate): return (.field(.spent), .field(.budget))
    case .arithmetic(.divide, let x, let y, _) where !hasDivision(x) && !hasDivision(y): return (x, y)
    default: return nil
    }
  }

  static func hasDivision(_ e: BoundExpression) -> Bool {
    switch e {
    case .field(let f): f == .rate
    case .constant, .slot: false
    case .arithmetic(let op, let x, let y, _): op == .divide || hasDivision(x) || hasDivision(y)
    case .negate(let x): hasDivision(x)
    }
  }

  /// Stored amounts and scores are never negative, so a division by one needs no sign test.
  static func nonNegative(_ e: BoundExpression) -> Bool {
    if case .field(let f) = e { return [.budget, .initial, .spent, .score, .ratePoints, .newScore].contains(f) }
    return false
  }

  /// SQL engines divide decimals in binary floating point (DuckDB gives DOUBLE), so
  /// `spent / budget < 90%` would miss an exact 90 %. A ratio compared with a value
  /// without division is compared by cross-multiplying instead, exactly as jixiao does.
  mutating func ratioComparison(_ a: BoundExpression, _ op: ComparisonOperator, _ b: BoundExpression) throws(EvaluationError) -> String? {
    let left = SQLTranslator.ratio(a)
    let right = SQLTranslator.ratio(b)
    let o = SQLTranslator.sqlOperator(op)
    let f = SQLTranslator.sqlOperator(SQLTranslator.flipped(op))
    switch (left, right) {
    case (let (n, d)?, nil) where !SQLTranslator.hasDivision(b):
      let (nv, dv, r) = (try value(n), try value(d), try value(b))
      if SQLTranslator.nonNegative(d) { return "CASE WHEN \(dv) > 0 THEN \(nv) \(o) \(r) * \(dv) END" }
      return "CASE WHEN \(dv) > 0 THEN \(nv) \(o) \(r) * \(dv) WHEN \(dv) < 0 THEN \(nv) \(f) \(r) * \(dv) END"
    case (nil, let (n, d)?) where !SQLTranslator.hasDivision(a):
      let (nv, dv, l) = (try value(n), try value(d), try value(a))
      if SQLTranslator.nonNegative(d) { return "CASE WHEN \(dv) > 0 THEN \(l) * \(dv) \(o) \(nv) END" }
      return "CASE WHEN \(dv) > 0 THEN \(l) * \(dv) \(o) \(nv) WHEN \(dv) < 0 THEN \(l) * \(dv) \(f) \(nv) END"
    case (let (n1, d1)?, let (n2, d2)?):
      let (a1, b1, a2, b2) = (try value(n1), try value(d1), try value(n2), try value(d2))
      return "CASE WHEN \(b1) * \(b2) > 0 THEN \(a1) * \(b2) \(o) \(a2) * \(b1) WHEN \(b1) * \(b2) < 0 THEN \(a1) * \(b2) \(f) \(a2) * \(b1) END"
    default:
      if SQLTranslator.hasDivision(a) || SQLTranslator.hasDivision(b) {
        notes.append("a ratio inside arithmetic is compared in floating point here; jixiao compares it exactly")
      }
      return nil
    }
  }
}
