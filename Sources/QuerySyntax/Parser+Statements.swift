extension Parser {
  /// statement = projects | aggregate | departments | "years" | "help" [topic] | "quit" | "exit"
  mutating func parseStatement() throws(SyntaxError) -> ParsedStatement {
    let first = current
    guard first.kind == .word else {
      throw unexpected("expected a statement such as projects, sum budget or help")
    }
    let keyword = first.text.lowercased()
    let statement: Statement
    switch keyword {
    case "projects", "project":
      advance()
      statement = .projects(try parseClauses(allowGroupBy: false))
    case "count", "sum", "avg", "min", "max":
      let aggregates = try parseAggregates()
      statement = .aggregate(aggregates, try parseClauses(allowGroupBy: true))
    case "departments", "department":
      advance()
      statement = .departments(try parseClauses(allowGroupBy: false))
    case "years":
      advance()
      statement = .years
    case "help", "?":
      advance()
      var topic: [String] = []
      while !at(.end) && !at(.semicolon) { topic.append(advance().text) }
      statement = .help(topic.isEmpty ? nil : topic.joined(separator: " "))
    case "quit", "exit":
      advance()
      statement = .quit
    case "rules":
      advance()
      statement = .rules(at(.word) || at(.quoted) ? Name(current.text, advance().range) : nil)
    case "set":
      advance()
      statement = .set(try parseRuleChange())
    case "reset":
      advance()
      let what = try expectName("rules or data")
      guard ["rules", "data"].contains(what.text.lowercased()) else {
        throw SyntaxError(range: what.range, message: "reset takes rules or data, not '\(what.text)'", suggestion: "reset rules · reset data")
      }
      statement = .reset(what)
    case "recompute":
      advance()
      var year: YearScope?
      if at(.number) || (at(.word) && current.text.contains("..")) { year = try parseYears() }
      let changed = eatKeyword("changed") != nil
      var clauses = try parseClausesWithBareYear()
      if let year {
        if clauses.years != nil {
          throw SyntaxError(range: year.range, message: "the year is given twice", suggestion: "keep one: recompute 2023")
        }
        clauses.years = year
      }
      clauses.changedOnly = changed
      statement = .recompute(clauses)
    case "check":
      advance()
      statement = .check(try parseClausesWithBareYear())
    case "explain":
      advance()
      let target = try parseOperand("a project: its seq (explain 3) or its quoted name")
      statement = .explain(target, try parseClauses(allowGroupBy: false))
    case "indicators", "indicator":
      advance()
      statement = .indicators(try parseClauses(allowGroupBy: false))
    case "let":
      advance()
      statement = try parseEdit()
    case "load":
      advance()
      let path = try expectPath("a dataset folder or file")
      statement = .load(path: path, options: try parseOptions(valued: ["--encoding"], flags: []))
    case "import":
      advance()
      var report = false
      if atKeyword("report"), tokens.count > index + 1, tokens[index + 1].kind == .word || tokens[index + 1].kind == .quoted {
        advance()
        report = true
      }
      let path = try expectPath("a file to import: a report text, an .xlsx workbook, or a .csv/.json/.md table")
      statement = .importData(report: report, path: path, options: try parseOptions(valued: ["--save", "--encoding"], flags: []))
    case "export":
      advance()
      let format = try expectName("a format: csv, json, markdown or xlsx")
      let path = try expectPath("the file to write")
      let options = try parseOptions(valued: [], flags: ["--force", "--bom"])
      var inner: ParsedStatement?
      if !at(.end) && !at(.semicolon) {
        let nested = try parseStatement()
        if case .export = nested.statement {
          throw SyntaxError(range: nested.range, message: "export cannot export an export")
        }
        inner = nested
      }
      statement = .export(format: format, path: path, options: options, statement: inner)
    case "save":
      advance()
      let path = try expectPath("a folder to write the datasets to")
      statement = .save(path: path, options: try parseOptions(valued: [], flags: ["--force"]))
    case "use":
      advance()
      if eatKeyword("all") != nil {
        statement = .use(nil)
      } else {
        statement = .use(try parseYears())
      }
    case "compare":
      advance()
      let first = try parseYears()
      let second = try parseYears()
      let grades = eatKeyword("grades") != nil
      let projects = grades || eatKeyword("projects") != nil || eatKeyword("project") != nil
      var clauses = try parseClauses(allowGroupBy: false)
      clauses.gradesOnly = grades
      statement = .compare(first: first, second: second, projects: projects, clauses)
    case "chart":
      advance()
      let aggregates = try parseAggregates()
      let clauses = try parseClauses(allowGroupBy: true)
      if clauses.groupBy.isEmpty {
        throw SyntaxError(range: SourceRange(first.range.start, current.range.end), message: "a chart needs by FIELD: one bar per value", suggestion: "chart sum budget by grade")
      }
      statement = .chart(aggregates, clauses)
    case "trend":
      advance()
      let figure: TrendFigure
      if current.kind == .word, AggregateFunction(rawValue: current.text.lowercased()) != nil {
        let aggregates = try parseAggregates()
        guard aggregates.count == 1 else {
          throw SyntaxError(range: aggregates[1].range, message: "trend follows one figure at a time")
        }
        figure = .aggregate(aggregates[0])
      } else {
        figure = .rate(try expectName("a figure: sum budget, count, avg score, 优秀率, 优良率 or 执行率"))
      }
      statement = .trend(figure, try parseClauses(allowGroupBy: false))
    default:
      let hint = Suggestions.didYouMean(first.text, in: Parser.statementKeywords)
      throw SyntaxError(
        range: first.range, message: "unknown statement '\(first.text)'",
        suggestion: hint ?? "type help to list the statements")
    }
    let end = tokens[Swift.max(index - 1, 0)].range.end
    return ParsedStatement(statement: statement, range: SourceRange(first.range.start, end))
  }

  /// aggregates = aggregate { "," aggregate } ; aggregate = "count" ["projects"] | fn field
  mutating func parseAggregates() throws(SyntaxError) -> [Aggregate] {
    var result: [Aggregate] = []
    repeat {
      let t = current
      guard t.kind == .word, let function = AggregateFunction(rawValue: t.text.lowercased()) else {
        throw unexpected("expected count, sum, avg, min or max")
      }
      advance()
      if function == .count {
        _ = eatKeyword("projects") ?? eatKeyword("project")
        result.append(Aggregate(function: .count, field: nil, range: t.range))
      } else {
        let field = try expectName("a field to \(function.rawValue), such as budget or score")
        result.append(Aggregate(function: function, field: field, range: t.range.union(field.range)))
      }
    } while eat(.comma) != nil
    _ = eatKeyword("projects")
    return result
  }

  /// clauses = { "where" expr | "in" years | "sort" "by" keys | "limit" N | "show" fields | "by" fields }
  mutating func parseClauses(allowGroupBy: Bool) throws(SyntaxError) -> Clauses {
    var clauses = Clauses()
    var seen: Set<String> = []
    while current.kind == .word {
      let t = current
      let word = t.text.lowercased()
      guard ["where", "in", "sort", "order", "limit", "show", "by"].contains(word) else { break }
      if word == "by" && !allowGroupBy {
        throw SyntaxError(range: t.range, message: "'by' groups aggregates only", suggestion: "write sort by FIELD to order the rows, or count projects by FIELD")
      }
      let clauseName = word == "order" ? "sort" : word
      if seen.contains(clauseName) {
        throw SyntaxError(range: t.range, message: "'\(word)' is given twice", suggestion: "combine the conditions with and")
      }
      seen.insert(clauseName)
      advance()
      switch clauseName {
      case "where":
        clauses.filter = try parseExpression()
      case "in":
        clauses.years = try parseYears()
      case "sort":
        _ = try expectKeyword("by", after: t.text)
        repeat {
          let field = try expectName("a field to sort by")
          var descending = false
          if eatKeyword("desc") != nil || eatKeyword("descending") != nil {
            descending = true
          } else {
            _ = eatKeyword("asc") ?? eatKeyword("ascending")
          }
          clauses.sort.append(SortKey(field: field, descending: descending))
        } while eat(.comma) != nil
      case "limit":
        let (n, range) = try expectInteger("the number of rows")
        guard n >= 0 else { throw SyntaxError(range: range, message: "limit must not be negative") }
        clauses.limit = n
      case "show":
        if at(.word), current.text == "*" || current.text.lowercased() == "all" {
          advance()
          clauses.showAll = true
        } else {
          var fields: [Name] = []
          repeat { fields.append(try expectName("a field to show")) } while eat(.comma) != nil
          clauses.show = fields
        }
      default:  // "by"
        repeat { clauses.groupBy.append(try expectName("a field to group by")) } while eat(.comma) != nil
      }
    }
    if !at(.end) && !at(.semicolon) {
      var options = ["where", "in", "sort by", "limit", "show"]
      if allowGroupBy { options.append("by") }
      let hint = current.kind == .word ? Suggestions.didYouMean(current.text, in: options) : nil
      throw SyntaxError(
        range: current.range, message: "unexpected '\(current.text)'; expected " + options.joined(separator: ", ") + " or the end",
        suggestion: hint)
    }
    return clauses
  }

  /// `recompute 2023` and `check 2023` take the year without `in`.
  mutating func parseClausesWithBareYear() throws(SyntaxError) -> Clauses {
    var bare: YearScope?
    if at(.number) || (at(.word) && current.text.contains("..")) {
      bare = try parseYears()
    }
    var clauses = try parseClauses(allowGroupBy: false)
    if let bare {
      if clauses.years != nil {
        throw SyntaxError(range: bare.range, message: "the year is given twice", suggestion: "keep one: recompute 2023")
      }
      clauses.years = bare
    }
    return clauses
  }

  /// set_stmt = "set" ( "band" grade number | "weight" level number {"," level number}
  ///          | "tier" tier number number | "negative" word | "basis" word )
  mutating func parseRuleChange() throws(SyntaxError) -> RuleChange {
    let what = try expectName("band, weight, tier, negative or basis")
    switch what.text.lowercased() {
    case "band":
      let grade = try expectName("a grade such as 优")
      return .band(grade: grade, score: try expectNumber("the lowest score of the grade"))
    case "weight", "weights":
      var list: [(level: Name, points: Name)] = []
      repeat {
        let level = try expectName("产出, 效益, 满意度 or 执行率")
        list.append((level, try expectNumber("the points of \(level.text)")))
      } while eat(.comma) != nil
      return .weights(list)
    case "tier":
      let tier = try expectName("达成, 部分达成 or 未达成")
      let low = try expectNumber("the tier's lowest percent")
      return .tier(tier: tier, low: low, high: try expectNumber("the tier's highest percent"))
    case "negative":
      return .negative(try expectName("ratio or linear"))
    case "basis":
      return .basis(try expectName("budget or initial"))
    default:
      throw SyntaxError(
        range: what.range, message: "cannot set '\(what.text)'",
        suggestion: Suggestions.didYouMean(what.text, in: ["band", "weight", "tier", "negative", "basis"]) ?? "set band, set weight, set tier, set negative or set basis")
    }
  }

  /// A number token as a name (its text keeps every digit, for exact parsing later).
  mutating func expectNumber(_ what: String) throws(SyntaxError) -> Name {
    if at(.number) {
      let t = advance()
      return Name(t.text, t.range)
    }
    throw unexpected("expected \(what), a number")
  }

  /// edit = "let" SEQ "." FIELD "=" value [clauses]
  mutating func parseEdit() throws(SyntaxError) -> Statement {
    let t = current
    let parts = t.text.split(separator: ".", maxSplits: 1).map(String.init)
    guard t.kind == .word, parts.count == 2, Int(parts[0].hasPrefix("#") ? String(parts[0].dropFirst()) : parts[0]) != nil, !parts[1].isEmpty else {
      throw unexpected("expected SEQ.FIELD, as in let 3.spent = 100")
    }
    advance()
    let seqText = parts[0].hasPrefix("#") ? String(parts[0].dropFirst()) : parts[0]
    let seqEnd = t.range.start + parts[0].utf8.count
    let seq = Name(seqText, SourceRange(t.range.start, seqEnd))
    let field = Name(parts[1], SourceRange(seqEnd + 1, t.range.end))
    guard let op = eat(.comparison), op.text == "=" else { throw unexpected("expected = after \(t.text)") }
    let value = try parseOperand("the new value")
    return .edit(seq: seq, field: field, value: value, try parseClauses(allowGroupBy: false))
  }

  /// A file or folder path: a bare word (samples/shili-training) or quoted text.
  mutating func expectPath(_ what: String) throws(SyntaxError) -> Name {
    if (at(.word) && !current.text.hasPrefix("--")) || at(.quoted) || at(.number) {
      let t = advance()
      return Name(t.text, t.range)
    }
    throw unexpected("expected \(what)")
  }

  /// `--name value` and `--flag` options, in any order.
  mutating func parseOptions(valued: Set<String>, flags: Set<String>) throws(SyntaxError) -> [Option] {
    var options: [Option] = []
    while at(.word), current.text.hasPrefix("--") {
      let t = advance()
      let name = t.text.lowercased()
      if valued.contains(name) {
        let value = try expectPath("a value for \(t.text)")
        options.append(Option(name: Name(name, t.range), value: value))
      } else if flags.contains(name) {
        options.append(Option(name: Name(name, t.range), value: nil))
      } else {
        let known = Array(valued.union(flags)).sorted()
        throw SyntaxError(
          range: t.range, message: "unknown option '\(t.text)'",
          suggestion: Suggestions.didYouMean(name, in: known) ?? (known.isEmpty ? "this statement takes no options" : "options: " + known.joined(separator: ", ")))
      }
    }
    return options
  }

  /// years = YEAR | YEAR ".." YEAR
  mutating func parseYears() throws(SyntaxError) -> YearScope {
    let t = current
    if t.kind == .number, let y = Int(t.text) {
      advance()
      return YearScope(first: y, last: y, range: t.range)
    }
    if t.kind == .word {
      let parts = t.text.components(separatedBy: "..")
      if parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a <= b {
        advance()
        return YearScope(first: a, last: b, range: t.range)
      }
    }
    throw unexpected("expected a year such as 2023 or a range such as 2021..2023")
  }
}

extension String {
  /// Splits on a multi-character separator (no Foundation here).
  func components(separatedBy separator: String) -> [String] {
    var parts: [String] = []
    var rest = Substring(self)
    while let r = rest.firstRange(of: separator) {
      parts.append(String(rest[..<r.lowerBound]))
      rest = rest[r.upperBound...]
    }
    parts.append(String(rest))
    return parts
  }
}
