/// Computes a project's score under a rule set.
///
/// Score = 执行率 points + each indicator's points. Quantitative indicators are
/// computed from target and actual; a qualitative one takes its recorded points,
/// checked against the tier its actual names and never more than its weight. When the
/// data's first-level weights differ from the rule set's (a 20-point 执行率 leaves 80 for
/// the indicators), each level is scaled to the rule set's weight. A form with a group
/// the rules do not name (成本指标, 项目决策) is scored with its own weights, scaled
/// together into the indicators' points; a 预算执行情况 row is not counted, since 执行率
/// is computed from the amounts. So a total never leaves 0–100. A missing value makes
/// the score unknown.
public enum Scorer {
  /// A project's total and grade, without the steps' text: what `recompute` and the
  /// new_score and new_grade columns need. The same weighting, parts and sum as `score`,
  /// so the total is the one `explain` shows; nil total when a needed value is missing.
  public static func total(_ project: Project, indicators: ArraySlice<Indicator>, plan: ScoringPlan) -> (sum: ScoreSum?, grade: Grade?) {
    total(
      score: project.score, spent: project.spent?.tenThousandths, budget: project.budget?.tenThousandths,
      initial: project.initial?.tenThousandths, indicators: indicators.map(\.figures)[...], plan: plan)
  }

  /// The same from a project's figures as the store's columns hold them (ten-thousandths,
  /// nil where missing) and its indicators' figures: no `Project` and no texts are made.
  public static func total(
    score: Int64?, spent: Int64?, budget: Int64?, initial: Int64?, indicators: ArraySlice<IndicatorFigures>, plan: ScoringPlan
  ) -> (sum: ScoreSum?, grade: Grade?) {
    guard !indicators.isEmpty else {
      guard let s = score else { return (nil, nil) }
      var sum = ScoreSum()
      sum.add(.tenThousandths(Int128(s)))
      return (sum, plan.rules.grade(for: sum.value))
    }
    let w = Weighting(indicators, plan)
    var sum = ScoreSum()
    guard let rate = ratePart(spent: spent, base: plan.rules.rateBasis == .budget ? budget : initial, plan) else { return (nil, nil) }
    sum.add(rate)
    for i in indicators {
      let level = i.level
      if level == .execution { continue }
      guard let part = indicatorPart(i, scale: w.scale(of: level), negative: plan.rules.negative).part else { return (nil, nil) }
      sum.add(part)
    }
    return (sum, plan.grade(sum))
  }

  /// The score card: every step with its formula text and problems, for `explain`,
  /// `check` and the audits.
  public static func score(_ project: Project, indicators: [Indicator], rules: RuleSet) -> ScoreCard {
    let plan = ScoringPlan(rules)
    let rate = rateStep(project, plan: plan)
    var card = ScoreCard(
      project: project, rules: rules.name, rate: rate, indicators: [], levelScale: [:], levelWeights: [:],
      total: nil, unknownBecause: nil, grade: nil, computed: !indicators.isEmpty)
    guard !indicators.isEmpty else {
      // No indicators: the recorded score stands, and only the grade is derived.
      if let s = project.recordedScore {
        card.total = s
        card.grade = rules.grade(for: s)
      } else {
        card.unknownBecause = "no score is recorded"
      }
      return card
    }
    let w = Weighting(indicators.map(\.figures)[...], plan)
    var scored: [Indicator] = []
    for i in indicators {
      let level = i.level
      // 执行率 is computed from 决算数 and the budget; a 预算执行情况 row would count it twice.
      if level == .execution {
        card.ignored.append(i)
        continue
      }
      scored.append(i)
      if level == nil, !card.unnamedGroups.contains(i.level1) { card.unnamedGroups.append(i.level1) }
    }
    let named: [IndicatorLevel] = [.output, .benefit, .satisfaction]
    for level in named where w.present[ScoringPlan.slot(level)] {
      card.levelWeights[level] = Fraction(w.dataWeight[ScoringPlan.slot(level)], Int128(DecimalText.scale))
    }
    var ruleWeights = rules.weights
    if let scale = w.scaleAll {
      card.formWeightsScale = scale
      for level in named where w.present[ScoringPlan.slot(level)] {
        ruleWeights[level] = w.applied[ScoringPlan.slot(level)]
        card.levelScale[level] = scale
      }
    } else {
      if w.satisfactionMoved {
        ruleWeights[.benefit] = w.applied[1]
        ruleWeights[.satisfaction] = .zero
        card.satisfactionMovedToBenefit = true
      }
      for level in named where w.present[ScoringPlan.slot(level)] && w.dataWeight[ScoringPlan.slot(level)] > 0 {
        card.levelScale[level] = w.scale(of: level) ?? .one
      }
    }
    card.ruleWeights = ruleWeights
    var sum = ScoreSum()
    var known = rate.points != nil
    var unknown: String? = rate.problem
    if let p = rate.part { sum.add(p) }
    for i in scored {
      let (step, part) = indicatorStep(i, scale: w.scale(of: i.level), rules: rules)
      card.indicators.append(step)
      if let part {
        sum.add(part)
      } else {
        known = false
        if unknown == nil { unknown = "\(i.name): \(step.problem ?? "no points")" }
      }
    }
    card.total = known ? sum.value : nil
    card.unknownBecause = known ? nil : unknown
    card.grade = known ? plan.grade(sum) : nil
    return card
  }

