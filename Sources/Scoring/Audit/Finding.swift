/// One line of an audit: a figure as reported, as recomputed, and the verdict.
public struct Finding: Hashable, Sendable {
  public enum Verdict: String, CaseIterable, Hashable, Sendable {
    /// The report agrees with its own data.
    case holds = "✓"
    /// The report contradicts its own data.
    case wrong = "✗"
    /// Worth a look, but not a contradiction (a unit slip, a repeated name, an unknown).
    case attention = "!"

    /// The verdict as a word, for data formats: holds, wrong, attention.
    public var word: String {
      switch self {
      case .holds: "holds"
      case .wrong: "wrong"
      case .attention: "attention"
      }
    }
  }

  public var year: Int
  public var unit: String
  public var figure: String
  public var reported: FigureValue
  public var computed: FigureValue
  public var verdict: Verdict
  public var note: String
  /// The line of the report's text the finding is about (the narrative checks).
  public var line: Int?

  public init(year: Int, unit: String, figure: String, reported: FigureValue, computed: FigureValue, verdict: Verdict, note: String, line: Int? = nil) {
    self.year = year
    self.unit = unit
    self.figure = figure
    self.reported = reported
    self.computed = computed
    self.verdict = verdict
    self.note = note
    self.line = line
  }
}

/// What an audit rule looks at: one unit's year.
public struct AuditInput: Sendable {
  public var year: Int
  public var unit: String
  public var department: Department?
  public var projects: [Project]
  /// Score cards under the rules in force, aligned with `projects`.
  public var cards: [ScoreCard]
  public var funds: [FundLine]
  public var rules: RuleSet
  /// The report's text, when it was imported from one (the narrative checks read it).
  public var report: ReportText?
  /// The imported forms of these projects, for the checks of a form's own sums.
  public var forms: [ProjectForm]

  public init(
    year: Int, unit: String, department: Department?, projects: [Project], cards: [ScoreCard], funds: [FundLine], rules: RuleSet,
    report: ReportText? = nil, forms: [ProjectForm] = []
  ) {
    self.year = year
    self.unit = unit
    self.department = department
    self.projects = projects
    self.cards = cards
    self.funds = funds
    self.rules = rules
    self.report = report
    self.forms = forms
  }

  func finding(_ figure: String, _ reported: FigureValue, _ computed: FigureValue, _ verdict: Finding.Verdict, _ note: String) -> Finding {
    Finding(year: year, unit: unit, figure: figure, reported: reported, computed: computed, verdict: verdict, note: note)
  }

  /// A finding about one line of the report's text; the note starts with the line.
  func finding(line: Int, _ figure: String, _ reported: FigureValue, _ computed: FigureValue, _ note: String) -> Finding {
    Finding(year: year, unit: unit, figure: figure, reported: reported, computed: computed, verdict: .attention, note: "line \(line): " + note, line: line)
  }

  /// Σ budget of the projects.
  var budgetTotal: Money { projects.reduce(Money.zero) { $0 + ($1.budget ?? .zero) } }
}

/// One audit check; each lives in its own file and says in its doc comment what it checks.
public protocol AuditRule: Sendable {
  func findings(_ input: AuditInput) -> [Finding]
}

/// Comparing a printed figure with an exact one at the precision it was printed with.
enum Printed {
  /// Decimal places in a ten-thousandths value's shortest form (553.96 → 2).
  static func places(_ tenThousandths: Int64) -> Int {
    var v = tenThousandths.magnitude
    var places = 4
    while places > 0, v % 10 == 0 {
      v /= 10
      places -= 1
    }
    return places
  }

  /// How a stated figure relates to an exact one.
  enum Agreement {
    case exact
    /// Equal after rounding the exact value to the printed places.
    case rounded
    /// Equal after cutting the exact value off at the printed places.
    case truncated
    case differs
  }

  static func agreement(stated: Int64, exact: Fraction) -> Agreement {
    let s = Fraction(tenThousandths: stated)
    if s == exact { return .exact }
    let p = places(stated)
    if exact.formatted(places: p) == s.formatted(places: p) { return .rounded }
    var pow: Int128 = 1
    for _ in 0..<p { pow *= 10 }
    let scaled = exact * Fraction(pow)
    let cut = Fraction(scaled.numerator / scaled.denominator, pow)
    if cut == s { return .truncated }
    return .differs
  }

  static func describe(_ a: Agreement, _ exact: String) -> String {
    switch a {
    case .exact: "agrees"
    case .rounded: "agrees after rounding (\(exact))"
    case .truncated: "agrees after cutting off the decimals (\(exact))"
    case .differs: "differs"
    }
  }

  static func percent(_ ratio: Fraction) -> String { FigureValue.percent(ratio, places: 2).description }
}
