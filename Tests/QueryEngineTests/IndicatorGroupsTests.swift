import DataStore
import Foundation
import Scoring
import Testing

@testable import QueryEngine

/// Indicators grouped by project in flat arrays: each project's indicators and scoring
/// figures are its own, in file order, whatever the order of the rows in the file.
@Suite struct IndicatorGroupsTests {
  @Test(arguments: [1, 2, 3] as [UInt64])
  func eachProjectHasItsOwnIndicators(_ seed: UInt64) throws {
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
    defer { try? FileManager.default.removeItem(at: folder) }
    try (projects.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("projects.csv"), atomically: true, encoding: .utf8)
    try (["year,unit,seq,level1,name,kind,target,actual,weight,points"] + rows).joined(separator: "\n").appending("\n")
      .write(to: folder.appendingPathComponent("indicators.csv"), atomically: true, encoding: .utf8)
    let store = try DatasetLoader.load(paths: [folder.path])
    let groups = IndicatorGroups(store)
    let t = store.projects
    var withIndicators = 0
    for r in 0..<t.count {
      let own = store.indicators(year: Int(t.year[r]), unit: t.units[t.unit[r]], seq: Int(t.seq[r]))
      #expect(groups[r] ?? [] == own)
      #expect(groups.figures(of: r).map(Array.init) == (own.isEmpty ? nil : own.map(\.figures)))
      #expect(groups.has(r) == !own.isEmpty)
      if groups.has(r) { withIndicators += 1 }
    }
    #expect(withIndicators == 480)
  }
}