  /// The first-level weights a project's indicators are scaled by, worked out from the
  /// data's own weights in ten-thousandths; a scale of exactly one is nil, so those
  /// indicators are scored in integers.
  struct Weighting {
    /// The data's weight per named level (产出, 效益, 满意度), in ten-thousandths.
    var dataWeight: InlineArray<3, Int128> = [0, 0, 0]
    /// Whether the project has an indicator of the level.
    var present: InlineArray<3, Bool> = [false, false, false]
    /// The points each named level is worth: the rule set's, moved or shared out.
    var applied: InlineArray<3, Fraction>
    /// With groups the rules do not name: the one scale for every indicator.
    var scaleAll: Fraction?
    /// Each named level's scale, nil where it is exactly one.
    var levelScale: InlineArray<3, Fraction?> = [nil, nil, nil]
    /// Whether 满意度's weight went to 效益.
    var satisfactionMoved = false

    init(_ indicators: ArraySlice<IndicatorFigures>, _ plan: ScoringPlan) {
      applied = [plan.weights[0], plan.weights[1], plan.weights[2]]
      var formWeight: Int128 = 0
      var unnamed = false
      for i in indicators {
        let level = i.level
        if level == .execution { continue }
        formWeight += Int128(i.weight)
        if let level {
          let k = ScoringPlan.slot(level)
          dataWeight[k] += Int128(i.weight)
          present[k] = true
        } else {
          unnamed = true
        }
      }
      if unnamed {
        // The rules' split cannot apply to groups they do not name: the form's own weights
        // share the points the three named groups are worth together.
        let available = plan.weights[0] + plan.weights[1] + plan.weights[2]
        let scale = formWeight > 0 ? available / Fraction(formWeight, Int128(DecimalText.scale)) : .one
        scaleAll = scale
        for k in 0..<3 where present[k] { applied[k] = Fraction(dataWeight[k], Int128(DecimalText.scale)) * scale }
        return
      }
      // "If no satisfaction indicator is set, its weight moves to 效益" (财预〔2020〕10号).
      if !present[2], present[1] {
        applied[1] = applied[1] + applied[2]
        applied[2] = .zero
        satisfactionMoved = true
      }
      for k in 0..<3 where present[k] && dataWeight[k] > 0 {
        // A group the rule set gives no weight earns nothing, rather than its own weight on top.
        let rule = applied[k]
        let (left, o1) = rule.numerator.multipliedReportingOverflow(by: Int128(DecimalText.scale))
        let (right, o2) = dataWeight[k].multipliedReportingOverflow(by: rule.denominator)
        if o1 || o2 || left != right { levelScale[k] = rule / Fraction(dataWeight[k], Int128(DecimalText.scale)) }
      }
    }

    /// The scale of an indicator of `level`; nil when it is exactly one.
    func scale(of level: IndicatorLevel?) -> Fraction? {
      if let scaleAll { return scaleAll == .one ? nil : scaleAll }
      guard let level, level != .execution else { return nil }
      return levelScale[ScoringPlan.slot(level)]
    }
  }

  /// 执行率's points: the weight × min(决算数 ÷ base, 1); nil when a value is missing or the base is 0.
  static func ratePart(spent: Int64?, base: Int64?, _ plan: ScoringPlan) -> ScoreSum.Part? {
    guard let spent, let base, base != 0 else { return nil }
    let full = base > 0 ? spent >= base : spent <= base
    if let w = plan.rateWeight {
      return full ? .tenThousandths(w) : .ratio(w * Int128(spent), Int128(base))
    }
    return .exact(plan.weights[3] * Fraction.min(Fraction(tenThousandths: spent) / Fraction(tenThousandths: base), .one))
  }

