/// Wording from an earlier period: a five-year plan that ended before the report's year
/// (十三五 = 2016–2020 in a 2023 report), and the poverty-alleviation words of 脱贫攻坚
/// (扶贫, 贫困村, 贫困户) after 2020, when the work became 巩固拓展脱贫攻坚成果 and 乡村振兴.
/// Usually a paragraph carried over from an old report; each is worth a look, with its line.
public struct PeriodWordingCheck: AuditRule {
  public init() {}

  static let plans: [(name: String, first: Int, last: Int)] = [
    ("十一五", 2006, 2010), ("十二五", 2011, 2015), ("十三五", 2016, 2020), ("十四五", 2021, 2025), ("十五五", 2026, 2030),
  ]

  /// Words of the poverty-alleviation campaign, which ended in 2020.
  static let campaignWords = ["扶贫", "贫困村", "贫困户"]

  public func findings(_ input: AuditInput) -> [Finding] {
    guard let report = input.report else { return [] }
    let current = Self.plans.first { ($0.first...$0.last).contains(input.year) }
    var out: [Finding] = []
    for line in report.prose {
      for plan in Self.plans where plan.last < input.year {
        guard line.text.contains(plan.name) else { continue }
        out.append(
          input.finding(
            line: line.number, "another period", .text(plan.name), current.map { .text($0.name) } ?? .none,
            "\(plan.name) is the plan of \(plan.first)–\(plan.last); this is a \(input.year) report"
              + (current.map { " (\($0.name), \($0.first)–\($0.last))" } ?? "")))
      }
      if input.year > 2020 {
        for word in Self.campaignWords where line.text.contains(word) {
          out.append(
            input.finding(
              line: line.number, "another period", .text(word), .text("乡村振兴"),
              "\(word) is the wording of 脱贫攻坚, which ended in 2020; since 2021 the work is 巩固拓展脱贫攻坚成果 and 乡村振兴"))
        }
      }
    }
    return out
  }
}
