import Testing

@testable import Scoring

/// A score sum keeps ratios as whole ten-thousandths and a remainder below one, not as
/// reduced fractions: its total, its rounding to hundredths, whether it is whole and its
/// grade must be those of the same parts added as plain fractions.
@Suite struct ScoreSumTests {
  /// Random parts of the kinds scoring makes: whole ten-thousandths, other exact values
  /// and ratios, some negative; either up to three ratios of any denominators, or up to
  /// seven with powers of two as denominators (whose product overflows 128 bits though
  /// their sum does not), so the plain sum is exact too.
  static func parts(_ g: inout FastScoreTests.Generator) -> [ScoreSum.Part] {
    var ratios = 0
    let powers = Bool.random(using: &g)
    let small: [Int128] = [1, 2, 3, 4, 5, 6, 8, 9, 12, 36]
    return (0..<Int.random(in: 0...7, using: &g)).map { _ in
      switch Int.random(in: 0..<10, using: &g) {
      case 0..<3: return .tenThousandths(Int128(Int64.random(in: -50_000...1_000_000, using: &g)))
      case 3..<9 where powers:
        return .ratio(Int128(Int64.random(in: -(1 << 40)...(1 << 62), using: &g)), Int128(1) << Int.random(in: 50...62, using: &g))
      case 3..<9 where ratios < 3:
        ratios += 1
        return .ratio(Int128(Int64.random(in: -1_000...40_000_000_000, using: &g)), Int128(Int64.random(in: 1...99_000_000, using: &g)))
      default: return .exact(Fraction(Int128(Int.random(in: -900...900, using: &g)), small.randomElement(using: &g)!))
      }
    }
  }

  @Test func theSumIsThePlainFractionSum() {
    var g = FastScoreTests.Generator(state: 7)
    let plan = ScoringPlan(.national)
    for _ in 0..<20_000 {
      let parts = Self.parts(&g)
      var sum = ScoreSum()
      var plain = Fraction.zero
      for p in parts {
        sum.add(p)
        plain = plain + p.value
      }
      #expect(sum.value == plain)
      #expect(sum.roundedHundredths == plain.roundedScaled(places: 2))
      let scaled = plain * Fraction(Int128(DecimalText.scale))
      if let whole = sum.wholeTenThousandths { #expect(scaled == Fraction(Int128(whole))) }
      // Without other parts, a total is whole exactly when its remainder is 0.
      if sum.isBelowNextTenThousandth { #expect((sum.wholeTenThousandths != nil) == (scaled.denominator == 1)) }
      #expect(plan.grade(sum) == RuleSet.national.grade(for: plain))
    }
  }

  @Test func aRatioThatDividesEvenlyIsWhole() {
    #expect(ScoreSum.Part.ratio(200_000 * 303, 303) == .tenThousandths(200_000))
    #expect(ScoreSum.Part.ratio(-10, -4) == .quotient(10, 4))
    var sum = ScoreSum()
    sum.add(.ratio(1, 3))
    sum.add(.ratio(2, 3))
    #expect(sum.wholeTenThousandths == 1)
    #expect(sum.isBelowNextTenThousandth)
  }
}
