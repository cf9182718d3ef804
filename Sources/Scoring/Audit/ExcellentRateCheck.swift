/// 评优率 as printed against the 优秀率 (优 ÷ all). Reports often print the 优良率
/// ((优 + 良) ÷ all) under that name; the check says so.
public struct ExcellentRateCheck: AuditRule {
  public init() {}

  public func findings(_ input: AuditInput) -> [Finding] {
    guard let stated = input.department?.excellentRate, !input.projects.isEmpty else { return [] }
    let n = input.projects.count
    let excellent = input.projects.filter { $0.grade == .excellent }.count
    let good = input.projects.filter { $0.grade == .good }.count
    let rate = Fraction(Int128(excellent), Int128(n))
    let both = Fraction(Int128(excellent + good), Int128(n))
    let a = Printed.agreement(stated: stated.tenThousandths, exact: rate * Fraction.hundred)
    if a != .differs {
      return [input.finding("评优率", .stated(stated), .percent(rate, places: 2), .holds, "优秀率 = \(excellent) ÷ \(n)")]
    }
    if Printed.agreement(stated: stated.tenThousandths, exact: both * Fraction.hundred) != .differs {
      return [
        input.finding(
          "评优率", .stated(stated), .percent(rate, places: 2), .wrong,
          "\(stated) is the 优良率 ((\(excellent) + \(good)) ÷ \(n)); the 优秀率 is \(excellent) ÷ \(n) = \(Printed.percent(rate))")
      ]
    }
    return [input.finding("评优率", .stated(stated), .percent(rate, places: 2), .wrong, "优秀率 = \(excellent) ÷ \(n) = \(Printed.percent(rate)); 优良率 = \(Printed.percent(both))")]
  }
}
