import DataStore
import Scoring

/// Every project's score and grade under the rules and edits in force: the columns
/// behind `new_score` and `new_grade`, computed by the same scorer as `recompute`.
struct RecomputedColumns: Sendable {
  /// Scores in ten-thousandths where exact; `ProjectTable.missing` where unknown or
  /// where the exact score is in `inexact`.
  var score: [Int64]
  /// Scores with more than four decimals (ratios of indicator values), by row, with
  /// their hundredths (as they are shown) worked out on both cores while scoring instead
  /// of once per listed row.
  var inexact: InexactScores
  /// Grade codes; `ProjectTable.missingCode` where the score is unknown.
  var grade: [UInt8]
}
