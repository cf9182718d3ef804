import Scoring

/// What a change between two figures measures, which decides how it is shown: the
/// difference stays a number (a spreadsheet can sum it), only its text carries the sign.
public enum ChangeUnit: Hashable, Sendable {
  /// An amount: trailing zeros dropped, at most four decimals (+29.5).
  case amount
  /// A count or a score: a fixed number of decimals (+1, -1.60).
  case decimals(Int)
  /// A difference of two ratios, in percentage points (+14.29 pp).
  case points
  /// A relative change, as a percentage (+5.26%).
  case percent

  /// The difference as shown, with its sign.
  func display(_ d: Fraction) -> String {
    let sign = d > .zero ? "+" : ""
    return sign + plain(d) + (self == .points ? " pp" : self == .percent ? "%" : "")
  }

  /// The difference as a plain number (files): no sign for gains, no unit.
  func plain(_ d: Fraction) -> String {
    switch self {
    case .amount: d.trimmed(places: 4)
    case .decimals(let places): d.formatted(places: places)
    case .points, .percent: (d * Fraction.hundred).formatted(places: 2)
    }
  }
}
