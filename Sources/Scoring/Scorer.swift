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
  public static func score(_ project: Project, indicators: [Indicator], rules: RuleSet) -> ScoreCard {
    let rate = rateStep(project, rules: rules)
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
    var levelWeights: [IndicatorLevel: Fraction] = [:]
    var scored: [Indicator] = []
    var formWeight = Fraction.zero
    for i in indicators {
      let level = IndicatorLevel(i.level1)
      // 执行率 is computed from 决算数 and the budget; a 预算执行情况 row would count it twice.
      if level == .execution {
        card.ignored.append(i)
        continue
      }
      scored.append(i)
      formWeight = formWeight + Fraction(tenThousandths: i.weight)
      if let level {
        levelWeights[level, default: .zero] = levelWeights[level, default: .zero] + Fraction(tenThousandths: i.weight)
      } else if !card.unnamedGroups.contains(i.level1) {
        card.unnamedGroups.append(i.level1)
      }
    }
    card.levelWeights = levelWeights
    var ruleWeights = rules.weights
    var scaleAll: Fraction?
    if !card.unnamedGroups.isEmpty {
      // The rules' split cannot apply to groups they do not name: the form's own weights
      // share the points the three named groups are worth together.
      let available = [IndicatorLevel.output, .benefit, .satisfaction].reduce(Fraction.zero) { $0 + (rules.weights[$1] ?? .zero) }
      let scale = formWeight > .zero ? available / formWeight : .one
      scaleAll = scale
      card.formWeightsScale = scale
      for (level, dataWeight) in levelWeights {
        ruleWeights[level] = dataWeight * scale
        card.levelScale[level] = scale
      }
    } else {
      // "If no satisfaction indicator is set, its weight moves to 效益" (财预〔2020〕10号).
      if levelWeights[.satisfaction] == nil, levelWeights[.benefit] != nil {
        ruleWeights[.benefit] = (ruleWeights[.benefit] ?? .zero) + (ruleWeights[.satisfaction] ?? .zero)
        ruleWeights[.satisfaction] = .zero
        card.satisfactionMovedToBenefit = true
      }
      for (level, dataWeight) in levelWeights where dataWeight > .zero {
        // A group the rule set gives no weight earns nothing, rather than its own weight on top.
        card.levelScale[level] = (ruleWeights[level] ?? .zero) / dataWeight
      }
    }
    card.ruleWeights = ruleWeights
    var total: Fraction? = rate.points
    var unknown: String? = rate.problem
    for i in scored {
      let scale = scaleAll ?? IndicatorLevel(i.level1).flatMap { card.levelScale[$0] } ?? .one
      let step = indicatorStep(i, scale: scale, rules: rules)
      card.indicators.append(step)
      if let p = step.points {
        total = total.map { $0 + p }
      } else {
        total = nil
        if unknown == nil { unknown = "\(i.name): \(step.problem ?? "no points")" }
      }
    }
    card.total = total
    card.unknownBecause = total == nil ? unknown : nil
    card.grade = total.map(rules.grade(for:))
    return card
  }

  static func rateStep(_ p: Project, rules: RuleSet) -> ScoreCard.RateStep {
    let weight = rules.weights[.execution] ?? .zero
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
    let r = spent.exact / base.exact
    step.rate = r
    step.points = weight * Fraction.min(r, .one)
    return step
  }

  static func indicatorStep(_ i: Indicator, scale: Fraction, rules: RuleSet) -> ScoreCard.IndicatorStep {
    let rawWeight = Fraction(tenThousandths: i.weight)
    let weight = rawWeight * scale
    var step = ScoreCard.IndicatorStep(
      indicator: i, level: IndicatorLevel(i.level1), weight: weight, points: nil, formula: "", problem: nil,
      breaksRule: false)
    let w = weight.trimmed(places: 2)
    switch i.kind {
    case .positive, .negative:
      guard let t = i.target, let a = i.actual else {
        step.formula = "\(i.kind) \(i.targetText.isEmpty ? "?" : i.targetText) → \(i.actualText.isEmpty ? "?" : i.actualText)"
        step.problem = i.actual == nil
          ? "the actual value '\(i.actualText)' is not a number, so the points are unknown"
          : "the target is missing, so the points are unknown"
        return step
      }
      let target = Fraction(tenThousandths: t)
      let actual = Fraction(tenThousandths: a)
      let ts = target.trimmed(places: 4)
      let as_ = actual.trimmed(places: 4)
      if i.kind == .positive {
        if target == .zero {
          step.points = weight
          step.formula = "正向, target 0: met → \(w)"
        } else {
          step.points = weight * Fraction.min(actual / target, .one)
          step.formula = "\(w) × min(\(as_) ÷ \(ts), 1)"
        }
      } else {
        switch rules.negative {
        case .ratio:
          if actual <= target {
            step.points = weight
            step.formula = "\(as_) ≤ \(ts) → \(w)"
          } else if target < .zero {
            // target ÷ actual means nothing below zero, and an actual of 0 (above a
            // negative target) would divide by zero.
            step.formula = "\(w) × \(ts) ÷ \(as_)"
            step.problem = "the target \(ts) is negative, where target ÷ actual has no meaning; the points are unknown"
          } else {
            step.points = weight * (target / actual)
            step.formula = "\(w) × \(ts) ÷ \(as_)"
          }
        case .linear:
          if actual <= target {
            step.points = weight
            step.formula = "\(as_) ≤ \(ts) → \(w)"
          } else if target == .zero || actual >= target * Fraction(2) {
            step.points = .zero
            step.formula = "\(as_) ≥ 2 × \(ts) → 0"
          } else {
            step.points = weight * (Fraction.one - (actual - target) / target)
            step.formula = "\(w) × (1 − (\(as_) − \(ts)) ÷ \(ts))"
          }
        }
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
        return step
      }
      let p = Fraction(tenThousandths: recorded)
      step.points = p * scale
      if recorded > i.weight {
        // An indicator never scores above its weight: the excess is not counted.
        step.points = weight
        step.formula = "定性: recorded \(p.trimmed(places: 4)) of \(rawWeight.trimmed(places: 4)), counted as \(rawWeight.trimmed(places: 4))"
        if scale != .one { step.formula += ", × \(scale.trimmed(places: 4))" }
        step.problem = "recorded \(p.trimmed(places: 4)) is above the weight \(rawWeight.trimmed(places: 4)); an indicator never scores above its weight, so it counts \(rawWeight.trimmed(places: 4))"
        step.breaksRule = true
        return step
      }
      let share = rawWeight > .zero ? (p / rawWeight * Fraction.hundred).formatted(places: 2) : "?"
      guard let tier = i.tier else {
        step.formula = "定性: recorded \(p.trimmed(places: 4)) (no tier named)"
        step.problem = "the actual '\(i.actualText)' names no tier, so the points cannot be checked"
        return step
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
    return step
  }
}

extension Fraction {
  /// Whether the magnitude exceeds `limit`.
  func magnitudeAbove(_ limit: Fraction) -> Bool {
    self > limit || self < -limit
  }
}
