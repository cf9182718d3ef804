/// An exact rational number, used for computed scores, rates and averages.
///
/// Scores are graded at full precision (89.995 is 良, not a rounded 90.00), and a
/// score built from ratios such as 37.24 ÷ 43.2 has no finite decimal form, so the
/// scoring core computes with fractions and rounds only when it prints.
/// Numerator and denominator are 128-bit; should an operation overflow (only with
/// adversarial inputs), both sides are first rounded to 18 decimals, which keeps the
/// result within 1e-18 and never traps.
public struct Fraction: Hashable, Comparable, Sendable, CustomStringConvertible {
  public private(set) var numerator: Int128
  /// Always positive.
  public private(set) var denominator: Int128

  public init(_ numerator: Int128, _ denominator: Int128 = 1) {
    precondition(denominator != 0, "zero denominator")
    var n = numerator
    var d = denominator
    if d < 0 {
      n = -n
      d = -d
    }
    let g = Fraction.gcd(n.magnitude, d.magnitude)
    if g > 1 {
      n /= Int128(g)
      d /= Int128(g)
    }
    self.numerator = n
    self.denominator = d
  }

  public init(_ value: Int) { self.init(Int128(value), 1) }

  /// A value held as ten-thousandths (money, recorded scores).
  ///
  /// In lowest terms like every fraction, but without a gcd: 10 000 is 2⁴ · 5⁴, so the
  /// common factor is the value's own factors of 2 and 5, at most four of each. Listing
  /// a score makes one of these per row.
  public init(tenThousandths: Int64) {
    guard tenThousandths != 0 else {
      numerator = 0
      denominator = 1
      return
    }
    var n = tenThousandths
    var d: Int64 = 10_000
    let twos = Swift.min(n.trailingZeroBitCount, 4)
    n >>= twos
    d >>= twos
    var fives = 0
    while fives < 4, n % 5 == 0 {
      n /= 5
      d /= 5
      fives += 1
    }
    numerator = Int128(n)
    denominator = Int128(d)
  }

  public static let zero = Fraction(0)
  public static let one = Fraction(1)
  public static let hundred = Fraction(100)

  /// The quotient, or nil for a zero divisor (the caller says why that matters).
  public static func ratio(_ a: Fraction, _ b: Fraction) -> Fraction? {
    b.numerator == 0 ? nil : a / b
  }

