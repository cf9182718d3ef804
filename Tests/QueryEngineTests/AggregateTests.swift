import DataStore
import QuerySyntax
import Scoring
import Testing

@testable import QueryEngine

/// sum / avg / min / max / count over the seed, to the figures of DOMAIN.md.
@Suite struct AggregateTests {
  @Test func sumOfBudgets() throws {
    let t = try table("sum budget")
    #expect(t.columnNames == ["sum(budget)"])
    #expect(t.single == .money(Money(tenThousandths: 5_539_560)))
    #expect(t.single?.display == "553.956")
    #expect(!t.showsRowCount)
  }

  @Test func sumOfBudgetsByGrade() throws {
    let t = try table("sum budget by grade")
    #expect(t.columnNames == ["grade", "sum(budget)"])
    #expect(t.rows == [
      [.grade(.excellent), .money(Money(tenThousandths: 3_251_920))],
      [.grade(.good), .money(Money(tenThousandths: 2_287_640))],
    ])
    #expect(t.showsRowCount)
  }

  @Test func sumAndCountByGrade() throws {
    let t = try table("sum budget, count by grade")
    #expect(t.columnNames == ["grade", "sum(budget)", "count"])
    #expect(t.displayed == [["优", "325.192", "18"], ["良", "228.764", "1"]])
    #expect(t.columns.map(\.numeric) == [false, true, true])
  }

  @Test func meanScore() throws {
    let v = try #require(try table("avg score").single)
    #expect(v.display == "98.77")
    // 1876.58 ÷ 19, exactly
    #expect(v == .number(Fraction(187_658, 1_900), places: 2))
  }

  @Test func sumOfScores() throws {
    #expect(try table("sum score").single?.display == "1876.58")
  }

  @Test func villageProjects() throws {
    #expect(try table("sum budget where name contains 村级").single?.display == "483.344")
    #expect(try table("sum budget where name contains 村级 and grade = 优").single?.display == "254.58")
  }

  @Test func minMaxAvgBudget() throws {
    let t = try table("min budget, max budget, avg budget")
    #expect(t.columnNames == ["min(budget)", "max(budget)", "avg(budget)"])
    #expect(t.displayed == [["0.432", "228.764", "29.1556"]])
    #expect(t.rows[0][2] == .number(Fraction(5_539_560, 190_000), places: 4))
  }

  @Test func minMaxScore() throws {
    let t = try table("min score, max score")
    #expect(t.rows == [[.score(832_500), .score(1_000_000)]])
    #expect(t.displayed == [["83.25", "100.00"]])
  }

  @Test func countByGradeAndSortedGroups() throws {
    #expect(try table("count by grade").displayed == [["优", "18"], ["良", "1"]])
    #expect(try table("count by seq sort by seq desc limit 3").displayed == [["19", "1"], ["18", "1"], ["17", "1"]])
    #expect(try table("count by name limit 2").rows.count == 2)
  }

  @Test func groupsByTwoFields() throws {
    let t = try table("count, sum budget by fund, grade")
    #expect(t.columnNames == ["fund", "grade", "count", "sum(budget)"])
    #expect(t.displayed == [["一般公共预算", "优", "18", "325.192"], ["一般公共预算", "良", "1", "228.764"]])
  }

  @Test func aggregatesOverNoRows() throws {
    let t = try table("count, avg score, min budget, max grade where seq > 100")
    #expect(t.rows == [[.integer(0), .missing, .missing, .missing]])
    #expect(try table("count by grade where seq > 100").rows.isEmpty)
  }

  /// DOMAIN.md: "a missing value stays missing and anything computed from it is
  /// unknown, never 0". No seed project states what it spent, so the total of spent
  /// is unknown: the report's 决算 is 382.18, a 0 would be a wrong figure.
  @Test func sumOfOnlyMissingValuesIsMissing() throws {
    let sum = try table("sum spent").single
    #expect(sum == .missing)
    #expect(try table("avg spent").single == .missing)
    #expect(try table("min spent, max spent").rows == [[.missing, .missing]])
  }

  /// A file may hold amounts up to 10^12 万元; 1,000 of them sum to 10^15 万元, more
  /// than Int64 ten-thousandths hold. Today the sum is clamped and printed as
  /// 922337203685477.5807 without a word; it must be exact or refused.
  @Test func sumBeyondInt64IsExactOrRefused() throws {
    let rows = (1...1_000).map { "2023,U,\($0),N\($0),1000000000000" }
    let store = try projectStore((["year,unit,seq,name,budget"] + rows).joined(separator: "\n") + "\n")
    #expect(try table("avg budget", store: store).single?.display == "1000000000000.0000")
    if let error = try evaluationError("sum budget", store: store) {
      #expect(error.message.contains("too large"))
    } else {
      let sum = try table("sum budget", store: store).single?.display
      #expect(sum == "1000000000000000")
    }
  }

  /// Conditions rank 优 above 良 (`grade > 良` finds the 18 优 projects), so max, min
  /// and sort by grade must rank them the same way.
  @Test func maxGradeAgreesWithComparisons() throws {
    #expect(try table("count where grade > 良").single == .integer(18))
    let max = try table("max grade").single
    let min = try table("min grade").single
    #expect(max == .grade(.excellent))
    #expect(min == .grade(.good))
    let descending = try table("projects sort by grade desc limit 1 show seq, grade").displayed
    let ascending = try table("projects sort by grade limit 1 show seq, grade").displayed
    #expect(descending == [["1", "优"]])
    #expect(ascending == [["3", "良"]])
  }

}

