import DataStore

/// A set of row numbers as a bitmap, so `and`, `or` and `not` are word operations.
struct RowSet: Sendable {
  var words: [UInt64]
  let count: Int

  init(count: Int, filled: Bool) {
    self.count = count
    words = Array(repeating: filled ? ~0 : 0, count: (count + 63) / 64)
    if filled { clearTail() }
  }

  /// Builds the set from a per-row test. Inlined at each use so the test compiles into
  /// the loop; large tables are split between the cores.
  @inline(__always)
  init(count: Int, where test: (Int) -> Bool) {
    self.init(count: count, filled: false)
    let wordCount = words.count
    words.withUnsafeMutableBufferPointer { w in
      let base = w.baseAddress!
      func fill(_ firstWord: Int, _ endWord: Int) {
        for word in firstWord..<endWord {
          let start = word * 64
          let end = Swift.min(start + 64, count)
          var bits: UInt64 = 0
          var bit: UInt64 = 1
          for r in start..<end {
            bits |= test(r) ? bit : 0
            bit &<<= 1
          }
          base[word] = bits
        }
      }
      let chunks = Parallel.chunks(for: count)
      if chunks == 1 {
        fill(0, wordCount)
      } else {
        withoutActuallyEscaping(fill) { fill in
          let box = UnsafeSendable(fill)
          Threads.run(chunks) { c in
            box.value(wordCount * c / chunks, wordCount * (c + 1) / chunks)
          }
        }
      }
    }
  }

  private mutating func clearTail() {
    let extra = words.count * 64 - count
    if extra > 0, !words.isEmpty { words[words.count - 1] &= ~0 >> UInt64(extra) }
  }

  /// The set holding exactly `rows`.
  init(rows: [Int], count: Int) {
    self.init(count: count, filled: false)
    for r in rows { words[r >> 6] |= 1 << UInt64(r & 63) }
  }

  mutating func formIntersection(_ other: RowSet) {
    for i in words.indices { words[i] &= other.words[i] }
  }

  mutating func formUnion(_ other: RowSet) {
    for i in words.indices { words[i] |= other.words[i] }
  }

  mutating func invert() {
    for i in words.indices { words[i] = ~words[i] }
    clearTail()
  }

  var cardinality: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

  /// The member rows in ascending order.
  var rows: [Int] {
    var result: [Int] = []
    result.reserveCapacity(cardinality)
    forEach { result.append($0) }
    return result
  }

  func forEach(_ body: (Int) -> Void) {
    for (wi, w) in words.enumerated() where w != 0 {
      var bits = w
      while bits != 0 {
        let t = bits.trailingZeroBitCount
        body(wi * 64 + t)
        bits &= bits - 1
      }
    }
  }
}

extension RowSet {
  /// Three-valued `and` / `or` of two conditions given as the rows where each is true and
  /// where it is false: unknown rows are in neither set.
  static func combine(
    _ a: (true: RowSet, false: RowSet), _ b: (true: RowSet, false: RowSet), and isAnd: Bool
  ) -> (true: RowSet, false: RowSet) {
    var (t, f) = a
    if isAnd {
      t.formIntersection(b.true)
      f.formUnion(b.false)
    } else {
      t.formUnion(b.true)
      f.formIntersection(b.false)
    }
    return (t, f)
  }
}
