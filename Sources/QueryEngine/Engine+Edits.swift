import DataStore
import QuerySyntax
import Scoring

extension Engine {
  /// `let SEQ.FIELD = VALUE`: changes one value for this session only; files never change.
  mutating func edit(seq: Name, field fieldName: Name, value: Operand, _ clauses: Clauses) throws(EvaluationError) -> String {
    let row = try resolveProject(.number(seq), clauses)
    let f = try field(fieldName)
    var p = store.projects[row]
    let before = self.value(f, row)
    let text = value.text
    let isMissing = ["missing", "null", "empty"].contains(text.lowercased()) && !({ if case .quoted = value { true } else { false } }())
    func money() throws(EvaluationError) -> Money? {
      if isMissing { return nil }
      guard case .success(let v) = DecimalText.parse(text), v >= 0 else {
        throw EvaluationError(range: value.range, message: "\(f.rawValue) is an amount in 万元; '\(text)' is not", suggestion: "for example: let \(seq.text).\(f.rawValue) = 100")
      }
      return Money(tenThousandths: v)
    }
    switch f {
    case .budget:
      guard let m = try money() else { throw EvaluationError(range: value.range, message: "budget cannot be missing") }
      p.budget = m
    case .initial: p.initial = try money()
    case .spent: p.spent = try money()
    case .score, .ratePoints:
      var v: Int64?
      if !isMissing {
        guard case .success(let s) = DecimalText.parse(text), s >= 0, s <= 100 * DecimalText.scale else {
          throw EvaluationError(range: value.range, message: "\(f.rawValue) is a score from 0 to 100; '\(text)' is not")
        }
        v = s
      }
      if f == .score { p.score = v } else { p.ratePoints = v }
    case .grade:
      if isMissing {
        p.grade = nil
      } else {
        guard let g = Grade(text) else {
          throw EvaluationError(range: value.range, message: "'\(text)' is not a grade", suggestion: "valid grades: \(Grade.validSpellings)")
        }
        p.grade = g
      }
    case .fund:
      if isMissing {
        p.fund = nil
      } else {
        guard let fund = Fund(text) else {
          throw EvaluationError(range: value.range, message: "'\(text)' is not a budget book", suggestion: Fund.allCases.map(\.description).joined(separator: ", "))
        }
        p.fund = fund
      }
    case .name: p.name = text
    case .year, .unit, .seq, .rate, .newScore, .newGrade:
      throw EvaluationError(
        range: fieldName.range, message: "\(f.rawValue) cannot be edited",
        suggestion: f == .rate ? "edit spent or budget; rate follows from them" : f.isRecomputed ? "new_score and new_grade follow from the rules; edit score or the indicators' inputs" : "edit budget, initial, spent, score, grade, fund or name")
    }
    store.replaceProject(row, with: p)
    let key = EditKey(row: row, field: f)
    if edits[key] == nil { edits[key] = before }
    if let original = edits[key], original == self.value(f, row) { edits[key] = nil }
    let shown: (Value) -> String = { $0.display.isEmpty ? "missing" : $0.display }
    return "#\(p.seq) \(p.name) (\(p.year)): \(f.rawValue) \(shown(before)) → \(shown(self.value(f, row))) — for this session only; reset data undoes it"
  }
}
