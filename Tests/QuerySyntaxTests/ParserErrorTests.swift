import Testing

@testable import QuerySyntax

/// Statements that do not parse: where (UTF-8 offsets), what, the fix, and whether the
/// shell should ask for a continuation line instead.
@Suite struct ParserErrorTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var source: String
    var range: SourceRange
    var message: String
    var suggestion: String?
    var isIncomplete = false

    var testDescription: String { source.count > 60 ? String(source.prefix(60)) + "…" : source }
  }

  static let cases: [Case] = [
    Case(
      source: "projcts", range: SourceRange(0, 7), message: "unknown statement 'projcts'",
      suggestion: "did you mean 'projects'?"),
    Case(
      source: "sun budget", range: SourceRange(0, 3), message: "unknown statement 'sun'", suggestion: "did you mean 'sum'?"),
    Case(
      source: "frobnicate", range: SourceRange(0, 10), message: "unknown statement 'frobnicate'",
      suggestion: "type help to list the statements"),
    Case(
      source: "12", range: SourceRange(0, 2), message: "expected a statement such as projects, sum budget or help, found '12'"),
    Case(
      source: "projects where (grade = 良", range: SourceRange(15, 16), message: "this parenthesis is never closed",
      suggestion: "add )", isIncomplete: true),
    Case(
      source: "projects where ((grade = 良) or seq = 3", range: SourceRange(15, 16),
      message: "this parenthesis is never closed", suggestion: "add )", isIncomplete: true),
    Case(
      source: "projects where name = '村级", range: SourceRange(22, 29), message: "quoted text is never closed",
      suggestion: "end it with the same quote it starts with", isIncomplete: true),
    Case(
      source: "projects where grade = 良 and", range: SourceRange(30, 30),
      message: "expected a condition such as grade = 良, but the statement ends here", isIncomplete: true),
    Case(
      source: "projects where grade = 良 OR", range: SourceRange(29, 29),
      message: "expected a condition such as grade = 良, but the statement ends here", isIncomplete: true),
    Case(
      source: "projects where not", range: SourceRange(18, 18),
      message: "expected a condition such as grade = 良, but the statement ends here", isIncomplete: true),
    Case(
      source: "projects sort budget", range: SourceRange(14, 20), message: "expected 'by' after 'sort', found 'budget'"),
    Case(
      source: "projects sort by", range: SourceRange(16, 16),
      message: "expected a field to sort by, but the statement ends here"),
    Case(
      source: "projects where grade =", range: SourceRange(22, 22),
      message: "expected a value to compare with, but the statement ends here"),
    Case(
      source: "projects where", range: SourceRange(14, 14),
      message: "expected a condition such as grade = 良, but the statement ends here"),
    Case(
      source: "projects where grade", range: SourceRange(20, 20),
      message: "expected =, !=, <, <=, >, >=, contains or is missing after 'grade', but the statement ends here"),
    Case(
      source: "projects where grade is", range: SourceRange(23, 23),
      message: "expected 'missing' after 'is', but the statement ends here"),
    Case(
      source: "projects where grade = 良)", range: SourceRange(26, 27),
      message: "unexpected ')'; expected where, in, sort by, limit, show or the end"),
    Case(source: "projects limit -1", range: SourceRange(15, 17), message: "limit must not be negative"),
    Case(
      source: "projects limit 2.5", range: SourceRange(15, 18), message: "expected the number of rows, a whole number, found '2.5'"),
    Case(
      source: "projects where seq = 1 where seq = 2", range: SourceRange(23, 28), message: "'where' is given twice",
      suggestion: "combine the conditions with and"),
    Case(
      source: "projects by grade", range: SourceRange(9, 11), message: "projects does not take 'by'",
      suggestion: "write sort by FIELD to order the rows, or count by FIELD to group them"),
    Case(
      source: "sum budget show seq", range: SourceRange(11, 15), message: "sum does not take 'show'",
      suggestion: "sum takes where, in, sort by, limit, by, having"),
    Case(
      source: "departments where seq = 1", range: SourceRange(12, 17), message: "departments does not take 'where'",
      suggestion: "departments takes in"),
    Case(
      source: "compare 2022 2023 limit 1", range: SourceRange(18, 23), message: "compare does not take 'limit'",
      suggestion: "compare takes where"),
    Case(
      source: "trend 优秀率 sort by year", range: SourceRange(16, 20), message: "trend does not take 'sort by'",
      suggestion: "trend takes where, in"),
    Case(
      source: "projects show budget -", range: SourceRange(22, 22),
      message: "expected a value after '-', but the statement ends here", isIncomplete: true),
    Case(
      source: "projects wher grade = 良", range: SourceRange(9, 13),
      message: "unexpected 'wher'; expected where, in, sort by, limit, show or the end", suggestion: "did you mean 'where'?"),
    Case(
      source: "sum budget extra", range: SourceRange(11, 16),
      message: "unexpected 'extra'; expected where, in, sort by, limit, by, having or the end"),
    Case(
      source: "sum", range: SourceRange(3, 3),
      message: "expected a value to sum, such as budget or score, but the statement ends here"),
    Case(
      source: "projects where and = 1", range: SourceRange(15, 18),
      message: "expected a condition such as grade = 良, found 'and'", suggestion: "quote text that is also a keyword: 'and'"),
    Case(
      source: "projects in 2023..2021", range: SourceRange(12, 22),
      message: "expected a year such as 2023 or a range such as 2021..2023, found '2023..2021'"),
    Case(
      source: "let 3 = 5", range: SourceRange(4, 5), message: "expected SEQ.FIELD, as in let 3.spent = 100, found '3'"),
    Case(
      source: "reset foo", range: SourceRange(6, 9), message: "reset takes rules or data, not 'foo'",
      suggestion: "reset rules · reset data"),
    Case(
      source: "set bnd 优 95", range: SourceRange(4, 7), message: "cannot set 'bnd'", suggestion: "did you mean 'band'?"),
    Case(
      source: "recompute 2023 in 2023", range: SourceRange(10, 14), message: "the year is given twice",
      suggestion: "keep one: recompute 2023"),
    Case(
      source: "years now", range: SourceRange(6, 9), message: "unexpected 'now' after a complete statement",
      suggestion: "separate statements with ;"),
    Case(
      source: "sum budget; projcts", range: SourceRange(12, 19), message: "unknown statement 'projcts'",
      suggestion: "did you mean 'projects'?"),
    Case(
      source: "projects where !grade = 良", range: SourceRange(15, 16), message: "'!' on its own is not an operator",
      suggestion: "write != for 'not equal', or not before a condition"),
  ]

  @Test(arguments: cases)
  func error(_ c: Case) {
    let expected = SyntaxError(range: c.range, message: c.message, suggestion: c.suggestion, isIncomplete: c.isIncomplete)
    #expect(syntaxError(c.source) == expected)
  }

  /// Ten thousand nested parentheses give an error at the 201st, not a stack overflow.
  @Test func tenThousandParentheses() {
    let source = "projects where " + String(repeating: "(", count: 10_000) + "grade = 良" + String(repeating: ")", count: 10_000)
    #expect(
      syntaxError(source)
        == SyntaxError(
          range: SourceRange(215, 216), message: "conditions nested more than 200 deep", suggestion: "remove some parentheses"))
  }

  @Test func tenThousandNots() {
    let source = "projects where " + String(repeating: "not ", count: 10_000) + "grade = 良"
    // The 200th `not` starts at 15 + 199 × 4.
    #expect(syntaxError(source) == SyntaxError(range: SourceRange(811, 814), message: "conditions nested more than 200 deep"))
  }

  @Test func twoHundredParenthesesStillParse() throws {
    let source = "projects where " + String(repeating: "(", count: 199) + "grade = 良" + String(repeating: ")", count: 199)
    let parsed = try Parser.parse(source)
    var c = Clauses()
    c.filter = .compare(
      .word(Name("grade", SourceRange(214, 219))), .equal, .word(Name("良", SourceRange(222, 225))))
    #expect(parsed.map(\.statement) == [.projects(c)])
  }

  /// A long flat `and` chain is not nesting: it parses however long it is.
  @Test func longAndChainParses() throws {
    let source = "count where " + Array(repeating: "seq > 0", count: 5_000).joined(separator: " and ")
    #expect(try Parser.parse(source).count == 1)
  }
}
