import QueryEngine
import Scoring

extension HandoutWriter {
  /// Coordinates are worked out exactly and printed with two decimals; a viewBox of
  /// 0–100 across lets every bar be a share of the widest one.
  static func coordinate(_ f: Fraction) -> String { Fraction.min(Fraction.max(f, .zero), .hundred).formatted(places: 2) }

  /// A horizontal bar: `value` filled, and when `maximum` is given the whole of it in a
  /// lighter shade behind, both on the scale of `largest`.
  static func bar(_ value: Fraction?, of maximum: Fraction?, largest: Fraction) -> String {
    var out = "<svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\">"
    if largest > .zero {
      if let maximum { out += "<rect x=\"0\" y=\"0\" width=\"\(coordinate(maximum / largest * .hundred))\" height=\"10\" fill=\"#dde3ea\"/>" }
      if let value { out += "<rect x=\"0\" y=\"0\" width=\"\(coordinate(value / largest * .hundred))\" height=\"10\" fill=\"#3b6ea5\"/>" }
    }
    return out + "</svg>"
  }

  /// The findings as one bar cut into hold, contradict and need-a-look, in proportion.
  static func verdictStack(_ r: CheckResult) -> String {
    let total = r.findings.count
    var out = "<svg class=\"stack\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\">"
    guard total > 0 else { return out + "</svg>\n" }
    var x = Fraction.zero
    for (verdict, colour) in [(Finding.Verdict.holds, "#2e8b47"), (.wrong, "#c0392b"), (.attention, "#d4a017")] {
      let width = Fraction(r.count(verdict)) / Fraction(total) * .hundred
      if width > .zero {
        out += "<rect x=\"\(coordinate(x))\" y=\"0\" width=\"\(coordinate(width))\" height=\"10\" fill=\"\(colour)\"/>"
      }
      x = x + width
    }
    return out + "</svg>\n"
  }

  /// A trend line through the known values, lowest at the bottom; a gap where one is unknown.
  static func trendLine(_ values: [Fraction?]) -> String {
    var out = "<svg class=\"spark\" viewBox=\"0 0 100 20\" preserveAspectRatio=\"none\" role=\"img\">"
    let known = values.compactMap { $0 }
    guard let low = known.min(), let high = known.max(), values.count > 1 else { return out + "</svg>\n" }
    var run: [String] = []
    func flush() {
      if run.count > 1 { out += "<polyline points=\"\(run.joined(separator: " "))\" fill=\"none\" stroke=\"#3b6ea5\" stroke-width=\"0.8\" vector-effect=\"non-scaling-stroke\"/>" }
      if run.count == 1 { out += "<circle cx=\"\(run[0].split(separator: ",")[0])\" cy=\"\(run[0].split(separator: ",")[1])\" r=\"0.8\" fill=\"#3b6ea5\"/>" }
      run = []
    }
    for (i, v) in values.enumerated() {
      guard let v else {
        flush()
        continue
      }
      let x = Fraction(i) / Fraction(values.count - 1) * .hundred
      let share = high > low ? (v - low) / (high - low) : Fraction(1, 2)
      let y = Fraction(18) - share * Fraction(16)
      run.append("\(coordinate(x)),\(coordinate(y))")
    }
    flush()
    return out + "</svg>\n"
  }
}
