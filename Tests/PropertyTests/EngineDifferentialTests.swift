import DataStore
import QueryEngine
import QuerySyntax
import Scoring
import Testing

/// The engine against a deliberately simple reference: random datasets, random
/// statements (filters, arithmetic, shares, weighted averages, groups, bands, having,
/// sort, limit), and the reference evaluates each row by row over plain values. Every
/// cell must be the same exact number, text, grade or budget book. The large cases lower
/// the parallel threshold so the split operators run too.
@Suite struct EngineDifferentialTests {
  @Test func smallTablesAgreeWithTheReference() throws {
    var rng = SplitMix64(seed: 77)
    for round in 0..<30 {
      let data = RefData.random(rows: 10 + round * 6, rng: &rng)
      try compare(data, statements: 60, rng: &rng, label: "small \(round)")
    }
  }

  @Test func splitOperatorsAgreeWithTheReference() throws {
    var rng = SplitMix64(seed: 2024)
    try Parallel.$threshold.withValue(64) {
      try Parallel.$maximumChunks.withValue(4) {
        for round in 0..<4 {
          let data = RefData.random(rows: 300 + round * 150, rng: &rng)
          try compare(data, statements: 60, rng: &rng, label: "split \(round)")
        }
      }
    }
  }

  func compare(_ data: RefData, statements: Int, rng: inout SplitMix64, label: String) throws {
    var engine = Engine(store: try PropertySupport.parse(data.csv))
    var gen = RefStatementGenerator(rng: rng, data: data)
    for _ in 0..<statements {
      let statement = gen.statement()
      let expected = statement.evaluate(data)
      let parsed = try Parser.parse(statement.text)
      guard case .table(let table) = try engine.execute(parsed[0]) else {
        Issue.record("\(label): \(statement.text) gave no table")
        return
      }
      let actual = table.rows.map { $0.map(RefValue.init) }
      if actual != expected {
        Issue.record(
          """
          \(label): \(statement.text)
          expected \(expected)
          actual   \(actual)
          data:
          \(data.csv)
          """)
        return
      }
    }
    rng = gen.rng
  }
}

/// A cell as the reference sees it: numbers as exact fractions, whatever their display.
enum RefValue: Hashable, CustomStringConvertible {
  case missing
  case number(Fraction)
  case text(String)
  case grade(Grade)
  case fund(Fund)

  init(_ v: Value) {
    switch v {
    case .missing: self = .missing
    case .integer(let i): self = .number(Fraction(i))
    case .text(let s): self = .text(s)
    case .money(let m): self = .number(Fraction(tenThousandths: m.tenThousandths))
    case .score(let s): self = .number(Fraction(tenThousandths: s))
    case .number(let f, _), .percent(let f), .exact(let f), .change(let f, _): self = .number(f)
    case .grade(let g): self = .grade(g)
    case .fund(let f): self = .fund(f)
    }
  }

  var number: Fraction? {
    if case .number(let x) = self { return x }
    return nil
  }

  var description: String {
    switch self {
    case .missing: "∅"
    case .number(let f): f.description
    case .text(let s): s
    case .grade(let g): g.description
    case .fund(let f): f.description
    }
  }

  /// Ascending order of present values of one kind: grades by merit, text by code points.
  static func less(_ a: RefValue, _ b: RefValue) -> Bool {
    switch (a, b) {
    case (.number(let x), .number(let y)): x < y
    case (.text(let x), .text(let y)): x < y
    case (.grade(let x), .grade(let y)): x.rawValue > y.rawValue
    case (.fund(let x), .fund(let y)): x.rawValue < y.rawValue
    default: false
    }
  }
}

/// One generated project, held as plain values.
struct RefRow {
  var year: Int
  var unit: String
  var seq: Int
  var name: String
  var fund: Fund?
  var budget: Fraction?
  var initial: Fraction?
  var spent: Fraction?
  var score: Fraction?
  var grade: Grade?
  var ratePoints: Fraction?

