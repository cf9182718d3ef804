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

  mutating func operand(_ depth: Int = 0, aggregates: Bool = false) -> Operand {
    switch int(0...(depth >= 2 ? 2 : aggregates ? 6 : 5)) {
    case 0: return .word(name(pick(StatementGenerator.words)))
    case 1: return .number(name(number()))
    case 2: return .quoted(name(quotedText()))
    case 3: return .negate(operand(depth + 1, aggregates: aggregates), StatementGenerator.zero)
    case 6: return .aggregate(aggregate(inline: true))
    default:
      return .arithmetic(pick(ArithmeticOperator.allCases), operand(depth + 1, aggregates: aggregates), operand(depth + 1, aggregates: aggregates), StatementGenerator.zero)
    }
  }

  /// A value only: the operands of a simple comparison.
  mutating func simpleOperand() -> Operand { operand(2) }

  mutating func expression(_ depth: Int = 0, aggregates: Bool = false) -> Expression {
    let leaf = depth >= 4 || chance(40)
    if leaf {
      switch int(0...2) {
      case 0: return .compare(operand(aggregates: aggregates), pick(ComparisonOperator.allCases), operand(aggregates: aggregates))
      case 1: return .contains(operand(aggregates: aggregates), operand(aggregates: aggregates))
      default: return .isMissing(operand(aggregates: aggregates), negated: chance(50))
      }
    }
    switch int(0...2) {
    case 0: return .and(expression(depth + 1, aggregates: aggregates), expression(depth + 1, aggregates: aggregates))
    case 1: return .or(expression(depth + 1, aggregates: aggregates), expression(depth + 1, aggregates: aggregates))
    default: return .not(expression(depth + 1, aggregates: aggregates), StatementGenerator.zero)
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

  /// Clauses the statement takes (its row of the keyword table), each drawn at random.
  mutating func clauses(_ statement: String, needGroup: Bool = false) -> Clauses {
    let allowed = Keywords.statement(statement)?.clauses ?? []
    let grouped = allowed.contains(.by)
    var c = Clauses()
    if allowed.contains(.where), chance(50) { c.filter = expression() }
    if allowed.contains(.in), chance(30) { c.years = years() }
    if allowed.contains(.sort), chance(30) {
      c.sort = (0..<int(1...2)).map { _ in SortKey(chance(70) ? .word(name(pick(StatementGenerator.fields))) : operand(aggregates: grouped), descending: chance(50)) }
    }
    if allowed.contains(.limit), chance(30) { c.limit = int(0...500) }
    if allowed.contains(.show), chance(30) {
      if chance(30) {
        c.showAll = true
      } else {
        c.show = (0..<int(1...3)).map { _ in ShowItem(chance(70) ? .word(name(pick(StatementGenerator.fields))) : operand(), label: chance(20) ? name(pick(["结余", "rate2"])) : nil) }
      }
    }
    if grouped && (needGroup || chance(40)) {
      c.groupBy = (0..<int(1...2)).map { _ in
        GroupKey(.word(name(pick(StatementGenerator.fields))), bands: chance(20) ? (0..<int(1...3)).map { _ in name(number()) } : nil)
      }
    }
    if allowed.contains(.having), chance(20) { c.having = expression(aggregates: true) }
    return c
  }

  mutating func aggregate(inline: Bool = false) -> Aggregate {
    let f = pick(AggregateFunction.allCases)
    let bare = (f == .count || f == .pct) && chance(50)
    let argument: Operand? = bare ? nil : chance(70) ? .word(name(pick(StatementGenerator.fields))) : operand(1)
    return Aggregate(
      function: f, argument: argument, distinct: f == .count && argument != nil && chance(30),
      weight: f == .avg && chance(30) ? .word(name(pick(StatementGenerator.fields))) : nil,
      label: !inline && chance(20) ? name(pick(["合计", "total"])) : nil, range: StatementGenerator.zero)
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
    case 0: return .projects(clauses("projects"))
    case 1: return .aggregate(aggregates(), clauses("sum"))
    case 2: return .departments(clauses("departments"))
    case 3: return .years
    case 4: return .help(chance(50) ? nil : (0..<int(1...2)).map { _ in pick(["projects", "sum", "grades", "where"]) }.joined(separator: " "))
    case 5: return .rules(chance(50) ? nil : name(pick(["national", "twenty", "本地"])))
    case 6: return .set(ruleChange())
    case 7: return .reset(name(pick(["rules", "data"])))
    case 8: return .recompute(chance(50) ? .changed : .all, clauses("recompute"))
    case 9: return .explain(simpleOperand(), clauses("explain"))
    case 10: return chance(25) ? .checkForms(clauses("check")) : .check(clauses("check"))
    case 11: return .indicators(clauses("indicators"))
    case 12: return .use(chance(30) ? nil : years())
    case 13:
      return .compare(
        first: years(), second: years(), mode: pick([.departments, .projects, .grades]), grades: chance(30) ? .recomputed : .recorded,
        clauses("compare"))
    case 14: return .chart(aggregates(), clauses("chart", needGroup: true))
    case 15: return .trend(.aggregate(aggregate(inline: true)), chance(20) ? .recomputed : .recorded, clauses("trend"))
    case 16: return .trend(.rate(name(pick(["优秀率", "优良率", "执行率"]))), chance(30) ? .recomputed : .recorded, clauses("trend"))
    case 17: return .edit(seq: name(String(int(1...999))), field: name(pick(StatementGenerator.fields)), value: simpleOperand(), clauses("let"))
    case 18:
      if chance(50) { return .compareRules(first: name(pick(["national", "twenty"])), second: name(pick(["current", "本地"])), clauses("compare")) }
      return pick([.quit, .undo, .edits])
    case 19: return .load(path: path(), options: options(["--encoding"], []))
    case 20:
      if chance(25) { return .importForms(path: path(), options: options(["--save", "--encoding"], [])) }
      return .importData(report: chance(50), path: path(), options: options(["--save", "--encoding"], []))
    case 21: return .save(path: path(), options: options([], ["--force"]))
    default:
      let inner = chance(60) ? ParsedStatement(statement: statement(nested: true), range: StatementGenerator.zero) : nil
      return .export(format: name(pick(["csv", "json", "markdown", "xlsx"])), path: path(), options: options([], ["--force", "--bom", "--no-bom"]), statement: inner)
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
    "import report 报告.txt --save out", "import forms 自评表 --save out", "check forms 2019", "import forms", "import forms; check forms", "load samples/shili-training --encoding gbk", "save out --force",
  ])
  func knownStatementsRoundTrip(_ text: String) throws {
    let first = try Parser.parse(text).map { Unranged.statement($0.statement) }
    let printed = ASTPrinter.print(first)
    let second = try Parser.parse(printed).map { Unranged.statement($0.statement) }
    #expect(first == second, "\(printed)")
  }
}