  static func rateStep(_ p: Project, plan: ScoringPlan) -> ScoreCard.RateStep {
    let rules = plan.rules
    let weight = plan.weights[3]
    let base = rules.rateBasis == .budget ? p.budget : p.initial
    var step = ScoreCard.RateStep(
      spent: p.spent, base: base, basis: rules.rateBasis, weight: weight, rate: nil, points: nil, problem: nil,
      recorded: p.ratePoints.map { Fraction(tenThousandths: $0) })
    let baseName = rules.rateBasis == .budget ? "全年预算数" : "年初预算"
    guard let spent = p.spent else {
      step.problem = "决算数 is missing, so 执行率 is unknown"
      return step
    }
    guard let base else {
      step.problem = "\(baseName) is missing, so 执行率 is unknown"
      return step
    }
    guard base.tenThousandths != 0 else {
      step.problem = "\(baseName) is 0, so 执行率 (决算数 ÷ \(baseName)) cannot be computed"
      return step
    }
    step.rate = spent.exact / base.exact
    step.part = ratePart(spent: spent.tenThousandths, base: base.tenThousandths, plan)
    step.points = step.part?.value
    return step
  }

  /// Which rule gave an indicator its points: what its formula text says.
  enum Rule {
    case missingValue, targetZero, ratio, withinTarget, negativeTarget, twiceTarget, linear
    case noRecordedPoints, aboveWeight, recorded
  }

  /// An indicator's points under the rules, and the rule that gave them; `scale` nil is
  /// exactly one, and then every part is worked out in ten-thousandths.
  static func indicatorPart(_ i: IndicatorFigures, scale: Fraction?, negative: NegativeFormula) -> (part: ScoreSum.Part?, rule: Rule) {
    let w = Int128(i.weight)
    let weight: ScoreSum.Part = scale.map { .exact(Fraction(tenThousandths: i.weight) * $0) } ?? .tenThousandths(w)
    switch i.kind {
    case .positive, .negative:
      guard let t64 = i.target, let a64 = i.actual else { return (nil, .missingValue) }
      let t = Int128(t64)
      let a = Int128(a64)
      if i.kind == .positive {
        if t == 0 { return (weight, .targetZero) }
        if let scale {
          let ratio = Fraction(a, t)
          return (.exact(Fraction(tenThousandths: i.weight) * scale * Fraction.min(ratio, .one)), .ratio)
        }
        let full = t > 0 ? a >= t : a <= t
        return (full ? weight : .ratio(w * a, t), .ratio)
      }
      if a <= t { return (weight, .withinTarget) }
      switch negative {
      case .ratio:
        // target ÷ actual means nothing below zero, and an actual of 0 (above a
        // negative target) would divide by zero.
        if t < 0 { return (nil, .negativeTarget) }
        if let scale { return (.exact(Fraction(tenThousandths: i.weight) * scale * Fraction(t, a)), .ratio) }
        return (.ratio(w * t, a), .ratio)
      case .linear:
        if t == 0 || a >= 2 * t { return (.tenThousandths(0), .twiceTarget) }
        if let scale { return (.exact(Fraction(tenThousandths: i.weight) * scale * (Fraction.one - Fraction(a - t, t))), .linear) }
        return (.ratio(w * (2 * t - a), t), .linear)
      }
    case .qualitative:
      guard let recorded = i.points else { return (nil, .noRecordedPoints) }
      // An indicator never scores above its weight: the excess is not counted.
      if recorded > i.weight { return (weight, .aboveWeight) }
      return (scale.map { .exact(Fraction(tenThousandths: recorded) * $0) } ?? .tenThousandths(Int128(recorded)), .recorded)
    }
  }

