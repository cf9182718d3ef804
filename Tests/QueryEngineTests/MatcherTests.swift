import DataStore
import Foundation
import Testing

@testable import QueryEngine

/// Matching projects across years: the all-units merge walk pairs exactly as the
/// per-unit matcher does.
@Suite struct MatcherTests {
  static let thousand = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("ShellTests/Fixtures/thousand").path

  @Test(arguments: [(2019, 2020), (2023, 2024), (2020, 2023)])
  func mergeWalkPairsLikeThePerUnitMatcher(_ years: (Int, Int)) throws {
    let store = try DatasetLoader.load(paths: [Self.thousand])
    let t = store.projects
    let first = (0..<t.count).filter { Int(t.year[$0]) == years.0 }
    let second = (0..<t.count).filter { Int(t.year[$0]) == years.1 }
    var perUnit: [String] = []
    for unit in Set(first.map { t.unit[$0] }).union(second.map { t.unit[$0] }) {
      let pairs = ProjectMatcher.match(first.filter { t.unit[$0] == unit }, second.filter { t.unit[$0] == unit }, table: t)
      perUnit += pairs.map { "\($0.0.map(String.init) ?? "-")>\($0.1.map(String.init) ?? "-")" }
    }
    let merged = ProjectMatcher.matchAll(first, second, table: t).map { "\($0.0.map(String.init) ?? "-")>\($0.1.map(String.init) ?? "-")" }
    #expect(!first.isEmpty && !second.isEmpty)
    #expect(merged.sorted() == perUnit.sorted())
    #expect(merged.count == Set(merged).count)
  }
}
