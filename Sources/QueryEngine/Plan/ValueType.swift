import Scoring

/// What kind of value an expression yields; decides which arithmetic and comparisons
/// make sense, and how a computed value is shown.
public enum ValueType: Hashable, Sendable {
  /// Whole numbers: year, seq, counts.
  case integer
  /// Amounts in 万元.
  case money
  /// Points of a score.
  case score
  /// A plain number: an amount divided by a number of projects, a factor.
  case number
  /// A ratio shown as a percentage.
  case percent
  /// A number written without a unit: takes the type of what it meets (`budget > 50`
  /// is 50 万元, `rate < 90` is 90 %).
  case untyped
  case text, grade, fund

  var isNumeric: Bool {
    switch self {
    case .integer, .money, .score, .number, .percent, .untyped: true
    case .text, .grade, .fund: false
    }
  }

  /// How messages name the type.
  var noun: String {
    switch self {
    case .integer: "a whole number"
    case .money: "an amount (万元)"
    case .score: "a score"
    case .number, .untyped: "a number"
    case .percent: "a percentage"
    case .text: "text"
    case .grade: "a grade"
    case .fund: "a budget book"
    }
  }

  init(_ field: Field) {
    switch field.kind {
    case .integer: self = .integer
    case .text: self = .text
    case .fund: self = .fund
    case .money: self = .money
    case .score: self = .score
    case .percent: self = .percent
    case .grade: self = .grade
    }
  }

  /// A computed value of this type as a result cell. Amounts keep four decimals, scores
  /// two; a value with more decimals than it shows keeps them for sorting and comparing.
  func value(_ x: Fraction) -> Value {
    switch self {
    case .integer:
      if x.denominator == 1, let v = Int(exactly: x.numerator) { return .integer(v) }
      return .number(x, places: 4)
    case .money:
      let scaled = x * Fraction(Int128(DecimalText.scale))
      if scaled.denominator == 1, let v = Int64(exactly: scaled.numerator), v != Int64.min {
        return .money(Money(tenThousandths: v))
      }
      return .number(x, places: 4)
    case .score: return .number(x, places: 2)
    case .percent: return .percent(x)
    case .number, .untyped:
      let scaled = x * Fraction(Int128(DecimalText.scale))
      return scaled.denominator == 1 ? .exact(x) : .number(x, places: 4)
    case .text, .grade, .fund: return .missing
    }
  }
}

extension Fraction {
  /// The value in ten-thousandths when it has at most four decimals.
  var exactTenThousandths: Int64? {
    let scaled = self * Fraction(Int128(DecimalText.scale))
    guard scaled.denominator == 1, let v = Int64(exactly: scaled.numerator), v != Int64.min else { return nil }
    return v
  }
}
