/// The four self-evaluation grades, best first.
public enum Grade: UInt8, CaseIterable, Hashable, Comparable, Sendable, CustomStringConvertible {
  case excellent = 0
  case good = 1
  case fair = 2
  case poor = 3

  /// The report's own word: 优, 良, 中, 差.
  public var description: String {
    switch self {
    case .excellent: "优"
    case .good: "良"
    case .fair: "中"
    case .poor: "差"
    }
  }

  public var englishName: String {
    switch self {
    case .excellent: "excellent"
    case .good: "good"
    case .fair: "fair"
    case .poor: "poor"
    }
  }

  public static func < (a: Grade, b: Grade) -> Bool { a.rawValue < b.rawValue }

  /// Every spelling people use for a grade: 优/良/中/差, A–D, English, pinyin, and the
  /// long forms 优秀/良好/中等/较差 seen in reports.
  public init?(_ text: some StringProtocol) {
    switch text.lowercased() {
    case "优", "a", "excellent", "you", "优秀": self = .excellent
    case "良", "b", "good", "liang", "良好": self = .good
    case "中", "c", "fair", "zhong", "中等", "合格": self = .fair
    case "差", "d", "poor", "cha", "较差", "不合格": self = .poor
    default: return nil
    }
  }

  /// What to say when a grade does not parse.
  public static let validSpellings = "优 良 中 差 (also A B C D, excellent good fair poor, you liang zhong cha)"
}
