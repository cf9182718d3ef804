import DataStore
import Foundation
import QueryEngine
import QuerySyntax
import Scoring
import Shell

/// Helpers shared by the property, limit and regression tests.
enum PropertySupport {
  /// Repository root: this file is `<root>/Tests/PropertyTests/Support.swift`.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  static var datasets: String { root + "/datasets" }

  /// Parses CSV bytes as a dataset file of `kind`.
  static func parse(_ bytes: [UInt8], kind: DatasetKind = .projects) throws(LoadError) -> Store {
    let result = bytes.withUnsafeBufferPointer { buffer -> Result<Store, LoadError> in
      Result { () throws(LoadError) -> Store in try DatasetLoader.parse(buffer, file: "projects.csv", kind: kind) }
    }
    return try result.get()
  }

  static func parse(_ text: String, kind: DatasetKind = .projects) throws(LoadError) -> Store {
    try parse(Array(text.utf8), kind: kind)
  }

  /// A session over `store` whose output and errors are captured.
  static func session(_ store: Store) -> (Session, StringSink, StringSink) {
    let out = StringSink()
    let err = StringSink()
    return (Session(store: store, out: out, err: err), out, err)
  }

  /// The seed dataset (19 projects).
  static func seedStore() throws -> Store { try DatasetLoader.load(paths: [datasets]) }

  /// A fresh temporary folder, removed by the caller.
  static func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "jixiao-props-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// Runs one statement on an engine and returns its table.
  static func table(_ engine: inout Engine, _ text: String) throws -> ResultTable {
    let parsed = try Parser.parse(text)
    guard parsed.count == 1, case .table(let t) = try engine.execute(parsed[0]) else {
      throw Failure("\(text) gave no table")
    }
    return t
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
  }
}

/// Random projects for the data properties.
struct ProjectGenerator {
  var rng: SplitMix64
  /// Text without line breaks (for formats that cannot hold them in a cell).
  var singleLine = false
  /// Decimals of scores and 执行率 points (4 as recorded; 2 as tables show them).
  var scorePlaces = 4

  init(rng: SplitMix64, singleLine: Bool = false, scorePlaces: Int = 4) {
    self.rng = rng
    self.singleLine = singleLine
    self.scorePlaces = scorePlaces
  }

  mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
  mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
  mutating func pick<T>(_ list: [T]) -> T { list[int(0...(list.count - 1))] }

  static let pieces = ["村级", "组织", "运转", "经费", "a", "B", "1", ",", "\"", " ", "-", "（", "）", "\n", "，", "'", "x\r\ny", "优", "#"]

  /// Text that survives a CSV cell: never blank, no leading or trailing spaces.
  mutating func text() -> String {
    var s = pick(["村", "项目", "Unit", "镇"])
    for _ in 0..<int(0...5) {
      let piece = pick(ProjectGenerator.pieces)
      if singleLine && piece.contains(where: \.isNewline) { continue }
      s += piece
    }
    s += pick(["站", "费", "Z", "9"])
    return s
  }

  mutating func amount(_ max: Int64 = 50_000_000) -> Int64 { Int64(int(0...Int(max))) }

  /// A score or points, in ten-thousandths, with `scorePlaces` decimals.
  mutating func points(_ max: Int64) -> Int64 {
    let step: Int64 = scorePlaces >= 4 ? 1 : 100
    return amount(max) / step * step
  }

  mutating func projects(count: Int) -> [Project] {
    let units = (0..<int(1...3)).map { _ in text() }
    var seqs: [String: Int] = [:]
    return (0..<count).map { _ in
      let year = pick([2021, 2022, 2023])
      let unit = pick(units)
      let key = "\(year)|\(unit)"
      let seq = (seqs[key] ?? 0) + int(1...3)
      seqs[key] = seq
      return Project(
        year: year, unit: unit, seq: seq, name: text(),
        fund: chance(80) ? pick(Fund.allCases) : nil,
        budget: Money(tenThousandths: amount()),
        initial: chance(70) ? Money(tenThousandths: amount()) : nil,
        spent: chance(70) ? Money(tenThousandths: amount()) : nil,
        score: chance(80) ? points(1_000_000) : nil,
        grade: chance(80) ? pick(Grade.allCases) : nil,
        ratePoints: chance(30) ? points(100_000) : nil)
    }
  }

  /// The projects as a CSV file, with random quoting, line ends, BOM, column order and spellings.
  mutating func csv(_ projects: [Project]) -> [UInt8] {
    let crlf = chance(50)
    let eol = crlf ? "\r\n" : "\n"
    var columns = ["year", "unit", "seq", "name", "fund", "budget", "initial", "spent", "score", "grade", "rate_points"]
    columns.shuffle(using: &rng)
    let chinese: [String: String] = [
      "year": "年度", "unit": "主管部门（单位）", "seq": "序号", "name": "项目名称", "fund": "资金类型",
      "budget": "预算金额（调整后）", "initial": "年初预算", "spent": "决算数", "score": "自评分", "grade": "自评级",
      "rate_points": "执行率得分",
    ]
    var out = chance(50) ? "\u{FEFF}" : ""
    out += columns.map { chance(50) ? chinese[$0]! : $0 }.map { cell($0) }.joined(separator: ",") + eol
    for p in projects {
      let values: [String: String] = [
        "year": String(p.year), "unit": p.unit, "seq": String(p.seq), "name": p.name,
        "fund": p.fund?.description ?? "", "budget": money(p.budget), "initial": money(p.initial),
        "spent": money(p.spent), "score": p.score.map { DecimalText.format($0) } ?? "",
        "grade": p.grade.map { g in [g.description, g.englishName, ["A", "B", "C", "D"][Int(g.rawValue)]][int(0...2)] } ?? "",
        "rate_points": p.ratePoints.map { DecimalText.format($0, places: 4) } ?? "",
      ]
      out += columns.map { cell(values[$0]!) }.joined(separator: ",") + eol
      if chance(5) { out += eol }  // blank lines are skipped
    }
    return Array(out.utf8)
  }

  /// An amount in 万元, sometimes with its unit written.
  mutating func money(_ m: Money?) -> String {
    guard let m else { return "" }
    return m.description + (chance(20) ? "万元" : "")
  }

  /// A cell, quoted when it must be and sometimes when it need not be.
  mutating func cell(_ s: String) -> String {
    let must = s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
    return must || chance(30) ? "\"" + s.replacing("\"", with: "\"\"") + "\"" : s
  }
}
