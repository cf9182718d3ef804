import QuerySyntax
import Scoring

/// Checks value expressions and conditions against the fields and gives them types.
///
/// A bare word is a field when it names one, otherwise text. In `having` and in the
/// `sort by` of an aggregate, `slots` first resolves words and aggregates to the columns
/// of the grouped result. Numbers written without a unit take the type of what they
/// meet: `budget > 50` is 50 万元, `rate < 90` is 90 %.
struct Binder {
  /// Resolves an operand to a column of a grouped result, or nil to bind it as usual.
  var slots: ((Operand) throws(EvaluationError) -> BoundExpression?)?
  /// Things worth telling the user that are not errors.
  var notes: [String] = []

  init(slots: ((Operand) throws(EvaluationError) -> BoundExpression?)? = nil) {
    self.slots = slots
  }

  // MARK: - Values

  mutating func value(_ operand: Operand) throws(EvaluationError) -> BoundExpression {
    if let slots, let slot = try slots(operand) { return slot }
    switch operand {
    case .word(let n):
      if let f = Field(named: n.text) { return .field(f) }
      return .constant(.text(n.text), .text)
    case .quoted(let n):
      return .constant(.text(n.text), .text)
    case .number(let n):
      return .constant(.number(try Binder.number(n)), n.text.hasSuffix("%") ? .percent : .untyped)
    case .negate(let inner, let range):
      let e = try numeric(inner)
      guard e.type != .text else { throw EvaluationError(range: range, message: "'\(inner.text)' is not a number") }
      return .negate(e)
    case .arithmetic(let op, let a, let b, let range):
      let left = try numeric(a)
      let right = try numeric(b)
      return try Binder.arithmetic(op, left, right, range: range, texts: (a.text, b.text))
    case .aggregate(let a):
      throw EvaluationError(
        range: a.range, message: "\(a.text) is an aggregate; it belongs in having or sort by of a count or sum statement",
        suggestion: "for example: count by name having count > 1")
    }
  }

  /// A value that arithmetic can use: a word must name a field.
  mutating func numeric(_ operand: Operand) throws(EvaluationError) -> BoundExpression {
    let e = try value(operand)
    if case .constant(.text, _) = e {
      if case .word(let n) = operand { throw EvaluationError.unknownField(n) }
      throw EvaluationError(range: operand.range, message: "'\(operand.text)' is text; arithmetic needs numbers")
    }
    guard e.type.isNumeric else {
      throw EvaluationError(range: operand.range, message: "'\(operand.text)' is \(e.type.noun); arithmetic needs numbers")
    }
    return e
  }

  /// A number literal: `90%` is the ratio 0.9; every other number is read exactly, with
  /// at most four decimals (the precision of every amount and score).
  static func number(_ n: Name) throws(EvaluationError) -> Fraction {
    var text = n.text
    let percent = text.hasSuffix("%")
    if percent { text.removeLast() }
    switch DecimalText.parse(text) {
    case .success(let v):
      let x = Fraction(tenThousandths: v)
      return percent ? x / Fraction.hundred : x
    case .failure(.tooManyDecimals):
      throw EvaluationError(range: n.range, message: "'\(n.text)' has more than 4 decimals; amounts and scores keep 4")
    case .failure:
      throw EvaluationError(range: n.range, message: "'\(n.text)' is too large a number", suggestion: "numbers go up to 1,000,000,000,000")
    }
  }

  /// The type of `a op b`, with unit-less numbers adopting the other side's type for
  /// `+` and `-`: money ± money is money, money ÷ money a percentage, money × number money.
  static func arithmetic(
    _ op: ArithmeticOperator, _ a: BoundExpression, _ b: BoundExpression, range: SourceRange, texts: (String, String)
  ) throws(EvaluationError) -> BoundExpression {
    var a = a
    var b = b
    func refuse() -> EvaluationError {
      let verb = ["+": "add", "-": "subtract", "*": "multiply", "/": "divide"][op.rawValue] ?? op.rawValue
      return EvaluationError(
        range: range, message: "cannot \(verb) \(a.type.noun) and \(b.type.noun) ('\(texts.0)' \(op.rawValue) '\(texts.1)')",
        suggestion: "amounts add to amounts; an amount divided by an amount is a percentage")
    }
    let type: ValueType
    switch op {
    case .add, .subtract:
      if a.type == .untyped { a = coerce(a, to: b.type) }
      if b.type == .untyped { b = coerce(b, to: a.type) }
      switch (a.type, b.type) {
      case let (x, y) where x == y: type = x
      case (.integer, .number), (.number, .integer): type = .number
      default: throw refuse()
      }
    case .multiply:
      let (x, y) = (plain(a.type), plain(b.type))
      let scalars: Set<ValueType> = [.integer, .number]
      let measures: Set<ValueType> = [.money, .score]
      if scalars.contains(x), scalars.contains(y) {
        type = a.type == .untyped && b.type == .untyped ? .untyped : (x == .integer && y == .integer ? .integer : .number)
      } else if (measures.contains(x) || x == .percent), scalars.contains(y) || y == .percent {
        type = measures.contains(x) ? x : (y == .percent ? .percent : x)
      } else if scalars.contains(x) || x == .percent, measures.contains(y) {
        type = y
      } else {
        throw refuse()
      }
    case .divide:
      let (x, y) = (plain(a.type), plain(b.type))
      let scalars: Set<ValueType> = [.integer, .number]
      if x == y, x == .money || x == .score {
        type = .percent
      } else if x == .percent, y == .percent {
        type = .number
      } else if scalars.contains(x), scalars.contains(y) {
        type = a.type == .untyped && b.type == .untyped ? .untyped : .number
      } else if x == .money || x == .score || x == .percent, scalars.contains(y) || y == .percent {
        type = x
      } else {
        throw refuse()
      }
    }
    return .arithmetic(op, a, b, type)
  }

