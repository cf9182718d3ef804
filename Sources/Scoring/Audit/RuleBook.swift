/// Every audit check, in the order `check` reports them.
public enum RuleBook {
  public static let all: [any AuditRule] = [
    CountCheck(),
    BudgetTotalCheck(),
    FundBreakdownCheck(),
    GradeCountCheck(),
    ExcellentRateCheck(),
    SpendingRateCheck(),
    UnitSlipCheck(),
    GradeBandCheck(),
    OverallGradeCheck(),
    RepeatedNameCheck(),
    ScoreRecomputeCheck(),
    LevelWeightCheck(),
    // The report's text, when it was imported from one.
    ForeignUnitCheck(),
    TemplateWordsCheck(),
    PeriodWordingCheck(),
    SectionNumberCheck(),
    BasicSpendingCheck(),
    FormTotalCheck(),
    FormRateCheck(),
    FormFundsCheck(),
    FormNotesCheck(),
  ]

  /// Runs every check on one unit's year.
  public static func audit(_ input: AuditInput) -> [Finding] {
    all.flatMap { $0.findings(input) }
  }
}
