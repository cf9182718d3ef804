import DataStore
import QuerySyntax
import Scoring

/// Evaluates a bound condition over every position with SQL's three-valued logic: a
/// comparison with a missing value is unknown, `not unknown` is unknown, and only the
/// positions where the condition is true are kept. `is missing` finds missing values.
struct ConditionEvaluator {
  let evaluator: ExpressionEvaluator

  /// The positions where the condition is true, and those where it is false.
  func truth(_ c: BoundCondition) -> (true: RowSet, false: RowSet) {
    let n = evaluator.count
    switch c {
    case .not(let inner):
      let (t, f) = truth(inner)
      return (f, t)
    case .and(let parts), .or(let parts):
      var isAnd = false
      if case .and = c { isAnd = true }
      var result = truth(parts[0])
      for part in parts.dropFirst() { result = RowSet.combine(result, truth(part), and: isAnd) }
      return result
    case .isMissing(let e, let negated):
      let v = evaluator.evaluate(e)
      let t = RowSet(count: n) { i in v.isMissing(i) != negated }
      var f = t
      f.invert()
      return (t, f)
    case .contains(let e, let needle):
      let v = evaluator.evaluate(e)
      let search = TextSearch(needle)
      var verdict: (Int) -> Bool?
      switch v {
      case .text(let codes, let values):
        let hits = values.map { search.matches($0) }
        verdict = { i in codes[i] == Vector.noText ? nil : hits[Int(codes[i])] }
      default:
        let hits = (0..<n).map { i -> Bool? in
          switch v.scalar(i) {
          case .missing: nil
          case .fund(let f): search.matches(f.description)
          case .text(let s): search.matches(s)
          default: false
          }
        }
        verdict = { i in hits[i] }
      }
      return split(n, verdict)
    case .compare(let a, let op, let b):
      let x = evaluator.evaluate(a)
      let y = evaluator.evaluate(b)
      if case .fixed(let xs) = x, case .fixed(let ys) = y {
        return split(n) { i in
          xs[i] == ProjectTable.missing || ys[i] == ProjectTable.missing ? nil : op.holds(xs[i], ys[i])
        }
      }
      return split(n) { i in
        let l = x.scalar(i)
        let r = y.scalar(i)
        return l.isMissing || r.isMissing ? nil : Arithmetic.holds(op, l, r)
      }
    }
  }

  /// True and false sets from a verdict that is nil where it is unknown.
  private func split(_ n: Int, _ verdict: (Int) -> Bool?) -> (true: RowSet, false: RowSet) {
    let t = RowSet(count: n) { i in verdict(i) == true }
    let f = RowSet(count: n) { i in verdict(i) == false }
    return (t, f)
  }
}
