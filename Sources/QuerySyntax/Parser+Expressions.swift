extension Parser {
  /// expr = and_expr { "or" and_expr }
  mutating func parseExpression() throws(SyntaxError) -> Expression {
    depth += 1
    defer { depth -= 1 }
    if depth > Parser.depthLimit {
      throw SyntaxError(range: current.range, message: "conditions nested more than \(Parser.depthLimit) deep", suggestion: "remove some parentheses")
    }
    var left = try parseAnd()
    while eatKeyword("or") != nil {
      left = .or(left, try parseAnd())
    }
    return left
  }

  /// and_expr = not_expr { "and" not_expr }
  mutating func parseAnd() throws(SyntaxError) -> Expression {
    var left = try parseNot()
    while eatKeyword("and") != nil {
      left = .and(left, try parseNot())
    }
    return left
  }

  /// not_expr = "not" not_expr | primary
  mutating func parseNot() throws(SyntaxError) -> Expression {
    if let t = eatKeyword("not") {
      depth += 1
      defer { depth -= 1 }
      if depth > Parser.depthLimit {
        throw SyntaxError(range: t.range, message: "conditions nested more than \(Parser.depthLimit) deep")
      }
      return .not(try parseNot(), t.range)
    }
    return try parsePrimary()
  }

  /// primary = "(" expr ")" | operand ( comparison operand | "contains" operand | "is" ["not"] "missing" )
  mutating func parsePrimary() throws(SyntaxError) -> Expression {
    if let open = eat(.leftParen) {
      let inner = try parseExpression()
      guard eat(.rightParen) != nil else {
        if at(.end) {
          throw SyntaxError(range: open.range, message: "this parenthesis is never closed", suggestion: "add )", isIncomplete: true)
        }
        throw unexpected("expected ')' to close the parenthesis")
      }
      return inner
    }
    let left = try parseOperand("a condition such as grade = 良")
    if let op = eat(.comparison) {
      guard let comparison = ComparisonOperator(rawValue: op.text) else {
        throw SyntaxError(range: op.range, message: "unknown operator '\(op.text)'")
      }
      return .compare(left, comparison, try parseOperand("a value to compare with"))
    }
    if eatKeyword("contains") != nil {
      return .contains(left, try parseOperand("the text to look for"))
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

  mutating func parseOperand(_ what: String) throws(SyntaxError) -> Operand {
    let t = current
    switch t.kind {
    case .word:
      if ["and", "or", "where", "sort", "limit", "show", "by"].contains(t.text.lowercased()) {
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
    case .comparison, .leftParen, .rightParen, .comma, .semicolon, .end:
      throw unexpected("expected \(what)")
    }
  }
}