  /// Binary (Stein's) gcd: shifts and subtractions instead of 128-bit remainders, which
  /// are library calls, and 64-bit words while both values fit in one (scores, rates and
  /// ten-thousandths nearly always do).
  static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
    if a == 0 { return b }
    if b == 0 { return a }
    if a >> 64 == 0 && b >> 64 == 0 { return UInt128(gcd(UInt64(a), UInt64(b))) }
    var u = a
    var v = b
    let shift = (u | v).trailingZeroBitCount
    u >>= u.trailingZeroBitCount
    repeat {
      v >>= v.trailingZeroBitCount
      if u > v { swap(&u, &v) }
      v -= u
      if u >> 64 == 0 && v >> 64 == 0 {
        return UInt128(gcd(UInt64(u), UInt64(v))) << shift
      }
    } while v != 0
    return u << shift
  }

  static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
    if a == 0 { return b }
    if b == 0 { return a }
    var u = a
    var v = b
    let shift = (u | v).trailingZeroBitCount
    u >>= u.trailingZeroBitCount
    repeat {
      v >>= v.trailingZeroBitCount
      if u > v { swap(&u, &v) }
      v -= u
    } while v != 0
    return u << shift
  }

  private static let approximationScale: Int128 = 1_000_000_000_000_000_000

  /// The value rounded to 18 decimals; the fallback when exact arithmetic would overflow.
  func approximated() -> Fraction {
    let scale = Fraction.approximationScale
    let (scaled, overflow) = numerator.multipliedReportingOverflow(by: scale)
    if !overflow { return Fraction(Fraction.divideRounded(scaled, denominator), scale) }
    // A large numerator over a large denominator (a sum of many ratios) still has its
    // decimals: the whole part, then the remainder's 18 decimals worked out at 256 bits.
    let whole = numerator / denominator
    let (scaledWhole, tooLarge) = whole.multipliedReportingOverflow(by: scale)
    // Magnitudes this large have no meaning here; keep the integer part.
    if tooLarge { return Fraction(whole, 1) }
    let remainder = (numerator % denominator).magnitude
    let d = denominator.magnitude
    let (quotient, rest) = d.dividingFullWidth(remainder.multipliedFullWidth(by: UInt128(scale)))
    let part = Int128(quotient) + (rest >= d - rest ? 1 : 0)
    let (sum, o) = scaledWhole.addingReportingOverflow(numerator < 0 ? -part : part)
    return o ? Fraction(whole, 1) : Fraction(sum, scale)
  }

  /// Integer division rounding half away from zero.
  static func divideRounded(_ n: Int128, _ d: Int128) -> Int128 {
    let q = n / d
    let r = n % d
    if r.magnitude * 2 >= d.magnitude {
      return (n < 0) != (d < 0) ? q - 1 : q + 1
    }
    return q
  }

  public static func + (a: Fraction, b: Fraction) -> Fraction {
    if let exact = add(a, b) { return exact }
    return add(a.approximated(), b.approximated()) ?? a.approximated()
  }

  private static func add(_ a: Fraction, _ b: Fraction) -> Fraction? {
    let g = Int128(gcd(a.denominator.magnitude, b.denominator.magnitude))
    let (left, o1) = a.numerator.multipliedReportingOverflow(by: b.denominator / g)
    let (right, o2) = b.numerator.multipliedReportingOverflow(by: a.denominator / g)
    let (sum, o3) = left.addingReportingOverflow(right)
    let (den, o4) = (a.denominator / g).multipliedReportingOverflow(by: b.denominator)
    if o1 || o2 || o3 || o4 { return nil }
    return Fraction(sum, den)
  }

  public static prefix func - (a: Fraction) -> Fraction { Fraction(-a.numerator, a.denominator) }

  public static func - (a: Fraction, b: Fraction) -> Fraction { a + (-b) }

  public static func * (a: Fraction, b: Fraction) -> Fraction {
    if let exact = multiply(a, b) { return exact }
    return multiply(a.approximated(), b.approximated()) ?? a.approximated()
  }

  private static func multiply(_ a: Fraction, _ b: Fraction) -> Fraction? {
    let g1 = Int128(Swift.max(gcd(a.numerator.magnitude, b.denominator.magnitude), 1))
    let g2 = Int128(Swift.max(gcd(b.numerator.magnitude, a.denominator.magnitude), 1))
    let (n, o1) = (a.numerator / g1).multipliedReportingOverflow(by: b.numerator / g2)
    let (d, o2) = (a.denominator / g2).multipliedReportingOverflow(by: b.denominator / g1)
    if o1 || o2 { return nil }
    return Fraction(n, d)
  }

  /// Division; the divisor must not be zero (use `ratio` where it may be).
  public static func / (a: Fraction, b: Fraction) -> Fraction {
    a * Fraction(b.denominator, b.numerator)
  }

  /// Exact at any size: the cross products are compared at 256 bits, so values whose
  /// difference would overflow (sums of many ratios) still order correctly.
  public static func < (a: Fraction, b: Fraction) -> Bool {
    let x = a.numerator.multipliedFullWidth(by: b.denominator)
    let y = b.numerator.multipliedFullWidth(by: a.denominator)
    return x.high != y.high ? x.high < y.high : x.low < y.low
  }

  public static func min(_ a: Fraction, _ b: Fraction) -> Fraction { a < b ? a : b }
  public static func max(_ a: Fraction, _ b: Fraction) -> Fraction { a < b ? b : a }

  /// Rounded to `places` decimals, half away from zero: 8.62037… → "8.62".
  public func formatted(places: Int) -> String {
    var pow: Int128 = 1
    for _ in 0..<places { pow *= 10 }
    let scaled = roundedScaled(places: places)
    let negative = scaled < 0
    let magnitude = scaled.magnitude
    let whole = magnitude / UInt128(pow)
    let fraction = magnitude % UInt128(pow)
    var text = (negative ? "-" : "") + String(whole)
    if places > 0 {
      let digits = String(fraction)
      text += "." + String(repeating: "0", count: places - digits.count) + digits
    }
    return text
  }

  /// The value × 10^places, rounded half away from zero: the digits `formatted(places:)`
  /// prints, as an integer, for comparing printed values without building their text.
  public func roundedScaled(places: Int) -> Int128 {
    var pow: Int128 = 1
    for _ in 0..<places { pow *= 10 }
    if let exact = Fraction.multiply(self, Fraction(pow)) {
      return Fraction.divideRounded(exact.numerator, exact.denominator)
    }
    let a = approximated()
    return Fraction.divideRounded(a.numerator * pow, a.denominator)
  }

  /// Rounded to `places` decimals with trailing zeros dropped: 0.5 → "0.5", 2 → "2".
  public func trimmed(places: Int) -> String {
    var text = formatted(places: places)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text == "-0" ? "0" : text
  }

  /// The value rounded to ten-thousandths, for storing back as money or a recorded score.
  public var tenThousandths: Int64 {
    let scaled = Fraction.multiply(self, Fraction(Int128(DecimalText.scale))) ?? approximated() * Fraction(Int128(DecimalText.scale))
    let rounded = Fraction.divideRounded(scaled.numerator, scaled.denominator)
    return Int64(clamping: rounded)
  }

  public var description: String { trimmed(places: 6) }
}

