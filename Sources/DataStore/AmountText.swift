import Scoring

/// An amount in 万元 as a dataset file writes it, read by one set of rules wherever it
/// comes from: a file's cell or a `let` edit. Otherwise an edit could hold a value that
/// `save` writes and the loader then refuses, leaving a folder that no longer loads.
///
/// The rules: at most four decimals (more only when they are zeros), a comma only
/// between groups of three digits before the point, nothing negative, and nothing
/// above ``DecimalText/maxMagnitude`` so that sums over millions of rows cannot overflow.
/// A unit suffix (万元, 元) is the caller's to remove.
public enum AmountText {
  /// Why a piece of text is not an amount.
  public enum Problem: Error, Equatable, Sendable {
    case notAnAmount
    /// A comma that does not separate thousands (`1.000,5`, `12,34`).
    case misplacedComma
    case negative
    case tooManyDecimals
    case tooLarge

    /// What is wrong with `shown` (the text as written), in the loader's words.
    public func message(_ shown: String) -> String {
      switch self {
      case .misplacedComma:
        "'\(shown)' is not an amount: a comma may only separate thousands, as in 1,234.5; expected 万元 with up to 4 decimals, e.g. 228.764"
      case .negative:
        "'\(shown)' is negative; expected an amount in 万元, e.g. 228.764"
      case .tooManyDecimals:
        "'\(shown)' has more than 4 decimals; expected an amount in 万元 with up to 4 decimals, e.g. 228.764"
      case .tooLarge:
        "'\(shown)' is too large; the largest amount accepted is \(DecimalText.format(DecimalText.maxMagnitude))"
      case .notAnAmount:
        "'\(shown)' is not an amount; expected 万元 with up to 4 decimals, e.g. 228.764"
      }
    }
  }

  /// The amount in ten-thousandths of 万元.
  public static func parse(_ text: String) -> Result<Int64, Problem> {
    guard let plain = ThousandsSeparators.removed(from: text) else { return .failure(.misplacedComma) }
    switch DecimalText.parse(plain) {
    case .success(let v) where v >= 0: return .success(v)
    case .success: return .failure(.negative)
    case .failure(.tooManyDecimals): return .failure(.tooManyDecimals)
    case .failure(.tooLarge): return .failure(.tooLarge)
    case .failure(.empty), .failure(.notANumber): return .failure(.notAnAmount)
    }
  }
}
