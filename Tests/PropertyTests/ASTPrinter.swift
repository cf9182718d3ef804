import QuerySyntax

/// Prints a statement back as text the parser reads to the same tree (source ranges
/// aside). Test-only: the shell never needs to print a tree.
enum ASTPrinter {
  static func print(_ statements: [Statement]) -> String {
    statements.map(print).joined(separator: "; ")
  }

  static func print(_ s: Statement) -> String {
    switch s {
    case .projects(let c): return join(["projects", clauses(c)])
    case .aggregate(let a, let c): return join([aggregates(a), clauses(c)])
    case .departments(let c): return join(["departments", clauses(c)])
    case .years: return "years"
    case .help(let topic): return join(["help", topic ?? ""])
    case .rules(let name): return join(["rules", name.map { word($0.text) } ?? ""])
    case .set(let change): return "set " + ruleChange(change)
    case .reset(let what): return "reset " + what.text
    case .undo: return "undo"
    case .edits: return "edits"
    case .recompute(let mode, let c): return join(["recompute", mode == .changed ? "changed" : "", clauses(c)])
    case .explain(let target, let c): return join(["explain", operand(target), clauses(c)])
    case .check(let c): return join(["check", clauses(c)])
    case .checkForms(let c): return join(["check forms", clauses(c)])
    case .indicators(let c): return join(["indicators", clauses(c)])
    case .use(let years): return "use " + (years.map(yearScope) ?? "all")
    case .compare(let first, let second, let mode, let source, let c):
      let word = mode == .projects ? "projects" : mode == .grades ? "grades" : ""
      return join(["compare", yearScope(first), yearScope(second), word, source == .recomputed ? "recomputed" : "", clauses(c)])
    case .compareRules(let a, let b, let c): return join(["compare rules", word(a.text), word(b.text), clauses(c)])
    case .chart(let a, let c): return join(["chart", aggregates(a), clauses(c)])
    case .trend(let figure, let source, let c):
      let recomputed = source == .recomputed ? "recomputed" : ""
      switch figure {
      case .aggregate(let a): return join(["trend", aggregates([a]), recomputed, clauses(c)])
      case .rate(let name): return join(["trend", word(name.text), recomputed, clauses(c)])
      }
    case .load(let path, let options): return join(["load", quoted(path.text), self.options(options)])
    case .importData(let report, let path, let options):
      return join(["import", report ? "report" : "", quoted(path.text), self.options(options)])
    case .importForms(let path, let options): return join(["import forms", quoted(path.text), self.options(options)])
    case .export(let format, let path, let options, let statement):
      return join(["export", word(format.text), quoted(path.text), self.options(options), statement.map { print($0.statement) } ?? ""])
    case .save(let path, let options): return join(["save", quoted(path.text), self.options(options)])
    case .edit(let seq, let field, let value, let c):
      return join(["let \(seq.text).\(field.text) =", operand(value), clauses(c)])
    case .quit: return "quit"
    case .sql(let inner): return "sql " + print(inner.statement)
    }
  }

  static func join(_ parts: [String]) -> String {
    parts.filter { !$0.isEmpty }.joined(separator: " ")
  }

  static func quoted(_ text: String) -> String {
    "'" + text.replacing("'", with: "''") + "'"
  }

  /// A name as a bare word when the lexer reads it back as one word, else quoted.
  static func word(_ text: String) -> String { text }

  static func operand(_ o: Operand) -> String {
    switch o {
    case .word(let n): n.text
    case .number(let n): n.text
    case .quoted(let n): quoted(n.text)
    case .arithmetic(let op, let a, let b, _): "(\(operand(a))) \(op.rawValue) (\(operand(b)))"
    case .negate(let a, _): "-(\(operand(a)))"
    case .aggregate(let a): aggregate(a)
    }
  }

