import DataStore
import Foundation
import QuerySyntax
import Scoring
import Testing

@testable import QueryEngine

/// `let` edits obey the loader's rules: what an edit accepts, `save` writes and the
/// loader reads back; what the loader would refuse, the edit refuses with the loader's
/// words. Seed project #3 is 村级组织运转经费-村干部基础职务补贴, budget 228.764, score 83.25.
@Suite struct EditRulesTests {
  static let seedName = "村级组织运转经费-村干部基础职务补贴"

  /// The message `statement` fails with on a fresh seed engine, and that the data is unchanged.
  func refusal(_ statement: String) throws -> String? {
    var engine = try Seed.engine()
    let before = DatasetWriter.files(engine.store).map(\.1)
    guard let parsed = try Parser.parse(statement).first else { throw NoStatement() }
    do {
      _ = try engine.execute(parsed)
      return nil
    } catch {
      #expect(DatasetWriter.files(engine.store).map(\.1) == before, "\(statement) changed the data")
      return error.message
    }
  }

  /// Project #3 after `statement` ran on a fresh seed engine.
  func edited(_ statement: String) throws -> (Project, Engine) {
    var engine = try Seed.engine()
    _ = try run(statement, on: &engine)
    let row = try #require((0..<engine.store.projects.count).first { engine.store.projects[$0].seq == 3 })
    return (engine.store.projects[row], engine)
  }

  @Test(arguments: ["''", "'   '", "'\t'", "'\u{3000}'", "' \u{3000}\t '"])
  func anEmptyOrBlankNameIsRefused(_ value: String) throws {
    #expect(
      try refusal("let 3.name = \(value)")
        == "a project's name cannot be empty or only spaces; a dataset file with such a name does not load")
  }

  @Test func aNameIsKeptAsTheLoaderWouldReadItBack() throws {
    // Spaces, tabs and ideographic spaces around a cell are not part of it in a file.
    let (project, _) = try edited("let 3.name = ' 新名称\u{3000}'")
    #expect(project.name == "新名称")
  }

  @Test func theNameRulesThemselves() {
    #expect(NameText.parse("  a b  ") == .success("a b"))
    #expect(NameText.parse("\u{3000}名\u{3000}") == .success("名"))
    #expect(NameText.parse("") == .failure(.empty))
    #expect(NameText.parse(" \n\t\u{3000}") == .failure(.empty))
    #expect(NameText.parse("a\u{0}b") == .failure(.nul))
  }

  @Test(arguments: [
    ("1.23456", "'1.23456' has more than 4 decimals; expected an amount in 万元 with up to 4 decimals, e.g. 228.764"),
    ("'12,34'", "'12,34' is not an amount: a comma may only separate thousands, as in 1,234.5; expected 万元 with up to 4 decimals, e.g. 228.764"),
    ("'1.000,5'", "'1.000,5' is not an amount: a comma may only separate thousands, as in 1,234.5; expected 万元 with up to 4 decimals, e.g. 228.764"),
    ("'1,2345'", "'1,2345' is not an amount: a comma may only separate thousands, as in 1,234.5; expected 万元 with up to 4 decimals, e.g. 228.764"),
    ("-5", "'-5' is negative; expected an amount in 万元, e.g. 228.764"),
    ("'-0.5'", "'-0.5' is negative; expected an amount in 万元, e.g. 228.764"),
    ("10000000000000", "'10000000000000' is too large; the largest amount accepted is 1000000000000"),
    ("'1000000000000.0001'", "'1000000000000.0001' is too large; the largest amount accepted is 1000000000000"),
    ("abc", "'abc' is not an amount; expected 万元 with up to 4 decimals, e.g. 228.764"),
    ("'100元'", "'100元' is not an amount; expected 万元 with up to 4 decimals, e.g. 228.764"),
  ])
  func anAmountTheLoaderRefusesIsRefused(_ value: String, _ message: String) throws {
    for field in ["budget", "initial", "spent"] {
      #expect(try refusal("let 3.\(field) = \(value)") == "\(field): " + message)
    }
  }

  @Test(arguments: [
    ("'1,234.5'", "1234.5"), ("'12,345,678'", "12345678"), ("1.23450", "1.2345"), ("'100万元'", "100"),
    ("1000000000000", "1000000000000"), ("0", "0"),
  ])
  func anAmountTheLoaderAcceptsIsAccepted(_ value: String, _ stored: String) throws {
    let (project, _) = try edited("let 3.budget = \(value)")
    #expect(project.budget == Money(stored))
  }

  @Test(arguments: [
    ("score", "100.5", "'100.5' is above 100; expected a score from 0 to 100 with up to 4 decimals, e.g. 83.25"),
    ("score", "10000000000000000", "'10000000000000000' is above 100; expected a score from 0 to 100 with up to 4 decimals, e.g. 83.25"),
    ("score", "-1", "'-1' is negative; expected a score from 0 to 100 with up to 4 decimals, e.g. 83.25"),
    ("score", "83.123456", "'83.123456' has more than 4 decimals; expected a score from 0 to 100 with up to 4 decimals, e.g. 83.25"),
    ("score", "'８３'", "'８３' is not a number; expected a score from 0 to 100 with up to 4 decimals, e.g. 83.25"),
    ("rate_points", "101", "'101' is above 100; expected points from 0 to 100 with up to 4 decimals, e.g. 8.62"),
  ])
  func aScoreOutsideZeroToHundredIsRefused(_ field: String, _ value: String, _ message: String) throws {
    #expect(try refusal("let 3.\(field) = \(value)") == "\(field): " + message)
  }

  @Test func scoresFromZeroToHundredAreAccepted() throws {
    #expect(try edited("let 3.score = 100").0.score == 100 * DecimalText.scale)
    #expect(try edited("let 3.score = 0").0.score == 0)
    #expect(try edited("let 3.score = 83.25000").0.score == 832_500)
  }

  /// The heart of it: whatever edits are accepted, the saved files load back, with the
  /// edited values.
  @Test func acceptedEditsSaveToADatasetThatLoadsBack() throws {
    var engine = try Seed.engine()
    for statement in [
      "let 3.name = '  新名称\t'", "let 3.budget = '1,234.5'", "let 3.spent = 1000000000000", "let 3.initial = 0.0001",
      "let 3.score = 100", "let 4.name = '办公\u{1B}]0;x\u{07}经费'",
    ] {
      _ = try run(statement, on: &engine)
    }
    let projects = try #require(DatasetWriter.files(engine.store).first { $0.0 == .projects }?.1)
    let loaded = try projectStore(projects).projects
    #expect(loaded.count == engine.store.projects.count)
    let row = try #require((0..<loaded.count).first { loaded[$0].seq == 3 })
    #expect(loaded[row].name == "新名称")
    #expect(loaded[row].budget == Money("1234.5"))
    #expect(loaded[row].spent == Money("1000000000000"))
    #expect(loaded[row].initial == Money("0.0001"))
    #expect(loaded[row].score == 100 * DecimalText.scale)
    #expect((0..<loaded.count).contains { loaded[$0].name == "办公\u{1B}]0;x\u{07}经费" })
  }

  @Test func theSeedNameIsWhatTheseTestsAssume() throws {
    let (project, _) = try edited("let 3.score = 83.25")
    #expect(project.name == Self.seedName)
    #expect(project.budget == Money("228.764"))
  }
}
