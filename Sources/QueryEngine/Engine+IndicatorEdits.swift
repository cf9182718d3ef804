import DataStore
import QuerySyntax
import Scoring

extension Engine {
  /// `let SEQ.INDICATOR.FIELD = VALUE`: changes one indicator of a project for this session
  /// (`actual`, `target`, `weight` or `kind`; Chinese names too). INDICATOR is the
  /// indicator's place in the project's list (1, 2, …, as `explain` lists them) or its name
  /// (exact, else the one name that contains it). The value obeys a dataset file's rules.
  mutating func editIndicator(seq: Name, target: Name, value: Operand, _ clauses: Clauses) throws(EvaluationError) -> (index: Int, said: String) {
    let row = try resolveProject(.number(seq), clauses)
    let p = store.projects[row]
    let parts = target.text.split(separator: ".").map(String.init)
    guard parts.count >= 2, let fieldText = parts.last else {
      throw EvaluationError(range: target.range, message: "expected INDICATOR.FIELD after the seq", suggestion: "let 1.2.actual = 1600")
    }
    let which = parts.dropLast().joined(separator: ".")
    let indices = store.indicators.indices.filter { i in
      let x = store.indicators[i]
      return x.year == p.year && x.unit == p.unit && x.seq == p.seq
    }
    guard !indices.isEmpty else {
      throw EvaluationError(range: target.range, message: "project #\(p.seq) has no indicators to edit", suggestion: "load its indicators file first")
    }
    let index: Int
    if let k = Int(which) {
      guard k >= 1, k <= indices.count else {
        throw EvaluationError(range: target.range, message: "project #\(p.seq) has \(indices.count) indicator\(indices.count == 1 ? "" : "s"); there is no #\(k)", suggestion: "explain \(p.seq) lists them in order")
      }
      index = indices[k - 1]
    } else {
      let exact = indices.filter { store.indicators[$0].name == which }
      let close = exact.isEmpty ? indices.filter { store.indicators[$0].name.contains(which) } : exact
      guard close.count == 1 else {
        let names = indices.map { store.indicators[$0].name }
        throw EvaluationError(
          range: target.range,
          message: close.isEmpty ? "project #\(p.seq) has no indicator named '\(which)'" : "\(close.count) indicators of #\(p.seq) match '\(which)'",
          suggestion: "its indicators: " + names.prefix(8).joined(separator: ", ") + (names.count > 8 ? ", …" : "") + "; or give the number, as in let \(p.seq).1.actual = …")
      }
      index = close[0]
    }
    var i = store.indicators[index]
    let before = i
    let text = value.text
    switch fieldText.lowercased() {
    case "actual", "完成值", "实际完成值":
      i.actualText = text
    case "target", "指标值", "目标值":
      i.targetText = text
    case "kind", "指标性质", "性质":
      guard let kind = IndicatorKind(text) else {
        throw EvaluationError(range: value.range, message: "'\(text)' is not an indicator kind", suggestion: "正向, 反向 or 定性")
      }
      i.kind = kind
    case "weight", "分值", "权重":
      guard case .success(let w) = DecimalText.parse(text), w >= 0, w <= 100 * DecimalText.scale else {
        throw EvaluationError(range: value.range, message: "weight: '\(text)' is not a number of points from 0 to 100", suggestion: "for example 20")
      }
      i.weight = w
    default:
      throw EvaluationError(
        range: target.range, message: "'\(fieldText)' cannot be edited on an indicator", suggestion: "actual, target, weight or kind (完成值, 指标值, 分值, 指标性质)")
    }
    do {
      (i.target, i.actual, i.tier) = try IndicatorCells.parse(kind: i.kind, targetText: i.targetText, actualText: i.actualText)
    } catch {
      throw EvaluationError(range: value.range, message: "\(error.column): " + error.message)
    }
    store.replaceIndicator(index, with: i)
    if indicatorEdits[index] == nil { indicatorEdits[index] = before }
    if indicatorEdits[index] == i { indicatorEdits[index] = nil }
    func shown(_ x: Indicator) -> String {
      switch fieldText.lowercased() {
      case "target", "指标值", "目标值": x.targetText.isEmpty ? "missing" : x.targetText
      case "kind", "指标性质", "性质": x.kind.description
      case "weight", "分值", "权重": DecimalText.format(x.weight)
      default: x.actualText.isEmpty ? "missing" : x.actualText
      }
    }
    let said = "#\(p.seq) \(i.name) (\(p.year)): \(fieldText) \(shown(before)) → \(shown(i))"
    return (index, said + " — for this session only; explain \(p.seq) shows the new score; undo or reset data undoes it")
  }
}