  func value(_ field: String) -> RefValue {
    func n(_ x: Fraction?) -> RefValue { x.map { .number($0) } ?? .missing }
    switch field {
    case "year": return .number(Fraction(year))
    case "seq": return .number(Fraction(seq))
    case "unit": return .text(unit)
    case "name": return .text(name)
    case "fund": return fund.map { .fund($0) } ?? .missing
    case "budget": return n(budget)
    case "initial": return n(initial)
    case "spent": return n(spent)
    case "score": return n(score)
    case "rate_points": return n(ratePoints)
    case "grade": return grade.map { .grade($0) } ?? .missing
    case "rate":
      guard let s = spent, let b = budget, b != .zero else { return .missing }
      return .number(s / b)
    default: return .missing
    }
  }
}

/// A random dataset and its CSV text.
struct RefData {
  var rows: [RefRow]
  var csv: String

  static let names = ["村级组织运转经费", "党建工作经费", "办公楼维修", "专项武装经费", "环境整治", "道路养护", "Alpha", "beta"]
  static let units = ["双山子镇", "红旗乡", "Office"]

  /// A decimal with up to `places` decimals, as text and as a fraction.
  static func decimal(_ rng: inout SplitMix64, _ range: ClosedRange<Int>, places: Int) -> (String, Fraction) {
    let whole = Int.random(in: range, using: &rng)
    let digits = Int.random(in: 0...places, using: &rng)
    var frac = ""
    for _ in 0..<digits { frac += String(Int.random(in: 0...9, using: &rng)) }
    let text = frac.isEmpty ? String(whole) : "\(whole).\(frac)"
    return (text, parse(text))
  }

  /// The exact value of a plain decimal.
  static func parse(_ text: String) -> Fraction {
    let negative = text.hasPrefix("-")
    let body = negative ? String(text.dropFirst()) : text
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    var value = Fraction(Int128(Int(parts[0]) ?? 0))
    if parts.count > 1 {
      var scale: Int128 = 1
      for _ in parts[1] { scale *= 10 }
      value = value + Fraction(Int128(Int(parts[1]) ?? 0), scale)
    }
    return negative ? -value : value
  }

  static func random(rows count: Int, rng: inout SplitMix64) -> RefData {
    var rows: [RefRow] = []
    var lines = ["year,unit,seq,name,fund,budget,initial,spent,score,grade,rate_points"]
    var seqs: [String: Int] = [:]
    func chance(_ p: Int, _ rng: inout SplitMix64) -> Bool { Int.random(in: 1...100, using: &rng) <= p }
    for _ in 0..<count {
      let year = Int.random(in: 2021...2023, using: &rng)
      let unit = units[Int.random(in: 0...(units.count - 1), using: &rng)]
      let key = "\(year)\(unit)"
      let seq = (seqs[key] ?? 0) + 1
      seqs[key] = seq
      let name = names[Int.random(in: 0...(names.count - 1), using: &rng)]
      let fund: Fund? = chance(15, &rng) ? nil : Fund.allCases[Int.random(in: 0...3, using: &rng)]
      let budget = chance(8, &rng) ? ("0", Fraction.zero) : decimal(&rng, 0...300, places: 4)
      let initial = chance(30, &rng) ? nil : decimal(&rng, 0...300, places: 2)
      let spent = chance(20, &rng) ? nil : decimal(&rng, 0...300, places: 4)
      let score = chance(10, &rng) ? nil : decimal(&rng, 40...99, places: 2)
      let grade: Grade? = chance(10, &rng) ? nil : Grade.allCases[Int.random(in: 0...3, using: &rng)]
      let points = chance(60, &rng) ? nil : decimal(&rng, 0...19, places: 2)
      rows.append(
        RefRow(
          year: year, unit: unit, seq: seq, name: name, fund: fund, budget: budget.1, initial: initial?.1, spent: spent?.1,
          score: score?.1, grade: grade, ratePoints: points?.1))
      lines.append(
        [
          String(year), unit, String(seq), name, fund?.description ?? "", budget.0, initial?.0 ?? "", spent?.0 ?? "",
          score?.0 ?? "", grade?.description ?? "", points?.0 ?? "",
        ].joined(separator: ","))
    }
    return RefData(rows: rows, csv: lines.joined(separator: "\n") + "\n")
  }
}