  /// An aggregate as `sum (budget)`, which reads the same in a statement, in having and in sort by.
  static func aggregate(_ a: Aggregate) -> String {
    var parts = [a.function.rawValue]
    if a.distinct { parts.append("distinct") }
    if let arg = a.argument { parts.append("(" + operand(arg) + ")") }
    if let w = a.weight { parts.append("weighted by (" + operand(w) + ")") }
    return parts.joined(separator: " ")
  }

  static func expression(_ e: Expression) -> String {
    switch e {
    case .compare(let a, let op, let b): "\(operand(a)) \(op.rawValue) \(operand(b))"
    case .contains(let a, let b): "\(operand(a)) contains \(operand(b))"
    case .isMissing(let a, let negated): "\(operand(a)) is \(negated ? "not " : "")missing"
    case .and(let a, let b): "(\(expression(a))) and (\(expression(b)))"
    case .or(let a, let b): "(\(expression(a))) or (\(expression(b)))"
    case .not(let a, _): "not (\(expression(a)))"
    }
  }

  static func yearScope(_ y: YearScope) -> String {
    y.first == y.last ? "\(y.first)" : "\(y.first)..\(y.last)"
  }

  static func aggregates(_ list: [Aggregate]) -> String {
    list.map { a in aggregate(a) + (a.label.map { " as " + $0.text } ?? "") }.joined(separator: ", ")
  }

  static func clauses(_ c: Clauses) -> String {
    var parts: [String] = []
    if let f = c.filter { parts.append("where " + expression(f)) }
    if let y = c.years { parts.append("in " + yearScope(y)) }
    if !c.sort.isEmpty {
      parts.append("sort by " + c.sort.map { operand($0.expression) + ($0.descending ? " desc" : "") }.joined(separator: ", "))
    }
    if let l = c.limit { parts.append("limit \(l)") }
    if c.showAll {
      parts.append("show *")
    } else if let show = c.show {
      parts.append("show " + show.map { operand($0.expression) + ($0.label.map { " as " + $0.text } ?? "") }.joined(separator: ", "))
    }
    if !c.groupBy.isEmpty {
      parts.append("by " + c.groupBy.map { operand($0.expression) + ($0.bands.map { " bands " + $0.map(\.text).joined(separator: ", ") } ?? "") }.joined(separator: ", "))
    }
    if let h = c.having { parts.append("having " + expression(h)) }
    return parts.joined(separator: " ")
  }

  static func ruleChange(_ r: RuleChange) -> String {
    switch r {
    case .band(let grade, let score): "band \(grade.text) \(score.text)"
    case .weights(let list): "weight " + list.map { "\($0.level.text) \($0.points.text)" }.joined(separator: ", ")
    case .tier(let tier, let low, let high): "tier \(tier.text) \(low.text) \(high.text)"
    case .negative(let n): "negative \(n.text)"
    case .basis(let n): "basis \(n.text)"
    }
  }

  static func options(_ list: [Option]) -> String {
    list.map { o in o.value.map { "\(o.name.text) \(quoted($0.text))" } ?? o.name.text }.joined(separator: " ")
  }
}

/// The same tree with every source range set to zero, so trees parsed from different
/// text compare equal when they mean the same.
enum Unranged {
  static let zero = SourceRange(0, 0)

  static func name(_ n: Name) -> Name { Name(n.text, zero) }

