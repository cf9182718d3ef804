import Scoring

/// `check`'s answer: the findings as values, with what they cover and their counts.
///
/// The shell draws them as a table or writes them as JSON or CSV.
public struct CheckResult: Sendable, Equatable {
  public var findings: [Finding]
  /// The year and unit audited, when exactly one unit's year was; nil for several (then
  /// each finding names its own) or none.
  public var year: Int?
  public var unit: String?
  /// Whether the findings span several units or years.
  public var several: Bool
  /// The rule set's name, with "(changed)" after a `set`.
  public var rules: String

  public init(findings: [Finding], year: Int?, unit: String?, several: Bool, rules: String) {
    self.findings = findings
    self.year = year
    self.unit = unit
    self.several = several
    self.rules = rules
  }

  /// How many findings have the verdict.
  public func count(_ verdict: Finding.Verdict) -> Int { findings.filter { $0.verdict == verdict }.count }
}