  /// A unit-less number counts as a plain number in `*` and `/`.
  private static func plain(_ t: ValueType) -> ValueType { t == .untyped ? .number : t }

  /// A unit-less number read as `type`: for a percentage, 90 is 90 %.
  static func coerce(_ e: BoundExpression, to type: ValueType) -> BoundExpression {
    guard e.type == .untyped, type.isNumeric, type != .untyped else { return e }
    switch e {
    case .constant(.number(let x), _):
      return .constant(.number(type == .percent ? x / Fraction.hundred : x), type)
    case .arithmetic(let op, let a, let b, _):
      if op == .add || op == .subtract { return .arithmetic(op, coerce(a, to: type), coerce(b, to: type), type) }
      return .arithmetic(op, coerce(a, to: type), b, type)
    case .negate(let inner):
      return .negate(coerce(inner, to: type))
    default:
      return e
    }
  }

  // MARK: - Conditions

  mutating func condition(_ e: Expression) throws(EvaluationError) -> BoundCondition {
    switch e {
    case .and, .or:
      let (isAnd, parts) = Filter.chain(e)
      var bound: [BoundCondition] = []
      for p in parts { bound.append(try condition(p)) }
      return isAnd ? .and(bound) : .or(bound)
    case .not(let inner, _):
      return .not(try condition(inner))
    case .isMissing(let operand, let negated):
      let v = try value(operand)
      if case .constant(.text, _) = v, case .word(let n) = operand { throw EvaluationError.unknownField(n) }
      return .isMissing(v, negated: negated)
    case .contains(let left, let right):
      let l = try value(left)
      if case .constant(.text, _) = l, case .word(let n) = left { throw EvaluationError.unknownField(n) }
      guard l.type == .text || l.type == .fund else {
        throw EvaluationError(
          range: left.range, message: "contains works on text (name, unit, fund); '\(left.text)' is \(l.type.noun)",
          suggestion: "compare numbers with = < > instead")
      }
      let r = try value(right)
      guard case .constant(.text(let needle), _) = r else {
        throw EvaluationError(range: right.range, message: "contains takes text, not a field", suggestion: "quote it: '\(right.text)'")
      }
      return .contains(l, needle.lowercased())
    case .compare(let left, let op, let right):
      return try compare(left, op, right)
    }
  }

  mutating func compare(_ left: Operand, _ op: ComparisonOperator, _ right: Operand) throws(EvaluationError) -> BoundCondition {
    var a = try value(left)
    var b = try value(right)
    if case .constant(.text, _) = a, case .constant(.text, _) = b {
      if case .word(let n) = left { throw EvaluationError.unknownField(n) }
      if case .word(let n) = right { throw EvaluationError.unknownField(n) }
      throw EvaluationError(range: left.range, message: "'\(left.text)' is a value; a condition starts with a field", suggestion: "for example: grade = 良")
    }
    a = try adapt(a, to: b, operand: left)
    b = try adapt(b, to: a, operand: right)
    let range = left.range.union(right.range)
    let compatible: Bool
    switch (a.type, b.type) {
    case let (x, y) where x == y: compatible = true
    case (.integer, .number), (.number, .integer): compatible = true
    case (.untyped, let y), (let y, .untyped): compatible = y.isNumeric
    default: compatible = false
    }
    guard compatible else {
      throw EvaluationError(
        range: range, message: "cannot compare '\(left.text)' (\(a.type.noun)) with '\(right.text)' (\(b.type.noun))",
        suggestion: "quote '\(right.text)' if you mean the text")
    }
    if a.type == .fund, op != .equal, op != .notEqual {
      throw EvaluationError(range: left.range, message: "fund can only be compared with = or !=")
    }
    return .compare(a, op, b)
  }

  /// A constant read as the type of the other side: a unit-less number as an amount or a
  /// percentage, a word as a grade or a budget book.
  mutating func adapt(_ e: BoundExpression, to other: BoundExpression, operand: Operand) throws(EvaluationError) -> BoundExpression {
    guard case .constant(let scalar, let type) = e else { return e }
    switch (scalar, other.type) {
    case (.number(let x), .percent) where type == .untyped:
      if x > Fraction.zero, x <= Fraction(3, 2) {
        notes.append("\(operand.text) against a percentage reads as \(operand.text) %; write \(x * Fraction.hundred)% for that share")
      }
      return Binder.coerce(e, to: .percent)
    case (.number, let t) where type == .untyped && t.isNumeric:
      return Binder.coerce(e, to: t)
    case (.text(let s), .grade):
      guard let g = Grade(s) else {
        throw EvaluationError(range: operand.range, message: "'\(s)' is not a grade", suggestion: "valid grades: \(Grade.validSpellings)")
      }
      return .constant(.grade(g), .grade)
    case (.text(let s), .fund):
      guard let f = Fund(s) else {
        throw EvaluationError(range: operand.range, message: "'\(s)' is not a budget book", suggestion: "valid: " + Fund.allCases.map(\.description).joined(separator: ", "))
      }
      return .constant(.fund(f), .fund)
    case (.number(let x), .text):
      // `name = 2023` compares with the text as written.
      return .constant(.text(operand.text.isEmpty ? x.description : operand.text), .text)
    default:
      return e
    }
  }
}
