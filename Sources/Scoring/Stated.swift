/// The unit a report printed after an amount.
public enum PrintedUnit: Hashable, Sendable {
  /// No unit next to the number; 万元 is implied by the table.
  case none
  case wanYuan
  /// "元": usually a slip for 万元, which an audit points out.
  case yuan
}

/// An amount as a report states it: the number and the unit it was printed with.
public struct StatedMoney: Hashable, Sendable, CustomStringConvertible {
  public var amount: Money
  public var unit: PrintedUnit

  public init(amount: Money, unit: PrintedUnit = .none) {
    self.amount = amount
    self.unit = unit
  }

  public var description: String {
    switch unit {
    case .none: amount.description
    case .wanYuan: amount.description + "万元"
    case .yuan: amount.description + "元"
    }
  }
}

/// A percentage as printed ("123.76%"), kept as ten-thousandths of a percent point.
public struct StatedPercent: Hashable, Sendable, CustomStringConvertible {
  public var tenThousandths: Int64

  public init(tenThousandths: Int64) { self.tenThousandths = tenThousandths }

  /// The percentage as a ratio: 123.76 % → 1.2376.
  public var ratio: Fraction { Fraction(Int128(tenThousandths), Int128(DecimalText.scale) * 100) }

  public var description: String { DecimalText.format(tenThousandths) + "%" }
}
