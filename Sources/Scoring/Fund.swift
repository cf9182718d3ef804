/// The four budget books a project's money can come from.
public enum Fund: UInt8, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  case general = 0
  case governmentFund = 1
  case socialSecurity = 2
  case stateCapital = 3

  public var description: String {
    switch self {
    case .general: "一般公共预算"
    case .governmentFund: "政府性基金预算"
    case .socialSecurity: "社保基金预算"
    case .stateCapital: "国有资本经营预算"
    }
  }

  public init?(_ text: some StringProtocol) {
    switch text.lowercased() {
    case "一般公共预算", "一般公共", "general": self = .general
    case "政府性基金预算", "政府性基金", "government": self = .governmentFund
    case "社保基金预算", "社会保险基金预算", "社保基金", "social": self = .socialSecurity
    case "国有资本经营预算", "国有资本经营", "capital": self = .stateCapital
    default: return nil
    }
  }
}
