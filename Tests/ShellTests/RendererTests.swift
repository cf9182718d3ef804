import Foundation
import QueryEngine
import Scoring
import Testing

@testable import Shell

/// Result tables drawn as boxes, CSV, JSON, markdown and records. Expected boxes were
/// laid out by hand from East Asian Width (ideographs and full-width brackets are two
/// columns), independently of DisplayWidth.
@Suite struct RendererTests {
  static func money(_ text: String) -> Value { .money(Money(text)!) }

  /// Two seed rows: the longest names of the report, one with full-width brackets.
  static let seedRows = ResultTable(
    columns: [.init("seq", numeric: true), .init("name", numeric: false), .init("budget", numeric: true)],
    rows: [
      [.integer(3), .text("村级组织运转经费-村干部基础职务补贴"), money("228.764")],
      [.integer(9), .text("燃煤锅炉改造及清洁能源补贴（运转保障）"), money("30")],
    ])

  static func render(_ table: ResultTable, _ format: OutputFormat = .table, maxRows: Int = 40, border: BorderStyle = .unicode) -> String {
    Renderer(format: format, border: border, maxRows: maxRows).render(table)
  }

  static func lines(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast(text.hasSuffix("\n") ? 1 : 0)
  }

  // MARK: boxed tables

  @Test func boxedTableWithChineseCells() {
    let text = Self.render(Self.seedRows)
    #expect(
      text == """
        ┌─────┬────────────────────────────────────────┬─────────┐
        │ seq │ name                                   │  budget │
        ├─────┼────────────────────────────────────────┼─────────┤
        │   3 │ 村级组织运转经费-村干部基础职务补贴    │ 228.764 │
        │   9 │ 燃煤锅炉改造及清洁能源补贴（运转保障） │  30     │
        └─────┴────────────────────────────────────────┴─────────┘
        2 rows

        """)
    let table = Self.lines(text).dropLast()  // all but the row count
    // │ + 5 + │ + 40 + │ + 9 + │
    #expect(table.map { DisplayWidth.of($0) } == Array(repeating: 58, count: 6))
  }

  @Test func chineseHeadersAndRightAlignedNumbers() {
    let t = ResultTable(
      columns: [
        .init("序号", numeric: true), .init("项目名称", numeric: false), .init("预算金额", numeric: true),
        .init("等级", numeric: false),
      ],
      rows: [
        [.integer(3), .text("村级组织运转经费"), Self.money("228.764"), .grade(.good)],
        [.integer(15), .text("矽肺病人员伤残补助"), Self.money("0.432"), .grade(.excellent)],
        [.integer(100), .text("LED lights"), Self.money("1000000"), .text("A")],
      ])
    let text = Self.render(t)
    #expect(
      text == """
        ┌──────┬────────────────────┬─────────────┬──────┐
        │ 序号 │ 项目名称           │    预算金额 │ 等级 │
        ├──────┼────────────────────┼─────────────┼──────┤
        │    3 │ 村级组织运转经费   │     228.764 │ 良   │
        │   15 │ 矽肺病人员伤残补助 │       0.432 │ 优   │
        │  100 │ LED lights         │ 1000000     │ A    │
        └──────┴────────────────────┴─────────────┴──────┘
        3 rows

        """)
    let widths = Set(Self.lines(text).dropLast().map { DisplayWidth.of($0) })
    // Amounts line up on the decimal point: 1000000 is padded by the width of ".764".
    #expect(widths == [50])
  }

  @Test func asciiBorders() {
    let t = ResultTable(columns: [.init("序号", numeric: true), .init("项目名称", numeric: false)], rows: [[.integer(3), .text("党建")]])
    #expect(
      Self.render(t, border: .ascii) == """
        +------+----------+
        | 序号 | 项目名称 |
        +------+----------+
        |    3 | 党建     |
        +------+----------+
        1 row

        """)
  }

  @Test func emptyResultStillShowsTheHeader() {
    let t = ResultTable(columns: [.init("seq", numeric: true), .init("name", numeric: false)], rows: [])
    #expect(
      Self.render(t) == """
        ┌─────┬──────┐
        │ seq │ name │
        ├─────┼──────┤
        └─────┴──────┘
        0 rows

        """)
  }

  @Test func aggregateWithoutRowCountAndWithNotes() {
    var t = ResultTable(columns: [.init("sum(budget)", numeric: true)], rows: [[Self.money("553.956")]])
    t.showsRowCount = false
    t.notes = ["a note", "另一条说明"]
    #expect(
      Self.render(t) == """
        ┌─────────────┐
        │ sum(budget) │
        ├─────────────┤
        │     553.956 │
        └─────────────┘
        a note
        另一条说明

        """)
  }

  @Test func everyValueKindAsDisplayed() {
    let t = ResultTable(
      columns: ["integer", "money", "score", "number", "percent", "grade", "fund", "missing"].map { .init($0, numeric: false) },
      rows: [[
        .integer(-7), Self.money("1249.58"), .score(899_950), .number(Fraction(931, 108), places: 2),
        .percent(Fraction(38_218, 55_396)), .grade(.fair), .fund(.stateCapital), .missing,
      ]])
    #expect(t.rows[0].map(\.display) == ["-7", "1249.58", "90.00", "8.62", "68.99%", "中", "国有资本经营预算", ""])
    #expect(t.rows[0].map(\.plain) == ["-7", "1249.58", "90.00", "8.62", "68.99", "中", "国有资本经营预算", ""])
  }

  /// Changes are numbers: the screen shows the sign and the unit, files the number.
  @Test func changesShowTheirSignOnScreenAndStayNumbersInFiles() {
    let changes: [Value] = [
      .change(Fraction(295, 10), .amount), .change(Fraction(-1), .decimals(0)), .change(Fraction(-16, 10), .decimals(2)),
      .change(Fraction(1, 7), .points), .change(Fraction(1, 19), .percent), .change(.zero, .points),
    ]
    #expect(changes.map(\.display) == ["+29.5", "-1", "-1.60", "+14.29 pp", "+5.26%", "0.00 pp"])
    #expect(changes.map(\.plain) == ["29.5", "-1", "-1.60", "14.29", "5.26", "0.00"])
    #expect(changes.allSatisfy { $0.isNumeric })
    #expect(Renderer.jsonValue(changes[3]) == "14.29")
  }

  @Test func tabsAndNewlinesInCellsBecomeSpaces() {
    let t = ResultTable(columns: [.init("name", numeric: false)], rows: [[.text("a\tb\nc")]])
    #expect(Self.lines(Self.render(t))[3] == "│ a b c │")
  }

  @Test func editedCellsAndMarkedRows() {
    var t = ResultTable(columns: [.init("seq", numeric: true), .init("spent", numeric: true)], rows: [[.integer(3), Self.money("100")], [.integer(4), Self.money("5")]])
    t.edited = [.init(row: 0, column: 1)]
    t.marked = [1]
    let lines = Self.lines(Self.render(t))
    #expect(lines[3] == "│   3 │  100* │")
    #expect(lines[4] == "│   4 │     5 │ ←")
  }

  // MARK: row limits

  static func numbered(_ n: Int) -> ResultTable {
    ResultTable(
      columns: [.init("seq", numeric: true), .init("name", numeric: false)],
      rows: (1...n).map { [.integer($0), .text("项目\($0)")] })
  }

  @Test func maxRowsShowsHeadAndTail() {
    let text = Self.render(Self.numbered(10), maxRows: 4)
    #expect(
      text == """
        ┌─────┬────────┐
        │ seq │ name   │
        ├─────┼────────┤
        │   1 │ 项目1  │
        │   2 │ 项目2  │
        │ ·   │ ·      │
        │   9 │ 项目9  │
        │  10 │ 项目10 │
        └─────┴────────┘
        10 rows (4 shown)

        """)
    #expect(Set(Self.lines(text).dropLast().map { DisplayWidth.of($0) }) == [16])
  }

  @Test func oddMaxRowsPutsTheExtraRowFirst() {
    let lines = Self.lines(Self.render(Self.numbered(10), maxRows: 3))
    #expect(lines.count == 3 + 4 + 1 + 1)  // three rules and the header, 3 rows and the dots, bottom rule, count
    #expect(lines[3].hasPrefix("│   1 "))
    #expect(lines[4].hasPrefix("│   2 "))
    #expect(lines[5].hasPrefix("│ ·"))
    #expect(lines[6].hasPrefix("│  10 "))
    #expect(lines.last == "10 rows (3 shown)")
  }

  @Test func maxRowsZeroOrEnoughShowsAll() {
    #expect(Self.lines(Self.render(Self.numbered(10), maxRows: 0)).last == "10 rows")
    #expect(Self.lines(Self.render(Self.numbered(10), maxRows: 10)).last == "10 rows")
    #expect(!Self.render(Self.numbered(10), maxRows: 10).contains("·"))
  }

  @Test func recordModeElidesToo() {
    let text = Self.render(Self.numbered(10), .line, maxRows: 2)
    #expect(
      text == """
        -[ RECORD 1 ]--
        seq  | 1
        name | 项目1
        ·
        ·
        -[ RECORD 10 ]--
        seq  | 10
        name | 项目10
        10 rows (2 shown)

        """)
  }

  @Test func filesGetEveryRow() {
    #expect(Self.lines(Self.render(Self.numbered(100), .csv, maxRows: 4)).count == 101)
    #expect(Self.lines(Self.render(Self.numbered(100), .markdown, maxRows: 4)).count == 102)
    let json = Self.render(Self.numbered(100), .json, maxRows: 4)
    let parsed = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any]
    #expect(parsed?.count == 100)
  }

  @Test(arguments: [(1, 1, "1 row"), (0, 0, "0 rows"), (19, 19, "19 rows"), (1000, 40, "1000 rows (40 shown)"), (2, 1, "2 rows (1 shown)")])
  func countLine(_ total: Int, _ shown: Int, _ text: String) {
    #expect(Renderer().countLine(total, shown: shown) == text)
  }

  // MARK: JSON

  static let mixed = ResultTable(
    columns: [
      .init("year", numeric: true), .init("name", numeric: false), .init("budget", numeric: true),
      .init("score", numeric: true), .init("avg", numeric: true), .init("rate", numeric: true),
      .init("grade", numeric: false), .init("fund", numeric: false), .init("spent", numeric: true),
    ],
    rows: [
      [
        .integer(2023), .text("村级组织运转经费-村干部基础职务补贴"), money("228.764"), .score(832_500),
        .number(Fraction(187_658, 1_900), places: 2), .percent(Fraction(1, 3)), .grade(.good), .fund(.general), .missing,
      ],
      [
        .integer(-1), .text("say \"hi\" \\ path\nnext\ttab\u{1}"), money("0.0001"), .score(0),
        .number(Fraction(-1, 8), places: 4), .percent(Fraction(3, 2)), .grade(.excellent), .fund(.socialSecurity),
        money("1000000000000"),
      ],
    ])

  static func number(_ v: Any?) -> Double? {
    if v is String { return nil }
    if let n = v as? NSNumber { return n.doubleValue }
    if let d = v as? Double { return d }
    if let i = v as? Int { return Double(i) }
    return nil
  }

  @Test func jsonIsValidWithNumbersAsNumbers() throws {
    let text = Self.render(Self.mixed, .json)
    let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
    let rows = try #require(parsed as? [[String: Any]])
    #expect(rows.count == 2)
    let first = rows[0]
    #expect(Self.number(first["year"]) == 2023)
    #expect(first["name"] as? String == "村级组织运转经费-村干部基础职务补贴")
    #expect(Self.number(first["budget"]) == 228.764)
    #expect(Self.number(first["score"]) == 83.25)
    #expect(Self.number(first["avg"]) == 98.77)
    #expect(Self.number(first["rate"]) == 33.33)
    #expect(first["grade"] as? String == "良")
    #expect(first["fund"] as? String == "一般公共预算")
    #expect(first["spent"] is NSNull)
    let second = rows[1]
    #expect(second["name"] as? String == "say \"hi\" \\ path\nnext\ttab\u{1}")
    #expect(Self.number(second["year"]) == -1)
    #expect(Self.number(second["budget"]) == 0.0001)
    #expect(Self.number(second["score"]) == 0)
    #expect(Self.number(second["avg"]) == -0.125)
    #expect(Self.number(second["rate"]) == 150)
    #expect(Self.number(second["spent"]) == 1_000_000_000_000)
  }

  /// Amounts are written digit for digit, never through a Double.
  @Test func jsonTextKeepsExactDigits() {
    let text = Self.render(Self.mixed, .json)
    #expect(
      text == """
        [
          {"year": 2023, "name": "村级组织运转经费-村干部基础职务补贴", "budget": 228.764, "score": 83.25, "avg": 98.77, "rate": 33.33, "grade": "良", "fund": "一般公共预算", "spent": null},
          {"year": -1, "name": "say \\"hi\\" \\\\ path\\nnext\\ttab\\u0001", "budget": 0.0001, "score": 0.00, "avg": -0.1250, "rate": 150.00, "grade": "优", "fund": "社保基金预算", "spent": 1000000000000}
        ]

        """)
  }

  @Test func jsonOfNoRowsIsAnEmptyArray() throws {
    let t = ResultTable(columns: [.init("seq", numeric: true)], rows: [])
    let text = Self.render(t, .json)
    #expect(text == "[]\n")
    #expect((try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any])?.isEmpty == true)
  }

  // MARK: CSV and markdown

  @Test func csvQuotesOnlyWhatNeedsIt() {
    let t = ResultTable(
      columns: [.init("name", numeric: false), .init("budget", numeric: true), .init("rate", numeric: true)],
      rows: [
        [.text("党建工作经费"), Self.money("1"), .percent(Fraction(1, 2))],
        [.text("a,b"), Self.money("228.764"), .missing],
        [.text("say \"hi\""), Self.money("0.432"), .percent(Fraction(1, 3))],
        [.text("two\nlines"), .missing, .missing],
      ])
    let expected = [
      "name,budget,rate",
      "党建工作经费,1,50.00",
      "\"a,b\",228.764,",
      "\"say \"\"hi\"\"\",0.432,33.33",
      "\"two\nlines\",,",
    ]
    #expect(Self.render(t, .csv) == expected.joined(separator: "\n") + "\n")
  }

  @Test func csvHeaderIsQuotedToo() {
    let t = ResultTable(columns: [.init("sum(budget), 万元", numeric: true)], rows: [[Self.money("553.956")]])
    #expect(Self.render(t, .csv) == "\"sum(budget), 万元\"\n553.956\n")
  }

  @Test func markdownAlignmentRowAndEscapedPipes() {
    var t = ResultTable(
      columns: [.init("seq", numeric: true), .init("name", numeric: false), .init("budget", numeric: true)],
      rows: [[.integer(3), .text("a|b"), Self.money("228.764")], [.integer(9), .text("燃煤锅炉"), Self.money("30")]])
    t.notes = ["1 note"]
    #expect(
      Self.render(t, .markdown) == """
        | seq | name | budget |
        | ---: | --- | ---: |
        | 3 | a\\|b | 228.764 |
        | 9 | 燃煤锅炉 | 30 |

        1 note

        """)
  }
}
