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
