import DataStore
import QuerySyntax
import Scoring

extension SessionView {
  /// The projects table as vectors, with `new_score` and `new_grade` recomputed on demand.
  var columns: ProjectColumns {
    let session = self
    return ProjectColumns(table: store.projects) { session.recomputedColumns() }
  }

  /// Scores and grades under the rules in force, from the cache when nothing changed.
  ///
  /// Projects with indicators are scored by `Scorer.total` (integers where the parts are
  /// whole ten-thousandths, no step text), in one piece per core once there are a few
  /// thousand of them; the others are graded by comparing integers.
  func recomputedColumns() -> RecomputedColumns {
    recomputeCache.columns(for: .init(rules: rules, dataVersion: dataVersion)) {
      let t = store.projects
      let index = indicatorIndex()
      let bands = RuleBands(rules)
      let plan = ScoringPlan(rules)
      var score = t.score
      var grade = [UInt8](repeating: ProjectTable.missingCode, count: t.count)
      let chunks = index.isEmpty ? Parallel.chunks(for: t.count) : min(Parallel.maximumChunks, max(1, t.count / 4096))
      var pieces = [InexactScores.Piece](repeating: .init(), count: chunks)
      let n = t.count
      let missing = ProjectTable.missing
      let (spent, budget, initial) = (t.spent, t.budget, t.initial)
      score.withUnsafeMutableBufferPointer { score in
        grade.withUnsafeMutableBufferPointer { grade in
          pieces.withUnsafeMutableBufferPointer { pieces in
            let box = UnsafeSendable((score, grade, pieces))
            Threads.run(chunks) { c in
              let (score, grade, pieces) = box.value
              var inexact = InexactScores.Piece()
              for r in (n * c / chunks)..<(n * (c + 1) / chunks) {
                let figures = index.figures(of: r)
                if figures == nil, let bands {
                  if score[r] != missing { grade[r] = bands.code(score[r]) }
                  continue
                }
                // Straight from the columns: no `Project` (two texts) per scored row.
                func known(_ v: Int64) -> Int64? { v == missing ? nil : v }
                let (sum, g) = Scorer.total(
                  score: known(score[r]), spent: known(spent[r]), budget: known(budget[r]), initial: known(initial[r]),
                  indicators: figures ?? [], plan: plan)
                grade[r] = g?.rawValue ?? ProjectTable.missingCode
                guard let sum else {
                  score[r] = ProjectTable.missing
                  continue
                }
                if let v = sum.wholeTenThousandths, v != ProjectTable.missing {
                  score[r] = v
                  continue
                }
                let total = sum.value
                // A total of whole parts and ratios that is not whole has a remainder
                // below a ten-thousandth: no need to scale it to find that out.
                if !sum.isBelowNextTenThousandth, case let scaled = total * Fraction(Int128(DecimalText.scale)),
                  scaled.denominator == 1, let v = Int64(exactly: scaled.numerator), v != ProjectTable.missing
                {
                  score[r] = v
                } else {
                  score[r] = ProjectTable.missing
                  inexact.append(r, total, hundredths: sum.roundedHundredths)
                }
              }
              pieces[c] = inexact
            }
          }
        }
      }
      return RecomputedColumns(score: score, inexact: InexactScores(pieces, count: n), grade: grade)
    }
  }

  /// Whether recorded grades may differ from the grades under the rules in force: the
  /// rules changed, or a score or grade was edited.
  var gradesMayDiffer: Bool {
    rules != baseRules || !indicatorEdits.isEmpty || edits.keys.contains { $0.field == .score || $0.field == .grade || $0.field == .budget || $0.field == .spent }
  }

  /// Every project's grade code: as recorded, or under the rules and edits in force.
  func gradeCodes(_ source: GradeSource) -> [UInt8] {
    source == .recorded ? store.projects.grade : recomputedColumns().grade
  }

  /// Says which grade a figure counts, and how to get the other.
  func gradeSourceNote(_ source: GradeSource) -> String {
    switch source {
    case .recorded: "grades as the report records them; add recomputed for the grades under \(rulesLabel)"
    case .recomputed: "grades recomputed under \(rulesLabel); leave out recomputed for the grades the report records"
    }
  }

  /// A word when a statement reads the recorded grade (or score) while the rules or the
  /// data have changed since the report graded its projects.
  func gradeNotes(reading fields: [Field], _ clauses: Clauses) -> [String] {
    guard gradesMayDiffer else { return [] }
    var read = Set(fields)
    if let filter = clauses.filter { read.formUnion(Self.fieldsNamed(in: filter)) }
    guard read.contains(.grade) else { return [] }
    return ["grade is the grade the report records; new_grade is the grade under \(rulesLabel) and the edits in force"]
  }

  /// The fields a condition names, for notes.
  static func fieldsNamed(in e: Expression) -> Set<Field> {
    func operand(_ o: Operand) -> Set<Field> {
      switch o {
      case .word(let n): Field(named: n.text).map { [$0] } ?? []
      case .number, .quoted: []
      case .arithmetic(_, let a, let b, _): operand(a).union(operand(b))
      case .negate(let a, _): operand(a)
      case .aggregate(let a): (a.argument.map(operand) ?? []).union(a.weight.map(operand) ?? [])
      }
    }
    var out: Set<Field> = []
    var stack = [e]
    while let x = stack.popLast() {
      switch x {
      case .compare(let a, _, let b), .contains(let a, let b): out.formUnion(operand(a).union(operand(b)))
      case .isMissing(let a, _): out.formUnion(operand(a))
      case .and(let a, let b), .or(let a, let b): stack += [a, b]
      case .not(let a, _): stack.append(a)
      }
    }
    return out
  }
}
