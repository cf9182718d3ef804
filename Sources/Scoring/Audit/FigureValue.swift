/// A figure of an audit finding, as the report states it or as it is recomputed.
///
/// Kept as a value, not as text, so that a finding can be written as data (JSON
/// numbers, CSV cells) as well as shown; `description` is the text a table shows.
public enum FigureValue: Hashable, Sendable, CustomStringConvertible {
  /// An amount in 万元 with the unit it was printed with (`.none`: implied by the table).
  case money(Money, unit: PrintedUnit)
  /// A ratio shown as a percentage: with `places` decimals, or (nil) as stated, with
  /// trailing zeros dropped (100 %, 123.76 %).
  case percent(Fraction, places: Int?)
  /// A number of projects or rows.
  case count(Int)
  /// Points, a score or a weight: with `places` decimals, or (nil) as recorded, with
  /// trailing zeros dropped (at most four).
  case points(Fraction, places: Int?)
  case grade(Grade)
  /// Text that is not a number, such as the seqs of repeated names (#2/#3).
  case text(String)
  /// A figure that cannot be worked out; the finding's note says why.
  case unknown
  /// Nothing to show on this side.
  case none

  /// A percentage as stated in a report.
  public static func stated(_ p: StatedPercent) -> FigureValue { .percent(p.ratio, places: nil) }

  /// An amount as stated in a report, with its printed unit.
  public static func stated(_ m: StatedMoney) -> FigureValue { .money(m.amount, unit: m.unit) }

  public var description: String {
    switch self {
    case .money(let m, let unit): StatedMoney(amount: m, unit: unit).description
    case .percent(let ratio, let places): FigureValue.decimal(ratio * Fraction.hundred, places) + "%"
    case .count(let n): String(n)
    case .points(let f, let places): FigureValue.decimal(f, places)
    case .grade(let g): g.description
    case .text(let s): s
    case .unknown: "unknown"
    case .none: ""
    }
  }

  /// The number without its unit, exact to the printed places (percent in percent
  /// points, money in the printed unit); nil for a figure that is not a number.
  public var number: String? {
    switch self {
    case .money(let m, _): m.description
    case .percent(let ratio, let places): FigureValue.decimal(ratio * Fraction.hundred, places)
    case .count(let n): String(n)
    case .points(let f, let places): FigureValue.decimal(f, places)
    case .grade, .text, .unknown, .none: nil
    }
  }

  /// The unit printed after the number: "%", "元" or "万元" (also when only implied);
  /// nil for counts, points and text.
  public var unit: String? {
    switch self {
    case .money(_, let unit): unit == .yuan ? "元" : "万元"
    case .percent: "%"
    case .count, .points, .grade, .text, .unknown, .none: nil
    }
  }

  static func decimal(_ f: Fraction, _ places: Int?) -> String {
    places.map { f.formatted(places: $0) } ?? f.trimmed(places: DecimalText.places)
  }
}
