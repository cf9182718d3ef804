extension Parser {
  /// statement = listing | aggregate | scoring | years | rules | data | session statements;
  /// docs/LANGUAGE.md has the whole grammar.
  mutating func parseStatement() throws(SyntaxError) -> ParsedStatement {
    let first = current
    guard first.kind == .word else {
      throw unexpected("expected a statement such as projects, sum budget or help")
    }
    guard let entry = Keywords.statement(first.text) else {
      let hint = Suggestions.didYouMean(first.text, in: Keywords.statementWords)
      throw SyntaxError(
        range: first.range, message: "unknown statement '\(first.text)'",
        suggestion: hint ?? "type help to list the statements")
    }
    let keyword = entry.name
    let statement: Statement
    switch keyword {
    case "projects":
      advance()
      statement = .projects(try parseClauses(keyword))
    case "count", "sum", "avg", "min", "max", "pct":
      let aggregates = try parseAggregates()
      statement = .aggregate(aggregates, try parseClauses(keyword))
    case "distinct":
      advance()
      let key = try parseGroupKey()
      var clauses = try parseClauses(keyword)
      clauses.groupBy = [key]
      statement = .aggregate([], clauses)
    case "departments":
      advance()
      statement = .departments(try parseClauses(keyword))
    case "years":
      advance()
      statement = .years
    case "help":
      advance()
      var topic: [String] = []
      while !at(.end) && !at(.semicolon) { topic.append(advance().text) }
      statement = .help(topic.isEmpty ? nil : topic.joined(separator: " "))
    case "quit":
      advance()
      statement = .quit
    case "undo":
      advance()
      statement = .undo
    case "edits":
      advance()
      statement = .edits
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
      let mode: RecomputeMode = eatKeyword("changed") != nil ? .changed : .all
      var clauses = try parseClausesWithBareYear(keyword)
      if let year {
        if clauses.years != nil {
          throw SyntaxError(range: year.range, message: "the year is given twice", suggestion: "keep one: recompute 2023")
        }
        clauses.years = year
      }
      statement = .recompute(mode, clauses)
    case "check" where peekIsKeyword("forms"):
      advance()
      advance()
      statement = .checkForms(try parseClausesWithBareYear(keyword))
    case "check":
      advance()
      statement = .check(try parseClausesWithBareYear(keyword))
    case "explain":
      advance()
      let target = try parseOperand("a project: its seq (explain 3) or its quoted name")
      statement = .explain(target, try parseClauses(keyword))
    case "indicators":
      advance()
      statement = .indicators(try parseClauses(keyword))
    case "let":
      advance()
      statement = try parseEdit()
    case "load":
      advance()
      let path = try expectPath("a dataset folder or file")
      statement = .load(path: path, options: try parseOptions(valued: ["--encoding"], flags: []))
    case "import" where peekIsKeyword("forms") && !(tokens.count > index + 2 && [.end, .semicolon].contains(tokens[index + 2].kind)):
      advance()
      advance()
      let path = try expectPath("a form file (.xlsx, .docx, .txt, .pdf) or a folder of forms")
      statement = .importForms(path: path, options: try parseOptions(valued: ["--save", "--encoding"], flags: []))
    case "import":
      advance()
      var report = false
      if atKeyword("report"), tokens.count > index + 1, tokens[index + 1].kind != .end, tokens[index + 1].kind != .semicolon,
        !(tokens[index + 1].kind == .word && tokens[index + 1].text.hasPrefix("--"))
      {
        advance()
        report = true
      }
      let path = try expectPath("a file to import: a report text, an .xlsx workbook, or a .csv/.json/.md table")
      statement = .importData(report: report, path: path, options: try parseOptions(valued: ["--save", "--encoding"], flags: []))
    case "export":
      advance()
      let format = try expectName("a format: csv, json, markdown, xlsx or html")
      let path = try expectPath("the file to write")
      let options = try parseOptions(valued: [], flags: ["--force", "--bom", "--no-bom"])
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
      // `save --snapshot FILE` writes one snapshot file instead of the dataset CSVs.
      let snapshot = atKeyword("--snapshot") ? Option(name: Name("--snapshot", advance().range), value: nil) : nil
      let path = try expectPath(snapshot == nil ? "a folder to write the datasets to" : "the snapshot file to write")
      statement = .save(path: path, options: (snapshot.map { [$0] } ?? []) + (try parseOptions(valued: [], flags: ["--force", "--snapshot"])))
    case "sql":
      advance()
      guard !at(.end), !at(.semicolon) else {
        throw unexpected("expected a statement to translate, such as sql sum budget by grade")
      }
      let nested = try parseStatement()
      if case .sql = nested.statement {
        throw SyntaxError(range: nested.range, message: "sql translates a statement, not another sql")
      }
      statement = .sql(nested)
    case "use":
      advance()
      if eatKeyword("all") != nil {
        statement = .use(nil)
      } else {
        statement = .use(try parseYears())
      }
    case "compare" where peekIsKeyword("rules"):
      advance()
      advance()
      let a = try expectName("a rule set, such as national")
      let b = try expectName("a second rule set, such as twenty")
      statement = .compareRules(first: a, second: b, try parseClauses(keyword))
    case "compare":
      advance()
      let first = try parseYears()
      let second = try parseYears()
      var mode = CompareMode.departments
      if eatKeyword("grades") != nil || eatKeyword("grade") != nil {
        mode = .grades
      } else if eatKeyword("projects") != nil || eatKeyword("project") != nil {
        mode = .projects
      }
      let source = parseGradeSource()
      statement = .compare(first: first, second: second, mode: mode, grades: source, try parseClauses(keyword))
    case "chart":
      advance()
      let aggregates = try parseAggregates()
      let clauses = try parseClauses(keyword)
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
      let source = parseGradeSource()
      statement = .trend(figure, source, try parseClauses(keyword))
    default:
      throw SyntaxError(range: first.range, message: "unknown statement '\(first.text)'", suggestion: "type help to list the statements")
    }
    let end = tokens[Swift.max(index - 1, 0)].range.end
    return ParsedStatement(statement: statement, range: SourceRange(first.range.start, end))
  }

  /// `recomputed` (or `recompute`, `new`, `重算`) after a figure that counts grades: use
  /// the grade under the rules in force instead of the recorded one.
  mutating func parseGradeSource() -> GradeSource {
    for word in ["recomputed", "recompute", "new", "重算"] where eatKeyword(word) != nil { return .recomputed }
    _ = eatKeyword("recorded")
    return .recorded
  }

  /// aggregates = aggregate { "," aggregate } ["projects"]
  /// aggregate = ("count" | "pct") [["distinct"] value] | ("sum" | "avg" | "min" | "max") value
  ///             ["weighted" "by" value] ; then ["as" label]
  mutating func parseAggregates() throws(SyntaxError) -> [Aggregate] {
    var result: [Aggregate] = []
    repeat {
      let t = current
      guard t.kind == .word, let function = AggregateFunction(rawValue: Keywords.statement(t.text)?.name ?? t.text.lowercased()) else {
        throw unexpected("expected count, sum, avg, min, max or pct")
      }
      advance()
      let distinct = eatKeyword("distinct") != nil
      var argument: Operand?
      if function == .count || function == .pct {
        _ = eatKeyword("projects") ?? eatKeyword("project")
        if distinct || !atAggregateEnd {
          argument = try parseValue("what to \(function.rawValue), such as budget")
        }
      } else {
        argument = try parseValue("a value to \(function.rawValue), such as budget or score")
      }
      var weight: Operand?
      if eatKeyword("weighted") != nil {
        guard function == .avg else {
          throw SyntaxError(range: tokens[index - 1].range, message: "only avg can be weighted", suggestion: "avg score weighted by budget")
        }
        _ = try expectKeyword("by", after: "weighted")
        weight = try parseValue("a weight such as budget")
      }
      var label: Name?
      if eatKeyword("as") != nil { label = try expectName("a column name after as") }
      let end = label?.range ?? weight?.range ?? argument?.range ?? t.range
      result.append(Aggregate(function: function, argument: argument, distinct: distinct, weight: weight, label: label, range: t.range.union(end)))
    } while eat(.comma) != nil
    _ = eatKeyword("projects")
    return result
  }

  /// Whether an aggregate's argument is absent: a clause, a comma, `as` or the end follows.
  var atAggregateEnd: Bool {
    if at(.comma) || at(.semicolon) || at(.end) { return true }
    guard at(.word) else { return false }
    let word = current.text.lowercased()
    return Keywords.clauseWords[word] != nil || ["as", "projects", "recomputed", "recorded", "重算"].contains(word)
  }

  /// group_key = value ["bands" number {"," number}]
  mutating func parseGroupKey() throws(SyntaxError) -> GroupKey {
    let value = try parseValue("a field to group by")
    guard eatKeyword("bands") != nil || eatKeyword("band") != nil else { return GroupKey(value) }
    var cuts: [Name] = []
    repeat {
      cuts.append(try expectNumber("a band limit such as 5"))
    } while at(.comma) && index + 1 < tokens.count && tokens[index + 1].kind == .number && eat(.comma) != nil
    return GroupKey(value, bands: cuts)
  }

  /// clauses = { "where" condition | "in" years | "sort" "by" keys | "limit" N | "show" items
  ///           | "by" keys | "having" condition }, each at most once and only those the
  /// statement takes (`Keywords`).
  mutating func parseClauses(_ statement: String) throws(SyntaxError) -> Clauses {
    let allowed = Keywords.clauses(of: statement)
    var clauses = Clauses()
    var seen: Set<Clause> = []
    while current.kind == .word, let clause = Keywords.clauseWords[current.text.lowercased()] {
      let t = current
      guard allowed.contains(clause) else {
        let takes = Clause.allCases.filter(allowed.contains).map(Keywords.spelling)
        var hint = takes.isEmpty ? "\(statement) takes no clauses" : "\(statement) takes " + takes.joined(separator: ", ")
        if clause == .by, statement == "projects" || statement == "indicators" { hint = "write sort by FIELD to order the rows, or count by FIELD to group them" }
        throw SyntaxError(range: t.range, message: "\(statement) does not take '\(Keywords.spelling(clause))'", suggestion: hint)
      }
      if seen.contains(clause) {
        throw SyntaxError(range: t.range, message: "'\(t.text)' is given twice", suggestion: clause == .where || clause == .having ? "combine the conditions with and" : "keep one")
      }
      seen.insert(clause)
      advance()
      switch clause {
      case .where:
        clauses.filter = try parseExpression()
      case .in:
        clauses.years = try parseYears()
      case .sort:
        _ = try expectKeyword("by", after: t.text)
        let saved = allowAggregates
        allowAggregates = true
        defer { allowAggregates = saved }
        repeat {
          let key = try parseValue("a field to sort by")
          var descending = false
          if eatKeyword("desc") != nil || eatKeyword("descending") != nil {
            descending = true
          } else {
            _ = eatKeyword("asc") ?? eatKeyword("ascending")
          }
          clauses.sort.append(SortKey(key, descending: descending))
        } while eat(.comma) != nil
      case .limit:
        let (n, range) = try expectInteger("the number of rows")
        guard n >= 0 else { throw SyntaxError(range: range, message: "limit must not be negative") }
        clauses.limit = n
      case .show:
        if (at(.arithmetic) && current.text == "*") || atKeyword("all") || atKeyword("*") {
          advance()
          clauses.showAll = true
        } else {
          var items: [ShowItem] = []
          repeat {
            let value = try parseValue("a field to show")
            var label: Name?
            if eatKeyword("as") != nil { label = try expectName("a column name after as") }
            items.append(ShowItem(value, label: label))
          } while eat(.comma) != nil
          clauses.show = items
        }
      case .by:
        repeat { clauses.groupBy.append(try parseGroupKey()) } while eat(.comma) != nil
      case .having:
        let saved = allowAggregates
        allowAggregates = true
        defer { allowAggregates = saved }
        clauses.having = try parseExpression()
      }
    }
    if !at(.end) && !at(.semicolon) {
      let options = Clause.allCases.filter(allowed.contains).map(Keywords.spelling)
      let hint = current.kind == .word ? Suggestions.didYouMean(current.text, in: options) : nil
      throw SyntaxError(
        range: current.range,
        message: "unexpected '\(current.text)'; expected " + (options.isEmpty ? "the end" : options.joined(separator: ", ") + " or the end"),
        suggestion: hint)
    }
    return clauses
  }

  /// `recompute 2023` and `check 2023` take the year without `in`.
  mutating func parseClausesWithBareYear(_ statement: String) throws(SyntaxError) -> Clauses {
    var bare: YearScope?
    if at(.number) || (at(.word) && current.text.contains("..")) {
      bare = try parseYears()
    }
    var clauses = try parseClauses(statement)
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
    return .edit(seq: seq, field: field, value: value, try parseClauses("let"))
  }

  /// A file or folder path: a bare word (samples/shili-training) or quoted text.
  ///
  /// An unquoted path is taken as written up to the next space, so `/`, `-` and `(` in it
  /// are part of it, not operators.
  mutating func expectPath(_ what: String) throws(SyntaxError) -> Name {
    if at(.quoted) {
      let t = advance()
      return Name(t.text, t.range)
    }
    guard !at(.end), !at(.semicolon), !at(.comma), !(at(.word) && current.text.hasPrefix("--")) else {
      throw unexpected("expected \(what)")
    }
    let start = current.range.start
    var end = advance().range.end
    while !at(.end), !at(.semicolon), !at(.quoted), current.range.start == end {
      end = advance().range.end
    }
    return Name(String(decoding: source[start..<end], as: UTF8.self), SourceRange(start, end))
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