/// A value expression of the reference, printed fully parenthesized.
indirect enum RefExpr {
  case field(String)
  case number(String)
  case percent(String)
  case binary(Character, RefExpr, RefExpr)
  case negate(RefExpr)

  var text: String {
    switch self {
    case .field(let f): f
    case .number(let n): n
    case .percent(let n): n + "%"
    case .binary(let op, let a, let b): "(\(a.text)) \(op) (\(b.text))"
    case .negate(let a): "-(\(a.text))"
    }
  }

  func evaluate(_ row: RefRow) -> RefValue {
    switch self {
    case .field(let f): return row.value(f)
    case .number(let n): return .number(RefData.parse(n))
    case .percent(let n): return .number(RefData.parse(n) / Fraction(100))
    case .negate(let a): return a.evaluate(row).number.map { .number(-$0) } ?? .missing
    case .binary(let op, let a, let b):
      guard let x = a.evaluate(row).number, let y = b.evaluate(row).number else { return .missing }
      switch op {
      case "+": return .number(x + y)
      case "-": return .number(x - y)
      case "*": return .number(x * y)
      default: return y == .zero ? .missing : .number(x / y)
      }
    }
  }
}

/// A condition of the reference: true, false or unknown (nil), as in SQL.
indirect enum RefCondition {
  case compare(RefExpr, String, RefExpr)
  case contains(String, String)
  case isMissing(RefExpr, Bool)
  case and(RefCondition, RefCondition)
  case or(RefCondition, RefCondition)
  case not(RefCondition)
  /// A comparison with a word the engine reads as a grade.
  case grade(String, String, Grade)

  var text: String {
    switch self {
    case .compare(let a, let op, let b): "\(a.text) \(op) \(b.text)"
    case .contains(let f, let s): "\(f) contains \(s)"
    case .isMissing(let e, let negated): "\(e.text) is \(negated ? "not " : "")missing"
    case .and(let a, let b): "(\(a.text)) and (\(b.text))"
    case .or(let a, let b): "(\(a.text)) or (\(b.text))"
    case .not(let a): "not (\(a.text))"
    case .grade(let f, let op, let g): "\(f) \(op) \(g.description)"
    }
  }

  static func holds(_ op: String, _ a: RefValue, _ b: RefValue) -> Bool {
    switch op {
    case "=": a == b
    case "!=": a != b
    case "<": RefValue.less(a, b)
    case "<=": a == b || RefValue.less(a, b)
    case ">": RefValue.less(b, a)
    default: a == b || RefValue.less(b, a)
    }
  }

  func evaluate(_ row: RefRow) -> Bool? {
    switch self {
    case .compare(let a, let op, let b):
      let x = a.evaluate(row)
      let y = b.evaluate(row)
      if x == .missing || y == .missing { return nil }
      return RefCondition.holds(op, x, y)
    case .grade(let f, let op, let g):
      let x = row.value(f)
      if x == .missing { return nil }
      return RefCondition.holds(op, x, .grade(g))
    case .contains(let f, let s):
      guard case .text(let t) = row.value(f) else { return nil }
      return t.lowercased().contains(s.lowercased())
    case .isMissing(let e, let negated):
      return (e.evaluate(row) == .missing) != negated
    case .and(let a, let b):
      let x = a.evaluate(row)
      let y = b.evaluate(row)
      if x == false || y == false { return false }
      return x == true && y == true ? true : nil
    case .or(let a, let b):
      let x = a.evaluate(row)
      let y = b.evaluate(row)
      if x == true || y == true { return true }
      return x == false && y == false ? false : nil
    case .not(let a):
      return a.evaluate(row).map { !$0 }
    }
  }
}

/// A statement the generator made, with the reference's answer.
struct RefStatement {
  enum Kind {
    case listing(show: [RefExpr], sort: RefExpr?, descending: Bool)
    case aggregate(aggregates: [RefAggregate], keys: [RefKey], having: (RefAggregate, String, Fraction)?, sortByFirst: Bool?)
  }

  var kind: Kind
  var condition: RefCondition?
  var limit: Int?

  var text: String {
    var parts: [String] = []
    switch kind {
    case .listing(let show, let sort, let descending):
      parts.append("projects")
      if let condition { parts.append("where " + condition.text) }
      parts.append("show seq, " + show.map(\.text).joined(separator: ", "))
      if let sort { parts.append("sort by " + sort.text + (descending ? " desc" : "")) }
    case .aggregate(let aggregates, let keys, let having, let sortByFirst):
      parts.append(aggregates.map(\.text).joined(separator: ", "))
      if let condition { parts.append("where " + condition.text) }
      if !keys.isEmpty { parts.append("by " + keys.map(\.text).joined(separator: ", ")) }
      if let (a, op, x) = having { parts.append("having \(a.text) \(op) \(x)") }
      if let descending = sortByFirst { parts.append("sort by " + aggregates[0].text + (descending ? " desc" : "")) }
    }
    if let limit { parts.append("limit \(limit)") }
    return parts.joined(separator: " ")
  }

