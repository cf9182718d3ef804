/// A score added up from its parts: the parts that are whole ten-thousandths as one
/// integer, the rest (ratios such as 37.24 ÷ 43.2) as an exact fraction.
///
/// Most parts of a score are exact in ten-thousandths (a weight met in full, recorded
/// qualitative points), so they are added as integers and only the ratios pay for
/// fraction arithmetic. Both the fast total and the explained score card add their parts
/// here, so the two can never disagree.
public struct ScoreSum: Hashable, Sendable {
  /// One part of a score.
  public enum Part: Hashable, Sendable {
    /// A value in whole ten-thousandths of a point.
    case tenThousandths(Int128)
    /// Any other exact value.
    case exact(Fraction)

    public var value: Fraction {
      switch self {
      case .tenThousandths(let v): Fraction(v, Int128(DecimalText.scale))
      case .exact(let f): f
      }
    }

    /// `numerator ÷ denominator` ten-thousandths, as an integer when it divides evenly.
    static func ratio(_ numerator: Int128, _ denominator: Int128) -> Part {
      let (q, r) = numerator.quotientAndRemainder(dividingBy: denominator)
      return r == 0 ? .tenThousandths(q) : .exact(Fraction(numerator, denominator * Int128(DecimalText.scale)))
    }
  }

  /// The sum of the integer parts, in ten-thousandths.
  public private(set) var tenThousandths: Int128 = 0
  /// The sum of the other parts; nil when there were none.
  public private(set) var rest: Fraction?

  public init() {}

  public mutating func add(_ part: Part) {
    switch part {
    case .tenThousandths(let v):
      let (s, o) = tenThousandths.addingReportingOverflow(v)
      if o { rest = (rest ?? .zero) + part.value } else { tenThousandths = s }
    case .exact(let f): rest = rest.map { $0 + f } ?? f
    }
  }

  /// The exact total.
  public var value: Fraction {
    let whole = Fraction(tenThousandths, Int128(DecimalText.scale))
    return rest.map { whole + $0 } ?? whole
  }

  /// The total in ten-thousandths when every part was whole ten-thousandths.
  public var wholeTenThousandths: Int64? { rest == nil ? Int64(exactly: tenThousandths) : nil }
}
