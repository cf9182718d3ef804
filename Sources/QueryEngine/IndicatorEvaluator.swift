import DataStore
import QuerySyntax
import Scoring

/// `indicators`: the indicator rows, filtered, ordered and shown field by field.
struct IndicatorEvaluator: Evaluator {
  let session: Snapshot
}

extension IndicatorEvaluator {
  /// The fields of `indicators`, with Chinese aliases.
  enum IndicatorField: String, CaseIterable {
    case year, unit, seq, level1, level2, name, kind, target, actual, weight, points

    init?(named text: String) {
      let aliases: [IndicatorField: [String]] = [
        .year: ["年度"], .unit: ["单位"], .seq: ["序号"], .level1: ["一级指标"], .level2: ["二级指标"],
        .name: ["三级指标", "指标名称", "指标"], .kind: ["指标性质", "性质"], .target: ["指标值", "目标值"],
        .actual: ["完成值", "实际完成值"], .weight: ["分值", "权重"], .points: ["得分"],
      ]
      let lower = text.lowercased()
      guard let f = IndicatorField.allCases.first(where: { $0.rawValue == lower || aliases[$0]?.contains(lower) == true }) else {
        return nil
      }
      self = f
    }

    var numeric: Bool { [.year, .seq, .weight, .points].contains(self) }

    func value(_ i: Indicator) -> Value {
      switch self {
      case .year: .integer(i.year)
      case .unit: .text(i.unit)
      case .seq: .integer(i.seq)
      case .level1: .text(i.level1)
      case .level2: .text(i.level2)
      case .name: .text(i.name)
      case .kind: .text(i.kind.description)
      case .target: i.target.map { .number(Fraction(tenThousandths: $0), places: 4) } ?? .text(i.targetText)
      case .actual: i.actual.map { .number(Fraction(tenThousandths: $0), places: 4) } ?? .text(i.actualText)
      case .weight: .number(Fraction(tenThousandths: i.weight), places: 2)
      case .points: i.points.map { .number(Fraction(tenThousandths: $0), places: 2) } ?? .missing
      }
    }
  }

  /// `indicators`: the indicator rows, filtered row by row (they are few per project).
  func listIndicators(_ clauses: Clauses) throws(EvaluationError) -> ResultTable {
    if let scope = clauses.years { try checkYears(scope) }
    let years = effectiveYears(clauses)
    var fields: [IndicatorField] = [.year, .unit, .seq, .level1, .level2, .name, .kind, .target, .actual, .weight, .points]
    if let show = clauses.show {
      fields = []
      for item in show {
        let n = try indicatorName(item.expression)
        guard let f = IndicatorField(named: n.text) else { throw unknownIndicatorField(n) }
        fields.append(f)
      }
    }
    var rows = store.indicators.filter { years?.contains($0.year) ?? true }
    if let filter = clauses.filter {
      var kept: [Indicator] = []
      for i in rows where try matches(filter, i) { kept.append(i) }
      rows = kept
    }
    for key in clauses.sort.reversed() {
      let n = try indicatorName(key.expression)
      guard let f = IndicatorField(named: n.text) else { throw unknownIndicatorField(n) }
      rows = rows.enumerated().sorted { a, b in
        let x = f.value(a.element)
        let y = f.value(b.element)
        if x == y { return a.offset < b.offset }
        return key.descending ? Value.ascending(y, x) : Value.ascending(x, y)
      }.map(\.element)
    }
    if let limit = clauses.limit { rows = Array(rows.prefix(limit)) }
    // A row's cells are built when it is read (five million indicator rows draw forty).
    let chosen = rows
    let shown = fields
    return ResultTable(
      columns: fields.map { ResultTable.Column($0.rawValue, numeric: $0.numeric) },
      rows: ResultRows(count: chosen.count) { r in shown.map { $0.value(chosen[r]) } })
  }

  /// Indicators list and sort by their fields as they are; values are not computed.
  func indicatorName(_ operand: Operand) throws(EvaluationError) -> Name {
    if case .word(let n) = operand { return n }
    throw EvaluationError(
      range: operand.range, message: "indicators show and sort by their fields only; '\(operand.text)' is not one",
      suggestion: "for example: indicators show name, weight, points sort by points desc")
  }

  func unknownIndicatorField(_ n: Name) -> EvaluationError {
    EvaluationError(
      range: n.range, message: "unknown indicator field '\(n.text)'",
      suggestion: Suggestions.didYouMean(n.text, in: IndicatorField.allCases.map(\.rawValue))
        ?? "fields: " + IndicatorField.allCases.map(\.rawValue).joined(separator: ", "))
  }

  func matches(_ e: Expression, _ i: Indicator) throws(EvaluationError) -> Bool {
    switch e {
    case .and(let a, let b):
      if try !matches(a, i) { return false }
      return try matches(b, i)
    case .or(let a, let b):
      if try matches(a, i) { return true }
      return try matches(b, i)
    case .not(let a, _): return try !matches(a, i)
    case .isMissing(let operand, let negated):
      guard case .word(let n) = operand, let f = IndicatorField(named: n.text) else {
        throw EvaluationError(range: operand.range, message: "'\(operand.text)' is not an indicator field")
      }
      let v = f.value(i)
      let missing = v == .missing || v == .text("")
      return missing != negated
    case .contains(let left, let right):
      guard case .word(let n) = left, let f = IndicatorField(named: n.text) else { throw unknownIndicatorField(Name(left.text, left.range)) }
      let search = TextSearch(right.text)
      return search.matches(f.value(i).display)
    case .compare(let left, let op, let right):
      guard case .word(let n) = left, let f = IndicatorField(named: n.text) else { throw unknownIndicatorField(Name(left.text, left.range)) }
      let v = f.value(i)
      if case .missing = v { return false }
      var literal = right.text
      if f == .kind, let k = IndicatorKind(literal) { literal = k.description }
      if f == .actual, i.kind == .qualitative, let tier = Tier(literal), let mine = i.tier {
        // Better tiers compare greater, like grades.
        return op.holds(2 - mine.rawValue, 2 - tier.rawValue)
      }
      if let x = v.sortNumber, case .success(let lit) = DecimalText.parse(literal) {
        return op.holds(x, Fraction(tenThousandths: lit))
      }
      if f.numeric {
        throw EvaluationError(range: right.range, message: "\(f.rawValue) is a number; '\(right.text)' is not")
      }
      return op.holds(v.display, literal)
    }
  }
}
