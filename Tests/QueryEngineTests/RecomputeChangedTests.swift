import Testing

@testable import QueryEngine

/// `recompute changed` without indicators finds its rows in one pass over the columns; its
/// rows and notes must be exactly those of `recompute` that it marks, and a listing cut
/// into one run per core must join to the listing made in one run.
@Suite struct RecomputeChangedTests {
  /// Random projects: scores on and around the band edges, grades that often disagree,
  /// some missing, in several years and units.
  static func randomProjects(_ count: Int, seed: UInt64) -> String {
    var rng = SeededGenerator(seed: seed)
    var lines = ["year,unit,seq,name,fund,budget,spent,score,grade"]
    let grades = ["优", "良", "中", "差", ""]
    let edges = [90.0, 80.0, 60.0]
    for k in 0..<count {
      let year = 2022 + Int.random(in: 0..<3, using: &rng)
      let unit = "单位\(Int.random(in: 0..<4, using: &rng))"
      let edge = edges[Int.random(in: 0..<3, using: &rng)]
      let score = Int.random(in: 0..<10, using: &rng) == 0 ? "" : String(format: "%.2f", edge + Double(Int.random(in: -300...300, using: &rng)) / 100)
      let grade = grades[Int.random(in: 0..<grades.count, using: &rng)]
      lines.append("\(year),\(unit),\(k + 1),项目\(k % 97),一般公共预算,\(100 + k % 13),\(90 + k % 7),\(score),\(grade)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test(arguments: [(1, 1), (2, 2), (3, 7)] as [(UInt64, Int)])
  func changedRowsAreTheMarkedRowsOfRecompute(_ seed: UInt64, _ pieces: Int) throws {
    var engine = Engine(store: try projectStore(Self.randomProjects(5000, seed: seed)))
    for clause in ["", " where budget > 105", " in 2023", " sort by budget desc"] {
      let (changed, full) = try Parallel.$threshold.withValue(2) {
        try Parallel.$maximumChunks.withValue(pieces) {
          (try table("recompute changed" + clause, on: &engine), try table("recompute" + clause, on: &engine))
        }
      }
      let marked = full.rows.indices.filter { full.marked.contains($0) }.map { full.rows[$0] }
      #expect(changed.rows.cells == marked, "\(clause)")
      #expect(changed.marked == Set(changed.rows.indices))
      #expect(changed.notes == full.notes)
      #expect(changed.columns == full.columns)
      #expect(!changed.rows.isEmpty)
      // The listing cut into runs, one per piece, joins to the listing made in one run.
      let whole = try Parallel.$maximumChunks.withValue(1) { try table("recompute" + clause, on: &engine) }
      #expect(full.rows == whole.rows)
      #expect(full.marked == whole.marked)
      #expect(full.notes == whole.notes)
      let limited = try table("recompute changed" + clause + " limit 5", on: &engine)
      #expect(limited.rows.cells == Array(changed.rows.prefix(5)))
      #expect(limited.notes == changed.notes)
    }
  }

  func table(_ text: String, on engine: inout Engine) throws -> ResultTable {
    let outcome = try run(text, on: &engine)
    guard case .table(let t) = outcome else { throw NotATable(outcome: outcome) }
    return t
  }
}

/// A small deterministic generator (SplitMix64), so a failing case can be run again.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
