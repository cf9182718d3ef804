import Scoring
import Testing

/// Money never loses a cent: a million random amounts summed as fixed-point equal the
/// same amounts summed as whole ten-thousandths.
@Suite struct MoneyProperties {
  @Test func sumsOfRandomAmountsAreExact() {
    var rng = SplitMix64(seed: 42)
    var total = Money.zero
    var check: Int64 = 0
    for _ in 0..<1_000_000 {
      let units = Int64(rng.next() % 50_000_000)  // up to 5,000 万元 in ten-thousandths
      let text = DecimalText.format(units)
      guard let m = Money(text) else {
        Issue.record("\(text) did not parse")
        return
      }
      total = total + m
      check += units
    }
    #expect(total.tenThousandths == check)
    #expect(Money(total.description) == total)
  }
}

/// A small deterministic generator, so a failing case can be replayed.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
