import DataStore
import Scoring

/// The projects table as vectors: stored columns as they are, `rate` computed, and
/// `new_score` / `new_grade` from the recomputation under the rules in force (asked for
/// only when a statement reads them).
struct ProjectColumns {
  let table: ProjectTable
  let recomputed: () -> RecomputedColumns

  /// The field's values at `rows` (every row when nil).
  func vector(_ f: Field, rows: [Int]?) -> Vector {
    let t = table
    func fixed(_ column: [Int64]) -> Vector { .fixed(rows.map { $0.map { column[$0] } } ?? column) }
    func codes(_ column: [UInt8]) -> [UInt8] { rows.map { $0.map { column[$0] } } ?? column }
    switch f {
    case .year: return .whole(rows.map { $0.map { Int64(t.year[$0]) } } ?? t.year.map(Int64.init))
    case .seq: return .whole(rows.map { $0.map { Int64(t.seq[$0]) } } ?? t.seq.map(Int64.init))
    case .unit: return .text(rows.map { $0.map { t.unit[$0] } } ?? t.unit, t.units.values)
    case .name: return .text(rows.map { $0.map { t.name[$0] } } ?? t.name, t.names.values)
    case .fund: return .funds(codes(t.fund))
    case .budget: return fixed(t.budget)
    case .initial: return fixed(t.initial)
    case .spent: return fixed(t.spent)
    case .score: return fixed(t.score)
    case .ratePoints: return fixed(t.ratePoints)
    case .grade: return .grades(codes(t.grade))
    case .rate:
      let positions = rows ?? Array(0..<t.count)
      return .exact(
        positions.map { r in
          let b = t.budget[r]
          let s = t.spent[r]
          guard b != ProjectTable.missing, s != ProjectTable.missing, b != 0 else { return nil }
          return Fraction(Int128(s), Int128(b))
        })
    case .newScore:
      let c = recomputed()
      if c.inexact.isEmpty { return fixed(c.score) }
      let positions = rows ?? Array(0..<t.count)
      return .exact(positions.map { r in c.inexact[r] ?? (c.score[r] == ProjectTable.missing ? nil : Fraction(tenThousandths: c.score[r])) })
    case .newGrade:
      return .grades(codes(recomputed().grade))
    }
  }
}
