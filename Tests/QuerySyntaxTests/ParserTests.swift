import Testing

@testable import QuerySyntax

/// Each statement form parses to the tree it means, with every name's source range.
@Suite struct ParserTests {
  @Test func bareProjects() throws {
    let parsed = try Parser.parse("projects")
    #expect(parsed == [ParsedStatement(statement: .projects(Clauses()), range: SourceRange(0, 8))])
    #expect(try statement("project") == .projects(Clauses()))
    #expect(try statement("PROJECTS") == .projects(Clauses()))
  }

  @Test func projectsWithEveryClause() throws {
    let s = "projects where grade = 良 in 2023 sort by budget desc, seq limit 5 show seq, name, budget"
    var c = Clauses()
    c.filter = .compare(.word(name("grade", in: s)), .equal, .word(name("良", in: s)))
    c.years = YearScope(first: 2023, last: 2023, range: range(of: "2023", in: s))
    c.sort = [
      SortKey(field: name("budget", in: s), descending: true),
      SortKey(field: name("seq", in: s), descending: false),
    ]
    c.limit = 5
    c.show = [name("seq", in: s, occurrence: 1), name("name", in: s), name("budget", in: s, occurrence: 1)].map(ShowItem.init)
    let parsed = try Parser.parse(s)
    #expect(parsed == [ParsedStatement(statement: .projects(c), range: SourceRange(0, s.utf8.count))])
  }

  @Test func clausesInAnyOrderAndSortSpellings() throws {
    let s = "projects limit 3 order by score asc, budget descending where seq > 1"
    var c = Clauses()
    c.limit = 3
    c.sort = [
      SortKey(field: name("score", in: s), descending: false),
      SortKey(field: name("budget", in: s), descending: true),
    ]
    c.filter = .compare(.word(name("seq", in: s)), .greater, .number(name("1", in: s, occurrence: 0)))
    #expect(try statement(s) == .projects(c))
  }

  @Test func showEverything() throws {
    var c = Clauses()
    c.showAll = true
    #expect(try statement("projects show *") == .projects(c))
    #expect(try statement("projects show all") == .projects(c))
  }

