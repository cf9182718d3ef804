import DataStore
import Scoring

/// The grade bands as ten-thousandths, when every band is a score a project can record
/// (at most four decimals), so grading is an integer comparison.
struct RuleBands {
  let excellent: Int64
  let good: Int64
  let fair: Int64

  init?(_ rules: RuleSet) {
    func scaled(_ g: Grade) -> Int64? {
      guard let b = rules.bands[g] else { return nil }
      let s = b * Fraction(Int128(DecimalText.scale))
      return s.denominator == 1 ? Int64(exactly: s.numerator) : nil
    }
    guard let e = scaled(.excellent), let g = scaled(.good), let f = scaled(.fair) else { return nil }
    excellent = e
    good = g
    fair = f
  }

  /// The grade code (0 优 … 3 差) of a score in ten-thousandths.
  @inline(__always)
  func code(_ s: Int64) -> UInt8 { s >= excellent ? 0 : s >= good ? 1 : s >= fair ? 2 : 3 }
}
