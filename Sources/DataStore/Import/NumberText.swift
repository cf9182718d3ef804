/// A binary floating-point number from a workbook or JSON as the decimal text it stands for.
///
/// Excel writes 228.764 as `228.76400000000001` at times and JSON numbers arrive as
/// doubles; the shortest text that reads back as the same double is the number the
/// person typed. It is printed in full, never rounded to four places: a value with more
/// decimals is then refused by the loader, as in a CSV file, instead of quietly changed.
enum NumberText {
  /// The shortest round-trip text of `value` as a plain decimal: no exponent, no `.0`.
  static func plain(_ value: Double) -> String {
    guard value.isFinite else { return value.description }
    return plain(shortest: value.description)
  }

  /// `1.5e-07` → `0.00000015`, `1.5e+20` → `150000000000000000000`, `12.0` → `12`.
  static func plain(shortest text: String) -> String {
    var s = Substring(text)
    var sign = ""
    if s.first == "-" {
      sign = "-"
      s.removeFirst()
    }
    var exponent = 0
    if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponent = Int(s[s.index(after: e)...]) ?? 0
      s = s[..<e]
    }
    let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    var whole = String(parts.first ?? "")
    var fraction = parts.count > 1 ? String(parts[1]) : ""
    // Move the point `exponent` places (bounded: a double's exponent is at most 308).
    if exponent > 0 {
      let moved = min(exponent, 400)
      fraction += String(repeating: "0", count: max(0, moved - fraction.count))
      whole += fraction.prefix(moved)
      fraction = String(fraction.dropFirst(moved))
    } else if exponent < 0 {
      let moved = min(-exponent, 400)
      whole = String(repeating: "0", count: max(0, moved - whole.count)) + whole
      fraction = String(whole.suffix(moved)) + fraction
      whole = String(whole.dropLast(moved))
    }
    while whole.count > 1, whole.first == "0" { whole.removeFirst() }
    if whole.isEmpty { whole = "0" }
    while fraction.last == "0" { fraction.removeLast() }
    return sign + whole + (fraction.isEmpty ? "" : "." + fraction)
  }

  /// Whether `text` is digits with an optional point and at most four decimals: such a
  /// value is kept exactly as written.
  static func isShortDecimal(_ text: String) -> Bool {
    var seenPoint = false
    var decimals = 0
    var digits = 0
    for (i, c) in text.enumerated() {
      if c == "-" && i == 0 { continue }
      if c == "." {
        if seenPoint { return false }
        seenPoint = true
      } else if c.isASCII, c.isNumber {
        digits += 1
        if seenPoint { decimals += 1 }
      } else {
        return false
      }
    }
    return digits > 0 && decimals <= 4
  }
}
