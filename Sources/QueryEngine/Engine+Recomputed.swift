import DataStore
import QuerySyntax
import Scoring

extension Engine {
  /// The projects table as vectors, with `new_score` and `new_grade` recomputed on demand.
  var columns: ProjectColumns {
    let engine = self
    return ProjectColumns(table: store.projects) { engine.recomputedColumns() }
  }

  /// Scores and grades under the rules in force, from the cache when nothing changed.
  func recomputedColumns() -> RecomputedColumns {
    recomputeCache.columns(for: .init(rules: rules, dataVersion: dataVersion)) {
      let t = store.projects
      let index = indicatorIndex()
      let bands = RuleBands(rules)
      var score = t.score
      var grade = [UInt8](repeating: ProjectTable.missingCode, count: t.count)
      var inexact: [Int: Fraction] = [:]
      for r in 0..<t.count {
        let hasIndicators = !index.isEmpty && index[ProjectKey(year: Int(t.year[r]), unit: t.units[t.unit[r]], seq: Int(t.seq[r]))] != nil
        if !hasIndicators, let bands {
          if score[r] != ProjectTable.missing { grade[r] = bands.code(score[r]) }
          continue
        }
        let c = card(r, index)
        grade[r] = c.grade?.rawValue ?? ProjectTable.missingCode
        guard let total = c.total else {
          score[r] = ProjectTable.missing
          continue
        }
        let scaled = total * Fraction(Int128(DecimalText.scale))
        if scaled.denominator == 1, let v = Int64(exactly: scaled.numerator), v != ProjectTable.missing {
          score[r] = v
        } else {
          score[r] = ProjectTable.missing
          inexact[r] = total
        }
      }
      return RecomputedColumns(score: score, inexact: inexact, grade: grade)
    }
  }

  /// Whether recorded grades may differ from the grades under the rules in force: the
  /// rules changed, or a score or grade was edited.
  var gradesMayDiffer: Bool {
    rules != baseRules || edits.keys.contains { $0.field == .score || $0.field == .grade || $0.field == .budget || $0.field == .spent }
  }
}
