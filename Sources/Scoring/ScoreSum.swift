/// A score added up from its parts: the parts that are whole ten-thousandths as one
/// integer, the ratios (such as 37.24 ÷ 43.2) as that integer's fraction of a
/// ten-thousandth left over, and anything else as an exact fraction.
///
/// Most parts of a score are exact in ten-thousandths (a weight met in full, recorded
/// qualitative points), so they are added as integers. A ratio's whole ten-thousandths
/// join them and only its remainder is kept, as a numerator over the product of the
/// ratios' denominators: no gcd per part, which was most of the cost of `recompute`.
/// Since that remainder lies in [0, 1) ten-thousandths, a total without other parts is
/// graded by its integer alone and is whole exactly when the remainder is 0. Both the
/// fast total and the explained score card add their parts here, so the two can never
/// disagree.
public struct ScoreSum: Hashable, Sendable {
  /// One part of a score.
  public enum Part: Hashable, Sendable {
    /// A value in whole ten-thousandths of a point.
    case tenThousandths(Int128)
    /// `numerator ÷ denominator` ten-thousandths that do not divide evenly; the
    /// denominator is positive and both fit in 64 bits.
    case quotient(Int64, Int64)
    /// Any other exact value.
    case exact(Fraction)

    public var value: Fraction {
      switch self {
      case .tenThousandths(let v): Fraction(v, Int128(DecimalText.scale))
      case .quotient(let n, let d): Fraction(Int128(n), Int128(d) * Int128(DecimalText.scale))
      case .exact(let f): f
      }
    }

    /// `numerator ÷ denominator` ten-thousandths, as an integer when it divides evenly.
    static func ratio(_ numerator: Int128, _ denominator: Int128) -> Part {
      var (n, d) = (numerator, denominator)
      if d < 0 { (n, d) = (-n, -d) }
      // 64-bit division where the values fit (nearly always): a 128-bit one is a library call.
      if let n64 = Int64(exactly: n), let d64 = Int64(exactly: d), d64 != Int64.min {
        let (q, r) = n64.quotientAndRemainder(dividingBy: d64)
        return r == 0 ? .tenThousandths(Int128(q)) : .quotient(n64, d64)
      }
      let (q, r) = n.quotientAndRemainder(dividingBy: d)
      return r == 0 ? .tenThousandths(q) : .exact(Fraction(n, d * Int128(DecimalText.scale)))
    }
  }

  /// The sum of the integer parts and of the ratios' whole ten-thousandths.
  public private(set) var tenThousandths: Int128 = 0
  /// What the ratios add below a ten-thousandth: `below.numerator ÷ below.denominator`
  /// ten-thousandths, at least 0 and less than 1, not reduced.
  private var below: (numerator: Int128, denominator: Int128) = (0, 1)
  /// The sum of the other parts; nil when there were none.
  public private(set) var rest: Fraction?

  public init() {}

  public mutating func add(_ part: Part) {
    switch part {
    case .tenThousandths(let v):
      addWhole(v)
    case .quotient(let n, let d):
      // Floor division, so the remainder r is in [0, d).
      var (q, r) = n.quotientAndRemainder(dividingBy: d)
      if r < 0 {
        q -= 1
        r += d
      }
      addWhole(Int128(q))
      addBelow(Int128(r), Int128(d))
    case .exact(let f): addRest(f)
    }
  }

  private mutating func addWhole(_ v: Int128) {
    let (s, o) = tenThousandths.addingReportingOverflow(v)
    if o { addRest(Fraction(v, Int128(DecimalText.scale))) } else { tenThousandths = s }
  }

  private mutating func addRest(_ f: Fraction) {
    rest = rest.map { $0 + f } ?? f
  }

  /// Adds r ÷ d ten-thousandths (0 ≤ r < d) to `below`, carrying a whole one; should the
  /// product of the denominators overflow, the two are added as fractions into `rest`.
  private mutating func addBelow(_ r: Int128, _ d: Int128) {
    guard below.numerator != 0 else {
      below = (r, d)
      return
    }
    let (a, o1) = below.numerator.multipliedReportingOverflow(by: d)
    let (b, o2) = r.multipliedReportingOverflow(by: below.denominator)
    let (n, o3) = a.addingReportingOverflow(b)
    let (m, o4) = below.denominator.multipliedReportingOverflow(by: d)
    if o1 || o2 || o3 || o4 {
      addRest(belowValue + Fraction(r, d * Int128(DecimalText.scale)))
      below = (0, 1)
      return
    }
    // Both were below one, so the sum is below two: at most one whole carries.
    if n >= m {
      addWhole(1)
      below = (n - m, m)
    } else {
      below = (n, m)
    }
  }

  /// The exact total.
  public var value: Fraction {
    let scale = Int128(DecimalText.scale)
    var whole = Fraction(tenThousandths, scale)
    if below.numerator != 0 {
      // tenThousandths + n ÷ d as one fraction when it fits, else as a sum.
      let (t, o1) = tenThousandths.multipliedReportingOverflow(by: below.denominator)
      let (n, o2) = t.addingReportingOverflow(below.numerator)
      let (d, o3) = below.denominator.multipliedReportingOverflow(by: scale)
      whole = o1 || o2 || o3 ? whole + belowValue : Fraction(n, d)
    }
    return rest.map { whole + $0 } ?? whole
  }

  /// `below` as points: reduced before it is scaled, so a large denominator cannot overflow.
  private var belowValue: Fraction { Fraction(below.numerator, below.denominator) * Fraction(1, Int128(DecimalText.scale)) }

  /// The total in ten-thousandths when every part was whole ten-thousandths.
  public var wholeTenThousandths: Int64? { rest == nil && below.numerator == 0 ? Int64(exactly: tenThousandths) : nil }

  /// Whether the total is `tenThousandths` and less than one ten-thousandth more: every
  /// part was whole or a ratio. Then it is graded by `tenThousandths` against whole bands.
  public var isBelowNextTenThousandth: Bool { rest == nil }

  /// The total rounded to hundredths, half away from zero (as `formatted(places: 2)`
  /// rounds), worked out from the integers when there are no other parts.
  public var roundedHundredths: Int128 {
    guard rest == nil, tenThousandths >= 0 else { return value.roundedScaled(places: 2) }
    let (q, r) = tenThousandths.quotientAndRemainder(dividingBy: 100)
    guard below.numerator != 0 else { return r * 2 >= 100 ? q + 1 : q }
    // Up when (r + n ÷ d) × 2 ≥ 100, that is 2 (r d + n) ≥ 100 d.
    let (rd, o1) = r.multipliedReportingOverflow(by: below.denominator)
    let (s, o2) = rd.addingReportingOverflow(below.numerator)
    let (s2, o3) = s.multipliedReportingOverflow(by: 2)
    let (h, o4) = below.denominator.multipliedReportingOverflow(by: 100)
    if o1 || o2 || o3 || o4 { return value.roundedScaled(places: 2) }
    return s2 >= h ? q + 1 : q
  }

  public static func == (a: ScoreSum, b: ScoreSum) -> Bool { a.value == b.value }

  public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
