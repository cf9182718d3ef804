import DataStore
import Foundation
import Scoring
import Testing

@testable import Shell

/// `import report` keeps the text, and `check` audits its prose: the seed report's
/// copied paragraphs, template words, old wording, skipped section numbers and the
/// overspend its figures imply, each with its line in the file.
@Suite struct NarrativeImportTests {
  static let seed = Transcript.repositoryRoot.appendingPathComponent("datasets/source/shuangshanzi-2023-report.txt").path

  @Test func theImportKeepsTheTextWithItsLineNumbers() throws {
    let result = try ReportImporter.load(Self.seed)
    let text = try #require(result.store.reports.first)
    #expect(result.store.reports.count == 1)
    #expect(text.year == 2023 && text.unit == "双山子镇人民政府" && text.heading == "青龙满族自治县双山子镇人民政府")
    #expect(text.lines.count == 214)
    #expect(text.lines[167] == ReportText.Line(number: 168, text: String(text.lines[167].text)))
    #expect(text.lines[167].text.hasPrefix("我乡坚定推进的“环境立乡"))
    // The project table's cells are data, not prose.
    #expect(!text.prose.contains { $0.text.contains("扶贫工作专项经费") })
  }

  /// The 22 findings to look at: the 5 of the figures, then 17 of the text.
  @Test func checkReportsTheNarrativeFindingsWithTheirLines() throws {
    let sink = StringSink()
    let session = Session(store: Store(), out: sink, err: sink)
    session.renderer.format = .csv
    #expect(session.run("import report \(Self.seed)") == .ok, "\(sink.text)")
    sink.clear()
    #expect(session.run("check 2023") == .ok)
    let rows = sink.text.split(separator: "\n").map(String.init).filter { $0.contains(",attention,") && $0.contains("line ") }
    #expect(
      rows.map { $0.components(separatedBy: ",attention,")[0] } == [
        "2023,双山子镇人民政府,copied text,我乡,我镇", "2023,双山子镇人民政府,copied text,八道河,双山子", "2023,双山子镇人民政府,copied text,全乡,全镇",
        "2023,双山子镇人民政府,copied text,乡政府,镇政府", "2023,双山子镇人民政府,template words,内容主要包括,",
        "2023,双山子镇人民政府,template words,我局（办、委）,", "2023,双山子镇人民政府,template words,科室（单位）,",
        "2023,双山子镇人民政府,template words,局属,", "2023,双山子镇人民政府,template words,区财政局,县财政局",
        "2023,双山子镇人民政府,template words,内容主要包括,", "2023,双山子镇人民政府,another period,扶贫,乡村振兴",
        "2023,双山子镇人民政府,another period,十三五,十四五", "2023,双山子镇人民政府,another period,贫困村,乡村振兴",
        "2023,双山子镇人民政府,section numbers,三、,二、", "2023,双山子镇人民政府,section numbers,（二）,（一）",
        "2023,双山子镇人民政府,section numbers,十、,九、", "2023,双山子镇人民政府,基本支出,867.4,695.62",
      ])
    let lines = rows.map { row in row.components(separatedBy: ",attention,")[1].drop { !$0.isNumber }.prefix { $0.isNumber } }
    #expect(lines == ["168", "168", "185", "187", "7", "16", "16", "16", "16", "208", "177", "193", "193", "164", "169", "195", "11"])
    #expect(session.lastStructured.map { if case .findings(let r) = $0 { r.count(.attention) } else { 0 } } == 22)
  }

  /// The bundled CSVs have no text: `check` there stays as it was.
  @Test func aDatasetWithoutTextHasNoNarrativeFindings() throws {
    let store = try DatasetLoader.load(paths: [Transcript.repositoryRoot.appendingPathComponent("datasets").path])
    #expect(store.reports.isEmpty)
    let sink = StringSink()
    let session = Session(store: store, out: sink, err: sink)
    #expect(session.run("check 2023") == .ok)
    #expect(sink.text.hasSuffix("2023 双山子镇人民政府, rules national: 17 ✓ hold, 4 ✗ contradict the report's own data, 5 ! need a look\n"))
  }
}