  /// Stable sort by `key`, missing last in either direction.
  static func sorted<T>(_ items: [T], _ key: (T) -> RefValue, descending: Bool) -> [T] {
    items.enumerated().sorted { a, b in
      let x = key(a.element)
      let y = key(b.element)
      if x == y { return a.offset < b.offset }
      if x == .missing { return false }
      if y == .missing { return true }
      if RefValue.less(x, y) == RefValue.less(y, x) { return a.offset < b.offset }
      return descending ? RefValue.less(y, x) : RefValue.less(x, y)
    }.map(\.element)
  }

  func evaluate(_ data: RefData) -> [[RefValue]] {
    let selected = data.rows.filter { r in condition.map { $0.evaluate(r) == true } ?? true }
    var out: [[RefValue]]
    switch kind {
    case .listing(let show, let sort, let descending):
      var rows = selected
      if let sort { rows = RefStatement.sorted(rows, { sort.evaluate($0) }, descending: descending) }
      out = rows.map { r in [r.value("seq")] + show.map { $0.evaluate(r) } }
    case .aggregate(let aggregates, let keys, let having, let sortByFirst):
      // Groups in first-seen order, then listed order of their keys.
      var groups: [[RefValue]: [RefRow]] = [:]
      var order: [[RefValue]] = []
      if keys.isEmpty { order = [[]]; groups[[]] = [] }
      for r in selected {
        let k = keys.map { $0.value(r) }
        if groups[k] == nil { order.append(k) }
        groups[k, default: []].append(r)
      }
      for i in keys.indices.reversed() {
        order = RefStatement.sorted(order, { keys[i].rank($0[i]) }, descending: false)
      }
      let groupRows: [[RefRow]]? = keys.isEmpty ? nil : order.map { groups[$0] ?? [] }
      let totals = aggregates.map { $0.total(all: data.rows, groups: groupRows) }
      var results: [[RefValue]] = order.map { k in
        zip(aggregates, totals).map { $0.evaluate(groups[k] ?? [], total: $1) }
      }
      var rows = zip(order, results).map { $0 + $1 }
      if let (a, op, x) = having {
        rows = zip(rows, order).filter { _, k in
          let v = a.evaluate(groups[k] ?? [], total: a.total(all: data.rows, groups: groupRows))
          return v != .missing && RefCondition.holds(op, v, .number(x))
        }.map(\.0)
      }
      if let descending = sortByFirst {
        rows = RefStatement.sorted(rows, { $0[keys.count] }, descending: descending)
      }
      results = []
      out = rows.map { row in row.enumerated().map { i, v in i < keys.count ? keys[i].shown(v) : v } }
    }
    if let limit { out = Array(out.prefix(limit)) }
    return out
  }
}

/// A `by` key: a field, or a field cut into bands.
struct RefKey {
  var field: String
  var cuts: [Int]?

  var text: String { field + (cuts.map { " bands " + $0.map(String.init).joined(separator: ", ") } ?? "") }

  /// The group value: the field's value, or the band's number.
  func value(_ r: RefRow) -> RefValue {
    let v = r.value(field)
    guard let cuts else { return v }
    guard let x = v.number else { return .missing }
    return .number(Fraction(cuts.filter { Fraction($0) <= x }.count))
  }

  /// The order groups are listed in: grades best first, everything else ascending.
  func rank(_ v: RefValue) -> RefValue {
    if case .grade(let g) = v { return .number(Fraction(Int(g.rawValue))) }
    return v
  }

  /// How the engine shows the key: a band as its range.
  func shown(_ v: RefValue) -> RefValue {
    guard let cuts, let band = v.number else { return v }
    let i = Int(band.numerator)
    let low = i == 0 ? "0" : String(cuts[i - 1])
    return .text(i == cuts.count ? "[\(low),∞)" : "[\(low),\(cuts[i]))")
  }
}

