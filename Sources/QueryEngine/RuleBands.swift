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

  /// The grade code (0 优 … 3 差) of a score in ten-thousandths: 3 less the bands it
  /// reaches, counted without branches (scores fall in the bands at random, so a chain of
  /// compares and branches mispredicted about once a row).
  @inline(__always)
  func code(_ s: Int64) -> UInt8 {
    let reached = (s >= fair ? 1 : 0) &+ (s >= good ? 1 : 0) &+ (s >= excellent ? 1 : 0)
    return UInt8(truncatingIfNeeded: 3 &- reached)
  }
}

extension RuleBands {
  /// The rows whose recorded grade is not the grade of their recorded score, and the rows
  /// without a score, in one pass over the two columns (on both cores for large tables).
  ///
  /// Written as a plain loop over words rather than through `RowSet(count:where:)`, whose
  /// per-row test the compiler calls through a closure: `recompute changed` on a million
  /// rows spent most of its time in those calls.
  func changes(score: [Int64], grade: [UInt8]) -> (changed: RowSet, unknown: RowSet) {
    let count = score.count
    var changed = RowSet(count: count, filled: false)
    var unknown = RowSet(count: count, filled: false)
    let wordCount = changed.words.count
    let chunks = Parallel.chunks(for: count)
    let bands = self
    // Read once: another module's constants are fetched through an accessor otherwise.
    let missing = ProjectTable.missing
    let missingCode = ProjectTable.missingCode
    score.withUnsafeBufferPointer { score in
      grade.withUnsafeBufferPointer { grade in
        changed.words.withUnsafeMutableBufferPointer { changedWords in
          unknown.words.withUnsafeMutableBufferPointer { unknownWords in
            let box = UnsafeSendable((score, grade, changedWords, unknownWords))
            Threads.run(chunks) { c in
              let (score, grade, changedWords, unknownWords) = box.value
              for word in (wordCount * c / chunks)..<(wordCount * (c + 1) / chunks) {
                let start = word * 64
                let end = Swift.min(start + 64, count)
                var moved: UInt64 = 0
                var absent: UInt64 = 0
                var bit: UInt64 = 1
                for r in start..<end {
                  let s = score[r]
                  let g = grade[r]
                  let known: UInt64 = s != missing ? 1 : 0
                  let graded: UInt64 = g != missingCode && g != bands.code(s) ? 1 : 0
                  absent |= (known ^ 1) &* bit
                  moved |= (known & graded) &* bit
                  bit &<<= 1
                }
                changedWords[word] = moved
                unknownWords[word] = absent
              }
            }
          }
        }
      }
    }
    return (changed, unknown)
  }
}
