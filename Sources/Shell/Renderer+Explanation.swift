import QueryEngine
import Scoring

extension Renderer {
  typealias Step = ScoreExplanation.Step
  typealias Operand = ScoreExplanation.Operand

  /// `explain`'s steps in the chosen format: the derivation as text, readable on a
  /// projector (table and line), one object per section and step (JSON), one row per
  /// step (CSV), or a heading and a pipe table (markdown).
  public func render(_ e: ScoreExplanation) -> String {
    switch format {
    case .table, .line: return words(Renderer.explanationText(e))
    case .json: return Renderer.explanationJSON(e)
    case .csv: return csv(Renderer.explanationData(e))
    case .markdown:
      return words("**#\(e.seq) \(e.name)** · \(e.year) · \(e.unit) · rules: \(e.rules)") + "\n\n" + markdown(Renderer.explanationData(e))
    }
  }

  // MARK: text

  /// One line per step, numbers as the form prints them (points with two decimals).
  static func explanationText(_ e: ScoreExplanation) -> String {
    var lines = ["#\(e.seq) \(e.name)", "  \(e.year) · \(e.unit) · rules: \(e.rules)", ""]
    for section in e.sections {
      switch section.kind {
      case .recorded: lines.append(section.remark ?? "")
      case .result: lines.append("")
      case .ignored: lines.append("\(section.title) (\(section.remark ?? ""))")
      case .execution, .output, .benefit, .satisfaction, .other:
        lines.append("\(section.title) (\(weight(section.maximum)) 分)" + (section.remark.map { ": " + $0 } ?? ""))
      }
      for step in section.steps { lines += stepLines(step, rules: e.rules) }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func stepLines(_ s: Step, rules: String) -> [String] {
    switch s.kind {
    case .rate:
      let operands = s.operands.map { $0.value.display + mark($0) }.joined(separator: " ÷ ")
      return ["  \(s.label) = \(s.formula ?? "") = \(operands) = \(spacedPercent(s.result))"]
    case .ratePoints:
      guard let points = s.points else { return ["  \(s.note ?? "unknown") → 执行率 points unknown"] }
      return ["  \(s.label) = \(s.formula ?? "") = \(points.shown(outOf: s.maximum)) / \(weight(s.maximum)) 分" + form(s)]
    case .indicator:
      var line = "  \(s.label): \(s.formula ?? "")"
      line += s.points.map { " = \($0.shown(outOf: s.maximum)) / \(weight(s.maximum))" } ?? " → unknown"
      return [line + form(s)] + (s.note.map { ["    ! " + $0] } ?? [])
    case .subtotal:
      return ["  小计 \(s.points?.shown(outOf: s.maximum) ?? "") / \(weight(s.maximum))"] + (s.note.map { ["    (\($0))"] } ?? [])
    case .ignored:
      return ["  \(s.label): \(s.formula ?? "") → not counted"]
    case .score:
      guard let recorded = s.recorded else { return ["  \(s.label): \(s.note ?? "")"] }
      return ["  \(s.label) = \(recorded.value.display)\(mark(recorded)) (recorded)"]
    case .total:
      guard let total = s.points else { return ["总分: unknown — \(s.note ?? "") (a missing value is never counted as 0 or full marks)"] }
      return ["总分 = \(s.formula ?? "") = \(s.result?.display ?? total.shown(outOf: .hundred))"] + (s.note.map { ["  (\($0))"] } ?? [])
    case .grade:
      return ["  " + gradeText(s)]
    case .recordedGrade:
      guard let recorded = s.recorded else { return [] }
      return ["  recorded grade \(recorded.value.display)\(mark(recorded)) " + verdictText(s, rules: rules)]
    case .recordedScore:
      var line = "recorded:"
      for (k, o) in s.operands.enumerated() { line += " " + o.value.display + (k == 0 ? mark(o) : "") }
      return [s.verdict == nil ? line : line + " " + verdictText(s, rules: rules)]
    }
  }

  /// "97.24 → 优 (优: ≥ 90); graded at full precision (97.240741)"; when two decimals
  /// would fall in another band (89.9999997 prints as 90.00), the score is given with
  /// the digits that decide: "89.9999997 → 良 (…); 90.00 rounded to two decimals, …".
  static func gradeText(_ s: Step) -> String {
    let score = s.points ?? .zero
    if let decisive = decisiveDigits(s) {
      return "\(decisive) → \(s.result?.display ?? "") (\(s.note ?? "")); \(score.formatted(places: 2)) rounded to two decimals, but graded at full precision"
    }
    let shownInFull = score.rounded(places: score.shownPlaces(outOf: .hundred)) == score
    return "\(score.shown(outOf: .hundred)) → \(s.result?.display ?? "") (\(s.note ?? ""))" + ((shownInFull ? nil : precision(score)).map { "; " + $0 } ?? "")
  }

  /// The score as the grade step gives it when two decimals would cross a band boundary.
  static func decisiveDigits(_ s: Step) -> String? {
    guard case .number(_, let places) = s.operands.first?.value, places > 2 else { return nil }
    return s.operands.first?.value.display
  }

  /// Said when the two decimals shown are not the whole score, since grading is exact.
  static func precision(_ score: Fraction) -> String? {
    score.rounded(places: 2) == score ? nil : "graded at full precision (\(score.trimmed(places: 6)))"
  }

  /// "✓", or "✗ — the rules give 97.24. The form rounded …".
  static func verdictText(_ s: Step, rules: String) -> String {
    guard s.verdict == .wrong else { return Finding.Verdict.holds.rawValue }
    if s.kind == .recordedGrade { return "✗ — under \(rules) it is \(s.result?.display ?? "")" }
    return "✗ — the rules give \(s.result?.display ?? points(s.points))" + (s.note.map { ". " + $0 } ?? "")
  }

  /// "* (edited; loaded: 93.33)" after a value a what-if edit changed.
  static func mark(_ o: Operand) -> String {
    guard let loaded = o.loaded else { return "" }
    return "* (edited; loaded: \(loaded.display.isEmpty ? "missing" : loaded.display))"
  }

  /// "    (form: 9)" or "    (form: 9 of 10)" where the form's points differ from the rule's.
  static func form(_ s: Step) -> String { formNote(s).map { "    (\($0))" } ?? "" }

  static func formNote(_ s: Step) -> String? {
    guard let recorded = s.recorded else { return nil }
    return "form: \(recorded.value.display)" + (s.recordedOf.map { " of \($0.trimmed(places: 4))" } ?? "")
  }

  static func spacedPercent(_ v: Value?) -> String {
    guard case .percent(let ratio) = v else { return v?.display ?? "" }
    return (ratio * Fraction.hundred).shown(outOf: .hundred) + " %"
  }

  static func weight(_ f: Fraction?) -> String { f?.trimmed(places: 2) ?? "" }
  static func points(_ f: Fraction?) -> String { f?.formatted(places: 2) ?? "" }

  // MARK: data

  /// One row per step: section, step, formula, points, max, note; points with two
  /// decimals, as the form prints them.
  static func explanationData(_ e: ScoreExplanation) -> ResultTable {
    var rows: [[Value]] = []
    for section in e.sections {
      for s in section.steps {
        var formula = s.formula ?? ""
        var notes = s.note.map { [$0] } ?? []
        switch s.kind {
        case .rate:
          formula += " = " + s.operands.map(\.value.display).joined(separator: " ÷ ") + " = " + spacedPercent(s.result)
        case .ratePoints, .indicator:
          if let form = formNote(s) { notes.append(form) }
        case .grade:
          formula = "\(decisiveDigits(s) ?? points(s.points)) → \(s.result?.display ?? "")"
          if let d = decisiveDigits(s) {
            notes.append("graded at full precision (\(d))")
          } else if let p = precision(s.points ?? .zero) {
            notes.append(p)
          }
        case .recordedGrade:
          formula = s.recorded?.value.display ?? ""
          notes = [verdictText(s, rules: e.rules)]
        case .recordedScore:
          formula = s.operands.map(\.value.display).joined(separator: " ")
          notes = s.verdict == nil ? [] : [verdictText(s, rules: e.rules)]
        case .score:
          if s.recorded != nil { notes.append("recorded") }
        case .subtotal, .total:
          break
        case .ignored:
          notes.append("not counted")
        }
        for o in s.operands + (s.recorded.map { [$0] } ?? []) {
          if let loaded = o.loaded { notes.append("\(o.name) edited; loaded: \(loaded.display.isEmpty ? "missing" : loaded.display)") }
        }
        // A grade or a recorded figure has no points of its own.
        let scored = s.kind != .recordedGrade && s.kind != .recordedScore && s.kind != .grade
        rows.append([
          .text(section.title), .text(s.label), .text(formula), scored ? s.points.map { .number($0, places: 2) } ?? .missing : .missing,
          s.maximum.map { .exact($0) } ?? .missing, .text(notes.joined(separator: "; ")),
        ])
      }
    }
    var table = ResultTable(
      columns: [
        .init("section", numeric: false), .init("step", numeric: false), .init("formula", numeric: false), .init("points", numeric: true),
        .init("max", numeric: true), .init("note", numeric: false),
      ], rows: rows)
    table.showsRowCount = false
    return table
  }

  /// The project, then its sections, each with its steps, one step per line. Numbers are
  /// JSON numbers: points and totals with two decimals, as the form prints them (grading
  /// itself is exact); weights, operands and the form's own points exactly; a rate in
  /// percent points.
  static func explanationJSON(_ e: ScoreExplanation) -> String {
    var out = "{\n"
    let head: [(String, String)] = [
      ("year", String(e.year)), ("unit", jsonString(e.unit)), ("seq", String(e.seq)), ("name", jsonString(e.name)),
      ("rules", jsonString(e.rules)), ("total", e.total.map { $0.formatted(places: 2) } ?? "null"),
      ("grade", e.grade.map { jsonString($0.description) } ?? "null"),
    ]
    for (k, v) in head { out += "  \(jsonString(k)): \(v),\n" }
    out += "  \"sections\": [\n"
    for (n, section) in e.sections.enumerated() {
      out += "    {\"kind\": \(jsonString(section.kind.rawValue)), \"title\": \(jsonString(section.title)), "
      out += "\"max\": \(exact(section.maximum)), \"remark\": \(section.remark.map(jsonString) ?? "null"), \"steps\": [\n"
      for (k, step) in section.steps.enumerated() {
        out += "      " + stepJSON(step) + (k == section.steps.count - 1 ? "\n" : ",\n")
      }
      out += "    ]}" + (n == e.sections.count - 1 ? "\n" : ",\n")
    }
    return out + "  ]\n}\n"
  }

  static func stepJSON(_ s: Step) -> String {
    let fields: [(String, String)] = [
      ("kind", jsonString(s.kind.rawValue)), ("label", jsonString(s.label)), ("formula", s.formula.map(jsonString) ?? "null"),
      ("operands", "[" + s.operands.map(operandJSON).joined(separator: ", ") + "]"),
      ("result", s.result.map(jsonValue) ?? "null"), ("points", s.points.map { $0.formatted(places: 2) } ?? "null"),
      ("max", exact(s.maximum)), ("recorded", s.recorded.map(operandJSON) ?? "null"), ("recorded_of", exact(s.recordedOf)),
      ("verdict", s.verdict.map { jsonString($0.word) } ?? "null"), ("note", s.note.map(jsonString) ?? "null"),
    ]
    return "{" + fields.map { jsonString($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
  }

  static func operandJSON(_ o: Operand) -> String {
    "{\"name\": \(jsonString(o.name)), \"value\": \(jsonValue(o.value))" + (o.loaded.map { ", \"loaded\": \(jsonValue($0))" } ?? "") + "}"
  }

  static func exact(_ f: Fraction?) -> String { f.map { $0.trimmed(places: DecimalText.places) } ?? "null" }
}
