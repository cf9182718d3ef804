/// A name as the user wrote it, with where it was written.
public struct Name: Hashable, Sendable {
  public var text: String
  public var range: SourceRange

  public init(_ text: String, _ range: SourceRange) {
    self.text = text
    self.range = range
  }
}

/// `+`, `-`, `*`, `/`.
public enum ArithmeticOperator: String, Hashable, Sendable, CaseIterable {
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
}

/// A value: a field, a literal, arithmetic on values, or (in `having` and `sort by` of an
/// aggregate) an aggregate. Whether a bare word names a field is decided by the binder.
public indirect enum Operand: Hashable, Sendable {
  /// A bare word: a field if it names one, otherwise text (良, 党建工作经费).
  case word(Name)
  /// A number as written, with its unit folded in: `553.956`, `5万` (text `5`), `90%`.
  case number(Name)
  /// Quoted text: always text, never a field.
  case quoted(Name)
  /// `budget - spent`; the range covers both sides.
  case arithmetic(ArithmeticOperator, Operand, Operand, SourceRange)
  /// `-spent`; the range covers the sign and the operand.
  case negate(Operand, SourceRange)
  /// `count`, `sum(budget)` inside `having` or `sort by`.
  case aggregate(Aggregate)

  public var range: SourceRange {
    switch self {
    case .word(let n), .number(let n), .quoted(let n): n.range
    case .arithmetic(_, _, _, let r), .negate(_, let r): r
    case .aggregate(let a): a.range
    }
  }

  /// The operand as it would be written (for messages and column titles).
  public var text: String {
    switch self {
    case .word(let n), .number(let n), .quoted(let n): n.text
    case .arithmetic(let op, let a, let b, _): "\(a.nested) \(op.rawValue) \(b.nested)"
    case .negate(let a, _): "-\(a.nested)"
    case .aggregate(let a): a.text
    }
  }

  /// The text with parentheses when it is compound.
  var nested: String {
    switch self {
    case .arithmetic: "(\(text))"
    default: text
    }
  }
}

/// `=`, `!=`, `<`, `<=`, `>`, `>=`.
public enum ComparisonOperator: String, Hashable, Sendable, CaseIterable {
  case equal = "="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
}

/// A condition in a `where` or `having` clause.
public indirect enum Expression: Hashable, Sendable {
  /// `budget > 50`, `grade = 良`, `spent / budget < 90%`.
  case compare(Operand, ComparisonOperator, Operand)
  /// `name contains 村级`.
  case contains(Operand, Operand)
  /// `score is missing`, `spent is not missing`.
  case isMissing(Operand, negated: Bool)
  /// `a and b`.
  case and(Expression, Expression)
  /// `a or b`.
  case or(Expression, Expression)
  /// `not a`; the range covers the keyword.
  case not(Expression, SourceRange)
}

/// The years a statement covers: `in 2023` or `in 2021..2023`.
public struct YearScope: Hashable, Sendable {
  public var first: Int
  public var last: Int
  public var range: SourceRange

  public init(first: Int, last: Int, range: SourceRange) {
    self.first = first
    self.last = last
    self.range = range
  }

  public func contains(_ year: Int) -> Bool { year >= first && year <= last }
}

/// `sort by budget desc`, `sort by budget - spent`, `sort by count desc`.
public struct SortKey: Hashable, Sendable {
  public var expression: Operand
  public var descending: Bool

  public init(_ expression: Operand, descending: Bool) {
    self.expression = expression
    self.descending = descending
  }

  public init(field: Name, descending: Bool) {
    self.init(.word(field), descending: descending)
  }
}

/// One shown column: `budget - spent as 结余`.
public struct ShowItem: Hashable, Sendable {
  public var expression: Operand
  public var label: Name?

  public init(_ expression: Operand, label: Name? = nil) {
    self.expression = expression
    self.label = label
  }

  public init(_ field: Name) { self.init(.word(field)) }

  /// The column title: the label, else the expression as written.
  public var title: String { label?.text ?? expression.text }
}

/// One `by` key: a field or value, optionally cut into ranges (`budget bands 5, 50`).
public struct GroupKey: Hashable, Sendable {
  public var expression: Operand
  /// The cut points of `bands`, as written; nil groups by the value itself.
  public var bands: [Name]?

  public init(_ expression: Operand, bands: [Name]? = nil) {
    self.expression = expression
    self.bands = bands
  }

  public init(_ field: Name) { self.init(.word(field)) }

  public var text: String {
    expression.text + (bands.map { " bands " + $0.map(\.text).joined(separator: ", ") } ?? "")
  }
}

/// The clauses a statement can take; which ones each statement accepts is in `Keywords`.
public enum Clause: String, Hashable, Sendable, CaseIterable {
  case `where`, `in`, sort, limit, show, by, having
}

