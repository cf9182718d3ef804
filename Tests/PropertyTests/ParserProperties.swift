import QuerySyntax
import Testing

/// Random statements drawn from the grammar, printed, and parsed back.
struct StatementGenerator {
  var rng: SplitMix64

  mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
  mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
  mutating func pick<T>(_ list: [T]) -> T { list[int(0...(list.count - 1))] }

  static let zero = SourceRange(0, 0)
  func name(_ text: String) -> Name { Name(text, StatementGenerator.zero) }

  /// Bare words that are no keyword where they stand and lex as one word.
  static let words = ["budget", "score", "grade", "name", "fund", "spent", "initial", "unit", "year", "seq", "rate", "预算", "自评分", "良", "优", "村级", "党建工作经费", "a_b", "x-1", "村级组织运转经费-村干部基础职务补贴", "燃煤锅炉改造及清洁能源补贴（运转保障）"]
  static let fields = ["budget", "score", "grade", "name", "fund", "spent", "initial", "unit", "year", "seq", "rate", "预算金额", "自评分"]
  /// Characters quoted text is built from, quotes and separators included.
  static let quotedPieces = ["a", "Z", " ", "'", "\"", ";", ",", "(", ")", "=", "村", "级", "“", "”", "and", "--x", "\t", "0", ".."]

  mutating func number() -> String {
    let whole = String(int(0...99_999))
    let sign = chance(10) ? "-" : ""
    return chance(50) ? sign + whole : sign + whole + "." + String(int(0...9999))
  }

  mutating func quotedText() -> String {
    var s = ""
    for _ in 0..<int(0...6) { s += pick(StatementGenerator.quotedPieces) }
    return s
  }

  mutating func operand() -> Operand {
    switch int(0...2) {
    case 0: .word(name(pick(StatementGenerator.words)))
    case 1: .number(name(number()))
    default: .quoted(name(quotedText()))
    }
  }

  mutating func expression(_ depth: Int = 0) -> Expression {
    let leaf = depth >= 4 || chance(40)
    if leaf {
      switch int(0...2) {
      case 0: return .compare(operand(), pick(ComparisonOperator.allCases), operand())
      case 1: return .contains(operand(), operand())
      default: return .isMissing(operand(), negated: chance(50))
      }
    }
    switch int(0...2) {
    case 0: return .and(expression(depth + 1), expression(depth + 1))
    case 1: return .or(expression(depth + 1), expression(depth + 1))
    default: return .not(expression(depth + 1), StatementGenerator.zero)
    }
  }

  mutating func years() -> YearScope {
    let first = int(1990...2030)
    let last = chance(50) ? first : int(first...2035)
    return YearScope(first: first, last: last, range: StatementGenerator.zero)
  }

  mutating func fieldList() -> [Name] {
    (0..<int(1...3)).map { _ in name(pick(StatementGenerator.fields)) }
  }

  mutating func clauses(groupBy: Bool, needGroup: Bool = false) -> Clauses {
    var c = Clauses()
    if chance(50) { c.filter = expression() }
    if chance(30) { c.years = years() }
    if chance(30) { c.sort = (0..<int(1...2)).map { _ in SortKey(field: name(pick(StatementGenerator.fields)), descending: chance(50)) } }
    if chance(30) { c.limit = int(0...500) }
    if chance(30) {
      if chance(30) { c.showAll = true } else { c.show = fieldList() }
    }
    if groupBy && (needGroup || chance(40)) { c.groupBy = fieldList() }
    return c
  }

  mutating func aggregate() -> Aggregate {
    let f = pick(AggregateFunction.allCases)
    return Aggregate(function: f, field: f == .count ? nil : name(pick(StatementGenerator.fields)), range: StatementGenerator.zero)
  }

  mutating func aggregates() -> [Aggregate] { (0..<int(1...3)).map { _ in aggregate() } }

  mutating func path() -> Name {
    name(pick(["datasets", "samples/shili-training", "out.csv", "报告 2023.txt", "it's.md", "--force", "report", "2023"]))
  }

  mutating func options(_ valued: [String], _ flags: [String]) -> [Option] {
    var out: [Option] = []
    for _ in 0..<int(0...2) {
      if !valued.isEmpty && (flags.isEmpty || chance(50)) {
        out.append(Option(name: name(pick(valued)), value: path()))
      } else if !flags.isEmpty {
        out.append(Option(name: name(pick(flags)), value: nil))
      }
    }
    return out
  }

