/// The first-level groups a score is made of: three indicator groups and 预算执行率.
public enum IndicatorLevel: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
  case output = "产出"
  case benefit = "效益"
  case satisfaction = "满意度"
  case execution = "执行率"

  public var description: String { rawValue }

  /// The heading a form uses for the group.
  public var heading: String {
    switch self {
    case .output: "产出指标"
    case .benefit: "效益指标"
    case .satisfaction: "满意度指标"
    case .execution: "预算执行率"
    }
  }

  /// Reads a level from an indicator's 一级指标 cell or a `set weight` argument.
  public init?(_ text: some StringProtocol) {
    // The names forms use, read without lowercasing or searching: scoring reads a level
    // for every indicator of every project, and these are nearly all of them.
    switch text {
    case "产出", "产出指标":
      self = .output
      return
    case "效益", "效益指标":
      self = .benefit
      return
    case "满意度", "满意度指标":
      self = .satisfaction
      return
    default: break
    }
    let t = String(text).lowercased()
    if t.contains("产出") || t == "output" {
      self = .output
    } else if t.contains("效益") || t == "benefit" || t == "effect" {
      self = .benefit
    } else if t.contains("满意") || t == "satisfaction" {
      self = .satisfaction
    } else if t.contains("执行") || t == "execution" || t == "rate" || t == "预算" {
      self = .execution
    } else {
      return nil
    }
  }
}
