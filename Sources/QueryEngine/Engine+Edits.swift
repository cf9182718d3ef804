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
    // Values obey the loader's rules (AmountText, NameText), so that `save` never
    // writes a dataset that does not load.
    func money() throws(EvaluationError) -> Money? {
      if isMissing { return nil }
      // A trailing 万元 is accepted, as in a file; 元 is not (amounts count in 万元).
      switch AmountText.parse(text.hasSuffix("万元") ? String(text.dropLast(2)) : text) {
      case .success(let v): return Money(tenThousandths: v)
      case .failure(let problem): throw EvaluationError(range: value.range, message: "\(f.rawValue): " + problem.message(text))
      }
    }
    func score() throws(EvaluationError) -> Int64 {
      let what = "expected \(f == .score ? "a score" : "points") from 0 to 100 with up to 4 decimals, e.g. \(f == .score ? "83.25" : "8.62")"
      switch DecimalText.parse(text) {
      case .success(let v) where v < 0:
        throw EvaluationError(range: value.range, message: "\(f.rawValue): '\(text)' is negative; \(what)")
      case .success(let v) where v > 100 * DecimalText.scale:
        throw EvaluationError(range: value.range, message: "\(f.rawValue): '\(text)' is above 100; \(what)")
      case .failure(.tooLarge):
        throw EvaluationError(range: value.range, message: "\(f.rawValue): '\(text)' is above 100; \(what)")
      case .success(let v):
        return v
      case .failure(.tooManyDecimals):
        throw EvaluationError(range: value.range, message: "\(f.rawValue): '\(text)' has more than 4 decimals; \(what)")
      case .failure(.empty), .failure(.notANumber):
        throw EvaluationError(range: value.range, message: "\(f.rawValue): '\(text)' is not a number; \(what)")
      }
    }
    switch f {
    case .budget:
      guard let m = try money() else { throw EvaluationError(range: value.range, message: "budget cannot be missing") }
      p.budget = m
    case .initial: p.initial = try money()
    case .spent: p.spent = try money()
    case .score, .ratePoints:
      let v = isMissing ? nil : try score()
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
    case .name:
      switch NameText.parse(text) {
      case .success(let name): p.name = name
      case .failure(.empty):
        throw EvaluationError(range: value.range, message: "a project's name cannot be empty or only spaces; a dataset file with such a name does not load")
      case .failure(.nul):
        throw EvaluationError(range: value.range, message: "a project's name cannot hold a NUL byte (0x00), which no dataset file holds")
      }
    case .year, .unit, .seq, .rate, .newScore, .newGrade:
      throw EvaluationError(
        range: fieldName.range, message: "\(f.rawValue) cannot be edited",
        suggestion: f == .rate ? "edit spent or budget; rate follows from them" : f.isRecomputed ? "new_score and new_grade follow from the rules; edit score or the indicators' inputs" : "edit budget, initial, spent, score, grade, fund or name")
    }
    store.replaceProject(row, with: p)
    let key = EditKey(row: row, field: f)
    if edits[key] == nil { edits[key] = before }
    if let original = edits[key], original == self.value(f, row) { edits[key] = nil }
    // Every recorded decimal: 89.995 must not read as 90.00, which is another grade.
    let shown: (Value) -> String = { v in
      if case .score(let x) = v { return DecimalText.format(x) }
      return v.display.isEmpty ? "missing" : v.display
    }
    return "#\(p.seq) \(p.name) (\(p.year)): \(f.rawValue) \(shown(before)) → \(shown(self.value(f, row))) — for this session only; reset data undoes it"
  }
}
