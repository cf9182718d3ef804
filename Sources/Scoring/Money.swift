/// An amount in 万元 held exactly as ten-thousandths of a 万元 (one yuan).
///
/// Budgets are compared and summed to the last printed decimal, so money is a
/// fixed-point integer: 553.956 stays 553.956 however many rows are added.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var tenThousandths: Int64

  public init(tenThousandths: Int64) { self.tenThousandths = tenThousandths }

  public static let zero = Money(tenThousandths: 0)

  /// Reads "228.764" (万元); at most four decimals.
  public init?(_ text: some StringProtocol) {
    guard case .success(let v) = DecimalText.parse(text) else { return nil }
    tenThousandths = v
  }

  public static func + (a: Money, b: Money) -> Money { Money(tenThousandths: a.tenThousandths + b.tenThousandths) }
  public static func - (a: Money, b: Money) -> Money { Money(tenThousandths: a.tenThousandths - b.tenThousandths) }
  public static func < (a: Money, b: Money) -> Bool { a.tenThousandths < b.tenThousandths }

  public var exact: Fraction { Fraction(tenThousandths: tenThousandths) }

  /// Trailing zeros dropped: "553.956", "10".
  public var description: String { DecimalText.format(tenThousandths) }
}
