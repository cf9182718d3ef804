import Scoring

/// An indicator's target and actual cells read as the rules need them: the numbers of a
/// quantitative indicator (sign and unit dropped, never negative, the target's sign
/// agreeing with the kind) or the tier of a qualitative one. The loader and what-if edits
/// both read them here, so an edit obeys the file's rules.
public enum IndicatorCells {
  /// What is wrong, and in which cell.
  public struct Problem: Error, Sendable {
    /// "target" or "actual".
    public var column: String
    public var message: String
  }

  /// The signs a target may start with: at most, at least.
  static let lessSigns: Set<Unicode.Scalar> = ["≤", "<", "＜", "≦"]
  static let moreSigns: Set<Unicode.Scalar> = ["≥", ">", "＞", "≧"]

  public static func parse(kind: IndicatorKind, targetText: String, actualText: String) throws(Problem) -> (
    target: Int64?, actual: Int64?, tier: Tier?
  ) {
    var target: Int64?
    var actual: Int64?
    var tier: Tier?
    switch kind {
    case .positive, .negative:
      // Forms write targets as "≥50个" or "≤90万元": the sign and the unit are dropped.
      if !targetText.isEmpty {
        guard case .success(let v) = PlainCellText.bareNumber(targetText) else {
          throw Problem(column: "target", message: "'\(targetText)' is not a number; expected the target, e.g. 43.2 or ≥50个")
        }
        guard v >= 0 else {
          throw Problem(column: "target", message: "'\(targetText)' is negative; the rules define points only for targets of 0 or more")
        }
        // The sign a target is written with must agree with the kind: points for a 正向
        // target "≤ X" are not defined, nor for a 反向 one "≥ X".
        let sign = PlainCellText.leadingSign(targetText)
        if kind == .positive, let sign, lessSigns.contains(sign) {
          throw Problem(
            column: "target",
            message: "'\(targetText)' says at most, but the indicator is 正向 (more is better); write the target as ≥ X, or make the kind 反向")
        }
        if kind == .negative, let sign, moreSigns.contains(sign) {
          throw Problem(
            column: "target",
            message: "'\(targetText)' says at least, but the indicator is 反向 (less is better); write the target as ≤ X, or make the kind 正向")
        }
        target = v
      }
      // A quantitative actual may be text in real forms ("完成"); it stays unknown.
      if case .success(let v) = PlainCellText.bareNumber(actualText) {
        guard v >= 0 else {
          throw Problem(column: "actual", message: "'\(actualText)' is negative; the rules define points only for actual values of 0 or more")
        }
        actual = v
      }
    case .qualitative:
      if !actualText.isEmpty {
        guard let t = Tier(actualText) else {
          throw Problem(
            column: "actual",
            message: "'\(actualText)' is not a tier; expected 达成年度指标, 部分达成年度指标并具有一定效果 or 未达成年度指标且效果较差 (达成, 部分达成, 未达成)")
        }
        tier = t
      }
    }
    return (target, actual, tier)
  }
}
