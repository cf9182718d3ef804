import Scoring

/// Builds `explain`'s answer from a score card: every step of a score's derivation in
/// the report's own terms, with its numbers as values (the shell writes the text).
struct Explanation {
  typealias Step = ScoreExplanation.Step
  typealias Section = ScoreExplanation.Section
  typealias Operand = ScoreExplanation.Operand

  let card: ScoreCard
  let rules: RuleSet
  let rulesLabel: String
  /// Fields changed by what-if edits, with their loaded values.
  let edited: [Field: Value]

  func operand(_ name: String, _ value: Value, _ field: Field) -> Operand {
    Operand(name, value, loaded: edited[field])
  }

  var result: ScoreExplanation {
    let p = card.project
    var out = ScoreExplanation(
      year: p.year, unit: p.unit, seq: p.seq, name: p.name, rules: rulesLabel, sections: [], total: nil, grade: nil)
    guard card.computed else {
      var section = Section(
        kind: .recorded, title: "自评分",
        remark: "No indicators are recorded, so the score is the recorded 自评分 and only the grade follows from the bands.")
      guard let s = p.recordedScore else {
        section.steps.append(Step(.score, "自评分", note: "not recorded → the score and grade are unknown"))
        out.sections = [section]
        return out
      }
      section.steps.append(Step(.score, "自评分", points: s, recorded: operand("自评分", scoreValue(s), .score)))
      section.steps += gradeSteps(s)
      out.sections = [section]
      out.total = s
      out.grade = rules.grade(for: s)
      return out
    }
    out.sections.append(executionSection())
    for level in [IndicatorLevel.output, .benefit, .satisfaction] {
      if let section = levelSection(level) { out.sections.append(section) }
    }
    var groupTotals: [(Fraction, Fraction)?] = []
    for group in card.unnamedGroups {
      let steps = card.indicators.filter { $0.level == nil && $0.indicator.level1 == group }
      let maximum = steps.reduce(Fraction.zero) { $0 + $1.weight }
      let scale = card.formWeightsScale ?? .one
      var section = Section(
        kind: .other, title: group, maximum: maximum,
        remark: "a group the rules do not name, so every group keeps the form's own weight"
          + (scale == .one ? "" : ", scaled × \(scale.trimmed(places: 4)) to fill \(card.ruleWeightsTotal.trimmed(places: 4)) points"))
      var subtotal: Fraction? = .zero
      for step in steps {
        let i = step.indicator
        section.steps.append(indicatorStep(step, label: (i.level2.isEmpty ? "" : i.level2 + " · ") + i.name + " (\(i.kind))", showForm: true))
        subtotal = subtotal.flatMap { s in step.points.map { s + $0 } }
      }
      if let subtotal { section.steps.append(subtotalStep(steps, subtotal, maximum: maximum)) }
      groupTotals.append(subtotal.map { ($0, maximum) })
      out.sections.append(section)
    }
    if !card.ignored.isEmpty {
      var section = Section(
        kind: .ignored, title: card.ignored[0].level1,
        remark: "not counted: 执行率 is computed from 决算数 and the budget above, and these rows would count it twice")
      for i in card.ignored {
        let recorded = i.points.map { Fraction(tenThousandths: $0).trimmed(places: 4) } ?? "no points"
        section.steps.append(
          Step(
            .ignored, (i.level2.isEmpty ? "" : i.level2 + " · ") + i.name, formula: "form: \(recorded) of \(Fraction(tenThousandths: i.weight).trimmed(places: 4))",
            operands: [Operand("权重", .exact(Fraction(tenThousandths: i.weight)))] + (i.points.map { [Operand("form", .exact(Fraction(tenThousandths: $0)))] } ?? [])))
      }
      out.sections.append(section)
    }
    out.sections.append(resultSection(groupTotals.compactMap { $0 }))
    out.total = card.total
    out.grade = card.total.map { rules.grade(for: $0) }
    return out
  }