/// Statements that parse but cannot be answered: where, what and the fix.
@Suite struct EvaluationErrorTests {
  static let grades = "优 良 中 差 (also A B C D, excellent good fair poor, you liang zhong cha)"

  struct Case: Sendable, CustomTestStringConvertible {
    var source: String
    /// The text the error points at; nil when the error has no range.
    var at: String?
    var message: String
    var suggestion: String?
    var testDescription: String { source }
  }

  static let cases: [Case] = [
    Case(source: "projects where grde = 良", at: "grde", message: "unknown field 'grde'", suggestion: "did you mean 'grade'?"),
    Case(source: "projects where grde is missing", at: "grde", message: "unknown field 'grde'", suggestion: "did you mean 'grade'?"),
    Case(source: "projects sort by bugdet", at: "bugdet", message: "unknown field 'bugdet'", suggestion: "did you mean 'budget'?"),
    Case(source: "projects show seq, nmae", at: "nmae", message: "unknown field 'nmae'", suggestion: "did you mean 'name'?"),
    Case(source: "sum budget by grde", at: "grde", message: "unknown field 'grde'", suggestion: "did you mean 'grade'?"),
    Case(
      source: "projects where foo = 1", at: "foo", message: "unknown field 'foo'", suggestion: "type help fields to list them"),
    Case(
      source: "projects where grade = 好", at: "好", message: "'好' is not a grade", suggestion: "valid grades: \(grades)"),
    Case(source: "projects in 2031", at: "2031", message: "no data for 2031", suggestion: "loaded years: 2023"),
    Case(source: "sum budget in 2030..2031", at: "2030..2031", message: "no data for 2030..2031", suggestion: "loaded years: 2023"),
    Case(source: "departments in 2022", at: "2022", message: "no data for 2022", suggestion: "loaded years: 2023"),
    Case(
      source: "sum grade", at: "sum grade", message: "cannot sum grade: it is not an amount",
      suggestion: "sum and avg take budget, initial, spent or score; count projects by grade counts them"),
    Case(
      source: "avg name", at: "avg name", message: "cannot avg name: it is not an amount",
      suggestion: "sum and avg take budget, initial, spent or score; count projects by name counts them"),
    Case(
      source: "sum rate", at: "sum rate", message: "cannot sum rate: percentages do not add up",
      suggestion: "avg rate averages them; sum spent / sum budget is the overall rate"),
    Case(
      source: "projects where budget > abc", at: "abc", message: "budget is a number; 'abc' is not",
      suggestion: "for example: budget > 50"),
    Case(
      source: "projects where seq = abc", at: "abc", message: "seq is a whole number; 'abc' is not",
      suggestion: "for example: seq = 3"),
    Case(
      source: "projects where year = 二〇二三", at: "二〇二三", message: "year is a whole number; '二〇二三' is not",
      suggestion: "for example: year = 2023"),
    Case(
      source: "projects where rate < abc", at: "abc", message: "rate is a percentage; 'abc' is not a number",
      suggestion: "for example: rate < 90 (percent)"),
    Case(source: "count where fund > general", at: "fund", message: "fund can only be compared with = or !="),
    Case(
      source: "count where fund = 专项", at: "专项", message: "'专项' is not a budget book",
      suggestion: "valid: 一般公共预算, 政府性基金预算, 社保基金预算, 国有资本经营预算"),
    Case(
      source: "count where score = budget", at: "score = budget",
      message: "cannot compare score with budget: they hold different kinds of values",
      suggestion: "quote 'budget' if you mean the text"),
    Case(
      source: "count where budget contains 5", at: "budget",
      message: "contains works on text fields (name, unit, fund); budget is not text",
      suggestion: "compare numbers with = < > instead"),
    Case(
      source: "count where name contains budget", at: "budget", message: "contains takes text, not a field",
      suggestion: "quote it: 'budget'"),
    Case(
      source: "count where 5 = 5", at: "5", message: "'5' is a value; a condition starts with a field",
      suggestion: "for example: grade = 良"),
    Case(
      source: "count by grade sort by budget", at: "budget",
      message: "budget is not a by key here; a group has many values of it",
      suggestion: "use an aggregate such as sum(budget), or group by budget"),
    Case(
      source: "count by grade having budget > 5", at: "budget",
      message: "budget is not a by key here; a group has many values of it",
      suggestion: "use an aggregate such as sum(budget), or group by budget"),
    Case(
      source: "projects show budget-spent", at: "budget-spent",
      message: "'budget-spent' is one word: an operator needs spaces around it", suggestion: "write budget - spent"),
    Case(
      source: "sum budget * spent", at: "budget * spent",
      message: "cannot multiply an amount (万元) and an amount (万元) ('budget' * 'spent')",
      suggestion: "amounts add to amounts; an amount divided by an amount is a percentage"),
    Case(
      source: "projects where budget - score > 1", at: "budget - score",
      message: "cannot subtract an amount (万元) and a score ('budget' - 'score')",
      suggestion: "amounts add to amounts; an amount divided by an amount is a percentage"),
    Case(
      source: "count by budget bands 50, 20", at: "20", message: "band limits must rise: 20 does not follow 50",
      suggestion: "for example: bands 5, 50, 100"),
    Case(
      source: "count by name bands 5", at: "name", message: "bands cut numbers; 'name' is text",
      suggestion: "for example: by budget bands 5, 50, 100"),
  ]

  @Test(arguments: cases)
  func error(_ c: Case) throws {
    let expected = EvaluationError(range: c.at.map { range(of: $0, in: c.source) }, message: c.message, suggestion: c.suggestion)
    #expect(try evaluationError(c.source) == expected)
  }

  /// With no data loaded, a year scope says so.
  @Test func yearScopeWithNothingLoaded() throws {
    #expect(
      try evaluationError("projects in 2023", store: Store())
        == EvaluationError(range: SourceRange(12, 16), message: "no data for 2023", suggestion: "no data is loaded"))
    #expect(try table("count", store: Store()).single == .integer(0))
  }

  @Test func engineOutcomesOtherThanTables() throws {
    #expect(try run("help fields") == .help("fields"))
    #expect(try run("quit") == .quit)
  }
}
