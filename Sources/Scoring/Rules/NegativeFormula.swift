/// How a 反向 (less-is-better) indicator earns points when the actual exceeds the target.
public enum NegativeFormula: String, CaseIterable, Hashable, Sendable, Codable {
  /// weight × min(target ÷ actual, 1) — the national forms' rule.
  case ratio
  /// Full marks up to the target, then a straight line to zero at twice the target.
  case linear
}

/// Which budget the 执行率 divides by.
public enum RateBasis: String, CaseIterable, Hashable, Sendable, Codable {
  /// 全年预算数 (the adjusted budget): the national form.
  case budget
  /// 年初预算: some local forms.
  case initial
}