  @Test func aggregatesGroupedBy() throws {
    let s = "sum budget, count by grade"
    var c = Clauses()
    c.groupBy = [GroupKey(name("grade", in: s))]
    #expect(
      try statement(s)
        == .aggregate(
          [
            Aggregate(function: .sum, field: name("budget", in: s), range: SourceRange(0, 10)),
            Aggregate(function: .count, field: nil, range: range(of: "count", in: s)),
          ], c))
  }

  @Test func countProjectsWhere() throws {
    let s = "count projects where grade = 良"
    var c = Clauses()
    c.filter = .compare(.word(name("grade", in: s)), .equal, .word(name("良", in: s)))
    #expect(try statement(s) == .aggregate([Aggregate(function: .count, field: nil, range: SourceRange(0, 5))], c))
  }

  @Test func everyAggregateFunction() throws {
    let s = "min budget, max score, avg spent, sum initial, count"
    guard case .aggregate(let list, let c) = try statement(s) else {
      Issue.record("not an aggregate")
      return
    }
    #expect(list.map(\.function) == [.min, .max, .avg, .sum, .count])
    #expect(list.map { $0.field?.text } == ["budget", "score", "spent", "initial", nil])
    #expect(list[2].range == range(of: "avg spent", in: s))
    #expect(c == Clauses())
  }

  @Test func yearRange() throws {
    let s = "avg score in 2021..2023"
    var c = Clauses()
    c.years = YearScope(first: 2021, last: 2023, range: SourceRange(13, 23))
    #expect(try statement(s) == .aggregate([Aggregate(function: .avg, field: name("score", in: s), range: SourceRange(0, 9))], c))
    #expect(c.years!.contains(2022))
    #expect(!c.years!.contains(2024))
  }

  @Test func departments() throws {
    var c = Clauses()
    c.years = YearScope(first: 2023, last: 2023, range: SourceRange(15, 19))
    #expect(try statement("departments in 2023") == .departments(c))
    #expect(try statement("department") == .departments(Clauses()))
  }

  @Test func simpleStatements() throws {
    #expect(try statement("years") == .years)
    #expect(try statement("help") == .help(nil))
    #expect(try statement("help fields") == .help("fields"))
    #expect(try statement("help set band") == .help("set band"))
    #expect(try statement("? grades") == .help("grades"))
    #expect(try statement("quit") == .quit)
    #expect(try statement("EXIT") == .quit)
    #expect(try statement("rules") == .rules(nil))
    #expect(try statement("rules twenty") == .rules(Name("twenty", SourceRange(6, 12))))
  }

  @Test func ruleChanges() throws {
    let band = "set band 优 95"
    #expect(try statement(band) == .set(.band(grade: name("优", in: band), score: name("95", in: band))))
    let weights = "set weight 执行率 20, 产出 40"
    #expect(
      try statement(weights)
        == .set(.weights([(name("执行率", in: weights), name("20", in: weights)), (name("产出", in: weights), name("40", in: weights))])))
    let tier = "set tier 部分达成 50 80"
    #expect(
      try statement(tier) == .set(.tier(tier: name("部分达成", in: tier), low: name("50", in: tier), high: name("80", in: tier))))
    #expect(try statement("set negative linear") == .set(.negative(Name("linear", SourceRange(13, 19)))))
    #expect(try statement("set basis initial") == .set(.basis(Name("initial", SourceRange(10, 17)))))
    #expect(try statement("reset rules") == .reset(Name("rules", SourceRange(6, 11))))
    #expect(try statement("reset DATA") == .reset(Name("DATA", SourceRange(6, 10))))
  }

  @Test func recomputeAndCheckTakeABareYear() throws {
    var c = Clauses()
    c.years = YearScope(first: 2023, last: 2023, range: SourceRange(10, 14))
    #expect(try statement("recompute 2023") == .recompute(.all, c))
    c.years = YearScope(first: 2023, last: 2023, range: SourceRange(9, 13))
    #expect(try statement("check in 2023") == .check(c))
    let s = "recompute 2021..2023 where seq = 3"
    var d = Clauses()
    d.years = YearScope(first: 2021, last: 2023, range: range(of: "2021..2023", in: s))
    d.filter = .compare(.word(name("seq", in: s)), .equal, .number(name("3", in: s, occurrence: 1)))
    #expect(try statement(s) == .recompute(.all, d))
    #expect(try statement("recompute") == .recompute(.all, Clauses()))
    #expect(try statement("recompute changed limit 2") == .recompute(.changed, { var c = Clauses(); c.limit = 2; return c }()))
  }

  @Test func explain() throws {
    #expect(try statement("explain 3") == .explain(.number(Name("3", SourceRange(8, 9))), Clauses()))
    let s = "explain '党建工作经费' in 2023"
    var c = Clauses()
    c.years = YearScope(first: 2023, last: 2023, range: range(of: "2023", in: s))
    #expect(try statement(s) == .explain(.quoted(Name("党建工作经费", range(of: "'党建工作经费'", in: s))), c))
  }

  @Test func indicators() throws {
    let s = "indicators where seq = 3 limit 2"
    var c = Clauses()
    c.filter = .compare(.word(name("seq", in: s)), .equal, .number(name("3", in: s)))
    c.limit = 2
    #expect(try statement(s) == .indicators(c))
  }

  @Test func whatIfEdit() throws {
    #expect(
      try statement("let 3.spent = 100")
        == .edit(
          seq: Name("3", SourceRange(4, 5)), field: Name("spent", SourceRange(6, 11)),
          value: .number(Name("100", SourceRange(14, 17))), Clauses()))
    let s = "let #3.grade = 良 in 2023"
    var c = Clauses()
    c.years = YearScope(first: 2023, last: 2023, range: range(of: "2023", in: s))
    #expect(
      try statement(s)
        == .edit(
          seq: Name("3", SourceRange(4, 6)), field: Name("grade", SourceRange(7, 12)), value: .word(name("良", in: s)), c))
  }

  // MARK: conditions

  @Test func andBindsTighterThanOr() throws {
    let s = "projects where x = 1 or y = 2 and z = 3"
    let a = Expression.compare(.word(name("x", in: s)), .equal, .number(name("1", in: s)))
    let b = Expression.compare(.word(name("y", in: s)), .equal, .number(name("2", in: s)))
    let c = Expression.compare(.word(name("z", in: s)), .equal, .number(name("3", in: s)))
    var clauses = Clauses()
    clauses.filter = .or(a, .and(b, c))
    #expect(try statement(s) == .projects(clauses))
  }

  @Test func parenthesesGroup() throws {
    let s = "projects where (x = 1 or y = 2) and z = 3"
    let a = Expression.compare(.word(name("x", in: s)), .equal, .number(name("1", in: s)))
    let b = Expression.compare(.word(name("y", in: s)), .equal, .number(name("2", in: s)))
    let c = Expression.compare(.word(name("z", in: s)), .equal, .number(name("3", in: s)))
    var clauses = Clauses()
    clauses.filter = .and(.or(a, b), c)
    #expect(try statement(s) == .projects(clauses))
  }

  @Test func andIsLeftAssociative() throws {
    let s = "projects where x = 1 and y = 2 and z = 3"
    let a = Expression.compare(.word(name("x", in: s)), .equal, .number(name("1", in: s)))
    let b = Expression.compare(.word(name("y", in: s)), .equal, .number(name("2", in: s)))
    let c = Expression.compare(.word(name("z", in: s)), .equal, .number(name("3", in: s)))
    var clauses = Clauses()
    clauses.filter = .and(.and(a, b), c)
    #expect(try statement(s) == .projects(clauses))
  }

  @Test func notMissingContains() throws {
    let s1 = "projects where not score is missing"
    var c1 = Clauses()
    c1.filter = .not(.isMissing(.word(name("score", in: s1)), negated: false), range(of: "not", in: s1))
    #expect(try statement(s1) == .projects(c1))

    let s2 = "projects where spent is not missing"
    var c2 = Clauses()
    c2.filter = .isMissing(.word(name("spent", in: s2)), negated: true)
    #expect(try statement(s2) == .projects(c2))
    #expect(try statement("projects where spent is null") == statement("projects where spent is missing"))
    #expect(try statement("projects where spent is empty") == statement("projects where spent is missing"))

    let s3 = "projects where name contains 村级"
    var c3 = Clauses()
    c3.filter = .contains(.word(name("name", in: s3)), .word(name("村级", in: s3)))
    #expect(try statement(s3) == .projects(c3))
  }

  @Test func operandKinds() throws {
    let s = "projects where 5 < budget or name = '项目 A' or grade ≠ 良"
    var c = Clauses()
    c.filter = .or(
      .or(
        .compare(.number(name("5", in: s)), .less, .word(name("budget", in: s))),
        .compare(.word(name("name", in: s)), .equal, .quoted(Name("项目 A", range(of: "'项目 A'", in: s))))),
      .compare(.word(name("grade", in: s)), .notEqual, .word(name("良", in: s))))
    #expect(try statement(s) == .projects(c))
  }

  // MARK: several statements

  @Test func semicolonsSeparateStatements() throws {
    let parsed = try Parser.parse("sum budget; avg score")
    #expect(parsed.map(\.range) == [SourceRange(0, 10), SourceRange(12, 21)])
    #expect(try Parser.parse(" ; ;sum budget;；").count == 1)
    #expect(try Parser.parse("").isEmpty)
    #expect(try Parser.parse("   ").isEmpty)
  }

  @Test func statementRangeEndsAtItsLastToken() throws {
    let parsed = try Parser.parse("projects where grade = 良  ;")
    #expect(parsed[0].range == SourceRange(0, 26))
  }

  @Test func splitStatementsRespectsQuotes() {
    #expect(Parser.splitStatements("sum budget; avg score") == ["sum budget", " avg score"])
    #expect(Parser.splitStatements("projects where name = 'a;b'; count") == ["projects where name = 'a;b'", " count"])
    #expect(Parser.splitStatements("  ;  ; ") == [])
    #expect(Parser.splitStatements("name = 'open;") == ["name = 'open;"])
    #expect(Parser.splitStatements("sum budget；count") == ["sum budget", "count"])
  }

  @Test func sqlTakesOneStatement() throws {
    let s = "sql count by grade"
    var c = Clauses()
    c.groupBy = [GroupKey(name("grade", in: s))]
    let inner = ParsedStatement(
      statement: .aggregate([Aggregate(function: .count, field: nil, range: range(of: "count", in: s))], c),
      range: SourceRange(4, s.utf8.count))
    #expect(try statement(s) == .sql(inner))
    #expect(throws: SyntaxError.self) { try Parser.parse("sql") }
    #expect((try? Parser.parse("sql sql count")) == nil)
  }

  @Test func saveTakesSnapshotBeforeOrAfterTheFile() throws {
    for s in ["save --snapshot out.jxsnap --force", "save out.jxsnap --snapshot --force"] {
      guard case .save(let path, let options) = try statement(s) else {
        Issue.record("\(s) is not a save")
        continue
      }
      #expect(path.text == "out.jxsnap")
      #expect(Set(options.map(\.name.text)) == ["--snapshot", "--force"])
    }
    #expect(throws: SyntaxError.self) { try Parser.parse("save --snapshot") }
  }
}

/// `import forms PATH` and `check forms`, beside the words they could be mistaken for.
@Suite struct FormStatementTests {
  @Test func importFormsTakesAPathAndOptions() throws {
    let s = "import forms 自评表/2023 --save out"
    #expect(
      try statement(s)
        == .importForms(path: name("自评表/2023", in: s), options: [Option(name: name("--save", in: s), value: name("out", in: s))]))
  }

  /// `import forms` alone imports a file named forms, as before.
  @Test func importFormsAloneIsAPathNamedForms() throws {
    #expect(try statement("import forms") == .importData(report: false, path: name("forms", in: "import forms"), options: []))
    #expect(try statement("import report forms") == .importData(report: true, path: name("forms", in: "import report forms"), options: []))
  }

  @Test func checkFormsTakesAYear() throws {
    let s = "check forms 2019"
    var c = Clauses()
    c.years = YearScope(first: 2019, last: 2019, range: range(of: "2019", in: s))
    #expect(try statement(s) == .checkForms(c))
    #expect(try statement("check forms") == .checkForms(Clauses()))
  }

  @Test func checkFormsRefusesOtherClauses() {
    #expect(throws: SyntaxError.self) { try statement("check forms where grade = 优") }
  }
}