/// An aggregate of the reference.
struct RefAggregate {
  var function: String
  var argument: RefExpr?
  var distinct = false
  var weight: RefExpr?

  var text: String {
    var s = function
    if distinct { s += " distinct" }
    if let argument { s += " (" + argument.text + ")" }
    if let weight { s += " weighted by (" + weight.text + ")" }
    return s
  }

  func sum(_ rows: [RefRow]) -> Fraction? {
    let values = rows.compactMap { argument?.evaluate($0).number }
    return values.isEmpty ? nil : values.reduce(Fraction.zero, +)
  }

  /// What a `pct` divides by: the sum over the groups (so shares add to 100 %), or over
  /// every row without groups; for a bare `pct`, the number of rows.
  func total(all: [RefRow], groups: [[RefRow]]?) -> Fraction? {
    guard function == "pct" else { return nil }
    guard argument != nil else { return Fraction(groups.map { $0.reduce(0) { $0 + $1.count } } ?? all.count) }
    if let groups {
      let sums = groups.compactMap { sum($0) }
      return sums.isEmpty ? nil : sums.reduce(Fraction.zero, +)
    }
    return sum(all)
  }

  func evaluate(_ rows: [RefRow], total: Fraction?) -> RefValue {
    guard let argument else {
      if function == "count" { return .number(Fraction(rows.count)) }
      guard let total, total != .zero else { return .missing }
      return .number(Fraction(rows.count) / total)
    }
    let present = rows.map { argument.evaluate($0) }.filter { $0 != .missing }
    switch function {
    case "count":
      return .number(Fraction(distinct ? Set(present).count : present.count))
    case "sum":
      return present.isEmpty ? .missing : .number(present.compactMap(\.number).reduce(Fraction.zero, +))
    case "avg":
      if let weight {
        var top = Fraction.zero
        var bottom = Fraction.zero
        var any = false
        for r in rows {
          guard let x = argument.evaluate(r).number, let w = weight.evaluate(r).number else { continue }
          top = top + x * w
          bottom = bottom + w
          any = true
        }
        return any && bottom != .zero ? .number(top / bottom) : .missing
      }
      return present.isEmpty ? .missing : .number(present.compactMap(\.number).reduce(Fraction.zero, +) / Fraction(present.count))
    case "min":
      return present.min(by: RefValue.less) ?? .missing
    case "max":
      return present.max(by: RefValue.less) ?? .missing
    default:  // pct
      guard let part = sum(rows), let total, total != .zero else { return .missing }
      return .number(part / total)
    }
  }
}

/// Random statements over the reference's fields, well typed by construction.
struct RefStatementGenerator {
  var rng: SplitMix64
  let data: RefData

  mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
  mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
  mutating func pick<T>(_ list: [T]) -> T { list[int(0...(list.count - 1))] }

  mutating func money(_ depth: Int = 0) -> RefExpr {
    if depth >= 2 || chance(55) { return .field(pick(["budget", "initial", "spent"])) }
    switch int(0...4) {
    case 0: return .binary("+", money(depth + 1), money(depth + 1))
    case 1: return .binary("-", money(depth + 1), money(depth + 1))
    case 2: return .binary("*", money(depth + 1), .number(pick(["2", "0.5", "3", "0"])))
    case 3: return .binary("/", money(depth + 1), .number(pick(["4", "0.25", "3", "0"])))
    default: return .negate(money(depth + 1))
    }
  }

  mutating func score(_ depth: Int = 0) -> RefExpr {
    if depth >= 2 || chance(60) { return .field(pick(["score", "rate_points"])) }
    return chance(50) ? .binary(pick(["+", "-"]), score(depth + 1), score(depth + 1)) : .binary("*", score(depth + 1), .number(pick(["2", "0.5"])))
  }

  mutating func percent() -> RefExpr {
    chance(40) ? .field("rate") : .binary("/", money(1), money(1))
  }

  mutating func decimal(_ range: ClosedRange<Int>) -> String { RefData.decimal(&rng, range, places: 2).0 }

