extension Parser {
  /// condition = and_cond { "or" and_cond }
  mutating func parseExpression() throws(SyntaxError) -> Expression {
    try deeper("conditions", at: current.range, suggestion: "remove some parentheses")
    defer { depth -= 1 }
    var left = try parseAnd()
    while eatKeyword("or") != nil {
      left = .or(left, try parseAnd())
    }
    return left
  }

  /// Counts one level of nesting, refusing input nested deeper than the stack allows.
  mutating func deeper(_ what: String, at range: SourceRange, suggestion: String? = nil) throws(SyntaxError) {
    depth += 1
    if depth > Parser.depthLimit {
      throw SyntaxError(range: range, message: "\(what) nested more than \(Parser.depthLimit) deep", suggestion: suggestion)
    }
  }

  /// and_cond = not_cond { "and" not_cond }
  mutating func parseAnd() throws(SyntaxError) -> Expression {
    var left = try parseNot()
    while eatKeyword("and") != nil {
      left = .and(left, try parseNot())
    }
    return left
  }

  /// not_cond = "not" not_cond | primary_cond
  mutating func parseNot() throws(SyntaxError) -> Expression {
    if let t = eatKeyword("not") {
      try deeper("conditions", at: t.range)
      defer { depth -= 1 }
      return .not(try parseNot(), t.range)
    }
    return try parsePrimary()
  }

  /// primary_cond = "(" condition ")" | value ( comparison value | "contains" value | "is" ["not"] "missing" )
  ///
  /// A parenthesis may open a condition, `(grade = 良 or grade = 优)`, or a value,
  /// `(budget - spent) / budget < 10%`: the value reading is tried first and kept when a
  /// comparison follows it.
  mutating func parsePrimary() throws(SyntaxError) -> Expression {
    if at(.leftParen) {
      let saved = (index, depth)
      if let value = try? parseValue(), at(.comparison) || atKeyword("contains") || atKeyword("is") {
        return try parseComparison(after: value)
      }
      (index, depth) = saved
      let open = advance()
      let inner = try parseExpression()
      guard eat(.rightParen) != nil else {
        if at(.end) {
          throw SyntaxError(range: open.range, message: "this parenthesis is never closed", suggestion: "add )", isIncomplete: true)
        }
        throw unexpected("expected ')' to close the parenthesis")
      }
      return inner
    }
    let left = try parseValue("a condition such as grade = 良")
    return try parseComparison(after: left)
  }

  /// The rest of a condition whose left side is `left`.
  mutating func parseComparison(after left: Operand) throws(SyntaxError) -> Expression {
    if let op = eat(.comparison) {
      guard let comparison = ComparisonOperator(rawValue: op.text) else {
        throw SyntaxError(range: op.range, message: "unknown operator '\(op.text)'")
      }
      return .compare(left, comparison, try parseValue("a value to compare with"))
    }
    if eatKeyword("contains") != nil {
      return .contains(left, try parseValue("the text to look for"))
    }
    if eatKeyword("is") != nil {
      let negated = eatKeyword("not") != nil
      guard eatKeyword("missing") != nil || eatKeyword("null") != nil || eatKeyword("empty") != nil else {
        throw unexpected("expected 'missing' after 'is'")
      }
      return .isMissing(left, negated: negated)
    }
    throw unexpected("expected =, !=, <, <=, >, >=, contains or is missing after '\(left.text)'")
  }

  /// value = term { ("+" | "-") term }
  mutating func parseValue(_ what: String = "a value") throws(SyntaxError) -> Operand {
    var left = try parseTerm(what)
    while at(.arithmetic), current.text == "+" || current.text == "-" {
      let op = advance()
      let right = try parseTerm("a value after '\(op.text)'")
      left = .arithmetic(op.text == "+" ? .add : .subtract, left, right, left.range.union(right.range))
    }
    return left
  }

  /// term = unary { ("*" | "/") unary }
  mutating func parseTerm(_ what: String) throws(SyntaxError) -> Operand {
    var left = try parseUnary(what)
    while at(.arithmetic), current.text == "*" || current.text == "/" {
      let op = advance()
      let right = try parseUnary("a value after '\(op.text)'")
      left = .arithmetic(op.text == "*" ? .multiply : .divide, left, right, left.range.union(right.range))
    }
    return left
  }

  /// unary = "-" unary | "+" unary | primary
  mutating func parseUnary(_ what: String) throws(SyntaxError) -> Operand {
    if at(.arithmetic), current.text == "-" || current.text == "+" {
      let sign = advance()
      try deeper("values", at: sign.range, suggestion: "remove some signs")
      defer { depth -= 1 }
      let inner = try parseUnary(what)
      return sign.text == "-" ? .negate(inner, sign.range.union(inner.range)) : inner
    }
    return try parseOperand(what)
  }

  /// primary = "(" value ")" | number | quoted | word | aggregate (in having and sort by)
  mutating func parseOperand(_ what: String) throws(SyntaxError) -> Operand {
    let t = current
    switch t.kind {
    case .word:
      let lower = t.text.lowercased()
      if allowAggregates, let function = AggregateFunction(rawValue: lower) {
        return .aggregate(try parseInlineAggregate(function))
      }
      if Keywords.reserved.contains(lower) {
        throw unexpected("expected \(what)", suggestion: "quote text that is also a keyword: '\(t.text)'")
      }
      advance()
      return .word(Name(t.text, t.range))
    case .number:
      advance()
      return .number(Name(t.text, t.range))
    case .quoted:
      advance()
      return .quoted(Name(t.text, t.range))
    case .leftParen:
      let open = advance()
      try deeper("values", at: open.range, suggestion: "remove some parentheses")
      defer { depth -= 1 }
      let inner = try parseValue(what)
      guard eat(.rightParen) != nil else {
        if at(.end) {
          throw SyntaxError(range: open.range, message: "this parenthesis is never closed", suggestion: "add )", isIncomplete: true)
        }
        throw unexpected("expected ')' to close the parenthesis")
      }
      return inner
    case .comparison, .arithmetic, .rightParen, .comma, .semicolon, .end:
      throw unexpected("expected \(what)")
    }
  }

  /// An aggregate inside `having` or `sort by`: `count`, `sum budget`, `sum(budget - spent)`.
  /// Its argument is one primary value, so `sum budget > 300` compares the sum.
  mutating func parseInlineAggregate(_ function: AggregateFunction) throws(SyntaxError) -> Aggregate {
    let t = advance()
    let distinct = eatKeyword("distinct") != nil
    var argument: Operand?
    let takesNothing = at(.comparison) || at(.arithmetic) || at(.rightParen) || at(.comma) || at(.semicolon) || at(.end)
      || (at(.word) && (Keywords.reserved.contains(current.text.lowercased()) || Keywords.clauseWords[current.text.lowercased()] != nil))
    if !takesNothing || distinct {
      let saved = allowAggregates
      allowAggregates = false
      defer { allowAggregates = saved }
      argument = try parseUnary("what to \(function.rawValue), such as budget")
    } else if function != .count && function != .pct {
      throw unexpected("expected what to \(function.rawValue), such as \(function.rawValue) budget")
    }
    var weight: Operand?
    if function == .avg, eatKeyword("weighted") != nil {
      _ = try expectKeyword("by", after: "weighted")
      let saved = allowAggregates
      allowAggregates = false
      defer { allowAggregates = saved }
      weight = try parseUnary("a weight such as budget")
    }
    let end = weight?.range ?? argument?.range ?? t.range
    return Aggregate(function: function, argument: argument, distinct: distinct, weight: weight, range: t.range.union(end))
  }
}
