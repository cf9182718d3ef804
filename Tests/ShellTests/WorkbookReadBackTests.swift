import DataStore
import Foundation
import Testing

@testable import Shell

/// Workbooks as a spreadsheet user gets them, read back by a second implementation
/// (openpyxl, through Fixtures/workbook/read-workbook.py): numbers with their number
/// formats, the bold frozen header with filter buttons, widths that fit Chinese text,
/// notes under the table and native charts. Runs where python3 has openpyxl (.ci/run
/// installs it).
@Suite(.enabled(if: OpenPyXL.found, "python3 with openpyxl is not installed"), .serialized)
struct WorkbookReadBackTests {
  static let script = Transcript.repositoryRoot.appendingPathComponent("Tests/ShellTests/Fixtures/workbook/read-workbook.py").path

  /// Exports `statement` on the two-year fixture to a workbook and reads it back, one
  /// line per fact (see the script).
  func readBack(_ statement: String, lang: String = "en") throws -> [String] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-workbook-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try DatasetLoader.load(paths: [Transcript.repositoryRoot.appendingPathComponent("Tests/ShellTests/Fixtures/two-years").path])
    let sink = StringSink()
    let session = Session(store: store, out: sink, err: sink)
    if lang == "zh" { session.language = .zh }
    let file = folder.appendingPathComponent("result.xlsx").path
    try #require(session.run("export xlsx \(file) \(statement)") == .ok, "\(sink.text)")
    return try OpenPyXL.python([Self.script, file]).split(separator: "\n").map(String.init)
  }

  func expect(_ lines: [String], _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(lines.contains(expected), "missing: \(expected)\n\(lines.joined(separator: "\n"))", sourceLocation: sourceLocation)
  }

  @Test func compareWritesNumbersWithFormatsNotesAndAChart() throws {
    let lines = try readBack("compare 2022 2023")
    for expected in [
      "freeze A2", "filter A1:E18",
      "A1 s 'figure' General bold", "E1 s '% change' General bold",
      // Amounts as numbers, grouped, with as many decimals as the column's amounts use.
      "B2 n 560.5 #,##0.000", "B4 n 588.196 #,##0.000", "C4 n 627.69 #,##0.00",
      // Changes are numbers too; only the format shows the sign.
      "D2 n 29.5 +#,##0.0;-#,##0.0;#,##0.0", "D4 n 39.494 +#,##0.000;-#,##0.000;#,##0.000",
      "E2 n 0.0526315789 +0.00%;-0.00%;0.00%", "D11 n -1 +0;-0;0", "E11 n -1 +0.00%;-0.00%;0.00%",
      // Rates as fractions formatted as percentages; their change in points.
      "B5 n 0.98 0.00%", "C14 n 1 0.00%", "D13 n 14.2857142857 +0.00\" pp\";-0.00\" pp\";0.00\" pp\"",
      // Scores keep their decimals and show two.
      "B15 n 90.3571428571 0.00", "D17 n -1.6 +0.00;-0.00;0.00",
      "D18 s '优 → 良' General",
      // The note under the table, after an empty row, outside the filter range.
      "A20 s '执行率 = 决算 ÷ 调整后预算 from the stated department figures; 优秀率 = 优 ÷ projects; 优良率 = (优 + 良) ÷ projects' General",
      "chart BarChart col clustered 'projects by grade'",
      "series 'result'!$B$1 'result'!$B$9:$B$12 by 'result'!$A$9:$A$12",
      "series 'result'!$C$1 'result'!$C$9:$C$12 by 'result'!$A$9:$A$12",
    ] {
      expect(lines, expected)
    }
    #expect(!lines.contains { $0.hasPrefix("A19 ") })
  }

  @Test func compareProjectsChartsTheBudgetsAndNotesTheTransitions() throws {
    let lines = try readBack("compare 2022 2023 projects")
    for expected in [
      // 村级组织运转经费-村干部基础职务补贴: 17 wide characters and a hyphen, 35 cells, + 2.
      "width A 37", "width I 15",
      "C2 n 70 #,##0", "D2 n 72 #,##0.0", "E2 n 2 +#,##0;-#,##0;#,##0", "F3 n 85.5 0.00", "H3 n 7.5 +0.00;-0.00;0.00",
      "A11 s 'grade transitions: 优→良: 1, 良→优: 2, 中→良: 1; unchanged: 2 (优→优 2); new: 1; gone: 1' General",
      "chart BarChart bar clustered 'budget'",
      "series 'result'!$C$1 'result'!$C$2:$C$9 by 'result'!$A$2:$A$9",
      "series 'result'!$D$1 'result'!$D$2:$D$9 by 'result'!$A$2:$A$9",
    ] {
      expect(lines, expected)
    }
    // The 2023-only project has no 2022 budget: an empty cell, not a zero.
    #expect(!lines.contains { $0.hasPrefix("C9 ") })
  }

  @Test func gradeTransitionsStackByWhereProjectsWent() throws {
    let lines = try readBack("compare 2022 2023 grades")
    for expected in [
      "B2 n 2 General", "C2 n 1 General", "G2 n 1 General", "H2 n 4 General",
      "chart BarChart col stacked 'grade transitions'",
      "series 'result'!$B$1 'result'!$B$2:$B$5 by 'result'!$A$2:$A$5",
      "series 'result'!$E$1 'result'!$E$2:$E$5 by 'result'!$A$2:$A$5",
    ] {
      expect(lines, expected)
    }
    #expect(lines.filter { $0.hasPrefix("series ") }.count == 4)
  }

  @Test func chartAndTrendGetBarsAndALine() throws {
    let bars = try readBack("chart sum budget by grade")
    for expected in ["B2 n 442.5 #,##0.0", "B4 n 4 #,##0.0", "chart BarChart bar clustered 'sum(budget) by grade'", "series 'result'!$B$1 'result'!$B$2:$B$4 by 'result'!$A$2:$A$4"] {
      #expect(bars.contains(expected), "missing: \(expected)\n\(bars.joined(separator: "\n"))")
    }
    let line = try readBack("trend sum budget")
    for expected in ["A2 s '2022' General", "B3 n 372.7 #,##0.0", "series 'result'!$B$1 'result'!$B$2:$B$3 by 'result'!$A$2:$A$3"] {
      #expect(line.contains(expected), "missing: \(expected)\n\(line.joined(separator: "\n"))")
    }
    #expect(line.contains { $0.hasPrefix("chart LineChart ") })
  }

  @Test func listingsGetNumbersAndNoChart() throws {
    let lines = try readBack("projects where year = 2022 show year, name, budget, rate, score")
    for expected in ["A2 n 2022 General", "C3 n 230 #,##0", "D3 n 0.9 0.00%", "E3 n 85.5 0.00", "filter A1:E8"] {
      #expect(lines.contains(expected), "missing: \(expected)\n\(lines.joined(separator: "\n"))")
    }
    #expect(!lines.contains { $0.hasPrefix("chart ") })
  }

  @Test func chineseSessionsWriteChineseNotes() throws {
    let lines = try readBack("compare 2022 2023 grades", lang: "zh")
    #expect(lines.contains { $0.hasPrefix("chart BarChart col stacked '") && !$0.contains("grade transitions") }, "\(lines.joined(separator: "\n"))")
    #expect(lines.contains { $0.hasPrefix("A8 s '") && !$0.contains("matched projects") }, "\(lines.joined(separator: "\n"))")
    let figures = try readBack("compare 2022 2023", lang: "zh")
    #expect(figures.contains("D13 n 14.2857142857 +0.00\" 个百分点\";-0.00\" 个百分点\";0.00\" 个百分点\""), "\(figures.joined(separator: "\n"))")
    #expect(figures.contains("chart BarChart col clustered '各等级项目数'"))
  }
}
