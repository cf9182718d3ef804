import DataStore
import Scoring

/// Labelled values to draw as horizontal bars; the shell draws, the engine computes.
public struct Chart: Sendable, Equatable {
  public struct Bar: Sendable, Equatable {
    public var label: String
    /// The figure as it should be printed.
    public var value: Value
    /// The length the bar stands for (nil: no bar, the value is unknown).
    public var magnitude: Fraction?

    public init(label: String, value: Value, magnitude: Fraction?) {
      self.label = label
      self.value = value
      self.magnitude = magnitude
    }
  }

  public var title: String
  public var bars: [Bar]
  /// Draw a one-line sparkline too (for trends over years).
  public var sparkline: Bool
  public var notes: [String] = []

  public init(title: String, bars: [Bar], sparkline: Bool = false) {
    self.title = title
    self.bars = bars
    self.sparkline = sparkline
  }

  /// The figures as a table of labels and values (what files get), with the chart
  /// itself described for spreadsheets: bars, or a line for a trend.
  public var table: ResultTable {
    var table = ResultTable(columns: [.init("label", numeric: false), .init("value", numeric: true)], rows: bars.map { [.text($0.label), $0.value] })
    table.notes = notes
    if !bars.isEmpty {
      table.chart = TableChart(kind: sparkline ? .line : .bars, title: title, labels: 0, values: [1], rows: 0..<bars.count)
    }
    return table
  }
}
