import Testing

@testable import Scoring

/// Amounts and scores are read as ten-thousandths and printed back digit by digit.
@Suite struct DecimalTextTests {
  @Test(arguments: [
    ("553.956", Int64(5_539_560)),
    ("228.764", 2_287_640),
    ("10", 100_000),
    ("0.432", 4_320),
    ("83.25", 832_500),
    ("1.50000", 15_000),  // extra decimals are fine when they are zeros
    ("1.00010", 10_001),
    ("-3", -30_000),
    ("+7.5", 75_000),
    ("0", 0),
    ("0.0001", 1),
    (".5", 5_000),
    ("5.", 50_000),
    ("  12.5  ", 125_000),  // surrounding spaces are ignored
    ("1000000000000", 10_000_000_000_000_000),  // the largest accepted magnitude, 10^12 万元
    ("-1000000000000", -10_000_000_000_000_000),
  ])
  func parsesToTenThousandths(_ text: String, _ expected: Int64) {
    #expect(DecimalText.parse(text) == .success(expected))
  }

  @Test(arguments: [
    ("1.23456", DecimalText.Problem.tooManyDecimals),
    ("0.00001", .tooManyDecimals),
    ("1.00001", .tooManyDecimals),
    ("abc", .notANumber),
    ("12x", .notANumber),
    ("1.2.3", .notANumber),
    ("1e5", .notANumber),
    ("-", .notANumber),
    (".", .notANumber),
    ("1,249.58", .notANumber),  // thousands separators are the loader's business
    ("", .empty),
    ("   ", .empty),
    ("1000000000000.0001", .tooLarge),  // one ten-thousandth above the limit
    ("99999999999999999999", .tooLarge),  // overflows Int64 while reading digits
    ("922337203685477", .tooLarge),  // fits Int64 even scaled, but is above 10^12
    ("922337203685478", .tooLarge),  // overflows Int64 once scaled to ten-thousandths
  ])
  func refuses(_ text: String, _ problem: DecimalText.Problem) {
    #expect(DecimalText.parse(text) == .failure(problem))
  }

  @Test(arguments: [
    (Int64(5_539_560), "553.956"),
    (100_000, "10"),
    (4_320, "0.432"),
    (15_000, "1.5"),
    (-30_000, "-3"),
    (-4_320, "-0.432"),
    (1, "0.0001"),
    (-1, "-0.0001"),
    (0, "0"),
    (10_000_000_000_000_000, "1000000000000"),
  ])
  func formatsWithoutTrailingZeros(_ value: Int64, _ text: String) {
    #expect(DecimalText.format(value) == text)
  }

  @Test(arguments: ["553.956", "10", "0.432", "-3", "83.25", "0.0001", "1000000000000"])
  func roundTrips(_ text: String) throws {
    let value = try DecimalText.parse(text).get()
    #expect(DecimalText.format(value) == text)
  }

  @Test(arguments: [
    (Int64(5_539_560), 2, "553.96"),
    (5_539_560, 0, "554"),
    (832_500, 2, "83.25"),
    (899_950, 2, "90.00"),  // 89.995 rounds half up
    (-899_950, 2, "-90.00"),  // and half away from zero when negative
    (50, 2, "0.01"),  // 0.005
    (-50, 2, "-0.01"),
    (-49, 2, "0.00"),  // -0.0049 rounds to zero, printed without a sign
    (100_000, 4, "10.0000"),
  ])
  func formatsToFixedPlaces(_ value: Int64, _ places: Int, _ text: String) {
    #expect(DecimalText.format(value, places: places) == text)
  }

  @Test func parsesBytesTheSameAsText() {
    let bytes = Array(" 228.764 ".utf8)
    let result = bytes.withUnsafeBufferPointer { DecimalText.parse($0) }
    #expect(result == .success(2_287_640))
  }
}

/// Money is fixed-point, so sums never drift the way binary floating point does.
@Suite struct MoneyTests {
  @Test func tenThousandTenthsAreExactlyOneThousand() throws {
    let tenth = try #require(Money("0.1"))
    var total = Money.zero
    for _ in 0..<10_000 { total = total + tenth }
    #expect(total == Money(tenThousandths: 10_000_000))
    #expect(total.description == "1000")
    // The same sum in Double is not 1000, which is why amounts are never Doubles.
    var double = 0.0
    for _ in 0..<10_000 { double += 0.1 }
    #expect(double != 1000)
  }

  @Test func theSeedBudgetsSumTo553_956() throws {
    let budgets = [
      "10", "68.38", "228.764", "61.5", "119", "1", "7", "5.7", "30", "1", "3", "6", "1", "2", "0.432", "4",
      "1.18", "1", "3",
    ]
    let total = try budgets.reduce(Money.zero) { sum, text in sum + (try #require(Money(text))) }
    #expect(total.description == "553.956")
    #expect(total.tenThousandths == 5_539_560)
  }

  @Test func parsesAndPrints() {
    #expect(Money("228.764")?.tenThousandths == 2_287_640)
    #expect(Money("abc") == nil)
    #expect(Money("1.23456") == nil)
    #expect(Money(tenThousandths: 4_320).description == "0.432")
    #expect((Money(tenThousandths: 100_000) - Money(tenThousandths: 4_320)).description == "9.568")
    #expect(Money(tenThousandths: 1) < Money(tenThousandths: 2))
    #expect(Money(tenThousandths: 2_287_640).exact == Fraction(228_764, 1_000))
  }
}

@Suite struct StatedTests {
  @Test func statedMoneyKeepsItsPrintedUnit() {
    let amount = Money(tenThousandths: 12_495_800)
    #expect(StatedMoney(amount: amount).description == "1249.58")
    #expect(StatedMoney(amount: amount, unit: .wanYuan).description == "1249.58万元")
    #expect(StatedMoney(amount: amount, unit: .yuan).description == "1249.58元")
  }

  @Test func statedPercentIsARatio() {
    let rate = StatedPercent(tenThousandths: 1_237_600)
    #expect(rate.description == "123.76%")
    #expect(rate.ratio == Fraction(12_376, 10_000))
    #expect(rate.ratio.formatted(places: 4) == "1.2376")
  }
}