  func executionSection() -> Section {
    let r = card.rate
    var section = Section(kind: .execution, title: IndicatorLevel.execution.heading, maximum: r.weight)
    let w = r.weight.trimmed(places: 2)
    guard let rate = r.rate, let points = r.points, let spent = r.spent, let base = r.base else {
      section.steps.append(Step(.ratePoints, "得分", maximum: r.weight, note: r.problem ?? "unknown"))
      return section
    }
    let baseName = r.basis == .budget ? "全年预算数" : "年初预算"
    section.steps.append(
      Step(
        .rate, "执行率", formula: "决算数 ÷ \(baseName)",
        operands: [operand("决算数", .money(spent), .spent), operand(baseName, .money(base), r.basis == .budget ? .budget : .initial)],
        result: .percent(rate)))
    // The rate with as many decimals as it takes for weight × rate to give the points
    // printed: 10 × 86.245 % = 8.6245 → 8.62, where 86.25 % would give 8.63.
    var ratePlaces = (rate * Fraction.hundred).shownPlaces(outOf: .hundred)
    while ratePlaces < 6, rate < .one,
      (r.weight * (rate * Fraction.hundred).rounded(places: ratePlaces) / Fraction.hundred).formatted(places: 2) != points.formatted(places: 2)
    {
      ratePlaces += 1
    }
    var step = Step(
      .ratePoints, "得分", formula: "\(w) × min(\((rate * Fraction.hundred).formatted(places: ratePlaces)) %, 1)",
      operands: [Operand("权重", .exact(r.weight)), Operand("执行率", .percent(rate))], points: points, maximum: r.weight)
    if let recorded = r.recorded, recorded.formatted(places: 2) != points.formatted(places: 2) {
      step.recorded = Operand("form", .exact(recorded))
    }
    section.steps.append(step)
    return section
  }

  func levelSection(_ level: IndicatorLevel) -> Section? {
    let steps = card.indicators.filter { $0.level == level }
    guard !steps.isEmpty else { return nil }
    let ruleWeight = card.ruleWeights[level] ?? rules.weights[level] ?? .zero
    var remarks: [String] = []
    if level == .benefit, card.satisfactionMovedToBenefit {
      remarks.append("no 满意度 indicator, so its weight is added here")
    }
    if !card.unnamedGroups.isEmpty, let scale = card.formWeightsScale {
      remarks.append("the form's own weight" + (scale == .one ? "" : ", scaled × \(scale.trimmed(places: 4))"))
    } else if let scale = card.levelScale[level], scale != .one {
      remarks.append("the form's weights add up to \((card.levelWeights[level] ?? .zero).trimmed(places: 4)), scaled × \(scale.trimmed(places: 4))")
    }
    let kind: Section.Kind = level == .output ? .output : level == .benefit ? .benefit : .satisfaction
    var section = Section(
      kind: kind, title: level.heading, maximum: ruleWeight, remark: remarks.isEmpty ? nil : remarks.joined(separator: ": "))
    for step in steps {
      let i = step.indicator
      section.steps.append(indicatorStep(step, label: (i.level2.isEmpty ? "" : i.level2 + " · ") + i.name + " (\(i.kind))", showForm: true))
    }
    if let subtotal = card.points(of: level) {
      section.steps.append(subtotalStep(steps, subtotal, maximum: ruleWeight))
    }
    return section
  }

  /// 小计, saying so when its indicators' printed points do not add up to it.
  func subtotalStep(_ steps: [ScoreCard.IndicatorStep], _ subtotal: Fraction, maximum: Fraction) -> Step {
    let parts = steps.compactMap { s in s.points.map { (value: $0, maximum: Optional(s.weight)) } }
    return Step(.subtotal, "小计", points: subtotal, maximum: maximum, note: Fraction.roundingNote(parts: parts, total: subtotal, maximum: maximum))
  }

  func indicatorStep(_ step: ScoreCard.IndicatorStep, label: String, showForm: Bool) -> Step {
    let i = step.indicator
    var operands: [Operand] = []
    if let t = i.target { operands.append(Operand("target", .exact(Fraction(tenThousandths: t)))) }
    if let a = i.actual { operands.append(Operand("actual", .exact(Fraction(tenThousandths: a)))) }
    operands.append(Operand("权重", .exact(step.weight)))
    var out = Step(.indicator, label, formula: step.formula, operands: operands, points: step.points, maximum: step.weight, note: step.problem)
    let scale = i.weight == 0 ? Fraction.one : step.weight / Fraction(tenThousandths: i.weight)
    if showForm, let recorded = i.points, let pts = step.points, i.kind != .qualitative,
      (Fraction(tenThousandths: recorded) * scale).formatted(places: 2) != pts.formatted(places: 2)
    {
      out.recorded = Operand("form", .exact(Fraction(tenThousandths: recorded)))
      if scale != .one { out.recordedOf = Fraction(tenThousandths: i.weight) }
    }
    return out
  }

