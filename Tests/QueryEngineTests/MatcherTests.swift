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

  /// The kept (unit, name) order walked with its keys pairs exactly as sorting each
  /// year does, with and without a selection that leaves rows out.
  @Test(arguments: [(2019, 2020), (2023, 2024), (2020, 2023)])
  func keptOrderPairsLikeSorting(_ years: (Int, Int)) throws {
    let store = try DatasetLoader.load(paths: [Self.thousand])
    let t = store.projects
    let order = try #require(NameOrder(t))
    var random = SystemRandomNumberGenerator()
    for keep in [nil, 2, 3] as [Int?] {
      let member = keep.map { k in RowSet(count: t.count) { _ in Int.random(in: 0..<k, using: &random) != 0 } }
      func kept(_ r: Int) -> Bool {
        guard let member else { return true }
        return member.words[r >> 6] & (1 << UInt64(r & 63)) != 0
      }
      let first = (0..<t.count).filter { Int(t.year[$0]) == years.0 && kept($0) }
      let second = (0..<t.count).filter { Int(t.year[$0]) == years.1 && kept($0) }
      let sorted = ProjectMatcher.matchAll(first, second, table: t).map { "\($0.0.map(String.init) ?? "-")>\($0.1.map(String.init) ?? "-")" }
      var walked: [String] = []
      ProjectMatcher.walk(order.year(years.0, among: member), order.year(years.1, among: member), table: t) {
        walked.append("\($0.map(String.init) ?? "-")>\($1.map(String.init) ?? "-")")
      }
      #expect(walked.sorted() == sorted.sorted())
      #expect(!walked.isEmpty)
    }
  }

  /// Transitions counted in the walk, cut into key ranges for several cores, equal the
  /// counts of the listed pairs, for random grades (missing ones among them).
  @Test(arguments: [1, 2, 3, 7])
  func countedTransitionsEqualCountedPairs(_ pieces: Int) throws {
    let store = try DatasetLoader.load(paths: [Self.thousand])
    let t = store.projects
    let order = try #require(NameOrder(t))
    var random = SystemRandomNumberGenerator()
    let grades = (0..<t.count).map { _ in [0, 1, 2, 3, ProjectTable.missingCode][Int.random(in: 0..<5, using: &random)] as UInt8 }
    for (y1, y2) in [(2019, 2020), (2023, 2024), (2020, 2023), (2024, 2023)] {
      let first = (0..<t.count).filter { Int(t.year[$0]) == y1 }
      let second = (0..<t.count).filter { Int(t.year[$0]) == y2 }
      var expected = [Int](repeating: 0, count: 36)
      func code(_ r: Int?) -> Int { r.map { grades[$0] == ProjectTable.missingCode ? 4 : Int(grades[$0]) } ?? 5 }
      for (r1, r2) in ProjectMatcher.matchAll(first, second, table: t) { expected[code(r1) * 6 + code(r2)] += 1 }
      let counted = Parallel.$threshold.withValue(2) {
        Parallel.$maximumChunks.withValue(pieces) {
          ProjectMatcher.transitions(order.year(y1, among: nil), order.year(y2, among: nil), table: t, grades: grades)
        }
      }
      #expect(counted == expected)
      #expect(expected.reduce(0, +) > 0)
    }
  }

  /// The radix sort orders words by their key bits exactly as comparing (key, then the
  /// bits below) does, for random keys of every width, odd and even numbers of passes,
  /// and lengths on both sides of the compared small case.
  @Test func radixSortOrdersLikeComparing() {
    var random = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      let low = Int.random(in: 0...20, using: &random)
      let width = Int.random(in: 1...(64 - low), using: &random)
      let count = [0, 1, 63, 64, 65, 500, 3000].randomElement(using: &random)!
      // Keys over their whole width or only a few values (many ties), a row below.
      let values = Bool.random(using: &random) ? UInt64.max : 7
      let words = (0..<count).map { row -> UInt64 in
        let key = UInt64.random(in: 0...values, using: &random) & (width == 64 ? .max : (1 << UInt64(width)) - 1)
        return low == 0 ? key : key << UInt64(low) | UInt64(row) & ((1 << UInt64(low)) - 1)
      }
      var sorted = words
      ProjectMatcher.radixSort(&sorted, above: low, bits: width)
      // Stable: equal keys in their first order.
      let expected = words.enumerated().sorted { ($0.element >> UInt64(low), $0.offset) < ($1.element >> UInt64(low), $1.offset) }.map(\.element)
      #expect(sorted == expected, "low \(low) width \(width) count \(count)")
    }
  }

  /// The kept order is (year, unit, name, row), built on one core or both.
  @Test func keptOrderIsByYearUnitNameAndRow() throws {
    let store = try DatasetLoader.load(paths: [Self.thousand])
    let t = store.projects
    let one = try #require(NameOrder(t))
    let both = try #require(Parallel.$threshold.withValue(2) { NameOrder(t) })
    let expected = (0..<t.count).sorted { (t.year[$0], t.unit[$0], t.name[$0], $0) < (t.year[$1], t.unit[$1], t.name[$1], $1) }
    #expect(one.rows.map(Int.init) == expected)
    #expect(both.rows == one.rows && both.keys == one.keys && both.years == one.years)
    let nameBits = ProjectMatcher.bits(t.names.count)
    #expect(one.keys == expected.map { UInt64(t.unit[$0]) << UInt64(nameBits) | UInt64(t.name[$0]) })
    #expect(one.years.keys.sorted() == [2019, 2020, 2021, 2022, 2023, 2024])
  }
}
