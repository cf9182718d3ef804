import DataStore
import QuerySyntax
import Scoring
import Testing

@testable import QueryEngine

/// `undo` takes back rule changes and edits one at a time, newest first; `edits` lists
/// the edits in force; `reset rules` returns to the rules the session started with.
@Suite struct UndoTests {
  func text(_ statement: String, _ engine: inout Engine) throws -> String {
    guard case .text(let s) = try run(statement, on: &engine) else { return "" }
    return s
  }

  func newGrades(_ engine: inout Engine) throws -> [[String]] {
    guard case .table(let t) = try run("count by new_grade", on: &engine) else { return [] }
    return t.displayed
  }

  @Test func undoTakesBackEditsAndRuleChangesNewestFirst() throws {
    var engine = try Seed.engine()
    #expect(try text("undo", &engine) == "nothing to undo: no rule change or edit in this session")
    _ = try run("set band 优 95", on: &engine)
    _ = try run("let 4.score = 99", on: &engine)
    // 优 ≥ 95: #4 at 99 is 优 again, so 18 优 and #3 (83.25) 良.
    #expect(try newGrades(&engine) == [["优", "18"], ["良", "1"]])
    #expect(try text("undo", &engine) == "undone: #4 村级组织运转经费-村级组织办公经费 (2023): score 93.33 → 99; 0 edits in force")
    #expect(try newGrades(&engine) == [["优", "17"], ["良", "2"]])
    #expect(try text("undo", &engine) == "undone: band 优 now ≥ 95; rules national")
    #expect(try newGrades(&engine) == [["优", "18"], ["良", "1"]])
    #expect(engine.rules == engine.startRules)
  }

  @Test func editsListsWhatIsInForce() throws {
    var engine = try Seed.engine()
    _ = try run("let 4.score = 99", on: &engine)
    _ = try run("let 3.spent = 200", on: &engine)
    guard case .table(let t) = try run("edits", on: &engine) else { Issue.record("no table"); return }
    #expect(t.column("seq") == [.integer(3), .integer(4)])
    #expect(t.column("field") == [.text("spent"), .text("score")])
    #expect(t.column("now").map(\.display) == ["200", "99.00"])
    #expect(t.notes == ["undo takes back: #3 村级组织运转经费-村干部基础职务补贴 (2023): spent missing → 200"])
  }

  @Test func resetDataCanBeUndone() throws {
    var engine = try Seed.engine()
    _ = try run("let 4.score = 99", on: &engine)
    _ = try run("reset data", on: &engine)
    #expect(engine.edits.isEmpty)
    #expect(try text("undo", &engine) == "undone: reset data; 1 edit in force")
    guard case .table(let t) = try run("projects where seq = 4 show score", on: &engine) else { return }
    #expect(t.displayed == [["99.00"]])
  }

  @Test func resetRulesReturnsToTheRulesTheSessionStartedWith() throws {
    var twenty = RuleSet.national
    twenty.name = "twenty"
    twenty.bands[.excellent] = Fraction(95)
    var engine = Engine(store: try Seed.store(), ruleSets: ["twenty": twenty])
    _ = try run("rules twenty", on: &engine)
    #expect(engine.rules.name == "twenty")
    #expect(try text("reset rules", &engine) == "rules reset to national, the rules the session started with")
    #expect(engine.rules.name == "national")
    #expect(try text("undo", &engine) == "undone: reset rules; rules twenty")
    #expect(try text("undo", &engine) == "undone: rules twenty; rules national")
  }
}

/// `compare rules A B`: each project under two rule sets, and what differs between them.
@Suite struct CompareRulesTests {
  @Test func bandsMoveOneProjectAndTheDifferenceIsListed() throws {
    var engine = try Seed.engine()
    _ = try run("set band 优 95", on: &engine)
    guard case .table(let t) = try run("compare rules national current where score < 96", on: &engine) else {
      Issue.record("no table")
      return
    }
    // #3 83.25 is 良 under both; #4 93.33 is 优 at ≥ 90 and 良 at ≥ 95.
    #expect(t.displayed.map { [$0[0], $0[3], $0[5]] } == [["3", "良", "良"], ["4", "优", "良"]])
    #expect(t.marked == [1])
    #expect(t.notes == [
      "1 of 2 projects changes grade from national to national (changed)",
      "rules that differ: band 优 ≥ 90 · ≥ 95; band 良 ≥ 80 and < 90 · ≥ 80 and < 95",
    ])
  }

  @Test func anUnknownRuleSetIsNamed() throws {
    let error = try evaluationError("compare rules national twnety")
    #expect(error?.message == "no rule set named 'twnety'")
  }
}

