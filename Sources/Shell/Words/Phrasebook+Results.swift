import QueryEngine
import Scoring

extension Phrasebook {
  /// A check's findings with their words in this language (figure names and notes); the
  /// verdicts, years, units and figures are data and stay, so every format shows the
  /// same findings.
  func translated(_ result: CheckResult) -> CheckResult {
    guard language != .en else { return result }
    var out = result
    for i in out.findings.indices {
      out.findings[i].figure = cell(out.findings[i].figure)
      out.findings[i].note = self(out.findings[i].note)
    }
    return out
  }

  /// An explanation with its titles, labels, formulas and notes in this language; the
  /// numbers and the project's names are data and stay.
  func translated(_ e: ScoreExplanation) -> ScoreExplanation {
    guard language != .en else { return e }
    var out = e
    for s in out.sections.indices {
      out.sections[s].title = cell(out.sections[s].title)
      out.sections[s].remark = out.sections[s].remark.map { self($0) }
      for k in out.sections[s].steps.indices {
        var step = out.sections[s].steps[k]
        step.label = cell(step.label)
        step.formula = step.formula.map { self($0) }
        step.note = step.note.map { self($0) }
        step.operands = step.operands.map { o in
          var o = o
          o.name = cell(o.name)
          return o
        }
        if var recorded = step.recorded {
          recorded.name = cell(recorded.name)
          step.recorded = recorded
        }
        out.sections[s].steps[k] = step
      }
    }
    return out
  }
}
