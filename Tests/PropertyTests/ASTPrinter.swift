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
    case .recompute(let c): return join(["recompute", clauses(c)])
    case .explain(let target, let c): return join(["explain", operand(target), clauses(c)])
    case .check(let c): return join(["check", clauses(c)])
    case .indicators(let c): return join(["indicators", clauses(c)])
    case .use(let years): return "use " + (years.map(yearScope) ?? "all")
    case .compare(let first, let second, let projects, let c):
      return join(["compare", yearScope(first), yearScope(second), projects ? "projects" : "", clauses(c)])
    case .chart(let a, let c): return join(["chart", aggregates(a), clauses(c)])
    case .trend(let figure, let c):
      switch figure {
      case .aggregate(let a): return join(["trend", aggregates([a]), clauses(c)])
      case .rate(let name): return join(["trend", word(name.text), clauses(c)])
      }
    case .load(let path, let options): return join(["load", quoted(path.text), self.options(options)])
    case .importData(let report, let path, let options):
      return join(["import", report ? "report" : "", quoted(path.text), self.options(options)])
    case .export(let format, let path, let options, let statement):
      return join(["export", word(format.text), quoted(path.text), self.options(options), statement.map { print($0.statement) } ?? ""])
    case .save(let path, let options): return join(["save", quoted(path.text), self.options(options)])
    case .edit(let seq, let field, let value, let c):
      return join(["let \(seq.text).\(field.text) =", operand(value), clauses(c)])
    case .quit: return "quit"
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
    }
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
    list.map { a in a.field.map { "\(a.function.rawValue) \($0.text)" } ?? a.function.rawValue }
      .joined(separator: ", ")
  }

  static func clauses(_ c: Clauses) -> String {
    var parts: [String] = []
    if let f = c.filter { parts.append("where " + expression(f)) }
    if let y = c.years { parts.append("in " + yearScope(y)) }
    if !c.sort.isEmpty {
      parts.append("sort by " + c.sort.map { $0.field.text + ($0.descending ? " desc" : "") }.joined(separator: ", "))
    }
    if let l = c.limit { parts.append("limit \(l)") }
    if c.showAll {
      parts.append("show *")
    } else if let show = c.show {
      parts.append("show " + show.map(\.text).joined(separator: ", "))
    }
    if !c.groupBy.isEmpty { parts.append("by " + c.groupBy.map(\.text).joined(separator: ", ")) }
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
    case .recompute(let c): .recompute(clauses(c))
    case .explain(let o, let c): .explain(operand(o), clauses(c))
    case .check(let c): .check(clauses(c))
    case .indicators(let c): .indicators(clauses(c))
    case .use(let y): .use(y.map(years))
    case .compare(let a, let b, let p, let c): .compare(first: years(a), second: years(b), projects: p, clauses(c))
    case .chart(let a, let c): .chart(a.map(aggregate), clauses(c))
    case .trend(.aggregate(let a), let c): .trend(.aggregate(aggregate(a)), clauses(c))
    case .trend(.rate(let n), let c): .trend(.rate(name(n)), clauses(c))
    case .load(let p, let o): .load(path: name(p), options: o.map(option))
    case .importData(let r, let p, let o): .importData(report: r, path: name(p), options: o.map(option))
    case .export(let f, let p, let o, let inner):
      .export(format: name(f), path: name(p), options: o.map(option), statement: inner.map { ParsedStatement(statement: statement($0.statement), range: zero) })
    case .save(let p, let o): .save(path: name(p), options: o.map(option))
    case .edit(let s, let f, let v, let c): .edit(seq: name(s), field: name(f), value: operand(v), clauses(c))
    case .quit: .quit
    }
  }

  static func option(_ o: Option) -> Option { Option(name: name(o.name), value: o.value.map(name)) }

  static func operand(_ o: Operand) -> Operand {
    switch o {
    case .word(let n): .word(name(n))
    case .number(let n): .number(name(n))
    case .quoted(let n): .quoted(name(n))
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

  static func aggregate(_ a: Aggregate) -> Aggregate { Aggregate(function: a.function, field: a.field.map(name), range: zero) }

  static func clauses(_ c: Clauses) -> Clauses {
    var out = c
    out.filter = c.filter.map(expression)
    out.years = c.years.map(years)
    out.sort = c.sort.map { SortKey(field: name($0.field), descending: $0.descending) }
    out.show = c.show?.map(name)
    out.groupBy = c.groupBy.map(name)
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
