/// Parsing and printing of plain decimal text as scaled integers.
///
/// Amounts and scores arrive as text ("228.764", "83.25") and must never pass through
/// binary floating point, so they are read digit by digit into an integer count of
/// ten-thousandths and printed back the same way.
public enum DecimalText {
  /// Ten-thousandths: every stored amount and recorded score keeps four decimals.
  public static let scale: Int64 = 10_000
  public static let places = 4

  /// Why a piece of text is not a decimal number.
  public enum Problem: Error, Equatable, Sendable {
    case empty
    case notANumber
    case tooManyDecimals
    case tooLarge
  }

  /// Reads `[+-]digits[.digits]` (at most four decimals) as ten-thousandths.
  public static func parse(_ text: some StringProtocol) -> Result<Int64, Problem> {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBufferPointer { parse(UnsafeBufferPointer($0)) }
  }

  /// Byte-level form of `parse(_:)`, for loaders that never build Strings.
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Int64, Problem> {
    var i = 0
    let n = bytes.count
    while i < n, bytes[i] == 0x20 { i += 1 }
    var end = n
    while end > i, bytes[end - 1] == 0x20 { end -= 1 }
    guard i < end else { return .failure(.empty) }
    var negative = false
    if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
      negative = bytes[i] == UInt8(ascii: "-")
      i += 1
    }
    var whole: Int64 = 0
    var digits = 0
    while i < end, bytes[i] >= 0x30, bytes[i] <= 0x39 {
      let (m, o1) = whole.multipliedReportingOverflow(by: 10)
      let (a, o2) = m.addingReportingOverflow(Int64(bytes[i] - 0x30))
      if o1 || o2 { return .failure(.tooLarge) }
      whole = a
      digits += 1
      i += 1
    }
    var fraction: Int64 = 0
    var fractionDigits = 0
    if i < end, bytes[i] == UInt8(ascii: ".") {
      i += 1
      while i < end, bytes[i] >= 0x30, bytes[i] <= 0x39 {
        if fractionDigits == places {
          // Extra digits are allowed only when they are zeros ("1.50000").
          if bytes[i] != 0x30 { return .failure(.tooManyDecimals) }
        } else {
          fraction = fraction * 10 + Int64(bytes[i] - 0x30)
          fractionDigits += 1
        }
        digits += 1
        i += 1
      }
    }
    guard digits > 0, i == end else { return .failure(.notANumber) }
    while fractionDigits < places {
      fraction *= 10
      fractionDigits += 1
    }
    let (scaled, o1) = whole.multipliedReportingOverflow(by: scale)
    let (total, o2) = scaled.addingReportingOverflow(fraction)
    if o1 || o2 || total > maxMagnitude { return .failure(.tooLarge) }
    return .success(negative ? -total : total)
  }

  /// The largest magnitude accepted, so that sums over millions of rows cannot overflow.
  public static let maxMagnitude: Int64 = 1_000_000_000_000 * scale

  /// Prints ten-thousandths with trailing zeros removed: 5537560 → "553.756", 100000 → "10".
  public static func format(_ value: Int64) -> String {
    let negative = value < 0
    let magnitude = value.magnitude
    let whole = magnitude / UInt64(scale)
    var fraction = magnitude % UInt64(scale)
    var text = negative ? "-" : ""
    text += String(whole)
    if fraction != 0 {
      var width = places
      while fraction % 10 == 0 {
        fraction /= 10
        width -= 1
      }
      let digits = String(fraction)
      text += "." + String(repeating: "0", count: width - digits.count) + digits
    }
    return text
  }

  /// Prints ten-thousandths with exactly `places` decimals, rounding half away from zero.
  public static func format(_ value: Int64, places wanted: Int) -> String {
    Fraction(Int128(value), Int128(scale)).formatted(places: wanted)
  }
}
