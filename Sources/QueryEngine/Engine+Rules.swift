import QuerySyntax
import Scoring

extension Engine {
  /// `rules`: the rules in force; `rules NAME`: switch to a named set.
  mutating func showOrSwitchRules(_ name: Name?) throws(EvaluationError) -> Outcome {
    if let name {
      guard let set = ruleLibrary[name.text] ?? ruleLibrary[name.text.lowercased()] else {
        let names = ruleLibrary.keys.sorted()
        throw EvaluationError(
          range: name.range, message: "no rule set named '\(name.text)'",
          suggestion: Suggestions.didYouMean(name.text, in: names) ?? "rule sets: " + names.joined(separator: ", "))
      }
      rules = set
      baseRules = set
      return .text("rules: \(set.name) — \(set.title)")
    }
    return .table(rulesTable())
  }

  /// A rule set by name; `current` (or 当前) is the rules in force.
  func ruleSet(named name: Name) throws(EvaluationError) -> RuleSet {
    if ["current", "当前"].contains(name.text.lowercased()) { return rules }
    guard let set = ruleLibrary[name.text] ?? ruleLibrary[name.text.lowercased()] else {
      let names = ruleLibrary.keys.sorted() + ["current"]
      throw EvaluationError(
        range: name.range, message: "no rule set named '\(name.text)'",
        suggestion: Suggestions.didYouMean(name.text, in: names) ?? "rule sets: " + names.joined(separator: ", "))
    }
    return set
  }

  /// The rows `rules` shows for a rule set: what, value, note.
  static func ruleRows(_ rules: RuleSet, name: String) -> [(String, String, String)] {
    var rows: [(String, String, String)] = []
    rows.append(("rule set", name, rules.title))
    for g in Grade.allCases { rows.append(("band \(g)", rules.bandText(g), "")) }
    for level in IndicatorLevel.allCases {
      rows.append(("weight \(level)", (rules.weights[level] ?? .zero).trimmed(places: 4), ""))
    }
    rows.append(
      ("执行率", "\((rules.weights[.execution] ?? .zero).trimmed(places: 4)) × min(决算数 ÷ \(rules.rateBasis == .budget ? "全年预算数" : "年初预算"), 1)", "set basis budget|initial"))
    rows.append(("正向", "weight × min(actual ÷ target, 1)", ""))
    rows.append(
      ("反向", rules.negative == .ratio ? "weight × min(target ÷ actual, 1)" : "weight × (1 − (actual − target) ÷ target), 0 from 2 × target",
        "set negative ratio|linear"))
    for tier in Tier.allCases {
      let range = rules.tiers[tier] ?? (Fraction.zero...Fraction.hundred)
      rows.append(("tier \(tier)", RuleSet.rangeText(range), tier.fullName))
    }
    return rows
  }

  /// `rules`: the rules in force; a value that differs from the named set it started from
  /// is marked, with the set's own value in the note.
  func rulesTable() -> ResultTable {
    let differs = rules != baseRules
    let now = Engine.ruleRows(rules, name: rules.name + (differs ? " (changed)" : ""))
    let base = Engine.ruleRows(baseRules, name: baseRules.name + (differs ? " (changed)" : ""))
    var table = ResultTable(
      columns: [.init("rule", numeric: false), .init("value", numeric: false), .init("note", numeric: false)],
      rows: now.map { [.text($0.0), .text($0.1), .text($0.2)] })
    for (i, (row, original)) in zip(now, base).enumerated() where row.1 != original.1 {
      table.marked.insert(i)
      table.rows[i][2] = .text("\(baseRules.name): \(original.1)" + (row.2.isEmpty ? "" : "; " + row.2))
    }
    table.showsRowCount = false
    table.notes = ["rule sets: " + ruleLibrary.keys.sorted().joined(separator: ", ")]
    if !table.marked.isEmpty { table.notes.append("← differs from \(baseRules.name) as loaded; undo or reset rules takes the changes back") }
    return table
  }