  mutating func leaf() -> RefCondition {
    let ops = ["=", "!=", "<", "<=", ">", ">="]
    switch int(0...8) {
    case 0: return .compare(money(), pick(ops), .number(decimal(0...300)))
    case 1: return .compare(score(), pick(ops), .number(decimal(40...99)))
    case 2: return .compare(percent(), pick(ops), .percent(decimal(0...150)))
    case 3: return .grade("grade", pick(ops), pick(Grade.allCases))
    case 4: return .contains(pick(["name", "unit"]), pick(["村级", "经费", "al", "乡", "o"]))
    case 5: return .isMissing(pick([money(), score(), percent(), .field("grade")]), chance(50))
    case 6: return .compare(.field(pick(["budget", "spent"])), pick(ops), .field(pick(["initial", "spent"])))
    case 7: return .compare(.field("year"), pick(ops), .number(String(int(2021...2023))))
    default: return .compare(.field("seq"), pick(ops), .number(String(int(1...40))))
    }
  }

  mutating func condition(_ depth: Int = 0) -> RefCondition {
    if depth >= 2 || chance(50) { return leaf() }
    switch int(0...2) {
    case 0: return .and(condition(depth + 1), condition(depth + 1))
    case 1: return .or(condition(depth + 1), condition(depth + 1))
    default: return .not(condition(depth + 1))
    }
  }

  mutating func aggregate() -> RefAggregate {
    switch int(0...11) {
    case 0: return RefAggregate(function: "count")
    case 1: return RefAggregate(function: "count", argument: .field(pick(["name", "unit", "grade", "year", "spent"])), distinct: chance(70))
    case 2, 3: return RefAggregate(function: "sum", argument: chance(60) ? money() : score())
    case 4: return RefAggregate(function: "avg", argument: chance(50) ? money() : score())
    case 5: return RefAggregate(function: "avg", argument: chance(50) ? score() : percent(), weight: .field(pick(["budget", "spent"])))
    case 6: return RefAggregate(function: pick(["min", "max"]), argument: pick([money(), score(), .field("grade"), .field("name"), percent()]))
    case 7: return RefAggregate(function: "avg", argument: percent())
    case 8: return RefAggregate(function: "pct")
    default: return RefAggregate(function: "pct", argument: money())
    }
  }

  mutating func key() -> RefKey {
    switch int(0...10) {
    case 9: return RefKey(field: "budget")
    case 10: return RefKey(field: "spent")
    case 0, 1: return RefKey(field: "grade")
    case 2: return RefKey(field: "fund")
    case 3: return RefKey(field: "year")
    case 4: return RefKey(field: "unit")
    case 5: return RefKey(field: "name")
    case 6: return RefKey(field: "seq")
    case 7: return RefKey(field: "score")
    default:
      var cuts: [Int] = []
      var x = 0
      for _ in 0..<int(1...3) {
        x += int(1...120)
        cuts.append(x)
      }
      return RefKey(field: pick(["budget", "spent"]), cuts: cuts)
    }
  }

  mutating func statement() -> RefStatement {
    let condition = chance(70) ? self.condition() : nil
    let limit = chance(30) ? int(0...12) : nil
    if chance(40) {
      let show = (0..<int(1...3)).map { _ in
        switch int(0...4) {
        case 0: return money()
        case 1: return score()
        case 2: return percent()
        case 3: return RefExpr.field(pick(["name", "grade", "fund", "year"]))
        default: return .negate(money(1))
        }
      }
      let sort: RefExpr? = chance(60) ? pick([money(), score(), percent(), .field("name"), .field("grade")]) : nil
      return RefStatement(kind: .listing(show: show, sort: sort, descending: chance(50)), condition: condition, limit: sort == nil ? nil : limit)
    }
    let aggregates = (0..<int(1...3)).map { _ in aggregate() }
    let keys = chance(75) ? (0..<int(1...3)).map { _ in key() } : []
    var having: (RefAggregate, String, Fraction)?
    if !keys.isEmpty, chance(30) {
      having = chance(50) ? (RefAggregate(function: "count"), pick([">", ">=", "<"]), Fraction(int(0...4))) : (RefAggregate(function: "sum", argument: .field("budget")), ">", Fraction(int(0...400)))
    }
    let sortByFirst: Bool? = keys.isEmpty || chance(60) ? nil : chance(50)
    return RefStatement(
      kind: .aggregate(aggregates: aggregates, keys: keys, having: having, sortByFirst: sortByFirst), condition: condition,
      limit: keys.isEmpty ? nil : limit)
  }
}
