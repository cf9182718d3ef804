import DataStore
import Foundation
import QueryEngine
import Scoring
import Testing

@testable import Shell

/// `export html` without a browser: data is escaped, the page needs nothing from a
/// network, and each result kind becomes its parts.
@Suite final class HandoutTests {
  /// This test's folder, removed when the test ends.
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jx-handout-\(UUID().uuidString)")

  deinit { try? FileManager.default.removeItem(at: folder) }

  func session(_ data: String) throws -> (Session, StringSink) {
    let store = try DatasetLoader.load(paths: [Transcript.repositoryRoot.appendingPathComponent(data).path])
    let sink = StringSink()
    return (Session(store: store, out: sink, err: sink), sink)
  }

  func temporaryFolder() throws -> URL {
    let url = folder.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Runs `export html FILE STATEMENT` and returns the page written.
  func handout(_ data: String, _ statement: String) throws -> String {
    let (session, sink) = try session(data)
    let file = try temporaryFolder().appendingPathComponent("page.html")
    #expect(session.run("export html \(file.path) \(statement)") == .ok, "\(sink.text)")
    return try String(contentsOf: file, encoding: .utf8)
  }

  @Test func theFiveSpecialCharactersAndControlCharactersAreEscaped() {
    #expect(HTMLText.escaped(#"<b>"x" & 'y'</b>"#) == "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;")
    #expect(HTMLText.escaped("a\u{1b}[31mb\u{7}c\u{9b}") == #"a\x1b[31mb\x07c\x9b"#)
    #expect(HTMLText.escaped("双山子镇 1249.58万元") == "双山子镇 1249.58万元")
  }

  @Test func dataInATableCannotOpenAnElement() {
    var t = ResultTable(columns: [.init("name", numeric: false), .init("<th>", numeric: true)], rows: [[.text("<script>alert('x')</script>\u{1b}]0;t\u{7}"), .integer(3)]])
    t.notes = ["a & b"]
    let page = HandoutWriter.page(.table(t))
    #expect(!page.contains("<script"))
    #expect(page.contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\\x1b]0;t\\x07</td><td class=\"num\">3</td>"))
    #expect(page.contains("<th class=\"num\">&lt;th&gt;</th>"))
    #expect(page.contains("<p class=\"notes\">1 row</p>\n<p class=\"notes\">a &amp; b</p>"))
    #expect(!page.unicodeScalars.contains { TerminalText.isHidden($0.value) && $0 != "\n" })
  }

  /// Nothing to fetch: no address, no link, no external style or font.
  @Test func aHandoutReferencesNothingOutsideItself() throws {
    let pages = [try handout("datasets", "check 2023"), try handout("samples/langfang-2019", "explain 1"), try handout("samples/shili-training", "trend sum budget")]
    for page in pages {
      for word in ["http:", "https:", "src=", "href=", "url(", "@import", "<link", "<script", "<img"] {
        #expect(!page.contains(word), "\(word)")
      }
      #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"))
      #expect(page.contains("@page { size: A4;"))
    }
  }

  /// The seed's check: a summary with the counts, then one part per verdict.
  @Test func checkBecomesASummaryAndOnePartPerVerdict() throws {
    let page = try handout("datasets", "check 2023")
    #expect(page.contains("<title>Check · 2023 双山子镇人民政府</title>"))
    #expect(page.components(separatedBy: "<section class=\"part\">").count - 1 == 3)
    #expect(page.contains("<b>17 ✓</b>hold") && page.contains("<b>4 ✗</b>contradict the report&#39;s own data") && page.contains("<b>5 !</b>need a look"))
    #expect(page.contains("<h2 class=\"wrong\">✗ contradict the report&#39;s own data (4)</h2>"))
    #expect(page.contains("<tr><td>评优率</td><td class=\"num\">100%</td><td class=\"num\">94.74%</td><td>100% is the 优良率 ((18 + 1) ÷ 19); the 优秀率 is 18 ÷ 19 = 94.74%</td></tr>"))
    // 17 of 26 findings hold: 65.38 of the bar's 100, then 4 contradict (15.38).
    #expect(page.contains("<rect x=\"0.00\" y=\"0\" width=\"65.38\" height=\"10\" fill=\"#2e8b47\"/><rect x=\"65.38\" y=\"0\" width=\"15.38\""))
  }

  /// The 廊坊 form: 8.62 of 10 points for 执行率 is a bar of 17.24 of the widest section (50).
  @Test func explainDrawsPointsPerSection() throws {
    let page = try handout("samples/langfang-2019", "explain 1")
    #expect(page.contains("<title>#1 办公宿舍楼、食堂及餐厅暖通改造经费</title>"))
    #expect(page.contains("<p class=\"meta\">2019 · 廊坊市食品工程学校 · rules: national</p>"))
    #expect(page.contains("<tr><td>预算执行率</td><td class=\"bar\"><svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\"><rect x=\"0\" y=\"0\" width=\"20.00\" height=\"10\" fill=\"#dde3ea\"/><rect x=\"0\" y=\"0\" width=\"17.24\" height=\"10\" fill=\"#3b6ea5\"/></svg></td><td class=\"num\">8.62 / 10</td></tr>"))
    #expect(page.contains("<b>97.24</b>总分") && page.contains("<b>98.00 优 ✗</b>recorded"))
    #expect(page.contains("<p>总分 = 8.62 + 48.62 + 30.00 + 10.00 = 97.24</p>"))
  }

  /// With `.lang zh` a handout is in Chinese: its labels, headers, notes and working.
  @Test func aChineseHandout() throws {
    let (session, sink) = try session("samples/langfang-2019")
    session.language = .zh
    let file = try temporaryFolder().appendingPathComponent("page.html")
    #expect(session.run("export html \(file.path) check") == .ok, "\(sink.text)")
    #expect(sink.text == "已写入 4 行到 \(file.path)\n")
    let page = try String(contentsOf: file, encoding: .utf8)
    #expect(page.contains("<html lang=\"zh-CN\">"))
    #expect(page.contains("<title>核查 · 2019 廊坊市食品工程学校</title>"))
    #expect(page.contains("<b>3 ✗</b>与报告自身数据矛盾"))
    #expect(page.contains("<th>数据项</th><th class=\"num\">报告数</th><th class=\"num\">计算数</th>"))
    #expect(page.contains("办公宿舍楼、食堂及餐厅暖通改造经费：填报得分 9，按规则得 8.62"))
  }

  /// A trend is drawn as its chart, not as the two-column table the other formats get.
  @Test func aTrendExportedWithoutAStatementIsDrawn() throws {
    let (session, sink) = try session("samples/shili-training")
    let file = try temporaryFolder().appendingPathComponent("trend.html")
    #expect(session.run("trend sum budget") == .ok)
    sink.clear()
    #expect(session.run("export html \(file.path)") == .ok)
    #expect(sink.text == "wrote 3 rows to \(file.path)\n")
    let page = try String(contentsOf: file, encoding: .utf8)
    #expect(page.contains("<title>sum(budget) by year</title>"))
    // 564.152 of the largest 704.592 is 80.07 of the bar; on the line, 2022 is
    // (587.712 − 564.152) ÷ (704.592 − 564.152) = 16.78% of the way up: 18 − 16 × 0.1678 = 15.32.
    #expect(page.contains("<tr><td>2021</td><td class=\"bar\"><svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\"><rect x=\"0\" y=\"0\" width=\"80.07\" height=\"10\" fill=\"#3b6ea5\"/></svg></td><td class=\"num\">564.152</td></tr>"))
    #expect(page.contains("<polyline points=\"0.00,18.00 50.00,15.32 100.00,2.00\""))
  }

  /// `recompute` after `set band 优 95`: #4 (93.33) moves 优 → 良; its row is marked.
  @Test func recomputeMarksTheRowThatChangesGrade() throws {
    let (session, sink) = try session("datasets")
    let file = try temporaryFolder().appendingPathComponent("recompute.html")
    #expect(session.run("set band 优 95") == .ok)
    #expect(session.run("export html \(file.path) recompute") == .ok, "\(sink.text)")
    let page = try String(contentsOf: file, encoding: .utf8)
    #expect(page.components(separatedBy: "<tr class=\"marked\">").count - 1 == 1)
    #expect(
      page.contains(
        "<tr class=\"marked\"><td class=\"num\">4</td><td>村级组织运转经费-村级组织办公经费</td><td class=\"num\">93.33</td><td class=\"num\">93.33</td><td>优</td><td>良</td><td>优 → 良</td><td class=\"mark\">←</td></tr>"))
    #expect(page.contains("<p class=\"notes\">19 rows</p>\n<p class=\"notes\">1 of 19 projects changes grade under national (changed): #4 优 → 良</p>"))
  }

  /// Goes through the one writer: an existing file is kept without --force.
  @Test func anExistingFileIsNotReplacedWithoutForce() throws {
    let (session, sink) = try session("datasets")
    let file = try temporaryFolder().appendingPathComponent("check.html")
    try Data("keep".utf8).write(to: file)
    #expect(session.run("export html \(file.path) check 2023") != .ok)
    #expect(sink.text == "error: \(file.path): already exists; add --force to replace it; see help export\n")
    #expect(try String(contentsOf: file, encoding: .utf8) == "keep")
  }
}
