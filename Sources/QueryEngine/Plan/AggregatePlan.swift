import QuerySyntax
import Scoring

/// An aggregate statement bound against the data: its keys, the aggregates it shows
/// and those `having` and `sort by` need besides, and its group filter and order.
struct AggregatePlan {
  struct Key {
    var expression: BoundExpression
    var cuts: [Fraction]?
    var title: String
  }

  struct Target {
    var aggregate: Aggregate
    var argument: BoundExpression?
    var weight: BoundExpression?
    var visible: Bool
  }

  var keys: [Key] = []
  var targets: [Target] = []
  var having: BoundCondition?
  var sort: [(expression: BoundExpression, descending: Bool)] = []
  var limit: Int?
  var notes: [String] = []

  /// Binds `aggregates` and `clauses`; aggregates named only in `having` or `sort by` are
  /// computed too, but not shown.
  init(_ aggregates: [Aggregate], _ clauses: Clauses) throws(EvaluationError) {
    var binder = Binder()
    for key in clauses.groupBy {
      let e = try binder.value(key.expression)
      if case .constant = e {
        if case .word(let n) = key.expression { throw EvaluationError.unknownField(n) }
        throw EvaluationError(range: key.expression.range, message: "'\(key.expression.text)' is a constant; group by a field", suggestion: "for example: by grade")
      }
      var cuts: [Fraction]?
      if let bands = key.bands {
        guard e.type.isNumeric else {
          throw EvaluationError(range: key.expression.range, message: "bands cut numbers; '\(key.expression.text)' is \(e.type.noun)", suggestion: "for example: by budget bands 5, 50, 100")
        }
        var list: [Fraction] = []
        for b in bands {
          var x = try Binder.number(b)
          if e.type == .percent, !b.text.hasSuffix("%") { x = x / Fraction.hundred }
          if let last = list.last, x <= last {
            throw EvaluationError(range: b.range, message: "band limits must rise: \(b.text) does not follow \(last)", suggestion: "for example: bands 5, 50, 100")
          }
          list.append(x)
        }
        cuts = list
      }
      let title: String
      if case .field(let f) = e { title = f.rawValue } else { title = key.expression.text }
      keys.append(Key(expression: e, cuts: cuts, title: title))
    }
    for a in aggregates { targets.append(try AggregatePlan.target(a, &binder, visible: true)) }
    notes = binder.notes
    let keyTexts = clauses.groupBy.map(\.expression.text)
    // Having and sort by see the grouped result: keys, labels and aggregates.
    var slotBinder = Binder()
    var hidden: [Target] = []
    let visibleTargets = targets
    let keyList = keys
    slotBinder.slots = { (operand: Operand) throws(EvaluationError) -> BoundExpression? in
      switch operand {
      case .aggregate(let a):
        let all = visibleTargets + hidden
        if let i = all.firstIndex(where: { $0.aggregate.sameComputation(as: a) }) {
          return .slot(keyList.count + i, all[i].resultType)
        }
        var inner = Binder()
        let t = try AggregatePlan.target(a, &inner, visible: false)
        hidden.append(t)
        return .slot(keyList.count + visibleTargets.count + hidden.count - 1, t.resultType)
      case .word(let n):
        if let i = visibleTargets.firstIndex(where: { $0.aggregate.label?.text == n.text }) {
          return .slot(keyList.count + i, visibleTargets[i].resultType)
        }
        if let i = keyTexts.firstIndex(of: n.text) { return .slot(i, keyList[i].resultType) }
        if let f = Field(named: n.text) {
          if let i = keyList.firstIndex(where: { $0.expression == .field(f) }) { return .slot(i, keyList[i].resultType) }
          throw EvaluationError(
            range: n.range, message: "\(f.rawValue) is not a by key here; a group has many values of it",
            suggestion: "use an aggregate such as sum(\(f.rawValue)), or group by \(f.rawValue)")
        }
        return nil
      case .arithmetic, .negate, .number, .quoted:
        if let i = keyTexts.firstIndex(of: operand.text), case .arithmetic = operand { return .slot(i, keyList[i].resultType) }
        return nil
      }
    }
    if let h = clauses.having { having = try slotBinder.condition(h) }
    for key in clauses.sort {
      sort.append((try slotBinder.value(key.expression), key.descending))
    }
    targets += hidden
    notes += slotBinder.notes
    limit = clauses.limit
  }

  /// One aggregate, checked: sums and averages take amounts and scores.
  static func target(_ a: Aggregate, _ binder: inout Binder, visible: Bool) throws(EvaluationError) -> Target {
    var argument: BoundExpression?
    if let operand = a.argument {
      let e = try binder.value(operand)
      if case .constant(.text, _) = e, case .word(let n) = operand { throw EvaluationError.unknownField(n) }
      argument = e
    }
    var weight: BoundExpression?
    if let w = a.weight {
      let e = try binder.numeric(w)
      weight = e
    }
    if let e = argument, a.function == .sum || a.function == .avg || a.function == .pct {
      let name: String
      if case .field(let f) = e { name = f.rawValue } else { name = a.argument?.text ?? "" }
      switch e.type {
      case .integer, .text, .grade, .fund:
        throw EvaluationError(
          range: a.range, message: "cannot \(a.function.rawValue) \(name): it is not an amount",
          suggestion: "sum and avg take budget, initial, spent or score; count projects by \(name) counts them")
      case .percent where a.function != .avg:
        throw EvaluationError(
          range: a.range, message: "cannot \(a.function.rawValue) \(name): percentages do not add up",
          suggestion: "avg \(name) averages them; sum spent / sum budget is the overall rate")
      default:
        break
      }
    }
    if weight != nil, argument.map({ !$0.type.isNumeric }) ?? true {
      throw EvaluationError(range: a.range, message: "a weighted average needs a number to average", suggestion: "avg score weighted by budget")
    }
    return Target(aggregate: a, argument: argument, weight: weight, visible: visible)
  }
}

extension AggregatePlan.Key {
  var resultType: ValueType { cuts == nil ? expression.type : .text }
}

extension AggregatePlan.Target {
  var resultType: ValueType {
    switch aggregate.function {
    case .count: .integer
    case .pct: .percent
    case .sum, .avg, .min, .max:
      argument.map { $0.type == .untyped ? .number : $0.type } ?? .integer
    }
  }
}
