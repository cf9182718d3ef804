import Foundation
import Testing

@testable import DataStore

/// A load that keeps only some projects columns reads and checks every cell as a whole
/// load does: the same error for a bad file, the same values in the columns it keeps, and
/// the others made by loading again, once, when first read.
@Suite struct PartialLoadTests {
  typealias Generator = ProjectPiecesTests.Generator

  static let stored: [ProjectColumnSet] = [.name, .fund, .budget, .initial, .spent, .score, .grade, .ratePoints]

  static func load(_ paths: [String], columns: ProjectColumnSet, pieces: Int, streamed: Bool) -> Result<Store, LoadError> {
    ProjectPieces.$threshold.withValue(0) {
      ProjectPieces.$pieceCount.withValue(pieces) {
        ProjectPieces.$tuning.withValue(ProjectPieces.Tuning(kept: 64, head: 256, chunk: 2048, grain: 96, least: 400)) {
          DatasetLoader.$streamThreshold.withValue(streamed ? 0 : Int.max) {
            Result { () throws(LoadError) -> Store in try DatasetLoader.load(paths: paths, columns: columns) }
          }
        }
      }
    }
  }

  /// The kept columns of `partial` equal `whole`'s (reading none of the others).
  static func keptColumnsMatch(_ partial: ProjectTable, _ whole: ProjectTable, _ kept: ProjectColumnSet) -> Bool {
    // A load without the keys keeps no unit texts either.
    var same = partial.count == whole.count
    if kept.keysWhole.keepsKeys {
      same = same && partial.units.values == whole.units.values && partial.year == whole.year && partial.unit == whole.unit && partial.seq == whole.seq
    }
    if kept.contains(.name) { same = same && partial.name == whole.name && partial.names.values == whole.names.values }
    if kept.contains(.fund) { same = same && partial.fund == whole.fund }
    if kept.contains(.budget) { same = same && partial.budget == whole.budget }
    if kept.contains(.initial) { same = same && partial.initial == whole.initial }
    if kept.contains(.spent) { same = same && partial.spent == whole.spent }
    if kept.contains(.score) { same = same && partial.score == whole.score }
    if kept.contains(.grade) { same = same && partial.grade == whole.grade }
    if kept.contains(.ratePoints) { same = same && partial.ratePoints == whole.ratePoints }
    return same
  }

