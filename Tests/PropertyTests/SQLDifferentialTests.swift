import DataStore
import Foundation
import QueryEngine
import QuerySyntax
import Scoring
import Testing

/// The DuckDB command-line shell, when one is on the PATH.
enum DuckDB {
  static let path: String? = {
    let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    return dirs.map { "\($0)/duckdb" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// Runs `script` in `folder` with CSV output; returns standard output and error.
  static func run(_ script: String, in folder: String) throws -> (out: String, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path ?? "duckdb")
    process.arguments = ["-csv", "-init", "/dev/null"]
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Read both pipes while writing, so neither fills up and blocks DuckDB.
    nonisolated(unsafe) var err = Data()
    let reader = Thread { err = errors.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    nonisolated(unsafe) var out = Data()
    let outReader = Thread { out = output.fileHandleForReading.readDataToEndOfFile() }
    outReader.start()
    input.fileHandleForWriting.write(Data(script.utf8))
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    while !reader.isFinished || !outReader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
    return (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
  }
}

/// The same random statements through jixiao and through DuckDB running jixiao's own SQL
/// (`sql STATEMENT`) on the CSV file `save` writes, compared cell by cell: amounts and
/// counts exactly, ratios and averages (floating point in SQL) to 1e-9 of the exact value.
@Suite(.enabled(if: DuckDB.path != nil, "needs the duckdb command-line shell (pip install duckdb-cli)"))
struct SQLDifferentialTests {
  static let statements = 2500

  @Test func jixiaoAndItsSQLAgree() throws {
    var gen = SQLStatementGenerator(rng: SplitMix64(seed: 20_261_202))
    let store = try PropertySupport.parse(gen.datasetCSV())
    let folder = try PropertySupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    _ = try DatasetWriter.save(store, to: folder, force: true)

    var engine = Engine(store: store)
    var cases: [(text: String, table: ResultTable)] = []
    var script = ""
    var refusedBoth = 0
    for _ in 0..<SQLDifferentialTests.statements {
      let text = gen.statement()
      let parsed = try Parser.parse(text)
      let answer = Result { () throws(EvaluationError) -> Outcome in try engine.execute(parsed[0]) }
      let sql = Result { () throws(EvaluationError) -> Outcome in try engine.execute(ParsedStatement(statement: .sql(parsed[0]), range: parsed[0].range)) }
      switch (answer, sql) {
      case (.success(.table(let t)), .success(.sql(let s))):
        script += "SELECT '#Q \(cases.count)' AS marker;\n" + s.text + "\n"
        cases.append((text, t))
      case (.failure, .failure):
        refusedBoth += 1
      case (.success, .failure(let e)):
        // Only the closest-budget pairing may be beyond SQL.
        #expect(e.message.contains("closest budget"), "\(text): jixiao answers, sql says \(e.message)")
      case (.failure(let e), .success):
        Issue.record("\(text): jixiao refuses (\(e.message)) but sql translates it")
      default:
        Issue.record("\(text): unexpected outcome")
      }
    }
    #expect(cases.count > SQLDifferentialTests.statements * 9 / 10, "only \(cases.count) statements ran; \(refusedBoth) refused")
    let (out, err) = try DuckDB.run(script, in: folder)
    let blocks = SQLDifferentialTests.blocks(out)
    var disagreements = 0
    for (i, c) in cases.enumerated() {
      guard let rows = blocks[i], let header = rows.first else {
        Issue.record("\(c.text): DuckDB gave no result\n\(err.prefix(400))")
        disagreements += 1
        continue
      }
      if let problem = SQLDifferentialTests.compare(c.table, header: header, rows: Array(rows.dropFirst()), statement: c.text) {
        disagreements += 1
        if disagreements <= (ProcessInfo.processInfo.environment["SQL_DIFF_ALL"] != nil ? 1000 : 10) { Issue.record("\(c.text): \(problem)") }
      }
    }
    #expect(disagreements == 0)
  }

  /// DuckDB's CSV output split at the marker rows: block i is the header and rows of query i.
  static func blocks(_ out: String) -> [Int: [[String?]]] {
    var result: [Int: [[String?]]] = [:]
    var current: Int?
    var expectMarker = false
    for record in CSVRecords.parse(out) {
      if record == ["marker"] {
        expectMarker = true
        continue
      }
      if expectMarker, record.count == 1, let m = record[0], m.hasPrefix("#Q "), let n = Int(m.dropFirst(3)) {
        current = n
        result[n] = []
        expectMarker = false
        continue
      }
      expectMarker = false
      if let current { result[current, default: []].append(record) }
    }
    return result
  }

  /// Nil when the tables agree; otherwise what differs.
  static func compare(_ t: ResultTable, header: [String?], rows: [[String?]], statement: String) -> String? {
    let names = header.map { $0 ?? "" }
    guard t.rows.count == rows.count else { return "jixiao has \(t.rows.count) rows, DuckDB \(rows.count)" }
    for (c, column) in t.columns.enumerated() {
      guard let d = names.firstIndex(of: column.name) else { return "DuckDB has no column \(column.name) (has \(names))" }
      for (r, row) in t.rows.enumerated() {
        let mine = row[c]
        let theirs = rows[r][d]
        if !agree(mine, theirs) {
          return "row \(r + 1), \(column.name): jixiao \(mine.display.isEmpty ? "missing" : mine.display) (\(mine)), DuckDB \(theirs ?? "NULL")"
        }
      }
    }
    return nil
  }

  static func agree(_ v: Value, _ s: String?) -> Bool {
    switch v {
    case .missing: return s == nil
    case .text("unknown") where s == nil: return true
    case .integer(let n): return s.flatMap { Int($0) } == n
    case .text(let t): return s == t
    case .grade(let g): return s == g.description
    case .fund(let f): return s == f.description
    case .money(let m):
      // An amount divided by a number is floating point in SQL (DOUBLE), shown with more digits.
      let x = Fraction(tenThousandths: m.tenThousandths)
      if let s, s.split(separator: ".").last.map({ $0.count > 4 }) == true || s.contains("e") { return close(x, s) }
      return s.flatMap(exact) == x
    case .score(let x): return s.flatMap(exact) == Fraction(tenThousandths: x)
    case .exact(let x): return close(x, s)
    case .number(let x, _), .percent(let x), .change(let x, _): return close(x, s)
    }
  }

  /// A decimal text as an exact fraction: `325.1920`, `-0.5`, `1e-07`.
  static func exact(_ s: String) -> Fraction? {
    var text = Substring(s)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      guard let x = Int(text[text.index(after: e)...]) else { return nil }
      exponent = x
      text = text[..<e]
    }
    let negative = text.hasPrefix("-")
    if negative { text = text.dropFirst() }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = Int128(parts[0].isEmpty ? "0" : parts[0]) else { return nil }
    var numerator = whole
    var denominator: Int128 = 1
    if parts.count == 2 {
      for ch in parts[1].prefix(24) {
        guard let d = ch.wholeNumberValue else { return nil }
        numerator = numerator * 10 + Int128(d)
        denominator *= 10
      }
    }
    var x = Fraction(negative ? -numerator : numerator, denominator)
    for _ in 0..<abs(exponent) { x = exponent > 0 ? x * Fraction(10) : x / Fraction(10) }
    return x
  }

  /// Floating point agrees with the exact value to 1e-9 of its size.
  static func close(_ x: Fraction, _ s: String?) -> Bool {
    guard let s, let y = exact(s) else { return false }
    if x == y { return true }
    let diff = x - y
    let size = x < Fraction.zero ? -x : x
    let scale = size < Fraction.one ? Fraction.one : size
    let magnitude = diff < Fraction.zero ? -diff : diff
    return magnitude <= scale / Fraction(1_000_000_000)
  }
}

/// A small CSV reader for DuckDB's output: quoted fields, doubled quotes, NULL unquoted.
enum CSVRecords {
  static func parse(_ text: String) -> [[String?]] {
    var records: [[String?]] = []
    var record: [String?] = []
    var field = ""
    var quoted = false
    var wasQuoted = false
    var chars = Array(text)
    if chars.last != "\n" { chars.append("\n") }
    var i = 0
    func endField() {
      record.append(!wasQuoted && field == "NULL" ? nil : field)
      field = ""
      wasQuoted = false
    }
    while i < chars.count {
      let ch = chars[i]
      if quoted {
        if ch == "\"" {
          if i + 1 < chars.count, chars[i + 1] == "\"" {
            field.append("\"")
            i += 1
          } else {
            quoted = false
          }
        } else {
          field.append(ch)
        }
      } else if ch == "\"" {
        quoted = true
        wasQuoted = true
      } else if ch == "," {
        endField()
      } else if ch == "\n" || ch == "\r\n" {
        endField()
        records.append(record)
        record = []
      } else {
        field.append(ch)
      }
      i += 1
    }
    return records
  }
}

/// Random datasets and statements from the language's grammar.
struct SQLStatementGenerator {
  var rng: SplitMix64

  mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
  mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
  mutating func pick<T>(_ list: [T]) -> T { list[int(0...(list.count - 1))] }

  static let units = ["Alpha镇", "beta站", "双山子镇", "é乡"]
  static let names = [
    "党建工作经费", "村级组织运转经费-村干部基础职务补贴", "Alpha", "alpha", "Beta项目", "防汛经费", "é工程", "Zeta",
    "经费,补贴", "a\"b", "村级办公经费", "团委工作经费", "乡村振兴", "扶贫经费", "环境整治", "校舍改造",
  ]

  /// A decimal with up to `places` decimals below `max`, as CSV text.
  mutating func decimal(_ max: Int, places: Int) -> String {
    let whole = int(0...max)
    let p = int(0...places)
    guard p > 0 else { return String(whole) }
    let frac = String(int(0...(Int(pow(10.0, Double(p))) - 1)))
    return "\(whole)." + String(repeating: "0", count: p - frac.count) + frac
  }

  /// Projects of two years and four units, in year, unit, seq order; a name occurs at most
  /// once per unit and year, except one that occurs twice in every unit and year.
  mutating func datasetCSV() -> String {
    var out = "year,unit,seq,name,fund,budget,initial,spent,score,grade,rate_points\n"
    for year in [2022, 2023] {
      for unit in SQLStatementGenerator.units.sorted() {
        var names = SQLStatementGenerator.names.shuffled(using: &rng).prefix(int(6...14)).map { $0 }
        names += ["重复项目", "重复项目"]
        names.shuffle(using: &rng)
        var seq = 0
        for name in names {
          seq += int(1...2)
          let budget = chance(5) ? "0" : decimal(chance(20) ? 2 : 300, places: 4)
          let spent = chance(25) ? "" : chance(10) ? budget : decimal(300, places: 3)
          let score = chance(15) ? "" : chance(10) ? pick(["90", "80", "60", "89.9999"]) : decimal(99, places: 2)
          let grade = chance(15) ? "" : pick(["优", "良", "中", "差"])
          let fund = chance(20) ? "" : pick(Fund.allCases).description
          let initial = chance(50) ? "" : decimal(300, places: 1)
          let points = chance(60) ? "" : decimal(9, places: 2)
          let quotedName = name.contains(",") || name.contains("\"") ? "\"" + name.replacing("\"", with: "\"\"") + "\"" : name
          out += "\(year),\(unit),\(seq),\(quotedName),\(fund),\(budget),\(initial),\(spent),\(score),\(grade),\(points)\n"
        }
      }
    }
    return out
  }

  static let money = ["budget", "initial", "spent"]
  static let scores = ["score", "rate_points", "new_score"]

  mutating func amountLiteral() -> String { pick(["0", "1", "5", "12.5", "50", "100", "150.25", "5万", "20000元"]) }

  mutating func atom() -> String {
    switch int(0...13) {
    case 0: return "\(pick(SQLStatementGenerator.money)) \(comparison()) \(amountLiteral())"
    case 1: return "\(pick(SQLStatementGenerator.scores)) \(comparison()) \(pick(["60", "80", "85.5", "89.9999", "90", "100"]))"
    case 2: return "rate \(comparison()) \(pick(["50", "90%", "100%", "0.5", "100"]))"
    case 3: return "\(pick(["spent / budget", "(budget - spent) / budget", "spent / initial", "initial / budget"])) \(comparison()) \(pick(["90%", "10%", "100%", "1"]))"
    case 4: return "\(pick(["budget - spent", "spent - initial", "budget * 1.1", "budget / 2"])) \(comparison()) \(pick(["0", "10", "-5", "100"]))"
    case 5: return "\(pick(["spent", "initial"])) \(comparison()) budget"
    case 6: return "\(pick(["grade", "new_grade"])) \(comparison()) \(pick(["优", "良", "中", "差", "A", "good"]))"
    case 7: return "new_grade \(pick(["=", "!=", "<", ">"])) grade"
    case 8: return "name \(pick(["=", "!=", "<", ">="])) \(quoted(pick(SQLStatementGenerator.names)))"
    case 9: return "\(pick(["name", "unit"])) contains \(pick(["经费", "alpha", "A", "镇", "é", "项目"]))"
    case 10: return "fund \(pick(["=", "!="])) \(pick(["一般公共预算", "general", "政府性基金", "social"]))"
    case 11: return "\(pick(["fund", "spent", "score", "grade", "initial", "rate", "rate_points"])) is \(pick(["", "not "]))missing"
    case 12: return "\(pick(["year", "seq"])) \(comparison()) \(pick(["2022", "2023", "3", "10"]))"
    default: return "unit \(pick(["=", "<", ">"])) \(quoted(pick(SQLStatementGenerator.units)))"
    }
  }

  func quoted(_ s: String) -> String { "'" + s.replacing("'", with: "''") + "'" }

  mutating func comparison() -> String { pick(["=", "!=", "<", "<=", ">", ">="]) }

  mutating func condition(_ depth: Int = 0) -> String {
    guard depth < 2, chance(45) else { return atom() }
    switch int(0...2) {
    case 0: return "\(condition(depth + 1)) and \(condition(depth + 1))"
    case 1: return "(\(condition(depth + 1)) or \(condition(depth + 1)))"
    default: return "not (\(condition(depth + 1)))"
    }
  }

  mutating func clauses(where w: Bool = true) -> String {
    var parts: [String] = []
    if w, chance(70) { parts.append("where " + condition()) }
    if chance(15) { parts.append("in " + pick(["2022", "2023", "2022..2023"])) }
    return parts.joined(separator: " ")
  }

  mutating func showItem() -> String {
    pick([
      "seq", "name", "unit", "year", "budget", "spent", "score", "grade", "fund", "rate", "new_grade", "new_score",
      "initial", "rate_points", "budget - spent as 结余", "spent / budget as 执行率", "budget * 1.1", "score - rate_points",
      "-budget", "budget / 3",
    ])
  }

  mutating func sortKey(_ keys: [String]) -> String { pick(keys) + pick(["", " desc", " asc"]) }

  mutating func listing() -> String {
    var s = "projects " + clauses()
    if chance(60) {
      let keys = ["budget", "spent", "score", "grade", "name", "unit", "fund", "rate", "budget - spent", "new_grade", "initial", "seq"]
      s += " sort by " + (0..<int(1...2)).map { _ in sortKey(keys) }.joined(separator: ", ")
    }
    if chance(40) { s += " limit \(int(0...12))" }
    if chance(75) { s += " show " + (0..<int(1...4)).map { _ in showItem() }.joined(separator: ", ") }
    return s
  }

  mutating func aggregateItem() -> String {
    pick([
      "count", "count", "sum budget", "sum spent", "sum score", "avg score", "avg budget", "avg rate", "min budget", "max score",
      "min grade", "max grade", "min name", "max unit", "min fund", "count spent", "count distinct name", "count distinct grade",
      "pct", "pct budget", "pct spent", "avg score weighted by budget", "sum budget - spent", "max new_grade", "avg spent / budget",
      "sum budget as 合计", "min rate", "count distinct budget",
    ])
  }

  mutating func groupKey() -> String {
    pick([
      "grade", "fund", "year", "unit", "name", "new_grade", "budget bands 5, 50, 100", "score bands 60, 80, 90",
      "rate bands 50%, 90%", "budget - spent bands 0, 50", "spent",
    ])
  }

  mutating func aggregate() -> String {
    let items = (0..<int(1...3)).map { _ in aggregateItem() }
    var s = items.joined(separator: ", ") + " " + clauses()
    let grouped = chance(75)
    var keys: [String] = []
    if grouped {
      keys = (0..<int(1...2)).map { _ in groupKey() }
      s += " by " + keys.joined(separator: ", ")
    }
    if chance(30) {
      s += " having " + pick(["count > 1", "count >= 3", "sum(budget) > 100", "avg(score) < 90", "pct > 20%", "sum budget > 50 or count = 1"])
    }
    if chance(30) {
      let sortable = ["count", "sum(budget)", "avg score"] + keys.filter { !$0.contains("bands") }
      s += " sort by " + sortKey(sortable)
    }
    if chance(25) { s += " limit \(int(1...5))" }
    return s
  }

  mutating func statement() -> String {
    switch int(0...19) {
    case 0...7: return listing()
    case 8...15: return aggregate()
    case 16: return "distinct " + pick(["grade", "name", "fund", "budget bands 10, 100", "unit", "new_grade"]) + " " + clauses()
    case 17, 18:
      return "recompute " + pick(["", "changed "]) + clauses() + (chance(30) ? " sort by " + sortKey(["score", "name", "budget"]) : "")
        + (chance(30) ? " limit \(int(1...6))" : "")
    default:
      return "compare 2022 2023 grades " + pick(["", "recomputed "]) + clauses(where: true).replacing(/in 20[0-9.]+/, with: "")
    }
  }
}