extension Fraction {
  /// The value `formatted(places:)` prints, exactly.
  public func rounded(places: Int) -> Fraction {
    let text = formatted(places: places)
    var pow: Int128 = 1
    for _ in 0..<places { pow *= 10 }
    let digits = Int128(text.filter(\.isNumber)) ?? 0
    return Fraction(text.hasPrefix("-") ? -digits : digits, pow)
  }

  /// Two decimals, or as many more (up to twelve) as it takes not to print a value as
  /// the bound it falls short of: 49.995 of 50 is not "50.00", nor 0.004 "0.00".
  public func shown(outOf maximum: Fraction?) -> String {
    var places = 2
    while places < 12 {
      let text = formatted(places: places)
      let looksFull = maximum.map { self != $0 && text == $0.formatted(places: places) } ?? false
      let looksZero = self != .zero && text == Fraction.zero.formatted(places: places)
      if !looksFull && !looksZero { break }
      places += 1
    }
    return formatted(places: places)
  }

  /// How many decimals `shown(outOf:)` prints.
  public func shownPlaces(outOf maximum: Fraction?) -> Int {
    let text = shown(outOf: maximum)
    return text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
  }

  /// Said under a sum whose parts, as printed, do not add up to the total as printed:
  /// the parts with as many more decimals as it takes to add up, "to 3 decimals: 9.5 +
  /// 47.917 + 28.125 + 10 = 95.542". Nil when the printed parts add up.
  public static func roundingNote(parts: [(value: Fraction, maximum: Fraction?)], total: Fraction, maximum: Fraction?) -> String? {
    let shownSum = parts.reduce(Fraction.zero) { $0 + $1.value.rounded(places: $1.value.shownPlaces(outOf: $1.maximum)) }
    let shownTotal = total.shown(outOf: maximum)
    guard shownSum.formatted(places: total.shownPlaces(outOf: maximum)) != shownTotal else { return nil }
    var places = 3
    while places < 6 {
      let sum = parts.reduce(Fraction.zero) { $0 + $1.value.rounded(places: places) }
      if sum.formatted(places: total.shownPlaces(outOf: maximum)) == shownTotal { break }
      places += 1
    }
    let sum = parts.reduce(Fraction.zero) { $0 + $1.value.rounded(places: places) }
    let result = sum == total.rounded(places: total.shownPlaces(outOf: maximum)) ? "" : " → \(shownTotal)"
    return "the parts are rounded; to \(places) decimals: "
      + parts.map { $0.value.trimmed(places: places) }.joined(separator: " + ") + " = \(sum.trimmed(places: places))" + result
  }
}