/// The parts a listing or an aggregate can be narrowed and ordered by.
public struct Clauses: Hashable, Sendable {
  /// `where …`.
  public var filter: Expression?
  /// `in 2023`.
  public var years: YearScope?
  /// `sort by …`.
  public var sort: [SortKey] = []
  /// `limit 5`.
  public var limit: Int?
  /// `show name, budget - spent as 结余`; nil shows the default fields, `show *` every field.
  public var show: [ShowItem]?
  public var showAll = false
  /// `by grade, budget bands 5, 50` (aggregates only).
  public var groupBy: [GroupKey] = []
  /// `having count > 1` (aggregates only): a condition on each group.
  public var having: Expression?

  public init() {}
}

/// An aggregate function.
public enum AggregateFunction: String, Hashable, Sendable, CaseIterable {
  case count, sum, avg, min, max
  /// A group's (or the selection's) share of the total: `pct budget by grade`.
  case pct
}

/// `count`, `sum budget`, `avg score weighted by budget`, `count distinct name`, `pct budget`.
public struct Aggregate: Hashable, Sendable {
  public var function: AggregateFunction
  /// What is aggregated; nil for a plain `count` (or `pct`, the share of projects).
  public var argument: Operand?
  /// `count distinct FIELD`: distinct present values instead of rows.
  public var distinct: Bool
  /// `avg score weighted by budget`.
  public var weight: Operand?
  /// `sum budget as 合计`.
  public var label: Name?
  public var range: SourceRange

  public init(
    function: AggregateFunction, argument: Operand?, distinct: Bool = false, weight: Operand? = nil,
    label: Name? = nil, range: SourceRange
  ) {
    self.function = function
    self.argument = argument
    self.distinct = distinct
    self.weight = weight
    self.label = label
    self.range = range
  }

  public init(function: AggregateFunction, field: Name?, range: SourceRange) {
    self.init(function: function, argument: field.map { .word($0) }, range: range)
  }

  /// The field when the argument is a bare word.
  public var field: Name? {
    if case .word(let n) = argument { return n }
    return nil
  }

  /// The aggregate as written, without its label: `sum(budget)`, `count`.
  public var text: String {
    var inner = argument?.text ?? ""
    if distinct { inner = "distinct " + inner }
    if let weight { inner += " weighted by " + weight.text }
    return inner.isEmpty ? function.rawValue : "\(function.rawValue)(\(inner))"
  }

  /// The column title.
  public var title: String { label?.text ?? text }

  /// Whether two aggregates compute the same thing, wherever they were written.
  public func sameComputation(as other: Aggregate) -> Bool {
    function == other.function && distinct == other.distinct && argument?.text == other.argument?.text
      && weight?.text == other.weight?.text
  }
}

/// `recompute` lists every selected project, or only those whose grade or score changes.
public enum RecomputeMode: Hashable, Sendable {
  case all, changed
}

/// What `compare Y1 Y2` puts side by side.
public enum CompareMode: Hashable, Sendable {
  /// Department-level figures, unit by unit.
  case departments
  /// Matched projects, row by row.
  case projects
  /// Grade transition counts.
  case grades
}

/// Which grade a figure that counts grades uses.
public enum GradeSource: Hashable, Sendable {
  /// The grade the report records.
  case recorded
  /// The grade under the rules and edits in force (`new_grade`).
  case recomputed
}

