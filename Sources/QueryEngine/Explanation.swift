import Scoring

/// The text of `explain`: a score's derivation in the report's own terms, one step per
/// line, readable on a projector.
struct Explanation {
  let card: ScoreCard
  let rules: RuleSet
  let rulesLabel: String
  /// Fields changed by what-if edits, with their loaded values.
  let edited: [Field: Value]

  func mark(_ field: Field) -> String {
    guard let original = edited[field] else { return "" }
    let was = original.display.isEmpty ? "missing" : original.display
    return "* (edited; loaded: \(was))"
  }

  var text: String {
    let p = card.project
    var lines: [String] = []
    lines.append("#\(p.seq) \(p.name)")
    lines.append("  \(p.year) · \(p.unit) · rules: \(rulesLabel)")
    lines.append("")
    guard card.computed else {
      lines.append("No indicators are recorded, so the score is the recorded 自评分 and only the grade follows from the bands.")
      guard let s = p.recordedScore else {
        lines.append("  自评分: not recorded → the score and grade are unknown")
        return lines.joined(separator: "\n") + "\n"
      }
      lines.append("  自评分 = \(s.formatted(places: 2))\(mark(.score)) (recorded)")
      lines += gradeLines(s)
      return lines.joined(separator: "\n") + "\n"
    }
    let r = card.rate
    let w = r.weight.trimmed(places: 2)
    let baseName = r.basis == .budget ? "全年预算数" : "年初预算"
    lines.append("预算执行率 (\(w) 分)")
    if let rate = r.rate, let points = r.points, let spent = r.spent, let base = r.base {
      let pct = (rate * Fraction.hundred).formatted(places: 2) + " %"
      lines.append("  执行率 = 决算数 ÷ \(baseName) = \(spent)\(mark(.spent)) ÷ \(base)\(mark(r.basis == .budget ? .budget : .initial)) = \(pct)")
      var line = "  得分 = \(w) × min(\(pct), 1) = \(points.formatted(places: 2)) / \(w) 分"
      if let recorded = r.recorded, recorded.formatted(places: 2) != points.formatted(places: 2) {
        line += "    (form: \(recorded.trimmed(places: 4)))"
      }
      lines.append(line)
    } else {
      lines.append("  \(r.problem ?? "unknown") → 执行率 points unknown")
    }
    for level in [IndicatorLevel.output, .benefit, .satisfaction] {
      let steps = card.indicators.filter { $0.level == level }
      guard !steps.isEmpty else { continue }
      let ruleWeight = (card.ruleWeights[level] ?? rules.weights[level] ?? .zero).trimmed(places: 2)
      var heading = "\(level.heading) (\(ruleWeight) 分)"
      if level == .benefit, card.satisfactionMovedToBenefit {
        heading += ": no 满意度 indicator, so its weight is added here"
      }
      if let scale = card.levelScale[level], scale != .one {
        heading += ": the form's weights add up to \((card.levelWeights[level] ?? .zero).trimmed(places: 4)), scaled × \(scale.trimmed(places: 4))"
      }
      lines.append(heading)
      for step in steps {
        let i = step.indicator
        let label = (i.level2.isEmpty ? "" : i.level2 + " · ") + i.name + " (\(i.kind))"
        var line = "  \(label): \(step.formula)"
        if let pts = step.points {
          line += " = \(pts.formatted(places: 2)) / \(step.weight.trimmed(places: 2))"
        } else {
          line += " → unknown"
        }
        let scale = i.weight == 0 ? Fraction.one : step.weight / Fraction(tenThousandths: i.weight)
        if let recorded = i.points, let pts = step.points, i.kind != .qualitative,
          (Fraction(tenThousandths: recorded) * scale).formatted(places: 2) != pts.formatted(places: 2)
        {
          line += "    (form: \(Fraction(tenThousandths: recorded).trimmed(places: 4))" + (scale == .one ? ")" : " of \(Fraction(tenThousandths: i.weight).trimmed(places: 4)))")
        }
        lines.append(line)
        if let problem = step.problem { lines.append("    ! \(problem)") }
      }
      if let subtotal = card.points(of: level) {
        lines.append("  小计 \(subtotal.formatted(places: 2)) / \(ruleWeight)")
      }
    }
    let others = card.indicators.filter { $0.level == nil }
    if !others.isEmpty {
      lines.append("其他指标 (not 产出, 效益 or 满意度: counted as recorded, not scaled)")
      for step in others {
        let i = step.indicator
        lines.append("  \(i.level1) · \(i.name) (\(i.kind)): \(step.formula)" + (step.points.map { " = \($0.formatted(places: 2)) / \(step.weight.trimmed(places: 2))" } ?? " → unknown"))
        if let problem = step.problem { lines.append("    ! \(problem)") }
      }
    }
    lines.append("")
    guard let total = card.total else {
      lines.append("总分: unknown — \(card.unknownBecause ?? "a value is missing") (a missing value is never counted as 0 or full marks)")
      if let s = p.recordedScore { lines.append("recorded: \(s.formatted(places: 2))\(p.grade.map { " \($0)" } ?? "")") }
      return lines.joined(separator: "\n") + "\n"
    }
    let order: [IndicatorLevel] = [.execution, .output, .benefit, .satisfaction]
    let parts = order.filter { level in
      level == .execution || card.indicators.contains { $0.level == level }
    }.compactMap { card.points(of: $0)?.formatted(places: 2) }
      + others.compactMap { $0.points?.formatted(places: 2) }
    lines.append("总分 = " + parts.joined(separator: " + ") + " = \(total.formatted(places: 2))")
    lines += gradeLines(total)
    if let recorded = p.recordedScore {
      var line = "recorded: \(recorded.formatted(places: 2))\(mark(.score))\(p.grade.map { " \($0)" } ?? "")"
      if recorded.formatted(places: 2) == total.formatted(places: 2) {
        line += " ✓"
      } else {
        line += " ✗ — the rules give \(total.formatted(places: 2))"
        let roundings = roundedSteps()
        if !roundings.isEmpty, let sum = card.recordedPointsSum, sum == recorded {
          line += ". The form rounded " + roundings.joined(separator: " and ") + "; its own points add up to \(sum.trimmed(places: 4))"
        }
      }
      lines.append(line)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  func gradeLines(_ score: Fraction) -> [String] {
    let g = rules.grade(for: score)
    var lines = ["  \(score.formatted(places: 2)) → \(g) (\(g): \(rules.bandText(g)))"]
    if score * Fraction(100) != Fraction(Int128(score.formatted(places: 2).replacing(".", with: "")) ?? 0, 1) {
      lines[0] += "; graded at full precision (\(score.trimmed(places: 6)))"
    }
    if let recorded = card.project.grade {
      lines.append(recorded == g ? "  recorded grade \(recorded)\(mark(.grade)) ✓" : "  recorded grade \(recorded)\(mark(.grade)) ✗ — under \(rulesLabel) it is \(g)")
    }
    return lines
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
