/// What running a statement produced.
public enum Outcome: Sendable, Equatable {
  /// A table to draw.
  case table(ResultTable)
  /// Bars to draw (chart, trend).
  case chart(Chart)
  /// Text to show as is (explanations, confirmations).
  case text(String)
  /// The user asked for help on a topic (nil: the overview); the shell owns the texts.
  case help(String?)
  /// The user asked to leave.
  case quit
}
