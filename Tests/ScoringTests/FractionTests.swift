import Testing

@testable import Scoring

/// Exact rational arithmetic; rounding happens only when printing, half away from zero.
@Suite struct FractionTests {
  /// 37.24 ÷ 43.2 of a 10-point indicator is 8.62037…, printed 8.62.
  @Test func indicatorPointsFromARatio() {
    let actual = Fraction(tenThousandths: 372_400)
    let target = Fraction(tenThousandths: 432_000)
    let points = actual / target * Fraction(10)
    #expect(points == Fraction(931, 108))
    #expect(points.formatted(places: 2) == "8.62")
    #expect(points.formatted(places: 5) == "8.62037")
    let total = Fraction(2) * points + Fraction(80)
    #expect(total.formatted(places: 2) == "97.24")
    #expect(total == Fraction(10_502, 108))
  }

  @Test func thirdsAddUpToExactlyOne() {
    let sum = Fraction(1, 3) + Fraction(2, 3)
    #expect(sum == Fraction.one)
    #expect(sum.numerator == 1)
    #expect(sum.denominator == 1)
    #expect(Fraction(1, 3) * Fraction(3) == Fraction.one)
    #expect(Fraction(1, 10) + Fraction(2, 10) == Fraction(3, 10))
  }

  /// 89.995 is graded 良 (below 90) although it prints as 90.00.
  @Test func roundingOnlyWhenPrinting() {
    let score = Fraction(tenThousandths: 899_950)
    #expect(score.formatted(places: 2) == "90.00")
    #expect(score.trimmed(places: 2) == "90")
    #expect(score < Fraction(90))
    #expect(score.formatted(places: 3) == "89.995")
  }

  @Test(arguments: [(Fraction, Int, String)]([
    (Fraction(5, 2), 0, "3"),
    (Fraction(-5, 2), 0, "-3"),
    (Fraction(7, 2), 0, "4"),
    (Fraction(-125, 100), 1, "-1.3"),
    (Fraction(125, 100), 1, "1.3"),
    (Fraction(1, 3), 2, "0.33"),
    (Fraction(2, 3), 2, "0.67"),
    (Fraction(-2, 3), 2, "-0.67"),
    (Fraction(1, 1_000), 2, "0.00"),
    (Fraction(-1, 1_000), 2, "0.00"),
    (Fraction(1, 200), 2, "0.01"),
    (Fraction(-1, 200), 2, "-0.01"),
    (Fraction(187_658, 1_900), 2, "98.77"),  // the seed's mean score
    (Fraction(12), 3, "12.000"),
  ]))
  func formatsRounded(_ value: Fraction, _ places: Int, _ text: String) {
    #expect(value.formatted(places: places) == text)
  }

  @Test(arguments: [(Fraction, Int, String)]([
    (Fraction(1, 2), 4, "0.5"),
    (Fraction(2), 4, "2"),
    (Fraction(-1, 1_000), 2, "0"),  // never "-0"
    (Fraction(1, 3), 6, "0.333333"),
    (Fraction(-3, 2), 2, "-1.5"),
    (Fraction(100), 2, "100"),
  ]))
  func trimsZeros(_ value: Fraction, _ places: Int, _ text: String) {
    #expect(value.trimmed(places: places) == text)
  }

  @Test func normalises() {
    let f = Fraction(2, -4)
    #expect(f.numerator == -1)
    #expect(f.denominator == 2)
    #expect(Fraction(6, 4) == Fraction(3, 2))
    #expect(Fraction(0, 7) == Fraction.zero)
    #expect(Fraction(0, 7).denominator == 1)
  }

  @Test func ordersAndPicks() {
    #expect(Fraction(1, 3) < Fraction(34, 100))
    #expect(!(Fraction(34, 100) < Fraction(1, 3)))
    #expect(Fraction(-1, 2) < Fraction.zero)
    #expect(Fraction.min(Fraction(1, 3), Fraction(1, 4)) == Fraction(1, 4))
    #expect(Fraction.max(Fraction(1, 3), Fraction(1, 4)) == Fraction(1, 3))
  }