  /// Applies a `set` statement, refusing a result that does not add up.
  mutating func changeRules(_ change: RuleChange) throws(EvaluationError) -> Outcome {
    var next = rules
    var said: String
    switch change {
    case .band(let gradeName, let scoreName):
      guard let grade = Grade(gradeName.text), grade != .poor else {
        throw EvaluationError(range: gradeName.range, message: "'\(gradeName.text)' has no lower bound to set", suggestion: "set band 优, 良 or 中 (差 is everything below 中)")
      }
      let score = try number(scoreName, what: "a score")
      next.bands[grade] = score
      said = "band \(grade) now \(next.bandText(grade))"
    case .weights(let list):
      var parts: [String] = []
      for (levelName, pointsName) in list {
        guard let level = IndicatorLevel(levelName.text) else {
          throw EvaluationError(range: levelName.range, message: "'\(levelName.text)' is not a first-level group", suggestion: "产出, 效益, 满意度 or 执行率")
        }
        next.weights[level] = try number(pointsName, what: "points")
        parts.append("\(level) \(pointsName.text)")
      }
      said = "weights: " + IndicatorLevel.allCases.map { "\($0) \((next.weights[$0] ?? .zero).trimmed(places: 4))" }.joined(separator: ", ")
      _ = parts
    case .tier(let tierName, let lowName, let highName):
      guard let tier = Tier(tierName.text) else {
        throw EvaluationError(range: tierName.range, message: "'\(tierName.text)' is not a tier", suggestion: "达成, 部分达成 or 未达成")
      }
      let low = try number(lowName, what: "a percent")
      let high = try number(highName, what: "a percent")
      guard low <= high else {
        throw EvaluationError(range: lowName.range.union(highName.range), message: "the low end \(lowName.text) is above the high end \(highName.text)")
      }
      next.tiers[tier] = low...high
      // Keep the neighbouring tiers touching, as a trainer moving one boundary expects.
      switch tier {
      case .achieved:
        if let p = next.tiers[.partlyAchieved] { next.tiers[.partlyAchieved] = min(p.lowerBound, low)...low }
      case .partlyAchieved:
        if let a = next.tiers[.achieved] { next.tiers[.achieved] = high...max(a.upperBound, high) }
        if let n = next.tiers[.notAchieved] { next.tiers[.notAchieved] = min(n.lowerBound, low)...low }
      case .notAchieved:
        if let p = next.tiers[.partlyAchieved] { next.tiers[.partlyAchieved] = high...max(p.upperBound, high) }
      }
      said = "tiers: " + Tier.allCases.reversed().map { "\($0) \(RuleSet.rangeText(next.tiers[$0] ?? (Fraction.zero...Fraction.hundred)))" }.joined(separator: ", ")
    case .negative(let name):
      guard let formula = NegativeFormula(rawValue: name.text.lowercased()) else {
        throw EvaluationError(range: name.range, message: "'\(name.text)' is not a 反向 formula", suggestion: "ratio (target ÷ actual) or linear (zero at twice the target)")
      }
      next.negative = formula
      said = "反向 indicators now use the \(formula.rawValue) formula"
    case .basis(let name):
      guard let basis = RateBasis(rawValue: name.text.lowercased()) else {
        throw EvaluationError(range: name.range, message: "'\(name.text)' is not a budget to divide by", suggestion: "budget (全年预算数) or initial (年初预算)")
      }
      next.rateBasis = basis
      said = "执行率 now divides by \(basis == .budget ? "全年预算数" : "年初预算")"
    }
    let problems = next.problems()
    guard problems.isEmpty else {
      var hint: String?
      if case .weights = change { hint = "change several weights in one statement: set weight 执行率 20, 产出 40" }
      throw EvaluationError(range: nil, message: "refused: " + problems.joined(separator: "; "), suggestion: hint)
    }
    rules = next
    return .text(said + " (rules \(rules.name), changed; reset rules to undo)")
  }

  func number(_ name: Name, what: String) throws(EvaluationError) -> Fraction {
    guard case .success(let v) = DecimalText.parse(name.text), v >= 0, v <= 100 * DecimalText.scale else {
      throw EvaluationError(range: name.range, message: "'\(name.text)' is not \(what) from 0 to 100")
    }
    return Fraction(tenThousandths: v)
  }
}