  mutating func ruleChange() -> RuleChange {
    switch int(0...4) {
    case 0: return .band(grade: name(pick(["优", "良", "中", "A", "good"])), score: name(number()))
    case 1: return .weights((0..<int(1...4)).map { _ in (level: name(pick(["产出", "效益", "满意度", "执行率"])), points: name(number())) })
    case 2: return .tier(tier: name(pick(["达成", "部分达成", "未达成"])), low: name(number()), high: name(number()))
    case 3: return .negative(name(pick(["ratio", "linear", "other"])))
    default: return .basis(name(pick(["budget", "initial"])))
    }
  }

  mutating func statement(nested: Bool = false) -> Statement {
    switch int(0...(nested ? 19 : 23)) {
    case 0: return .projects(clauses(groupBy: false))
    case 1: return .aggregate(aggregates(), clauses(groupBy: true))
    case 2: return .departments(clauses(groupBy: false))
    case 3: return .years
    case 4: return .help(chance(50) ? nil : (0..<int(1...2)).map { _ in pick(["projects", "sum", "grades", "where"]) }.joined(separator: " "))
    case 5: return .rules(chance(50) ? nil : name(pick(["national", "twenty", "本地"])))
    case 6: return .set(ruleChange())
    case 7: return .reset(name(pick(["rules", "data"])))
    case 8: return .recompute(clauses(groupBy: false))
    case 9: return .explain(operand(), clauses(groupBy: false))
    case 10: return .check(clauses(groupBy: false))
    case 11: return .indicators(clauses(groupBy: false))
    case 12: return .use(chance(30) ? nil : years())
    case 13: return .compare(first: years(), second: years(), projects: chance(50), clauses(groupBy: false))
    case 14: return .chart(aggregates(), clauses(groupBy: true, needGroup: true))
    case 15: return .trend(.aggregate(aggregate()), clauses(groupBy: false))
    case 16: return .trend(.rate(name(pick(["优秀率", "优良率", "执行率"]))), clauses(groupBy: false))
    case 17: return .edit(seq: name(String(int(1...999))), field: name(pick(StatementGenerator.fields)), value: operand(), clauses(groupBy: false))
    case 18: return .quit
    case 19: return .load(path: path(), options: options(["--encoding"], []))
    case 20: return .importData(report: chance(50), path: path(), options: options(["--save", "--encoding"], []))
    case 21: return .save(path: path(), options: options([], ["--force"]))
    default:
      let inner = chance(60) ? ParsedStatement(statement: statement(nested: true), range: StatementGenerator.zero) : nil
      return .export(format: name(pick(["csv", "json", "markdown", "xlsx"])), path: path(), options: options([], ["--force", "--bom"]), statement: inner)
    }
  }
}

@Suite struct ParserProperties {
  /// parse(print(tree)) == tree, over thousands of random statements.
  @Test func parsePrintParseGivesTheSameTree() throws {
    var gen = StatementGenerator(rng: SplitMix64(seed: 2023))
    for _ in 0..<5_000 {
      let statements = (0..<gen.int(1...3)).map { _ in gen.statement() }
      let text = ASTPrinter.print(statements)
      let parsed: [ParsedStatement]
      do {
        parsed = try Parser.parse(text)
      } catch {
        Issue.record("\(text) did not parse: \(error.message)")
        return
      }
      let back = parsed.map { Unranged.statement($0.statement) }
      #expect(back == statements, "\(text)")
      if back != statements { return }
      // And printing the parsed tree gives the same text.
      #expect(ASTPrinter.print(back) == text)
    }
  }

  /// Every statement in the transcripts survives parse → print → parse.
  @Test(arguments: [
    "projects where grade = 良", "sum budget, count by grade", "projects where budget > 50 and name contains 村级 sort by budget desc limit 5",
    "count projects by fund", "compare 2022 2023 projects", "recompute 2023", "check 2023", "explain 3", "set band 优 95",
    "set weight 执行率 20, 产出 40", "reset rules", "use 2021..2023", "let 3.spent = 100", "chart sum budget by grade",
    "trend 优秀率", "projects where not (grade = 优 or score is not missing) show *", "export csv out.csv --force projects limit 2",
    "import report 报告.txt --save out", "load samples/shili-training --encoding gbk", "save out --force",
  ])
  func knownStatementsRoundTrip(_ text: String) throws {
    let first = try Parser.parse(text).map { Unranged.statement($0.statement) }
    let printed = ASTPrinter.print(first)
    let second = try Parser.parse(printed).map { Unranged.statement($0.statement) }
    #expect(first == second, "\(printed)")
  }
}