  @Test func ratioByZeroIsNil() {
    #expect(Fraction.ratio(Fraction(5), Fraction.zero) == nil)
    #expect(Fraction.ratio(Fraction(382_18, 100), Fraction(553_96, 100)) == Fraction(38_218, 55_396))
  }

  @Test func subtractionAndNegation() {
    #expect(Fraction(1, 2) - Fraction(1, 3) == Fraction(1, 6))
    #expect(-Fraction(1, 2) == Fraction(-1, 2))
    #expect((Fraction(90) - Fraction(tenThousandths: 899_950)).formatted(places: 3) == "0.005")
  }

  static let tenThousandthsCases: [(Fraction, Int64)] = [
    (Fraction(1, 3), 3_333),
    (Fraction(2, 3), 6_667),
    (Fraction(-2, 3), -6_667),
    (Fraction(228_764, 1_000), 2_287_640),
    (Fraction(1, 20_000), 1),  // 0.00005 rounds half up to 0.0001
    (Fraction(-1, 20_000), -1),
  ]

  @Test(arguments: tenThousandthsCases)
  func roundsToTenThousandths(_ value: Fraction, _ expected: Int64) {
    #expect(value.tenThousandths == expected)
  }

  @Test func descriptionShowsSixPlaces() {
    #expect(Fraction(1, 3).description == "0.333333")
    #expect(Fraction(931, 108).description == "8.62037")
    #expect(Fraction(5).description == "5")
  }

  /// Sums whose exact denominators overflow 128 bits fall back to 18 decimals, never trap.
  @Test func overflowFallsBackToEighteenDecimals() {
    let big: Int128 = 100_000_000_000_000_000_000  // 10^20
    let a = Fraction(big + 1, big)
    let b = Fraction(big + 3, big + 7)  // coprime denominators: the exact sum needs ~10^40
    let sum = a + b
    #expect(sum.formatted(places: 10) == "2.0000000000")
    let product = a * b
    #expect(product.formatted(places: 10) == "1.0000000000")
  }

  /// The fallback keeps the decimals of a large numerator over a large denominator: the
  /// running sum of many ratios (avg rate) once lost them and kept only its whole part.
  @Test func overflowKeepsTheDecimalsOfLargeTerms() {
    let e36: Int128 = 1_000_000_000_000_000_000_000_000_000_000_000_000
    let a = Fraction(7 * e36 + 1, 2 * e36)  // 3.5 and a little
    let b = Fraction(1, 999_999_937)  // a prime denominator: the exact sum needs ~10^45
    #expect((a + b).formatted(places: 9) == "3.500000001")
    #expect((-a + b).formatted(places: 9) == "-3.499999999")
  }

  /// Ten-thousandths reduced by their factors of 2 and 5 are the same fraction as the
  /// general reduction by a gcd gives, for random values and the edges.
  @Test func tenThousandthsInLowestTermsAsTheGcdGives() {
    var values: [Int64] = [0, 1, -1, 5, 16, 625, 10_000, -10_000, 20_000, 3_125, 80_000, 9_375, Int64.max, Int64.min, Int64.min + 1]
    var random = SystemRandomNumberGenerator()
    for _ in 0..<20_000 { values.append(Int64.random(in: -2_000_000...2_000_000, using: &random)) }
    for _ in 0..<2_000 { values.append(Int64.random(in: Int64.min...Int64.max, using: &random)) }
    for _ in 0..<2_000 { values.append(Int64.random(in: -1_000...1_000, using: &random) * [1, 16, 625, 10_000, 5_000][Int.random(in: 0..<5, using: &random)]) }
    for v in values {
      let fast = Fraction(tenThousandths: v)
      let general = Fraction(Int128(v), Int128(DecimalText.scale))
      #expect(fast.numerator == general.numerator && fast.denominator == general.denominator, "\(v)")
    }
  }
}
