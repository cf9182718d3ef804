import QueryEngine
import Scoring

extension Renderer {
  /// Horizontal bars with labels aligned by display width and the value at the end.
  /// Other formats get the same figures as a two-column table.
  func render(_ chart: Chart) -> String {
    guard format == .table || format == .line else {
      var table = ResultTable(
        columns: [.init("label", numeric: false), .init("value", numeric: true)],
        rows: chart.bars.map { [.text($0.label), $0.value] })
      table.notes = chart.notes
      return render(table)
    }
    let barWidth = 40
    // Block characters are East Asian ambiguous: where they are drawn two columns wide,
    // half as many fill the same 40 columns.
    let barCells = border == .unicode && ambiguousIsWide ? barWidth / 2 : barWidth
    // Labels are data (names, units): measured as drawn, control characters visible.
    let labels = chart.bars.map { TerminalText.visible($0.label.replacingTabsAndNewlines()) }
    let labelWidth = labels.map { width($0) }.max() ?? 0
    let values = chart.bars.map { $0.value.display.isEmpty ? words("unknown") : $0.value.display }
    let valueWidth = values.map { width($0) }.max() ?? 0
    let largest = chart.bars.compactMap { $0.magnitude.map(Renderer.magnitude) }.max() ?? .zero
    var out = words(chart.title) + "\n"
    for (i, bar) in chart.bars.enumerated() {
      var cells = ""
      if let m = bar.magnitude, largest > .zero {
        // Eighths of a cell, so bars of close values still differ.
        let eighths = Int((Renderer.magnitude(m) / largest * Fraction(barCells * 8)).formatted(places: 0)) ?? 0
        cells = blocks(eighths)
      }
      out += DisplayWidth.pad(labels[i], to: labelWidth, ambiguousIsWide: ambiguousIsWide) + "  "
        + DisplayWidth.pad(cells, to: barWidth, ambiguousIsWide: ambiguousIsWide) + "  "
        + DisplayWidth.pad(values[i], to: valueWidth, alignRight: true) + "\n"
    }
    if chart.sparkline, chart.bars.count > 1 {
      out += DisplayWidth.pad("", to: labelWidth) + "  " + sparkline(chart.bars.map(\.magnitude)) + "\n"
    }
    return out + chart.notes.map { words($0) + "\n" }.joined()
  }

  static func magnitude(_ f: Fraction) -> Fraction { f < .zero ? -f : f }

  func blocks(_ eighths: Int) -> String {
    if border == .ascii { return String(repeating: "#", count: (eighths + 4) / 8) }
    let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
  }

  /// One character per value, from ▁ (smallest) to █ (largest); a space where unknown.
  func sparkline(_ values: [Fraction?]) -> String {
    let known = values.compactMap { $0 }
    guard let low = known.min(), let high = known.max() else { return "" }
    let levels = border == .ascii ? Array("_.-=+*#") : Array("▁▂▃▄▅▆▇█")
    return String(values.map { v -> Character in
      guard let v else { return " " }
      guard high > low else { return levels[levels.count / 2] }
      let step = Int(((v - low) / (high - low) * Fraction(levels.count - 1)).formatted(places: 0)) ?? 0
      return levels[min(max(step, 0), levels.count - 1)]
    })
  }
}
