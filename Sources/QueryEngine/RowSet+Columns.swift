import DataStore
import QuerySyntax

/// Sets built straight from a column, 64 rows to a word, with no call and no branch per
/// row. `RowSet(count:where:)` calls its test through a closure for every row (the
/// compiler does not inline it into the loop that runs on each core): `count projects
/// where grade = 良` spent three quarters of its time in those calls.
extension RowSet {
  /// Rows whose value lies in `range` (or outside it, when `negated`); a value of
  /// `Int64.min`, the store's missing amount, never.
  init<T: FixedWidthInteger & Sendable>(count: Int, values: [T], in range: ClosedRange<Int64>, negated: Bool) {
    self.init(count: count, filled: false)
    fill(values, InRange(lo: range.lowerBound, span: UInt64(bitPattern: range.upperBound &- range.lowerBound), flip: negated ? 1 : 0))
  }

  /// Rows whose code is accepted: `accept[code]` is 1 or 0, with an entry for every code
  /// the column can hold (256 for a byte; a dictionary's size for its text codes).
  init<T: FixedWidthInteger & Sendable>(count: Int, codes: [T], accept: [UInt8]) {
    self.init(count: count, filled: false)
    accept.withUnsafeBufferPointer { a in fill(codes, Accepted(accept: a)) }
  }

  /// Rows whose byte code (a grade, a budget book) is one of `accepted` (up to four; more
  /// go through a table), eight rows at a time: each code's bytes are found in a word of eight by the exact zero-byte test,
  /// and the eight flags packed into the set's bits by one multiplication.
  init(count: Int, codes: [UInt8], oneOf accepted: [UInt8]) {
    guard accepted.count <= 4 else {
      // More codes than the four patterns: a table of accepted codes.
      var table = [UInt8](repeating: 0, count: 256)
      for a in accepted { table[Int(a)] = 1 }
      self.init(count: count, codes: codes, accept: table)
      return
    }
    self.init(count: count, filled: false)
    let wordCount = words.count
    let chunks = Parallel.chunks(for: count)
    let ones: UInt64 = 0x0101_0101_0101_0101
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    guard let first = accepted.first else { return }
    // Four patterns, the first repeated where fewer codes are accepted (a repeated code
    // finds nothing new); one when only one code is, the common `grade = 良`.
    let more = accepted.count > 1
    let pattern = (0..<4).map { ones &* UInt64(accepted[$0 % accepted.count]) }
    let (p0, p1, p2, p3) = (ones &* UInt64(first), pattern[1], pattern[2], pattern[3])
    /// The high bit of each byte of `x` equal to the pattern's byte, and of no other byte.
    @inline(__always) func equal(_ x: UInt64, _ p: UInt64) -> UInt64 {
      let y = x ^ p
      return ~(((y & low) &+ low) | y | low)
    }
    codes.withUnsafeBufferPointer { v in
      words.withUnsafeMutableBufferPointer { w in
        let box = UnsafeSendable((v, w))
        Threads.run(chunks) { c in
          let (v, w) = box.value
          guard let base = v.baseAddress else { return }
          for word in (wordCount * c / chunks)..<(wordCount * (c + 1) / chunks) {
            let start = word * 64
            var bits: UInt64 = 0
            if start + 64 <= count {
              let p = UnsafeRawPointer(base + start)
              for k in 0..<8 {
                let x = p.loadUnaligned(fromByteOffset: k * 8, as: UInt64.self)
                var hit = equal(x, p0)
                if more { hit |= equal(x, p1) | equal(x, p2) | equal(x, p3) }
                bits |= (((hit >> 7) &* 0x0102_0408_1020_4080) >> 56) << UInt64(k * 8)
              }
            } else {
              // The last word's rows, one at a time.
              for i in 0..<(count - start) where accepted.contains(v[start + i]) { bits |= 1 << UInt64(i) }
            }
            w[word] = bits
          }
        }
      }
    }
  }

  /// The rows of a comparison with a constant: the range of values it holds for, or nil
  /// when no value does.
  static func range(_ op: ComparisonOperator, _ v: Int64) -> (range: ClosedRange<Int64>, negated: Bool)? {
    // Int64.min is the missing value, so no range starts below Int64.min + 1.
    let low = Int64.min + 1
    switch op {
    case .equal: return v >= low ? (v...v, false) : nil
    case .notEqual: return v >= low ? (v...v, true) : (low...Int64.max, false)
    case .less: return v > low ? (low...(v - 1), false) : nil
    case .lessOrEqual: return v >= low ? (low...v, false) : nil
    case .greater: return v < Int64.max ? ((Swift.max(v, low - 1) + 1)...Int64.max, false) : nil
    case .greaterOrEqual: return (Swift.max(v, low)...Int64.max, false)
    }
  }

  /// A per-row test as a type rather than a closure, so that `fill` is compiled for each
  /// test with the test inlined into its loop.
  private protocol Test<Element>: Sendable {
    associatedtype Element
    func bit(_ v: Element) -> UInt64
  }

  private struct InRange<Element: FixedWidthInteger>: Test {
    let lo: Int64
    let span: UInt64
    let flip: UInt64

    @inline(__always)
    func bit(_ v: Element) -> UInt64 {
      let x = Int64(truncatingIfNeeded: v)
      let inside: UInt64 = UInt64(bitPattern: x &- lo) <= span ? 1 : 0
      let known: UInt64 = x != Int64.min ? 1 : 0
      return (inside ^ flip) & known
    }
  }

  private struct Accepted<Element: FixedWidthInteger>: Test, @unchecked Sendable {
    /// Read only while the set is filled.
    let accept: UnsafeBufferPointer<UInt8>

    @inline(__always)
    func bit(_ v: Element) -> UInt64 {
      assert(Int(v) < accept.count, "a code without an entry")
      return UInt64(accept[Int(v)])
    }
  }

  /// Sets each word from the test of its 64 values, on both cores for a large column.
  private mutating func fill<T: Test>(_ values: [T.Element], _ test: T) {
    let count = self.count
    let wordCount = words.count
    let chunks = Parallel.chunks(for: count)
    values.withUnsafeBufferPointer { v in
      words.withUnsafeMutableBufferPointer { w in
        let box = UnsafeSendable((v, w))
        Threads.run(chunks) { c in
          let (v, w) = box.value
          for word in (wordCount * c / chunks)..<(wordCount * (c + 1) / chunks) {
            let start = word * 64
            let end = Swift.min(start + 64, count)
            var bits: UInt64 = 0
            var shift: UInt64 = 0
            for r in start..<end {
              bits |= test.bit(v[r]) << shift
              shift &+= 1
            }
            w[word] = bits
          }
        }
      }
    }
  }
}