  func resultSection(_ others: [(Fraction, Fraction)]) -> Section {
    let p = card.project
    var section = Section(kind: .result, title: "总分")
    guard let total = card.total else {
      section.steps.append(Step(.total, "总分", note: card.unknownBecause ?? "a value is missing"))
      if let s = p.recordedScore {
        var operands = [Operand("自评分", scoreValue(s))]
        if let g = p.grade { operands.append(Operand("自评级", .grade(g))) }
        section.steps.append(Step(.recordedScore, "recorded", operands: operands))
      }
      return section
    }
    let order: [IndicatorLevel] = [.execution, .output, .benefit, .satisfaction]
    let parts: [(value: Fraction, maximum: Fraction?)] =
      order.filter { level in
        level == .execution || card.indicators.contains { $0.level == level }
      }.compactMap { level in
        card.points(of: level).map { ($0, level == .execution ? card.rate.weight : card.ruleWeights[level] ?? rules.weights[level]) }
      }
      + others.map { ($0.0, $0.1) }
    section.steps.append(
      Step(
        .total, "总分", formula: parts.map { $0.value.shown(outOf: $0.maximum) }.joined(separator: " + "),
        operands: parts.map { Operand("points", .number($0.value, places: 2)) }, result: decisive(total), points: total,
        note: Fraction.roundingNote(parts: parts, total: total, maximum: .hundred)))
    section.steps += gradeSteps(total)
    if let recorded = p.recordedScore {
      var operands = [operand("自评分", scoreValue(recorded), .score)]
      if let g = p.grade { operands.append(Operand("自评级", .grade(g))) }
      var step = Step(.recordedScore, "recorded", operands: operands, result: decisive(total), points: total)
      if recorded.formatted(places: 2) == total.formatted(places: 2), rules.grade(for: recorded) == rules.grade(for: total) {
        step.verdict = .holds
      } else if recorded.formatted(places: 2) == total.formatted(places: 2) {
        // Equal as printed, but not in the same band: not a ✓ under a ✗ for the grade.
        step.verdict = .wrong
        step.note = "It prints as \(total.formatted(places: 2)), but graded at full precision it is \(rules.grade(for: total)), not \(rules.grade(for: recorded))"
      } else {
        step.verdict = .wrong
        let roundings = roundedSteps()
        if !roundings.isEmpty, let sum = card.recordedPointsSum, sum == recorded {
          step.note = "The form rounded " + roundings.joined(separator: " and ") + "; its own points add up to \(sum.trimmed(places: 4))"
        }
      }
      section.steps.append(step)
    }
    return section
  }

  /// The band the score falls in, and the recorded grade against it.
  func gradeSteps(_ score: Fraction) -> [Step] {
    let g = rules.grade(for: score)
    var steps = [Step(.grade, "评级", operands: [Operand("score", decisive(score) ?? .number(score, places: 2))], result: .grade(g), points: score, note: "\(g): \(rules.bandText(g))")]
    if let recorded = card.project.grade {
      steps.append(
        Step(.recordedGrade, "recorded grade", result: .grade(g), recorded: operand("自评级", .grade(recorded), .grade), verdict: recorded == g ? .holds : .wrong))
    }
    return steps
  }

  /// The score with as many decimals as it takes to stay in its band, when two decimals
  /// do not (89.9999997 is 良, and "90.00" would say 优); nil when two do.
  func decisive(_ score: Fraction) -> Value? {
    let places = rules.decisivePlaces(score)
    return places == 2 ? nil : .number(score, places: places)
  }

  /// A score with two decimals, or the digits that keep it in its band and short of 100.
  func scoreValue(_ score: Fraction) -> Value {
    .number(score, places: max(rules.decisivePlaces(score), score.shownPlaces(outOf: .hundred)))
  }

  /// Steps whose recorded points equal the computed points rounded to a whole number.
  func roundedSteps() -> [String] {
    var out: [String] = []
    if let recorded = card.rate.recorded, let points = card.rate.points, recorded != points,
      points.formatted(places: 0) == recorded.trimmed(places: 4)
    {
      out.append("执行率 \(points.formatted(places: 2)) → \(recorded.trimmed(places: 4))")
    }
    for step in card.indicators {
      if let r = step.indicator.points, let pts = step.points {
        let recorded = Fraction(tenThousandths: r)
        if recorded != pts, pts.formatted(places: 0) == recorded.trimmed(places: 4) {
          out.append("\(step.indicator.name) \(pts.formatted(places: 2)) → \(recorded.trimmed(places: 4))")
        }
      }
    }
    return out
  }
}
