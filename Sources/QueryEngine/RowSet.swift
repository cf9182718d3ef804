/// A set of row numbers as a bitmap, so `and`, `or` and `not` are word operations.
struct RowSet: Sendable {
  var words: [UInt64]
  let count: Int

  init(count: Int, filled: Bool) {
    self.count = count
    words = Array(repeating: filled ? ~0 : 0, count: (count + 63) / 64)
    if filled { clearTail() }
  }

  /// Builds the set from a per-row test.
  init(count: Int, where test: (Int) -> Bool) {
    self.init(count: count, filled: false)
    words.withUnsafeMutableBufferPointer { w in
      var i = 0
      var word = 0
      while i < count {
        var bits: UInt64 = 0
        let end = Swift.min(i + 64, count)
        var bit: UInt64 = 1
        for r in i..<end {
          if test(r) { bits |= bit }
          bit &<<= 1
        }
        w[word] = bits
        word += 1
        i = end
      }
    }
  }

  private mutating func clearTail() {
    let extra = words.count * 64 - count
    if extra > 0, !words.isEmpty { words[words.count - 1] &= ~0 >> UInt64(extra) }
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
