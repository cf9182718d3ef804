import DataStore
import Foundation
import QueryEngine
import Scoring
import Testing

@testable import Shell

/// `check` and `explain` as data: their JSON and CSV through a real Session, with the
/// figures of the bundled seed and of the 2019 廊坊 form, worked by hand in DOMAIN.md
/// and in the scoring transcripts.
@Suite struct StructuredResultTests {
  func session(_ data: String, format: OutputFormat) throws -> (Session, StringSink) {
    let store = try DatasetLoader.load(paths: [Transcript.repositoryRoot.appendingPathComponent(data).path])
    let sink = StringSink()
    let session = Session(store: store, out: sink, err: sink)
    session.renderer.format = format
    return (session, sink)
  }

  func output(_ data: String, _ format: OutputFormat, _ statements: String) throws -> String {
    let (session, sink) = try session(data, format: format)
    #expect(session.run(statements) == .ok, "\(statements) failed: \(sink.text)")
    return sink.text
  }

  func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

  // MARK: check

  /// 评优率: 100 % printed, 18 of 19 优 is 94.74 %; both are numbers of percent points.
  @Test func checkAsJSONGivesFiguresAsNumbers() throws {
    let json = try output("datasets", .json, "check 2023")
    let rows = lines(json)
    #expect(rows.first == "[" && rows.last == "]")
    #expect(rows.count == 2 + 26)
    #expect(
      rows.contains(
        #"  {"year": 2023, "unit": "双山子镇人民政府", "figure": "评优率", "reported": 100, "reported_unit": "%", "computed": 94.74, "computed_unit": "%", "verdict": "wrong", "mark": "✗", "note": "100% is the 优良率 ((18 + 1) ÷ 19); the 优秀率 is 18 ÷ 19 = 94.74%"},"#
      ))
    // Money keeps its printed unit: 1249.58 printed in 元, read as 1249.58 万元.
    #expect(
      rows.contains(
        #"  {"year": 2023, "unit": "双山子镇人民政府", "figure": "调整后预算", "reported": 1249.58, "reported_unit": "元", "computed": 1249.58, "computed_unit": "万元", "verdict": "attention", "mark": "!", "note": "printed in 元, while the report counts in 万元; taken literally it would be 0.124958万元, so the 万 was dropped: read as 1249.58万元"},"#
      ))
    #expect(rows.contains { $0.contains(#""figure": "自评预算资金", "reported": 560.67, "reported_unit": "万元", "computed": 553.956, "computed_unit": "万元", "verdict": "wrong""#) })
    #expect(rows.contains { $0.contains(#""figure": "部门整体评价等级", "reported": "优", "reported_unit": null, "computed": "优""#) })
    #expect(rows.contains { $0.contains(##""figure": "repeated name", "reported": "#2/#3", "reported_unit": null, "computed": null"##) })
    // Before, the verdict sat under an empty key and every figure was a string.
    #expect(!json.contains(#""": "#))
    #expect(!json.contains(#""reported": "100%""#))
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    #expect(parsed.count == 26)
  }

  @Test func checkAsCSVHasOneTypedColumnPerField() throws {
    let rows = lines(try output("datasets", .csv, "check 2023"))
    #expect(rows.first == "year,unit,figure,reported,computed,verdict,note")
    #expect(rows.count == 1 + 26)
    #expect(rows.contains("2023,双山子镇人民政府,评优率,100,94.74,wrong,100% is the 优良率 ((18 + 1) ÷ 19); the 优秀率 is 18 ÷ 19 = 94.74%"))
    #expect(rows.contains("2023,双山子镇人民政府,项目调整后预算,553.96,553.956,holds,Σ 预算金额 of 19 projects agrees after rounding (553.956)"))
    #expect(rows.contains("2023,双山子镇人民政府,项目年初预算,553.96,,attention,\"the table does not give every project's 年初预算, so the total cannot be checked\""))
    #expect(rows.contains("2023,双山子镇人民政府,“优”项目,18,18,holds,18 rows graded 优"))
  }

  /// The mark column is unnamed only in the bordered table, where it is one character wide.
  @Test func checkInLineModeNamesTheVerdict() throws {
    let text = try output("datasets", .line, "check 2023")
    #expect(text.hasPrefix("-[ RECORD 1 ]------\nfigure   | 项目个数\nreported | 19\ncomputed | 19\nverdict  | ✓\nnote     | the table has 19 rows\n"))
    #expect(text.hasSuffix("2023 双山子镇人民政府, rules national: 17 ✓ hold, 4 ✗ contradict the report's own data, 5 ! need a look\n"))
  }

  /// A check table wider than the terminal falls back to one field per line, verdict named.
  @Test func aWideCheckOnANarrowTerminalNamesTheVerdict() throws {
    let (session, sink) = try session("datasets", format: .table)
    session.terminalWidth = 100
    #expect(session.run("check 2023") == .ok)
    #expect(sink.text.hasPrefix("-[ RECORD 1 ]------\nfigure   | 项目个数\nreported | 19\ncomputed | 19\nverdict  | ✓\n"))
    #expect(sink.text.contains(" columns are wider than the terminal: one field per line; .mode line does this always)\n"))
  }

  /// `export json FILE check 2023` writes what `.mode json` shows, and so does `export`
  /// after `check` without a statement.
  @Test func exportWritesTheSameShapes() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let json = try output("datasets", .json, "check 2023")
    let csv = try output("datasets", .csv, "check 2023")
    let a = folder.appendingPathComponent("a.json").path
    let b = folder.appendingPathComponent("b.csv").path
    let c = folder.appendingPathComponent("c.xlsx").path
    let text = try output("datasets", .table, "export json '\(a)' check 2023; check 2023; export csv '\(b)'; export xlsx '\(c)' check 2023")
    #expect(text.contains("wrote 26 rows to \(a)\n"))
    #expect(text.hasSuffix("wrote 26 rows to \(b)\nwrote 26 rows to \(c)\n"))
    #expect(try String(contentsOfFile: a, encoding: .utf8) == json)
    // The same records as .mode csv shows, after a byte order mark and ended by CRLF in the file.
    #expect(FileManager.default.contents(atPath: b) == Data([0xEF, 0xBB, 0xBF] + Array(csv.replacingOccurrences(of: "\n", with: "\r\n").utf8)))
    let sheet = try WorkbookReader.sheets(c)
    #expect(sheet.first?.grid.rows.first == ["year", "unit", "figure", "reported", "computed", "verdict", "note"])
    #expect(sheet.first?.grid.rows.count == 27)
  }

  // MARK: explain

  /// 执行率 37.24 ÷ 43.2 = 86.20 %, 8.62 of 10 points (the form says 9); total 97.24.
  @Test func explainAsJSONGivesStepsWithTheirNumbers() throws {
    let json = try output("samples/langfang-2019", .json, "explain 1")
    let rows = lines(json)
    #expect(
      Array(rows.prefix(10)) == [
        "{", #"  "year": 2019,"#, #"  "unit": "廊坊市食品工程学校","#, #"  "seq": 1,"#, #"  "name": "办公宿舍楼、食堂及餐厅暖通改造经费","#,
        #"  "rules": "national","#, #"  "total": 97.24,"#, #"  "grade": "优","#, #"  "sections": ["#,
        #"    {"kind": "execution", "title": "预算执行率", "max": 10, "remark": null, "steps": ["#,
      ])
    #expect(
      rows[10]
        == #"      {"kind": "rate", "label": "执行率", "formula": "决算数 ÷ 全年预算数", "operands": [{"name": "决算数", "value": 37.24}, {"name": "全年预算数", "value": 43.2}], "result": 86.20, "points": null, "max": null, "recorded": null, "recorded_of": null, "verdict": null, "note": null},"#
    )
    #expect(
      rows[11]
        == #"      {"kind": "rate_points", "label": "得分", "formula": "10 × min(86.20 %, 1)", "operands": [{"name": "权重", "value": 10}, {"name": "执行率", "value": 86.20}], "result": null, "points": 8.62, "max": 10, "recorded": {"name": "form", "value": 9}, "recorded_of": null, "verdict": null, "note": null}"#
    )
    #expect(rows.contains(#"      {"kind": "total", "label": "总分", "formula": "8.62 + 48.62 + 30.00 + 10.00", "operands": [{"name": "points", "value": 8.62}, {"name": "points", "value": 48.62}, {"name": "points", "value": 30.00}, {"name": "points", "value": 10.00}], "result": null, "points": 97.24, "max": null, "recorded": null, "recorded_of": null, "verdict": null, "note": null},"#))
    #expect(rows.contains { $0.contains(#""kind": "recorded_score", "label": "recorded", "formula": null, "operands": [{"name": "自评分", "value": 98.00}, {"name": "自评级", "value": "优"}], "result": null, "points": 97.24"#) && $0.contains(#""verdict": "wrong""#) })
    #expect(rows.last == "}")
    // It is valid JSON, sections holding steps.
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let sections = try #require(parsed["sections"] as? [[String: Any]])
    #expect(sections.map { $0["kind"] as? String } == ["execution", "output", "benefit", "satisfaction", "result"])
    let steps = try #require(sections[4]["steps"] as? [[String: Any]])
    #expect(steps.map { $0["kind"] as? String } == ["total", "grade", "recorded_grade", "recorded_score"])
  }

  @Test func explainAsCSVHasOneRowPerStep() throws {
    let rows = lines(try output("samples/langfang-2019", .csv, "explain 1"))
    #expect(rows.first == "section,step,formula,points,max,note")
    #expect(rows.count == 1 + 18)
    #expect(rows[1] == "预算执行率,执行率,决算数 ÷ 全年预算数 = 37.24 ÷ 43.2 = 86.20 %,,,")
    #expect(rows[2] == "预算执行率,得分,\"10 × min(86.20 %, 1)\",8.62,10,form: 9")
    #expect(rows[3] == "产出指标,数量 · 工程资金金额 (正向),\"10 × min(37.24 ÷ 43.2, 1)\",8.62,10,\"recorded 9, the rule gives 8.62; form: 9\"")
    #expect(rows.contains("产出指标,小计,,48.62,50,"))
    #expect(rows.contains("总分,总分,8.62 + 48.62 + 30.00 + 10.00,97.24,,"))
    #expect(rows.contains("总分,评级,97.24 → 优,,,优: ≥ 90; graded at full precision (97.240741)"))
  }

  /// A what-if edit shows in the data as the operand's loaded value. 89.995 is 良, so it
  /// is given with the digits that decide, not as 90.00.
  @Test func anEditedScoreCarriesItsLoadedValue() throws {
    let text = try output("datasets", .json, "let 4.score = 89.995; explain 4")
    #expect(text.contains(#"{"kind": "score", "label": "自评分", "formula": null, "operands": [], "result": null, "points": 90.00, "max": null, "recorded": {"name": "自评分", "value": 89.995, "loaded": 93.33}"#))
    #expect(text.contains(#"{"kind": "grade", "label": "评级", "formula": null, "operands": [{"name": "score", "value": 89.995}], "result": "良", "points": 90.00"#))
    let csv = try output("datasets", .csv, "let 4.score = 89.995; explain 4")
    #expect(csv.contains("\n自评分,自评分,,90.00,,recorded; 自评分 edited; loaded: 93.33\n"))
    #expect(csv.contains("\n自评分,评级,89.995 → 良,,,良: ≥ 80 and < 90; graded at full precision (89.995)\n"))
  }

  /// A 预算执行情况 row is data too: a section of its own, shown and not counted; a total
  /// that prints as 90.00 but is 良 carries its deciding digits as the result.
  @Test func explainDataShowsIgnoredRowsAndDecidingDigits() throws {
    let fixture = "Tests/ShellTests/Fixtures/guardrails"
    let ignored = try output(fixture, .json, "explain 4")
    #expect(ignored.contains(#"{"kind": "ignored", "label": "预算执行 · 预算执行率", "formula": "form: 10 of 10", "operands": [{"name": "权重", "value": 10}, {"name": "form", "value": 10}], "result": null, "points": null,"#))
    #expect(ignored.contains(#""total": 100.00,"#))
    let close = try output(fixture, .json, "explain 7")
    #expect(close.contains(#"{"kind": "total", "label": "总分", "formula": "9.9999997 + 50.00 + 30.00 + 0.00", "#))
    #expect(close.contains(#""result": 89.9999997, "points": 90.00, "max": null, "recorded": null, "recorded_of": null, "verdict": "wrong", "note": "It prints as 90.00, but graded at full precision it is 良, not 优"}"#))
  }

  @Test func explainInMarkdownIsAHeadingAndAPipeTable() throws {
    let rows = lines(try output("samples/langfang-2019", .markdown, "explain 1"))
    #expect(rows[0] == "**#1 办公宿舍楼、食堂及餐厅暖通改造经费** · 2019 · 廊坊市食品工程学校 · rules: national")
    #expect(rows[1] == "| section | step | formula | points | max | note |")
    #expect(rows[4] == "| 预算执行率 | 得分 | 10 × min(86.20 %, 1) | 8.62 | 10 | form: 9 |")
  }
}