  @Test(arguments: [0, 4, 30])
  func aPartialLoadReadsAndFailsAsAWholeOne(faults: Int) throws {
    let folder = try TemporaryFolder()
    var g = Generator(state: UInt64(faults) &* 6007 &+ 11)
    var loaded = 0
    var refused = 0
    for n in 0..<30 {
      let path = try folder.write("projects\(n).csv", bytes: ProjectPiecesTests.file(&g, rows: g.int(1...250), faults: faults, ordered: g.chance(50)))
      let whole = Self.load([path], columns: .all, pieces: 1, streamed: false)
      // The keys kept or not (one key column keeps all three).
      var kept: ProjectColumnSet = g.chance(40) ? .key : g.chance(20) ? .seq : []
      for c in Self.stored where g.chance(30) { kept.insert(c) }
      for (pieces, streamed) in [(1, false), (3, false), (2, true)] {
        switch (whole, Self.load([path], columns: kept, pieces: pieces, streamed: streamed)) {
        case (.success(let a), .success(let b)):
          let partial = b.projects
          #expect(Self.keptColumnsMatch(partial, a.projects, kept), "\(kept.rawValue), \(pieces) pieces")
          #expect(partial.partialReloads == (kept == .all ? nil : 0))
          // Every column now, the others from a second load.
          #expect(ProjectPiecesTests.same(partial, a.projects), "\(kept.rawValue), \(pieces) pieces")
          #expect(partial.partialReloads == (kept == .all ? nil : 1))
          #expect(partial.damage == nil)
          loaded += 1
        case (.failure(let a), .failure(let b)):
          #expect(a == b, "\(kept.rawValue), \(pieces) pieces")
          refused += 1
        case (let a, let b):
          Issue.record("\(kept.rawValue), \(pieces) pieces: \(a) vs \(b)")
        }
      }
    }
    if faults == 0 { #expect(loaded > 0) }
    if faults > 0 { #expect(refused > 0) }
  }

  /// A name that is neither UTF-8 nor GB18030, or empty, is refused though names are not kept.
  @Test func cellsOfColumnsNotKeptAreStillChecked() throws {
    let folder = try TemporaryFolder()
    var bytes = Array("year,unit,seq,name,budget,score\n2023,U,1,村级道路,5,90\n2023,U,2,".utf8)
    bytes += [0xFF, 0xFE] + Array(",6,80\n".utf8)
    let bad = try folder.write("projects-bad.csv", bytes: bytes)
    let whole = Self.load([bad], columns: .all, pieces: 1, streamed: false)
    let partial = Self.load([bad], columns: [.budget], pieces: 1, streamed: false)
    guard case .failure(let a) = whole, case .failure(let b) = partial else {
      Issue.record("loaded: \(whole), \(partial)")
      return
    }
    #expect(a == b)
    let empty = try folder.write("projects-empty.csv", "year,unit,seq,name,budget,score\n2023,U,1,,5,101\n")
    guard case .failure(let x) = Self.load([empty], columns: [.budget], pieces: 1, streamed: false),
      case .failure(let y) = Self.load([empty], columns: .all, pieces: 1, streamed: false)
    else {
      Issue.record("an empty name loaded")
      return
    }
    #expect(x == y)
  }

  /// Several files and other kinds beside them: the second load is the same load.
  @Test func aFolderOfFilesLoadsPartlyAsWhole() throws {
    let folder = try TemporaryFolder()
    var g = Generator(state: 77)
    for n in 0..<3 {
      var text = "year,unit,seq,name,fund,budget,spent,score,grade\n"
      for r in 1...40 { text += "\(2021 + n),局\(g.int(0...5)),\(r),项目\(g.int(0...9)),一般公共预算,\(g.int(1...900)).5,\(g.int(0...900)),\(g.int(60...100)),\(g.pick(["优", "良", "中"]))\n" }
      try folder.write("projects-\(n).csv", text)
    }
    try folder.write("departments.csv", "year,unit,score\n2021,局1,90\n")
    let whole = try DatasetLoader.load(paths: [folder.path])
    let partial = try DatasetLoader.load(paths: [folder.path], columns: [.budget, .grade])
    #expect(partial.departments.count == 1)
    #expect(Self.keptColumnsMatch(partial.projects, whole.projects, [.budget, .grade]))
    #expect(partial.projects.partialReloads == 0)
    #expect(ProjectPiecesTests.same(partial.projects, whole.projects))
    #expect(partial.projects.partialReloads == 1)
  }

  /// A file changed between the load and the first read of a column it did not keep:
  /// the column reads as empty cells and the table carries the damage.
  @Test func aFileChangedBeforeAColumnIsReadIsDamage() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("projects.csv", "year,unit,seq,name,budget,score\n2023,U,1,甲,5,90\n2023,U,2,乙,6,80\n")
    let store = try DatasetLoader.load(paths: [file], columns: [.budget])
    #expect(store.projects.budget == [50_000, 60_000])
    try folder.write("projects.csv", "year,unit,seq,name,budget,score\n2023,U,1,甲,5,90\n2023,U,3,乙,6,80\n")
    #expect(store.projects.score == [ProjectTable.missing, ProjectTable.missing])
    #expect(store.projects.damage?.description == "\(file): changed since it was loaded; load it again")
    // Keys not kept: two rows' keys swapped, and nothing else, is a change too.
    try folder.write("projects.csv", "year,unit,seq,name,budget,score\n2023,U,1,甲,5,90\n2023,U,2,乙,6,80\n")
    let swapped = try DatasetLoader.load(paths: [file], columns: [.budget])
    try folder.write("projects.csv", "year,unit,seq,name,budget,score\n2023,U,2,甲,5,90\n2023,U,1,乙,6,80\n")
    #expect(swapped.projects.score == [ProjectTable.missing, ProjectTable.missing])
    #expect(swapped.projects.damage?.description == "\(file): changed since it was loaded; load it again")
    // Keys not kept: a unit renamed, and nothing else, is a change too.
    try folder.write("projects.csv", "year,unit,seq,name,budget,score\n2023,U,1,甲,5,90\n2023,V,1,乙,6,80\n")
    let renamed = try DatasetLoader.load(paths: [file], columns: [.budget])
    try folder.write("projects.csv", "year,unit,seq,name,budget,score\n2023,U,1,甲,5,90\n2023,W,1,乙,6,80\n")
    #expect(renamed.projects.score == [ProjectTable.missing, ProjectTable.missing])
    #expect(renamed.projects.damage?.description == "\(file): changed since it was loaded; load it again")
    // A file removed: the reload's own error.
    let other = try folder.write("projects-b.csv", "year,unit,seq,name,budget\n2023,U,1,甲,5\n")
    let gone = try DatasetLoader.load(paths: [other], columns: [.budget])
    try FileManager.default.removeItem(atPath: other)
    #expect(gone.projects.names[gone.projects.name[0]] == "")
    #expect(gone.projects.damage?.file == other)
  }

  /// A change to a partly loaded table reads every column first.
  @Test func aChangeReadsEveryColumn() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("projects.csv", "year,unit,seq,name,budget,score\n2023,U,1,甲,5,90\n")
    var table = try DatasetLoader.load(paths: [file], columns: [.budget]).projects
    table.budget[0] = 70_000
    #expect(table.partialReloads == nil)
    #expect(table[0].name == "甲")
    #expect(table[0].score == 900_000)
    #expect(table.budget == [70_000])
  }
}
