/// The one place a comma may stand in an amount: between groups of three digits.
///
/// Stripping every comma read `1.000,5` (a European 1000.5) as 1.0005 and `12,34` as
/// 1234; a comma anywhere but between thousands is a different notation or a typo, so
/// it is refused rather than guessed at.
enum ThousandsSeparators {
  /// The text without its thousands separators (`,` or the full-width `，`), the text
  /// itself when it has none, or nil when a comma stands anywhere else.
  static func removed(from text: String) -> String? {
    guard text.contains(where: { $0 == "," || $0 == "，" }) else { return text }
    var scalars = Array(text.unicodeScalars)
    var start = 0
    if let first = scalars.first, first == "-" || first == "+" { start = 1 }
    let end = scalars[start...].firstIndex(of: ".") ?? scalars.count
    // After the point: digits only.
    if scalars[end..<scalars.count].contains(where: { $0 == "," || $0 == "，" }) { return nil }
    // Before it: 1 to 3 digits, then groups of a comma and exactly three digits.
    var groupLength = 0
    var groups = 0
    for s in scalars[start..<end] {
      if s == "," || s == "，" {
        if groups == 0 ? !(1...3).contains(groupLength) : groupLength != 3 { return nil }
        groups += 1
        groupLength = 0
      } else if s.properties.numericType != nil, s.isASCII {
        groupLength += 1
      } else {
        return nil
      }
    }
    guard groupLength == 3 else { return nil }
    scalars.removeAll { $0 == "," || $0 == "，" }
    var out = ""
    out.unicodeScalars.append(contentsOf: scalars)
    return out
  }
}
