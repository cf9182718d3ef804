import DataStore
import QuerySyntax
import Scoring

/// `check forms`: one row per imported 项目支出绩效自评表, so a reviewer sees at once which
/// forms to send back: the recorded and recomputed totals, how many findings, the worst.
struct FormCheckEvaluator: Evaluator {
  let session: Snapshot
}

extension FormCheckEvaluator {
  /// The checks of a form's own sums, whose ✗ is named first as the worst finding.
  static let ownSums: [any AuditRule] = [FormTotalCheck(), FormRateCheck(), FormFundsCheck()]

  func formInput(_ form: ProjectForm, _ card: ScoreCard?) -> AuditInput {
    AuditInput(
      year: form.project.year, unit: form.project.unit, department: nil, projects: [form.project], cards: card.map { [$0] } ?? [], funds: [],
      rules: rules, forms: [form])
  }

  /// Every finding of one form: the audit of its project alone, with the form's own sums.
  func findings(_ form: ProjectForm, _ index: IndicatorGroups) -> (findings: [Finding], card: ScoreCard?) {
    let p = form.project
    guard let row = store.rows(seq: p.seq, year: p.year, unit: p.unit).first else { return ([], nil) }
    let card = card(row, index)
    let input = AuditInput(
      year: p.year, unit: p.unit, department: nil, projects: [store.projects[row]], cards: [card], funds: [], rules: rules, forms: [form])
    return (RuleBook.audit(input), card)
  }

  func checkForms(_ clauses: Clauses, statement: SourceRange) throws(EvaluationError) -> ResultTable {
    if let scope = clauses.years { try checkYears(scope) }
    let years = effectiveYears(clauses)
    let forms = store.forms.filter { years?.contains($0.project.year) ?? true }
    guard !store.forms.isEmpty else {
      throw EvaluationError(range: statement, message: "no forms imported", suggestion: "import forms FOLDER reads 项目支出绩效自评表 forms first")
    }
    let index = indicatorIndex()
    var rows: [(cells: [Value], wrong: Int, attention: Int, order: Int)] = []
    for (n, form) in forms.enumerated() {
      try checkInterrupt()
      let (found, card) = findings(form, index)
      let wrong = found.filter { $0.verdict == .wrong }
      let attention = found.filter { $0.verdict == .attention }
      // The form's own arithmetic first: a 总分 that is not the sum of its points is
      // beyond dispute, where the rules' points are a reading of them.
      let own = Set(FormCheckEvaluator.ownSums.flatMap { $0.findings(formInput(form, card)) }.map(\.figure))
      let worst = (wrong.first { own.contains($0.figure) } ?? wrong.first ?? attention.first).map { f in
        "\(f.verdict.rawValue) \(f.figure)" + (f.reported == .none ? "" : " \(f.reported)") + (f.computed == .none ? "" : " → \(f.computed)")
      } ?? "✓ every check holds"
      let p = form.project
      let cells: [Value] = [
        .integer(p.year), .text(p.unit), .integer(p.seq), .text(p.name), .text(String(form.file.split(separator: "/").last ?? "")),
        p.score.map { .score($0) } ?? .missing, card?.total.map { .number($0, places: 2) } ?? .missing,
        .integer(wrong.count), .integer(attention.count), .text(worst),
      ]
      rows.append((cells, wrong.count, attention.count, n))
    }
    rows.sort { ($1.wrong, $1.attention, $0.order) < ($0.wrong, $0.attention, $1.order) }
    var table = ResultTable(
      columns: [
        .init("year", numeric: true), .init("unit", numeric: false), .init("seq", numeric: true), .init("project", numeric: false),
        .init("file", numeric: false), .init("总分", numeric: true), .init("recomputed", numeric: true), .init("✗", numeric: true),
        .init("!", numeric: true), .init("worst finding", numeric: false),
      ], rows: rows.map(\.cells))
    for (i, r) in rows.enumerated() where r.wrong > 0 { table.marked.insert(i) }
    let back = rows.filter { $0.wrong > 0 }.count
    table.notes = [
      "\(back) of \(forms.count) form\(forms.count == 1 ? "" : "s") contradict\(back == 1 && forms.count == 1 ? "s" : "") \(forms.count == 1 ? "its" : "their") own figures or the \(rulesLabel) rules (✗, marked); check YEAR lists every finding"
    ]
    return table
  }
}