/// One complete statement.
public indirect enum Statement: Hashable, Sendable {
  /// `projects [where …] [in YEAR] [sort by …] [limit N] [show …]`.
  case projects(Clauses)
  /// `sum budget, count [where …] [by KEY, …] [having …]`; `distinct FIELD` is an
  /// aggregate with no figures, grouped by the field.
  case aggregate([Aggregate], Clauses)
  /// `departments [where …] [in YEAR]`: the stated department-level figures.
  case departments(Clauses)
  /// `years`: what is loaded, per year.
  case years
  /// `help [TOPIC]`.
  case help(String?)
  /// `rules [NAME]`: show the rules in force, or switch to a named rule set.
  case rules(Name?)
  /// `set band 优 95`, `set weight 执行率 20, 产出 40`, `set tier 部分达成 50 80`, …
  case set(RuleChange)
  /// `reset rules` or `reset data`.
  case reset(Name)
  /// `undo`: takes back the last rule change or edit.
  case undo
  /// `edits`: the what-if edits in force.
  case edits
  /// `recompute [YEAR] [changed] [where …]`: grades (and scores where indicators exist) under the rules in force.
  case recompute(RecomputeMode, Clauses)
  /// `explain SEQ` or `explain 'NAME'` [in YEAR] [where …]: a project's score step by step.
  case explain(Operand, Clauses)
  /// `check [YEAR]`: reported figures against recomputed ones.
  case check(Clauses)
  /// `check forms [YEAR]`: one row per imported form: its totals, its findings, the worst one.
  case checkForms(Clauses)
  /// `indicators [where …] [in YEAR] [sort by …] [limit N] [show …]`.
  case indicators(Clauses)
  /// `use YEAR`, `use 2021..2023`, `use all`: scope every statement to years.
  case use(YearScope?)
  /// `compare Y1 Y2 [projects|grades [recomputed]] [where …]`: department figures, matched
  /// projects, or grade transitions, side by side.
  case compare(first: YearScope, second: YearScope, mode: CompareMode, grades: GradeSource, Clauses)
  /// `compare rules A B [where …]`: each project's score and grade under two rule sets.
  case compareRules(first: Name, second: Name, Clauses)
  /// `chart AGGREGATE [where …] by FIELD`: horizontal bars.
  case chart([Aggregate], Clauses)
  /// `trend AGGREGATE [where …]` or `trend 优秀率|优良率|执行率 [recomputed]`: a figure across the years.
  case trend(TrendFigure, GradeSource, Clauses)
  /// `load PATH [--encoding E]`: add a dataset folder or file to the session.
  case load(path: Name, options: [Option])
  /// `import [report] PATH [--save DIR] [--encoding E]`: a report (text, Word, PDF, or a folder of them) or a workbook.
  case importData(report: Bool, path: Name, options: [Option])
  /// `import forms PATH [--save DIR] [--encoding E]`: 项目支出绩效自评表 forms, a file or a folder.
  case importForms(path: Name, options: [Option])
  /// `export FORMAT PATH [--force] [--bom] [STATEMENT]`: the last result, or a statement's.
  case export(format: Name, path: Name, options: [Option], statement: ParsedStatement?)
  /// `save DIR [--force]`: the session's datasets, edits included, as dataset CSVs.
  case save(path: Name, options: [Option])
  /// `let SEQ.FIELD = VALUE [in YEAR] [where …]`: a what-if edit for this session only.
  case edit(seq: Name, field: Name, value: Operand, Clauses)
  /// `quit` or `exit`.
  case quit
  /// `sql STATEMENT`: the SQL that asks the same question of the saved CSV files.
  case sql(ParsedStatement)
}

/// A statement with the text span it was parsed from.
public struct ParsedStatement: Hashable, Sendable {
  public var statement: Statement
  public var range: SourceRange

  public init(statement: Statement, range: SourceRange) {
    self.statement = statement
    self.range = range
  }
}

/// A change to the rules in force.
public enum RuleChange: Hashable, Sendable {
  /// `set band GRADE SCORE`: the lowest score of a grade.
  case band(grade: Name, score: Name)
  /// `set weight LEVEL POINTS [, LEVEL POINTS …]`: applied together, then checked.
  case weights([(level: Name, points: Name)])
  /// `set tier TIER LOW HIGH`: a qualitative tier's range, in percent of the weight.
  case tier(tier: Name, low: Name, high: Name)
  /// `set negative ratio|linear`: the 反向 formula.
  case negative(Name)
  /// `set basis budget|initial`: the budget 执行率 divides by.
  case basis(Name)

  public static func == (a: RuleChange, b: RuleChange) -> Bool {
    switch (a, b) {
    case (.band(let g1, let s1), .band(let g2, let s2)): g1 == g2 && s1 == s2
    case (.weights(let x), .weights(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.level == $1.level && $0.points == $1.points }
    case (.tier(let t1, let l1, let h1), .tier(let t2, let l2, let h2)): t1 == t2 && l1 == l2 && h1 == h2
    case (.negative(let x), .negative(let y)), (.basis(let x), .basis(let y)): x == y
    default: false
    }
  }

  public func hash(into hasher: inout Hasher) {
    switch self {
    case .band(let g, let s): hasher.combine(0); hasher.combine(g); hasher.combine(s)
    case .weights(let list): hasher.combine(1); for (l, p) in list { hasher.combine(l); hasher.combine(p) }
    case .tier(let t, let l, let h): hasher.combine(2); hasher.combine(t); hasher.combine(l); hasher.combine(h)
    case .negative(let n): hasher.combine(3); hasher.combine(n)
    case .basis(let n): hasher.combine(4); hasher.combine(n)
    }
  }
}

/// What `trend` follows across years.
public enum TrendFigure: Hashable, Sendable {
  /// An aggregate: `trend sum budget`, `trend count`.
  case aggregate(Aggregate)
  /// A named rate: 优秀率, 优良率 or 执行率.
  case rate(Name)
}

/// A `--name [value]` option of load, import, export and save.
public struct Option: Hashable, Sendable {
  public var name: Name
  public var value: Name?

  public init(name: Name, value: Name?) {
    self.name = name
    self.value = value
  }
}
