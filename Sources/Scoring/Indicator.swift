/// How an indicator's points follow from its target and actual value.
public enum IndicatorKind: Hashable, Sendable, CustomStringConvertible {
  /// 正向: more is better (target "≥ X").
  case positive
  /// 反向: less is better (target "≤ X", e.g. a cost).
  case negative
  /// 定性: judged in tiers; the evaluator picks the points inside the tier.
  case qualitative

  public var description: String {
    switch self {
    case .positive: "正向"
    case .negative: "反向"
    case .qualitative: "定性"
    }
  }

  public init?(_ text: some StringProtocol) {
    // The Chinese names, which lowercasing leaves as they are, without making a lowercased copy.
    switch text {
    case "正向", "定量正向":
      self = .positive
      return
    case "反向", "定量反向":
      self = .negative
      return
    case "定性":
      self = .qualitative
      return
    default: break
    }
    switch text.lowercased() {
    case "正向", "positive", "≥", ">=", "定量正向": self = .positive
    case "反向", "negative", "≤", "<=", "定量反向": self = .negative
    case "定性", "qualitative": self = .qualitative
    default: return nil
    }
  }
}

/// The three tiers a qualitative indicator is judged in.
public enum Tier: Int, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  /// 达成年度指标.
  case achieved = 0
  /// 部分达成年度指标并具有一定效果.
  case partlyAchieved = 1
  /// 未达成年度指标且效果较差.
  case notAchieved = 2

  public var description: String {
    switch self {
    case .achieved: "达成"
    case .partlyAchieved: "部分达成"
    case .notAchieved: "未达成"
    }
  }

  public var fullName: String {
    switch self {
    case .achieved: "达成年度指标"
    case .partlyAchieved: "部分达成年度指标并具有一定效果"
    case .notAchieved: "未达成年度指标且效果较差"
    }
  }

  /// Reads the tier from an actual-value cell; longest names first, since 达成 is inside 未达成.
  public init?(_ text: some StringProtocol) {
    // The Chinese names first, as written and by their bytes: lowercasing changes no
    // Chinese character, so a text that starts with one starts with it lowercased too; and
    // the bytes after the name start a character that joins nothing to it (ASCII or CJK),
    // so the name is a prefix by Characters too.
    for (name, tier) in [("未达成", Tier.notAchieved), ("部分达成", .partlyAchieved), ("达成", .achieved)] {
      var rest = text.utf8[...]
      guard rest.starts(with: name.utf8) else { continue }
      rest = rest.dropFirst(name.utf8.count)
      if let b = rest.first, b >= 0x80, !(0xE4...0xE9).contains(b) { break }
      self = tier
      return
    }
    let t = String(text).lowercased()
    if t.hasPrefix("未达成") || t == "not achieved" || t == "notachieved" {
      self = .notAchieved
    } else if t.hasPrefix("部分达成") || t == "partly achieved" || t == "partlyachieved" || t == "partly" {
      self = .partlyAchieved
    } else if t.hasPrefix("达成") || t == "achieved" {
      self = .achieved
    } else {
      return nil
    }
  }
}

/// One performance indicator row of a project's self-evaluation form.
public struct Indicator: Hashable, Sendable {
  /// The number in a target or actual cell: "≥50个" → "50", "≤90万元" → "90", "1,200" → "1200".
  public static func bareNumber(_ text: String) -> String {
    var s = Substring(text)
    let signs: Set<Character> = ["≥", "≤", ">", "<", "=", " ", "＞", "＜", "＝"]
    while let f = s.first, signs.contains(f) { s = s.dropFirst() }
    while let l = s.last, !(l.isASCII && (l.isNumber || l == ".")) { s = s.dropLast() }
    return String(s.filter { $0 != "," && $0 != "，" })
  }

  public var year: Int
  public var unit: String
  /// The project's 序号.
  public var seq: Int
  /// 一级指标: 产出, 效益, 满意度.
  public var level1: String { didSet { level = IndicatorLevel(level1) } }
  /// The group `level1` names, read once when the indicator is made: scoring reads it for
  /// every indicator of every project.
  public private(set) var level: IndicatorLevel?
  public var level2: String
  public var name: String
  public var kind: IndicatorKind
  /// The target and actual cells as written.
  public var targetText: String
  public var actualText: String
  /// Numeric target and actual (ten-thousandths) for quantitative indicators.
  public var target: Int64?
  public var actual: Int64?
  /// The tier a qualitative indicator's actual names.
  public var tier: Tier?
  /// 分值 and recorded 得分, in ten-thousandths of a point.
  public var weight: Int64
  public var points: Int64?

  public init(
    year: Int, unit: String, seq: Int, level1: String, level2: String, name: String,
    kind: IndicatorKind, targetText: String, actualText: String, target: Int64?, actual: Int64?,
    tier: Tier?, weight: Int64, points: Int64?
  ) {
    self.year = year
    self.unit = unit
    self.seq = seq
    self.level1 = level1
    self.level = IndicatorLevel(level1)
    self.level2 = level2
    self.name = name
    self.kind = kind
    self.targetText = targetText
    self.actualText = actualText
    self.target = target
    self.actual = actual
    self.tier = tier
    self.weight = weight
    self.points = points
  }
}
