import DataStore
import Foundation
import Shell
import Testing

/// Statements given with -c load only the projects columns they read: the same answers,
/// and a bad cell in a column no statement reads still fails the load.
@Suite("one-shot statements load the columns they read", .timeLimit(.minutes(2)))
struct OneShotColumnsTests {
  @Test func theColumnsOfCommands() {
    #expect(Session.projectColumns(read: ["sum budget where grade = 良"]) == [.budget, .grade])
    #expect(Session.projectColumns(read: [".mode csv\n# totals\nsum budget", "count by 资金类型"]) == [.budget, .fund])
    #expect(Session.projectColumns(read: ["sum budget; projects limit 3"]) == .all)
    #expect(Session.projectColumns(read: [".read more.jx", "count"]) == .all)
    #expect(Session.projectColumns(read: ["sum budget where"]) == .all)
  }

  static func folder(_ rows: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-oneshot-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try ("year,unit,seq,name,fund,budget,spent,score,grade\n" + rows).write(
      to: folder.appendingPathComponent("projects.csv"), atomically: true, encoding: .utf8)
    return folder
  }

  @Test func aOneShotAnswersAsAScriptDoes() throws {
    let folder = try Self.folder(
      """
      2023,甲局,1,村级道路,一般公共预算,100.5,90,95,优
      2023,甲局,2,学校维修,政府性基金预算,20.25,20.25,85,良
      2024,乙局,1,村级道路,,7,3.5,70,中

      """)
    defer { try? FileManager.default.removeItem(at: folder) }
    let statements = ["sum budget where grade = 良", "count by fund", "avg rate by year", "years"]
    let oneShot = try CommandLineTests.jixiao(["--data", folder.path] + statements.flatMap { ["-c", $0] })
    let script = folder.appendingPathComponent("all.jx")
    try statements.joined(separator: "\n").write(to: script, atomically: true, encoding: .utf8)
    let scripted = try CommandLineTests.jixiao(["--data", folder.path, "--file", script.path])
    #expect(oneShot.status == 0)
    #expect(oneShot.err == "")
    #expect(oneShot.out == scripted.out)
    #expect(oneShot.out.contains("│       20.25 │"))
  }

  @Test func aBadCellNoStatementReadsStillFailsTheLoad() throws {
    let folder = try Self.folder("2023,甲局,1,村级道路,一般公共预算,100.5,90,101,优\n")
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try CommandLineTests.jixiao(["--data", folder.path, "-c", "sum budget"])
    #expect(run.status == 2)
    #expect(run.out == "")
    #expect(
      run.err
        == "error: \(folder.path)/projects.csv:2: column 'score' (field 8): '101' is above 100; expected a score from 0 to 100, e.g. 83.25\n")
  }
}