  /// One indicator's step for the score card: the part `indicatorPart` gives, with its
  /// formula and problems in words.
  static func indicatorStep(_ i: Indicator, scale: Fraction?, rules: RuleSet) -> (ScoreCard.IndicatorStep, ScoreSum.Part?) {
    let (part, rule) = indicatorPart(i.figures, scale: scale, negative: rules.negative)
    let rawWeight = Fraction(tenThousandths: i.weight)
    let scale = scale ?? .one
    let weight = rawWeight * scale
    var step = ScoreCard.IndicatorStep(
      indicator: i, level: i.level, weight: weight, points: part?.value, formula: "", problem: nil,
      breaksRule: false)
    let w = weight.trimmed(places: 2)
    switch i.kind {
    case .positive, .negative:
      guard let t = i.target, let a = i.actual else {
        step.formula = "\(i.kind) \(i.targetText.isEmpty ? "?" : i.targetText) → \(i.actualText.isEmpty ? "?" : i.actualText)"
        step.problem = i.actual == nil
          ? "the actual value '\(i.actualText)' is not a number, so the points are unknown"
          : "the target is missing, so the points are unknown"
        return (step, part)
      }
      let ts = Fraction(tenThousandths: t).trimmed(places: 4)
      let as_ = Fraction(tenThousandths: a).trimmed(places: 4)
      switch rule {
      case .targetZero: step.formula = "正向, target 0: met → \(w)"
      case .withinTarget: step.formula = "\(as_) ≤ \(ts) → \(w)"
      case .twiceTarget: step.formula = "\(as_) ≥ 2 × \(ts) → 0"
      case .linear: step.formula = "\(w) × (1 − (\(as_) − \(ts)) ÷ \(ts))"
      case .negativeTarget:
        step.formula = "\(w) × \(ts) ÷ \(as_)"
        step.problem = "the target \(ts) is negative, where target ÷ actual has no meaning; the points are unknown"
      default: step.formula = i.kind == .positive ? "\(w) × min(\(as_) ÷ \(ts), 1)" : "\(w) × \(ts) ÷ \(as_)"
      }
      if let recorded = i.points, recorded > i.weight {
        step.problem = "recorded \(Fraction(tenThousandths: recorded).trimmed(places: 4)) is above the weight \(rawWeight.trimmed(places: 4)); an indicator never scores above its weight"
        step.breaksRule = true
      } else if let recorded = i.points, let computed = step.points {
        let r = Fraction(tenThousandths: recorded) * scale
        if (r - computed).magnitudeAbove(Fraction(1, 200)) {
          step.problem = "recorded \(Fraction(tenThousandths: recorded).trimmed(places: 4))" + (scale == .one ? "" : " (\(r.formatted(places: 2)) after scaling)") + ", the rule gives \(computed.formatted(places: 2))"
          step.breaksRule = true
        }
      }
    case .qualitative:
      guard let recorded = i.points else {
        step.formula = "定性 \(i.tier?.description ?? i.actualText): no points recorded"
        step.problem = "no points are recorded for this qualitative indicator"
        return (step, part)
      }
      let p = Fraction(tenThousandths: recorded)
      if rule == .aboveWeight {
        step.formula = "定性: recorded \(p.trimmed(places: 4)) of \(rawWeight.trimmed(places: 4)), counted as \(rawWeight.trimmed(places: 4))"
        if scale != .one { step.formula += ", × \(scale.trimmed(places: 4))" }
        step.problem = "recorded \(p.trimmed(places: 4)) is above the weight \(rawWeight.trimmed(places: 4)); an indicator never scores above its weight, so it counts \(rawWeight.trimmed(places: 4))"
        step.breaksRule = true
        return (step, part)
      }
      let share = rawWeight > .zero ? (p / rawWeight * Fraction.hundred).formatted(places: 2) : "?"
      guard let tier = i.tier else {
        step.formula = "定性: recorded \(p.trimmed(places: 4)) (no tier named)"
        step.problem = "the actual '\(i.actualText)' names no tier, so the points cannot be checked"
        return (step, part)
      }
      let range = rules.tiers[tier] ?? (Fraction.zero...Fraction.hundred)
      let rangeText = RuleSet.rangeText(range)
      step.formula = "定性 \(tier): recorded \(p.trimmed(places: 4)) = \(share) % of \(rawWeight.trimmed(places: 4)), tier \(rangeText)"
      if scale != .one { step.formula += ", × \(scale.trimmed(places: 4))" }
      if !rules.tierContains(tier, points: p, weight: rawWeight) {
        step.problem = "\(share) % lies outside the \(tier) tier (\(rangeText))"
        step.breaksRule = true
      }
    }
    return (step, part)
  }
}

extension Fraction {
  /// Whether the magnitude exceeds `limit`.
  func magnitudeAbove(_ limit: Fraction) -> Bool {
    self > limit || self < -limit
  }
}
