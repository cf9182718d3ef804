import Foundation
import Testing

@testable import DataStore

/// Reading a projects file in N pieces gives exactly what one piece gives: the same
/// columns, dictionaries (in the same order) and the same error, on random files with
/// quoted fields, line breaks inside quotes, Chinese text, blank lines, CRLF, errors at
/// random lines and keys repeated across pieces.
@Suite struct ProjectPiecesTests {
  /// SplitMix64: the same files on every run (the other suites of this target use it too).
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int {
      range.lowerBound + Int(next() % UInt64(range.count))
    }
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
  }

  static let units = ["县农业局", "市教育局", "Water Office", "卫健委", "交通局 ", "e\u{301}cole", "\u{E9}cole", "文旅局"]
  static let names = ["村级道路", "学校维修, 二期", "饮水\"安全\"工程", "多行\n名称", "Bridge", " 带空格 ", "　全角空格", "项目"]
  static let funds = ["一般公共预算", "政府性基金预算", "", "国有资本经营预算"]
  static let grades = ["优", "良", "中", "差", "", "良好"]

  static func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// A random projects file; `faults` is how likely a row carries a problem. An `ordered`
  /// file's years never go down and its row numbers rarely do, as in files ordered by
  /// year, so its keys are checked without a key table until a key comes out of order.
  static func file(_ g: inout Generator, rows: Int, faults: Int, ordered: Bool = false) -> [UInt8] {
    let end = g.chance(30) ? "\r\n" : "\n"
    var text = g.chance(20) ? "\u{FEFF}" : ""
    text += "year,unit,seq,name,fund,budget,initial,spent,score,grade,rate_points" + end
    var keys: [(Int, String, Int)] = []
    for r in 0..<rows {
      if g.chance(5) { text += end }
      var year = ordered ? 2022 + r * 3 / rows : g.int(2022...2024)
      var unit = g.pick(units)
      var seq = r + 1
      if g.chance(faults), !keys.isEmpty {
        // A key seen before, maybe in another piece.
        (year, unit, seq) = g.pick(keys)
      } else if g.chance(ordered ? 1 : 10) {
        seq = g.int(1...(rows + 1))
      }
      keys.append((year, unit, seq))
      let name = g.pick(names)
      let nameCell = name.contains(",") || name.contains("\"") || name.contains("\n") || g.chance(10) ? quoted(name) : name
      let unitCell = g.chance(10) ? quoted(unit) : unit
      var cells = [
        "\(year)", unitCell, "\(seq)", nameCell, g.pick(funds), "\(g.int(0...99999)).\(g.int(0...9999))",
        g.chance(20) ? "" : "\(g.int(0...500))", g.chance(20) ? "" : "\(g.int(0...500)).5",
        g.chance(15) ? "" : "\(g.int(0...100))", g.pick(grades), g.chance(30) ? "" : "\(g.int(0...10)).25",
      ]
      if g.chance(faults) {
        switch g.int(0...6) {
        case 0: cells[5] = "12.34567"  // too many decimals
        case 1: cells.removeLast(3)  // short row
        case 2: cells[0] = "19x"  // not a year
        case 3: cells[8] = "101"  // score above 100
        case 4: cells[3] = "\"a\"b"  // text after a quote
        case 5: cells[9] = "甲"  // not a grade
        default: cells.append("extra")  // too many fields
        }
      }
      text += cells.joined(separator: ",")
      if r < rows - 1 || g.chance(50) { text += end }
    }
    var bytes = Array(text.utf8)
    if g.chance(faults / 2 + 1) {
      // A byte problem somewhere: NUL, a quote never closed, or not UTF-8.
      let at = g.int(0...(bytes.count - 1))
      switch g.int(0...2) {
      case 0: bytes[at] = 0
      case 1: bytes.append(contentsOf: Array(",\"open".utf8))
      default: bytes[at] = 0xFF
      }
    }
    return bytes
  }

  static func read(_ bytes: [UInt8], pieces: Int) -> Result<ProjectTable, LoadError> {
    ProjectPieces.$threshold.withValue(0) {
      ProjectPieces.$pieceCount.withValue(pieces) {
        Result { () throws(LoadError) -> ProjectTable in try Support.parse(bytes: bytes).projects }
      }
    }
  }

  static func same(_ a: ProjectTable, _ b: ProjectTable) -> Bool {
    a.year == b.year && a.unit == b.unit && a.units.values == b.units.values && a.seq == b.seq && a.name == b.name
      && a.names.values == b.names.values && a.fund == b.fund && a.budget == b.budget && a.initial == b.initial
      && a.spent == b.spent && a.score == b.score && a.grade == b.grade && a.ratePoints == b.ratePoints
  }

  /// No two rows share (year, unit, seq): the duplicate check, whichever way it ran,
  /// missed none.
  static func keysAreUnique(_ t: ProjectTable) -> Bool {
    struct Key: Hashable {
      var year: Int32, unit: String, seq: Int32
    }
    return Set((0..<t.count).map { Key(year: t.year[$0], unit: t.units[t.unit[$0]], seq: t.seq[$0]) }).count == t.count
  }

  @Test(arguments: [0, 2, 8, 30], [false, true])
  func nPiecesReadAsOnePiece(faults: Int, ordered: Bool) {
    var g = Generator(state: UInt64(faults) &* 7919 &+ (ordered ? 5 : 1))
    var loaded = 0
    var refused = 0
    for _ in 0..<100 {
      let bytes = Self.file(&g, rows: g.int(1...200), faults: faults, ordered: ordered)
      let one = Self.read(bytes, pieces: 1)
      if case .success(let t) = one { #expect(Self.keysAreUnique(t)) }
      for pieces in [2, 3, 5, 16] {
        // Staged rows moved to the columns every row, every few rows, or at the end.
        let many = ColumnStaging.$rows.withValue([1, 3, 4096][pieces % 3]) { Self.read(bytes, pieces: pieces) }
        switch (one, many) {
        case (.success(let a), .success(let b)):
          #expect(Self.same(a, b), "\(pieces) pieces: tables differ")
        case (.failure(let a), .failure(let b)):
          #expect(a == b, "\(pieces) pieces")
        default:
          Issue.record("\(pieces) pieces: \(one) vs \(many)")
        }
      }
      if case .success = one { loaded += 1 } else { refused += 1 }
    }
    // Both outcomes are exercised where faults are drawn.
    if faults <= 8 { #expect(loaded > 0) }
    if faults > 2 { #expect(refused > 0) }
  }

  static func load(_ path: String, pieces: Int, streamed: Bool) -> Result<ProjectTable, LoadError> {
    let tuning = ProjectPieces.Tuning(kept: 64, head: 256, chunk: 2048, grain: 96, least: 400)
    return ProjectPieces.$threshold.withValue(0) {
      ProjectPieces.$pieceCount.withValue(pieces) {
        ProjectPieces.$tuning.withValue(tuning) {
          DatasetLoader.$streamThreshold.withValue(streamed ? 0 : Int.max) {
            Result { () throws(LoadError) -> ProjectTable in try DatasetLoader.loadFile(path, kind: .projects).projects }
          }
        }
      }
    }
  }

  /// A file read as it is parsed (each piece reading its own bytes, a chunk at a time,
  /// and checking them for UTF-8) loads as the whole file read at once, or fails the same.
  @Test(arguments: [0, 8])
  func streamedFilesReadAsWholeFiles(faults: Int) throws {
    let folder = try TemporaryFolder()
    var g = Generator(state: UInt64(faults) &* 104_729 &+ 3)
    var streamedTables = 0
    for n in 0..<40 {
      let path = try folder.write("projects\(n).csv", bytes: Self.file(&g, rows: g.int(1...300), faults: faults))
      let whole = Self.load(path, pieces: 1, streamed: false)
      for pieces in [1, 2, 5] {
        let streamed = Self.load(path, pieces: pieces, streamed: true)
        switch (whole, streamed) {
        case (.success(let a), .success(let b)):
          #expect(Self.same(a, b), "\(pieces) pieces: tables differ")
          streamedTables += 1
        case (.failure(let a), .failure(let b)):
          #expect(a == b, "\(pieces) pieces")
        default:
          Issue.record("\(pieces) pieces: \(whole) vs \(streamed)")
        }
      }
    }
    if faults == 0 { #expect(streamedTables > 0) }
  }

  /// A clean file is read streamed indeed (not handed to the whole-file reading), in pieces.
  @Test func aCleanFileIsReadStreamed() throws {
    let folder = try TemporaryFolder()
    var text = "year,unit,seq,name,budget,grade\n"
    for r in 1...500 { text += "2024,局\(r % 7),\(r),\"项目, \(r % 13)\",\(r).5,良\n" }
    let path = try folder.write("projects.csv", text)
    let whole = try Self.load(path, pieces: 1, streamed: false).get()
    for pieces in [1, 3, 8] {
      let streamed = try ProjectPieces.$threshold.withValue(0) {
        try ProjectPieces.$pieceCount.withValue(pieces) {
          try ProjectPieces.$tuning.withValue(ProjectPieces.Tuning(kept: 64, head: 256, chunk: 2048, grain: 96, least: 400)) {
            try #require(try DatasetLoader.loadStreamed(path, monitor: .silent))
          }
        }
      }
      #expect(Self.same(whole, streamed.projects))
      #expect(streamed.projects.count == 500)
    }
  }

  /// A streamed file is checked for UTF-8 cell by cell; a byte that is not UTF-8 in any
  /// cell (a column the loader reads, one it does not, text it trims) is found, and the
  /// file is then read whole and read as the whole file is.
  @Test func aCellThatIsNotUTF8IsFoundInAStreamedFile() throws {
    let folder = try TemporaryFolder()
    let header = "year,unit,seq,name,fund,budget,grade,remark"
    func row(_ r: Int) -> [String] { ["2024", "局\(r % 7)", "\(r)", "项目\(r % 13)", "一般公共预算", "\(r).5", "良", "备注\(r)"] }
    var checked = 0
    for column in 0..<8 {
      for bad: [UInt8] in [[0xFF], [0xBE, 0xD6], [0xE4, 0xBC]] {
        var bytes = Array((header + "\n").utf8)
        for r in 1...400 {
          var cells = row(r)
          if column == 1, r == 200 { cells[1] = " 局 " }  // trimmed text takes the general reader
          var line = Array(cells.joined(separator: ",").utf8)
          if r == 250 {
            // The bad bytes go at the start of the cell.
            var start = 0
            for _ in 0..<column { start = line[start...].firstIndex(of: UInt8(ascii: ","))! + 1 }
            line.insert(contentsOf: bad, at: start)
          }
          bytes += line + [0x0A]
        }
        let path = try folder.write("projects.csv", bytes: bytes)
        let whole = Self.load(path, pieces: 1, streamed: false)
        for pieces in [1, 3] {
          let streamed = Self.load(path, pieces: pieces, streamed: true)
          switch (whole, streamed) {
          case (.success(let a), .success(let b)): #expect(Self.same(a, b), "column \(column)")
          case (.failure(let a), .failure(let b)): #expect(a == b, "column \(column)")
          default: Issue.record("column \(column), \(bad): \(whole) vs \(streamed)")
          }
          checked += 1
        }
        #expect(whole.failure != nil, "column \(column), \(bad)")
      }
    }
    #expect(checked == 48)
  }

  /// A record of more than 64 fields (the unread ones beyond the 64th are told apart by a
  /// table, not the bit mask) is checked cell by cell too: a bad cell in a read column, an
  /// unread one before the 64th and one after it is found.
  @Test func aCellThatIsNotUTF8IsFoundInAWideFile() throws {
    let folder = try TemporaryFolder()
    let extras = (1...63).map { "x\($0)" }
    let header = (["year", "unit", "seq", "name", "fund", "budget", "grade"] + extras).joined(separator: ",")
    for column in [-1, 3, 10, 66] {
      var bytes = Array((header + "\n").utf8)
      for r in 1...300 {
        var cells = ["2024", "局\(r % 7)", "\(r)", "项目\(r % 13)", "一般公共预算", "\(r).5", "良"] + extras.map { "备注\($0)" }
        if r == 150, column >= 0 { cells[column] = "坏" }
        var line = Array(cells.joined(separator: ",").utf8)
        if r == 150, column >= 0 {
          // 坏 is E5 9D 8F: its last byte dropped leaves a cut character.
          let at = line.indices.first { line[$0] == 0xE5 && line[$0 + 1] == 0x9D && line[$0 + 2] == 0x8F }!
          line.remove(at: at + 2)
        }
        bytes += line + [0x0A]
      }
      let path = try folder.write("projects.csv", bytes: bytes)
      let whole = Self.load(path, pieces: 1, streamed: false)
      let streamed = Self.load(path, pieces: 3, streamed: true)
      switch (whole, streamed) {
      case (.success(let a), .success(let b)):
        #expect(column < 0 && Self.same(a, b) && a.count == 300, "column \(column)")
      case (.failure(let a), .failure(let b)):
        #expect(column >= 0 && a == b, "column \(column): \(a)")
        // On the line of the cut character (data row 150 is line 151).
        #expect(a.description.contains("projects.csv:151:"), "column \(column): \(a)")
      default: Issue.record("column \(column): \(whole) vs \(streamed)")
      }
    }
  }

  /// A key repeated in a later piece is reported on its own line, naming the first one's.
  @Test func aKeyRepeatedInALaterPieceIsTheEarliestError() throws {
    var text = "year,unit,seq,name,budget\n"
    for r in 1...100 { text += "2024,局,\(r),项目\(r),1.5\n" }
    text += "2024,局,3,again,2\n"
    let error = try #require(Self.read(Array(text.utf8), pieces: 4).failure)
    #expect(error.description == "projects.csv:102: column 'seq' (field 3): duplicate project: year 2024, unit 局, seq 3 is already on line 4; expected (year, unit, seq) to be unique")
    #expect(Self.read(Array(text.utf8), pieces: 1).failure == error)
  }

  /// A cut that falls inside a quoted field with line breaks is seen and the file read whole.
  @Test func aCutInsideAQuotedFieldIsSeen() throws {
    var text = "year,unit,seq,name,budget\n"
    text += "2024,局,1,\"" + String(repeating: "长\n", count: 400) + "\",1\n"
    for r in 2...20 { text += "2024,局,\(r),n,1\n" }
    let one = try Self.read(Array(text.utf8), pieces: 1).get()
    let many = try Self.read(Array(text.utf8), pieces: 3).get()
    #expect(Self.same(one, many))
    #expect(many.count == 20)
    #expect(many.names[many.name[0]] == String(repeating: "长\n", count: 400))
  }

  @Test func cutsFallAfterLineEnds() {
    let bytes = Array("h\naaaa\nbbbb\ncccc\ndddd\n".utf8)
    bytes.withUnsafeBufferPointer { b in
      let starts = ProjectPieces.cuts(b, body: 2, pieces: 3)
      #expect(starts == [2, 12, 17])
      #expect(ProjectPieces.lineEnds(b, from: 0, to: b.count) == (5, 5))
    }
    Array("a\r\nb\rc\n".utf8).withUnsafeBufferPointer { b in
      #expect(ProjectPieces.lineEnds(b, from: 0, to: b.count) == (2, 3))
    }
  }
}

extension Result {
  var failure: Failure? {
    if case .failure(let e) = self { return e }
    return nil
  }
}
