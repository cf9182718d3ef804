import DataStore
import Foundation
import Scoring
import Testing

@testable import DataStore
@testable import QueryEngine

/// Indicators grouped by project in flat arrays, kept in the store: each project's
/// indicators and scoring figures are its own, in file order, whatever the order of the
/// rows in the file; and an edit keeps them right.
@Suite struct IndicatorGroupsTests {
  /// A folder with 600 projects and indicators for four in five of them, rows shuffled.
  static func folder(_ seed: UInt64) throws -> URL {
    var rng = SeededGenerator(seed: seed)
    let units = ["甲单位", "乙单位", "丙单位"]
    var projects = ["year,unit,seq,name,fund,budget,spent,score,grade"]
    var keys: [(Int, String, Int)] = []
    for k in 0..<600 {
      let key = (2023 + k % 2, units[k % 3], k / 6 + 1)
      keys.append(key)
      projects.append("\(key.0),\(key.1),\(key.2),项目\(k),一般公共预算,100,90,85,良")
    }
    var rows: [String] = []
    for (n, key) in keys.enumerated() where n % 5 != 0 {
      for i in 0..<Int.random(in: 1...6, using: &rng) {
        rows.append("\(key.0),\(key.1),\(key.2),\(["产出", "效益", "满意度"][i % 3]),指标\(i),正向,≥\(10 + i),\(Int.random(in: 5...20, using: &rng)),\(10 + i),\(i)")
      }
    }
    // A unit no project has, and the rows shuffled so groups do not come together.
    rows.append("2023,丁单位,1,产出,指标,正向,≥1,1,10,10")
    rows.shuffle(using: &rng)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("groups-\(seed)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try (projects.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("projects.csv"), atomically: true, encoding: .utf8)
    try (["year,unit,seq,level1,name,kind,target,actual,weight,points"] + rows).joined(separator: "\n").appending("\n")
      .write(to: folder.appendingPathComponent("indicators.csv"), atomically: true, encoding: .utf8)
    return folder
  }

  /// How many projects have indicators; every project's groups are its own indicators.
  static func expectOwnGroups(_ store: Store) -> Int {
    let groups = store.indicatorGroups
    let t = store.projects
    var withIndicators = 0
    for r in 0..<t.count {
      let own = store.indicators(year: Int(t.year[r]), unit: t.units[t.unit[r]], seq: Int(t.seq[r]))
      #expect(groups.places(of: r).map { $0.map { store.indicators[Int($0)] } } ?? [] == own)
      #expect(groups.figures(of: r).map(Array.init) == (own.isEmpty ? nil : own.map(\.figures)))
      #expect(groups.has(r) == !own.isEmpty)
      if groups.has(r) { withIndicators += 1 }
    }
    return withIndicators
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func eachProjectHasItsOwnIndicators(_ seed: UInt64) throws {
    let folder = try Self.folder(seed)
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try DatasetLoader.load(paths: [folder.path])
    #expect(Self.expectOwnGroups(store) == 480)
  }

  /// After `let SEQ.N.FIELD = …` the store's groups hold the edited figures, and
  /// `recompute` gives what a fresh engine gives on the edited rows loaded from scratch;
  /// `undo` brings back the groups as loaded.
  @Test func anEditKeepsTheGroupsRight() throws {
    let folder = try Self.folder(4)
    defer { try? FileManager.default.removeItem(at: folder) }
    var engine = Engine(store: try DatasetLoader.load(paths: [folder.path]))
    let loaded = engine.store.indicatorGroups
    let before = try run("recompute in 2023 where unit = '甲单位' and seq = 2", on: &engine)
    _ = try run("let 2.1.actual = 1 in 2023 where unit = '甲单位'", on: &engine)
    _ = try run("let 2.2.weight = 3 in 2023 where unit = '甲单位'", on: &engine)
    #expect(Self.expectOwnGroups(engine.store) == 480)
    let row = engine.store.rows(seq: 2, year: 2023, unit: "甲单位")[0]
    let figures = try #require(engine.store.indicatorGroups.figures(of: row))
    #expect(figures[figures.startIndex].actual == 10_000)
    #expect(figures[figures.startIndex + 1].weight == 30_000)
    #expect(figures != loaded.figures(of: row))
    // The same rows through a fresh store: grouped from scratch, scored from scratch.
    var fresh = Store()
    fresh.projects = engine.store.projects
    fresh.indicators = engine.store.indicators
    var other = Engine(store: fresh)
    let statement = "recompute in 2023 where unit = '甲单位' and seq = 2"
    let edited = try run(statement, on: &engine)
    guard case .table(let a) = edited, case .table(let b) = try run(statement, on: &other), case .table(let c) = before else {
      Issue.record("recompute gave no table")
      return
    }
    #expect(a.displayed == b.displayed)
    #expect(a.displayed != c.displayed)
    _ = try run("undo", on: &engine)
    _ = try run("undo", on: &engine)
    #expect(engine.store.indicatorGroups.figures(of: row) == loaded.figures(of: row))
    guard case .table(let d) = try run(statement, on: &engine) else { return }
    #expect(d.displayed == c.displayed)
  }
}
