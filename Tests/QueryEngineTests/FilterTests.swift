import DataStore
import QuerySyntax
import Scoring
import Testing

@testable import QueryEngine

/// `where` conditions over the seed, counted: every figure can be checked against
/// datasets/projects-2023-shuangshanzi.csv by hand.
@Suite struct FilterTests {
  @Test(arguments: [
    ("count", 19),
    // grade, by every spelling
    ("count where grade = 良", 1), ("count where grade = B", 1), ("count where grade = good", 1),
    ("count where grade = liang", 1), ("count where grade = 良好", 1), ("count where grade = 优", 18),
    ("count where grade = A", 18), ("count where grade = Excellent", 18), ("count where grade = you", 18),
    ("count where grade = 优秀", 18), ("count where grade = 差", 0), ("count where 自评级 = 良", 1),
    // grades compare by merit: 优 > 良 > 中 > 差
    ("count where grade >= 良", 19), ("count where grade > 良", 18), ("count where grade < 优", 1),
    ("count where grade <= 中", 0), ("count where grade != 优", 1), ("count where grade ≥ 优", 18),
    // scores and money
    ("count where score < 100", 2), ("count where score = 100", 17), ("count where score >= 93.33", 18),
    ("count where score > 93.33", 17), ("count where score ≠ 100", 2),
    ("count where budget > 5", 9), ("count where 5 < budget", 9), ("count where budget > 50万元", 4),
    ("count where budget = 1", 4), ("count where budget <= 1", 5), ("count where budget = 228.764", 1),
    ("count where budget = 228.7640", 1), ("count where budget > 228.764", 0),
    // integers
    ("count where seq <= 5", 5), ("count where year = 2023", 19), ("count where seq = 3 or seq = 8", 2),
    ("count where seq < year", 19), ("count where seq = seq", 19),
    // text
    ("count where name contains 村级", 5), ("count where name contains 经费", 15),
    ("count where name contains '村级组织运转经费-服务群众'", 2), ("count where unit contains 双山子", 19),
    ("count where unit = 双山子镇人民政府", 19), ("count where name = 村级组织运转经费-村干部基础职务补贴", 2),
    ("count where name = '党建工作经费'", 1), ("count where name != 党建工作经费", 18),
    // budget books
    ("count where fund = 一般公共预算", 19), ("count where fund = general", 19), ("count where fund != 一般公共预算", 0),
    ("count where fund = 政府性基金预算", 0), ("count where fund contains 公共", 19),
    // a missing value matches no comparison, not even != …
    ("count where spent > 0", 0), ("count where spent <= 0", 0), ("count where spent != 5", 0),
    ("count where spent = 0", 0), ("count where initial >= 0", 0), ("count where rate < 100", 0),
    ("count where rate >= 0", 0), ("count where spent = budget", 0), ("count where spent < budget", 0),
    ("count where rate_points >= 0", 0),
    // … and is found with is missing
    ("count where spent is missing", 19), ("count where spent is not missing", 0), ("count where budget is missing", 0),
    ("count where rate is missing", 19), ("count where grade is missing", 0), ("count where initial is null", 19),
    ("count where name is missing", 0),
    // combinations
    ("count where not (score = 100)", 2), ("count where budget >= 30 and not (name contains 村级)", 1),
    ("count where grade = 良 and seq = 3", 1), ("count where grade = 良 and seq = 4", 0),
    ("count where (seq = 1 or seq = 2) and (seq = 2 or seq = 3)", 1), ("count where not not seq = 1", 1),
    // years
    ("count in 2023", 19), ("count in 2020..2025", 19),
  ])
  func count(_ statement: String, _ expected: Int) throws {
    let t = try table(statement)
    #expect(t.columnNames == ["count"])
    #expect(t.single == .integer(expected))
  }

  @Test func containsIgnoresCase() throws {
    let store = try projectStore("year,unit,seq,name,budget\n2023,U,1,LED Lights,1\n2023,U,2,led strip,2\n2023,U,3,Other,3\n")
    #expect(try table("count where name contains led", store: store).single == .integer(2))
    #expect(try table("count where name contains LED", store: store).single == .integer(2))
    // = is exact, case included.
    #expect(try table("count where name = 'led strip'", store: store).single == .integer(1))
    #expect(try table("count where name = 'LED STRIP'", store: store).single == .integer(0))
  }

  @Test func scopeAndFilterTogether() throws {
    let store = try projectStore(
      """
      year,unit,seq,name,budget,grade
      2021,U,1,A,10,优
      2022,U,1,A,20,良
      2023,U,1,A,30,良
      2023,U,2,B,40,优

      """)
    #expect(try table("sum budget where grade = 良 in 2022..2023", store: store).single?.display == "50")
    #expect(try table("sum budget in 2021", store: store).single?.display == "10")
    #expect(
      try evaluationError("count in 2024..2030", store: store)
        == EvaluationError(range: SourceRange(9, 19), message: "no data for 2024..2030", suggestion: "loaded years: 2021, 2022, 2023"))
  }
}