  static func statement(_ s: Statement) -> Statement {
    switch s {
    case .projects(let c): .projects(clauses(c))
    case .aggregate(let a, let c): .aggregate(a.map(aggregate), clauses(c))
    case .departments(let c): .departments(clauses(c))
    case .years: .years
    case .help(let t): .help(t)
    case .rules(let n): .rules(n.map(name))
    case .set(let r): .set(ruleChange(r))
    case .reset(let n): .reset(name(n))
    case .undo: .undo
    case .edits: .edits
    case .recompute(let m, let c): .recompute(m, clauses(c))
    case .explain(let o, let c): .explain(operand(o), clauses(c))
    case .check(let c): .check(clauses(c))
    case .checkForms(let c): .checkForms(clauses(c))
    case .indicators(let c): .indicators(clauses(c))
    case .use(let y): .use(y.map(years))
    case .compare(let a, let b, let m, let g, let c): .compare(first: years(a), second: years(b), mode: m, grades: g, clauses(c))
    case .compareRules(let a, let b, let c): .compareRules(first: name(a), second: name(b), clauses(c))
    case .chart(let a, let c): .chart(a.map(aggregate), clauses(c))
    case .trend(.aggregate(let a), let g, let c): .trend(.aggregate(aggregate(a)), g, clauses(c))
    case .trend(.rate(let n), let g, let c): .trend(.rate(name(n)), g, clauses(c))
    case .load(let p, let o): .load(path: name(p), options: o.map(option))
    case .importData(let r, let p, let o): .importData(report: r, path: name(p), options: o.map(option))
    case .importForms(let p, let o): .importForms(path: name(p), options: o.map(option))
    case .export(let f, let p, let o, let inner):
      .export(format: name(f), path: name(p), options: o.map(option), statement: inner.map { ParsedStatement(statement: statement($0.statement), range: zero) })
    case .save(let p, let o): .save(path: name(p), options: o.map(option))
    case .edit(let s, let f, let v, let c): .edit(seq: name(s), field: name(f), value: operand(v), clauses(c))
    case .quit: .quit
    case .sql(let inner): .sql(ParsedStatement(statement: statement(inner.statement), range: zero))
    }
  }

  static func option(_ o: Option) -> Option { Option(name: name(o.name), value: o.value.map(name)) }

  static func operand(_ o: Operand) -> Operand {
    switch o {
    case .word(let n): .word(name(n))
    case .number(let n): .number(name(n))
    case .quoted(let n): .quoted(name(n))
    case .arithmetic(let op, let a, let b, _): .arithmetic(op, operand(a), operand(b), zero)
    case .negate(let a, _): .negate(operand(a), zero)
    case .aggregate(let a): .aggregate(aggregate(a))
    }
  }

  static func expression(_ e: Expression) -> Expression {
    switch e {
    case .compare(let a, let op, let b): .compare(operand(a), op, operand(b))
    case .contains(let a, let b): .contains(operand(a), operand(b))
    case .isMissing(let a, let n): .isMissing(operand(a), negated: n)
    case .and(let a, let b): .and(expression(a), expression(b))
    case .or(let a, let b): .or(expression(a), expression(b))
    case .not(let a, _): .not(expression(a), zero)
    }
  }

  static func years(_ y: YearScope) -> YearScope { YearScope(first: y.first, last: y.last, range: zero) }

  static func aggregate(_ a: Aggregate) -> Aggregate {
    Aggregate(function: a.function, argument: a.argument.map(operand), distinct: a.distinct, weight: a.weight.map(operand), label: a.label.map(name), range: zero)
  }

  static func clauses(_ c: Clauses) -> Clauses {
    var out = c
    out.filter = c.filter.map(expression)
    out.years = c.years.map(years)
    out.sort = c.sort.map { SortKey(operand($0.expression), descending: $0.descending) }
    out.show = c.show?.map { ShowItem(operand($0.expression), label: $0.label.map(name)) }
    out.groupBy = c.groupBy.map { GroupKey(operand($0.expression), bands: $0.bands?.map(name)) }
    out.having = c.having.map(expression)
    return out
  }

  static func ruleChange(_ r: RuleChange) -> RuleChange {
    switch r {
    case .band(let g, let s): .band(grade: name(g), score: name(s))
    case .weights(let list): .weights(list.map { (level: name($0.level), points: name($0.points)) })
    case .tier(let t, let l, let h): .tier(tier: name(t), low: name(l), high: name(h))
    case .negative(let n): .negative(name(n))
    case .basis(let n): .basis(name(n))
    }
  }
}
