/// What scoring reads of an indicator: its group, kind and figures, without its texts.
///
/// `recompute` scores every project's indicators; read from `Indicator` itself, each one
/// read copied six strings (retained and released on both cores), which cost more than
/// the arithmetic. The figures are gathered once per version of the data into one flat
/// array, and the score card reads the same figures from each indicator, so both go
/// through the same `Scorer.indicatorPart`.
public struct IndicatorFigures: Hashable, Sendable {
  /// The group `level1` names; nil for a group the rules do not name.
  public var level: IndicatorLevel?
  public var kind: IndicatorKind
  /// 分值 in ten-thousandths of a point.
  public var weight: Int64
  /// Numeric target and actual (ten-thousandths) for quantitative indicators.
  public var target: Int64?
  public var actual: Int64?
  /// The recorded 得分, in ten-thousandths of a point.
  public var points: Int64?

  public init(level: IndicatorLevel?, kind: IndicatorKind, weight: Int64, target: Int64?, actual: Int64?, points: Int64?) {
    self.level = level
    self.kind = kind
    self.weight = weight
    self.target = target
    self.actual = actual
    self.points = points
  }
}

extension Indicator {
  /// The figures scoring reads.
  @inlinable
  public var figures: IndicatorFigures {
    IndicatorFigures(level: level, kind: kind, weight: weight, target: target, actual: actual, points: points)
  }
}