/// After a `set`, `recompute` tells the change's own effect apart from the report's.
@Suite struct RuleChangeEffectTests {
  @Test func theChangeAndTheReportAreCountedApart() throws {
    var engine = try Seed.engine()
    // Edit #3's recorded grade so the report disagrees with national on its own: 83.25 is 良.
    _ = try run("let 3.grade = 优", on: &engine)
    _ = try run("set band 优 95", on: &engine)
    guard case .table(let t) = try run("recompute", on: &engine) else { return }
    #expect(t.notes.last == "the change from national moves 1 grade; under national itself 1 recorded grade differs already")
  }
}

/// What-if on indicators: `let SEQ.INDICATOR.FIELD = VALUE` moves the score, obeys the
/// file's rules, is listed by `edits` and taken back by `undo`. On the 廊坊 2019 sample,
/// #1's 工程资金金额 (正向, weight 10, target 43.2, actual 37.24) gives 10 × 37.24 ÷ 43.2 = 8.62.
@Suite struct IndicatorEditTests {
  func engine() throws -> Engine {
    Engine(store: try DatasetLoader.load(paths: [Seed.repositoryRoot.appendingPathComponent("samples/langfang-2019").path]))
  }

  func newScore(_ engine: inout Engine) throws -> String {
    guard case .table(let t) = try run("projects where seq = 1 show new_score, new_grade", on: &engine) else { return "" }
    return t.displayed[0].joined(separator: " ")
  }

  @Test func anActualOfZeroTakesTheIndicatorsPoints() throws {
    var engine = try engine()
    #expect(try newScore(&engine) == "97.24 优")
    guard case .text(let said) = try run("let 1.1.actual = 0", on: &engine) else { return }
    #expect(said.hasPrefix("#1 工程资金金额 (2019): actual 37.24 → 0"))
    // 97.24 − 8.62 = 88.62: 良.
    #expect(try newScore(&engine) == "88.62 良")
    guard case .table(let edits) = try run("edits", on: &engine) else { return }
    #expect(edits.displayed.map { [$0[4], $0[5], $0[6]] } == [["工程资金金额.actual", "37.24", "0"]])
    _ = try run("undo", on: &engine)
    #expect(try newScore(&engine) == "97.24 优")
  }

  @Test func byNameAndByWeight() throws {
    var engine = try engine()
    _ = try run("let 1.工程资金金额.actual = 43.2", on: &engine)
    // Full points: 97.24 + (10 − 8.62…) = 98.62.
    #expect(try newScore(&engine) == "98.62 优")
    _ = try run("reset data", on: &engine)
    #expect(try newScore(&engine) == "97.24 优")
  }

  @Test func editsObeyTheFilesRules() throws {
    let store = try DatasetLoader.load(paths: [Seed.repositoryRoot.appendingPathComponent("samples/langfang-2019").path])
    #expect(try evaluationError("let 1.1.actual = -3", store: store)?.message == "actual: '-3' is negative; the rules define points only for actual values of 0 or more")
    #expect(try evaluationError("let 1.1.target = '≤50'", store: store)?.message.hasPrefix("target: '≤50' says at most") == true)
    #expect(try evaluationError("let 1.99.actual = 1", store: store)?.message.hasPrefix("project #1 has ") == true)
    #expect(try evaluationError("let 1.xyz.actual = 1", store: store)?.message == "project #1 has no indicator named 'xyz'")
    #expect(try evaluationError("let 1.1.points = 1", store: store)?.message == "'points' cannot be edited on an indicator")
  }
}
