import Testing

@testable import Scoring

/// Printed working adds up: the digits that decide a grade or a sum are shown
/// (docs/RULES.md, "Printed working adds up"), with the figures.
@Suite struct PrintedWorkingTests {
  /// 89.9999997 printed as 90.00 read as 优; seven decimals keep it in 良.
  @Test func aScoreIsPrintedInItsOwnBand() {
    let score = Fraction(899_999_997, 10_000_000)
    #expect(RuleSet.national.grade(for: score) == .good)
    #expect(RuleSet.national.decisivePlaces(score) == 7)
    #expect(RuleSet.national.decisivePlaces(Fraction(89_995, 1000)) == 3)
    #expect(RuleSet.national.decisivePlaces(Fraction(9724, 100)) == 2)
  }

  /// An indicator worth 49.995 printed as 50.00 / 50.
  @Test func pointsShortOfTheirMaximumAreNotPrintedAsIt() {
    #expect(Fraction(49_995, 1000).shown(outOf: Fraction(50)) == "49.995")
    #expect(Fraction(99_999_997, 10_000_000).shown(outOf: Fraction(10)) == "9.9999997")
    #expect(Fraction(4, 1000).shown(outOf: Fraction(10)) == "0.004")
    #expect(Fraction(50).shown(outOf: Fraction(50)) == "50.00")
    #expect(Fraction(115, 3).shown(outOf: Fraction(40)) == "38.33")
  }

  /// 9.50 + 47.92 + 28.13 + 10.00 is 95.55, but the total is 95.541667 → 95.54.
  @Test func aSumOfRoundedPartsSaysSo() {
    let parts: [(value: Fraction, maximum: Fraction?)] = [
      (Fraction(19, 2), Fraction(10)), (Fraction(1150, 24), Fraction(50)), (Fraction(225, 8), Fraction(30)), (Fraction(10), Fraction(10)),
    ]
    let total = parts.reduce(Fraction.zero) { $0 + $1.value }
    #expect(total.formatted(places: 2) == "95.54")
    #expect(
      Fraction.roundingNote(parts: parts, total: total, maximum: .hundred)
        == "the parts are rounded; to 3 decimals: 9.5 + 47.917 + 28.125 + 10 = 95.542 → 95.54")
    // Parts that add up as printed need no note.
    #expect(Fraction.roundingNote(parts: [(Fraction(862, 100), Fraction(10)), (Fraction(90), Fraction(90))], total: Fraction(9862, 100), maximum: .hundred) == nil)
  }
}
