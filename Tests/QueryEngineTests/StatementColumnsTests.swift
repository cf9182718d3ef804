import Foundation
import QuerySyntax
import Testing

@testable import DataStore
@testable import QueryEngine

/// The columns a statement reads, known from its text, and the same answers from a load
/// that kept only those columns, without loading again.
@Suite struct StatementColumnsTests {
  static func columns(_ text: String) throws -> ProjectColumnSet {
    StatementColumns.projectColumns(try Parser.parse(text))
  }

  @Test func aggregatesReadTheFieldsTheyName() throws {
    #expect(try Self.columns("sum budget where grade = 良") == [.budget, .grade])
    #expect(try Self.columns("count") == [])
    #expect(try Self.columns("count where 自评级 = 优 by 资金类型") == [.grade, .fund])
    #expect(try Self.columns("avg score weighted by budget by year") == [.year, .score, .budget])
    #expect(try Self.columns("sum budget - spent by grade having count > 1 sort by count desc") == [.budget, .spent, .grade])
    #expect(try Self.columns("count where name contains 村级 and not (initial is missing)") == [.name, .initial])
    #expect(try Self.columns("count by budget bands 5, 50") == [.budget])
    // rate divides by the budget the rules name.
    #expect(try Self.columns("avg rate by unit") == [.unit, .budget, .initial, .spent])
    #expect(try Self.columns("max rate_points in 2023") == [.year, .ratePoints])
    // Several statements: what any of them reads.
    #expect(try Self.columns("sum budget; count by fund") == [.budget, .fund])
    #expect(try Self.columns("years") == [.key, .budget])
    #expect(try Self.columns("help") == [])
  }

  @Test func otherStatementsReadEveryColumn() throws {
    for text in [
      "projects where grade = 良", "count by new_grade", "recompute", "compare 2022 2023 grades", "check 2023",
      "explain 3", "sum budget; projects limit 1", "load other", "trend count", "chart count by grade",
    ] {
      #expect(try Self.columns(text) == .all, "\(text)")
    }
  }

  static let statements = [
    "sum budget where grade = 良", "count by fund", "avg score by year", "sum budget - spent by grade having count > 2",
    "count where name contains 道路", "pct budget by unit", "avg rate by grade", "min score in 2024 by fund", "years",
  ]

  /// Each statement on a load that kept only the columns it reads answers as on a whole
  /// load, and never loads the file again: keys in order (left out of the load) or not
  /// (kept, for the duplicate check).
  @Test(arguments: [false, true]) func aPartialLoadAnswersAsAWholeOne(ordered: Bool) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-columns-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var g = SeededGenerator(seed: 5)
    var text = "year,unit,seq,name,fund,budget,initial,spent,score,grade,rate_points\n"
    let names = ["村级道路", "学校维修", "道路养护", "饮水工程"]
    let funds = ["一般公共预算", "政府性基金预算", ""]
    for r in 1...600 {
      text += "\(ordered ? 2022 + r * 3 / 601 : 2022 + r % 3),局\(r % 7),\(r),\(names[Int.random(in: 0..<4, using: &g)]),\(funds[Int.random(in: 0..<3, using: &g)]),\(Int.random(in: 0..<900, using: &g)).5,\(Int.random(in: 0..<900, using: &g)),"
      text += "\(Int.random(in: 0..<900, using: &g)).25,\(60 + Int.random(in: 0..<40, using: &g)),\(["优", "良", "中", "差", ""][Int.random(in: 0..<5, using: &g)]),\(Int.random(in: 0..<10, using: &g))\n"
    }
    let file = folder.appendingPathComponent("projects.csv").path
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    var whole = Engine(store: try DatasetLoader.load(paths: [file]))
    for statement in Self.statements {
      let kept = try Self.columns(statement)
      #expect(kept != .all, "\(statement)")
      let store = try DatasetLoader.load(paths: [file], columns: kept)
      var partial = Engine(store: store)
      #expect(try run(statement, on: &partial) == run(statement, on: &whole), "\(statement)")
      #expect(store.projects.partialReloads == 0, "\(statement)")
    }
  }
}
