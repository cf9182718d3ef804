import DataStore
import Foundation
import Scoring
import Shell
import Testing

/// `export FORMAT FILE projects show *` then `load FILE` in a fresh session gives the
/// same projects, for every export format.
///
/// Exports hold every recorded decimal (tables on screen show scores with two). A
/// markdown cell cannot hold a line break, and a workbook's XML turns CR LF into LF, so
/// those two formats get single-line text.
@Suite struct ExportImportProperties {
  @Test(arguments: ["csv", "json", "md", "xlsx"])
  func exportThenLoadGivesTheSameProjects(_ format: String) throws {
    var gen = ProjectGenerator(rng: SplitMix64(seed: 17), singleLine: format == "md" || format == "xlsx", scorePlaces: 2)
    try Self.roundTrip(format, &gen, rounds: 25)
  }

  /// Scores recorded with four decimals (94.9357) come back exactly, in every format.
  @Test(arguments: ["csv", "json", "md", "xlsx"])
  func fourDecimalScoresSurviveExport(_ format: String) throws {
    var gen = ProjectGenerator(rng: SplitMix64(seed: 17), singleLine: format == "md" || format == "xlsx", scorePlaces: 4)
    try Self.roundTrip(format, &gen, rounds: 5)
  }

  static func roundTrip(_ format: String, _ gen: inout ProjectGenerator, rounds: Int) throws {
    let folder = try PropertySupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for round in 0..<rounds {
      let projects = gen.projects(count: gen.int(1...25))
      let (session, _, err) = PropertySupport.session(try PropertySupport.parse(gen.csv(projects)))
      let file = folder + "/projects-\(round).\(format)"
      #expect(session.run("export \(format) '\(file)' projects show *") == .ok, "\(err.text)")
      let (fresh, _, freshErr) = PropertySupport.session(Store())
      #expect(fresh.run("load '\(file)'") == .ok, "round \(round): \(freshErr.text)")
      let back = fresh.engine.store.projects
      let loaded = (0..<back.count).map { back[$0] }
      #expect(loaded == projects, "round \(round), \(format)")
      if loaded != projects {
        for (a, b) in zip(loaded, projects) where a != b {
          Issue.record("first difference: loaded \(a) but exported \(b)")
          break
        }
        return
      }
    }
  }
}
