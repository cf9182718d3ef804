import Scoring

/// One cell of a result.
public enum Value: Hashable, Sendable {
  case missing
  case integer(Int)
  case text(String)
  case money(Money)
  /// A recorded score, in ten-thousandths of a point; shown with two decimals.
  case score(Int64)
  /// A computed number shown with `places` decimals (averages, points).
  case number(Fraction, places: Int)
  /// A ratio shown as a percentage with two decimals (0.862 → 86.20%).
  case percent(Fraction)
  case grade(Grade)
  case fund(Fund)
  /// An exact decimal shown with trailing zeros dropped (at most four places): a sum
  /// too large for `money`, or a score as a file gets it.
  case exact(Fraction)
  /// A signed difference between two figures (`compare`); percentage points and
  /// percentages are fractions of one, as in `percent`.
  case change(Fraction, ChangeUnit)

  /// A sum of ten-thousandths: money when it fits in Int64, else an exact number.
  static func amount(_ sum: Int128) -> Value {
    if let v = Int64(exactly: sum) { return .money(Money(tenThousandths: v)) }
    return .exact(Fraction(sum, Int128(DecimalText.scale)))
  }

  /// Whether the value is a number (right-aligned, unquoted in JSON).
  public var isNumeric: Bool {
    switch self {
    case .integer, .money, .score, .number, .percent, .exact, .change: true
    case .missing, .text, .grade, .fund: false
    }
  }

  /// The text shown in tables.
  public var display: String {
    switch self {
    case .missing: ""
    case .integer(let v): String(v)
    case .text(let s): s
    case .money(let m): m.description
    case .score(let s): DecimalText.format(s, places: 2)
    case .number(let f, let places): f.formatted(places: places)
    case .percent(let f): (f * Fraction.hundred).formatted(places: 2) + "%"
    case .grade(let g): g.description
    case .fund(let f): f.description
    case .exact(let f): f.trimmed(places: 4)
    case .change(let d, let unit): unit.display(d)
    }
  }

  /// The value as a JSON or CSV number or string, exact for money.
  public var plain: String {
    switch self {
    case .percent(let f): (f * Fraction.hundred).formatted(places: 2)
    case .change(let d, let unit): unit.plain(d)
    default: display
    }
  }

  /// An exact number for sorting and comparing, where the value has one.
  var sortNumber: Fraction? {
    switch self {
    case .integer(let v): Fraction(v)
    case .money(let m): m.exact
    case .score(let s): Fraction(tenThousandths: s)
    case .number(let f, _), .percent(let f), .exact(let f), .change(let f, _): f
    // Grades order by merit, as in conditions: 差 < 中 < 良 < 优.
    case .grade(let g): Fraction(3 - Int(g.rawValue))
    case .fund(let f): Fraction(Int(f.rawValue))
    case .missing, .text: nil
    }
  }

  /// The order groups are listed in: grades as reports list them (优 良 中 差), every
  /// other value ascending.
  static func listed(_ a: Value, _ b: Value) -> Bool {
    if case .grade(let x) = a, case .grade(let y) = b { return x.rawValue < y.rawValue }
    return ascending(a, b)
  }

  /// Orders values of one column: numbers by value, text by code points, missing last.
  static func ascending(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.missing, _): return false
    case (_, .missing): return true
    case (.text(let x), .text(let y)): return x < y
    default:
      if let x = a.sortNumber, let y = b.sortNumber { return x < y }
      return a.display < b.display
    }
  }
}
