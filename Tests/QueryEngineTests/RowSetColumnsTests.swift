import DataStore
import QuerySyntax
import Testing

@testable import QueryEngine

/// Sets built from a column word by word hold the rows a per-row test of the same
/// comparison holds, for every operator, at the edges of Int64 (its least value is the
/// missing amount, never matched) and cut into one to seven pieces.
@Suite struct RowSetColumnsTests {
  static let operators: [ComparisonOperator] = [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual]
  static let edges: [Int64] = [Int64.min, Int64.min + 1, Int64.min + 2, -1, 0, 1, Int64.max - 1, Int64.max]

  @Test(arguments: [1, 2, 7])
  func rangesHoldWhatTheComparisonHolds(_ pieces: Int) {
    var g = SeededGenerator(seed: UInt64(pieces))
    for _ in 0..<60 {
      let n = Int.random(in: 0...300, using: &g)
      let values: [Int64] = (0..<n).map { _ in
        Bool.random(using: &g) ? Self.edges.randomElement(using: &g)! : Int64.random(in: -5...5, using: &g)
      }
      let small = values.map { Int32(truncatingIfNeeded: $0 % 7) }
      for op in Self.operators {
        let v = Bool.random(using: &g) ? Self.edges.randomElement(using: &g)! : Int64.random(in: -5...5, using: &g)
        let expected = RowSet(count: n) { r in values[r] != Int64.min && op.holds(values[r], v) }
        let got = Parallel.$threshold.withValue(2) {
          Parallel.$maximumChunks.withValue(pieces) {
            RowSet.range(op, v).map { RowSet(count: n, values: values, in: $0.range, negated: $0.negated) } ?? RowSet(count: n, filled: false)
          }
        }
        #expect(got.rows == expected.rows, "\(op) \(v)")
        let w = Int64.random(in: -8...8, using: &g)
        let expectedSmall = RowSet(count: n) { r in op.holds(Int64(small[r]), w) }
        let gotSmall = Parallel.$threshold.withValue(2) {
          RowSet.range(op, w).map { RowSet(count: n, values: small, in: $0.range, negated: $0.negated) } ?? RowSet(count: n, filled: false)
        }
        #expect(gotSmall.rows == expectedSmall.rows, "\(op) \(w)")
      }
    }
  }

  @Test func codesAreAcceptedByTheirEntry() {
    var g = SeededGenerator(seed: 9)
    let codes: [UInt8] = (0..<1000).map { _ in [0, 1, 2, 3, 255].randomElement(using: &g)! }
    var accept = [UInt8](repeating: 0, count: 256)
    accept[1] = 1
    accept[3] = 1
    let got = Parallel.$threshold.withValue(2) { RowSet(count: codes.count, codes: codes, accept: accept) }
    #expect(got.rows == codes.indices.filter { codes[$0] == 1 || codes[$0] == 3 })
  }

  /// Byte codes found eight at a time: any length (tails of a word and of eight), any
  /// accepted codes among 0–3 and 255 (the missing code), one to seven pieces.
  @Test(arguments: [1, 2, 7])
  func byteCodesAreFoundEightAtATime(_ pieces: Int) {
    var g = SeededGenerator(seed: 40 + UInt64(pieces))
    let all: [UInt8] = [0, 1, 2, 3, 255]
    for _ in 0..<200 {
      let n = Int.random(in: 0...200, using: &g)
      let codes = (0..<n).map { _ in all.randomElement(using: &g)! }
      let accepted = all.filter { _ in Bool.random(using: &g) }
      let got = Parallel.$threshold.withValue(2) {
        Parallel.$maximumChunks.withValue(pieces) { RowSet(count: n, codes: codes, oneOf: accepted) }
      }
      #expect(got.rows == codes.indices.filter { accepted.contains(codes[$0]) }, "\(accepted) in \(codes)")
    }
  }
}
