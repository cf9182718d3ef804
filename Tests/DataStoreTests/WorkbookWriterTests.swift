import Foundation
import Testing

@testable import DataStore

/// The workbook writer's own rules, read back with jixiao's reader.
@Suite struct WorkbookWriterTests {
  @Test func aTableLongerThanASheetIsRefusedBeforeAnythingIsBuilt() {
    let rows = Array(repeating: [WorkbookWriter.Cell](), count: WorkbookWriter.rowLimit + 1)
    #expect(throws: WriteError(
      file: "workbook", message: "1048577 rows do not fit in a sheet, which holds at most 1048576",
      suggestion: "export csv for a table this large, or narrow it with where")) {
      try WorkbookWriter.data(sheets: [WorkbookSheet(name: "result", rows: rows)])
    }
  }

  @Test func ctrlCStopsALargeWorkbook() {
    let rows = Array(repeating: [WorkbookWriter.Cell.number("1")], count: 20_000)
    #expect(throws: WriteError(file: "workbook", message: "interrupted (Ctrl-C); nothing was written", interrupted: true)) {
      try WorkbookWriter.data(sheets: [WorkbookSheet(name: "result", rows: rows)], interrupted: { true })
    }
  }

  @Test func sheetNamesAreCleanedAndMadeUnique() {
    #expect(WorkbookWriter.uniqueNames(["result", "Result", "a/b", "", String(repeating: "长", count: 40)])
      == ["result", "Result (2)", "ab", "Sheet4", String(repeating: "长", count: 31)])
  }

  @Test func notesSitUnderTheTableAndStayOutOfItWhenReadBack() throws {
    let sheet = WorkbookSheet(
      name: "result",
      rows: [[.text("figure"), .text("2023")], [.text("项目预算"), .number("372.7", format: "#,##0.0")]],
      header: true, widths: [8, 6], notes: ["a note"],
      chart: TableChart(kind: .columns, title: "t", labels: 0, values: [1], rows: 0..<1))
    let data = try WorkbookWriter.data(sheets: [sheet])
    let read = try WorkbookReader.sheets(data: data, file: "book.xlsx")
    #expect(read.count == 1)
    #expect(read[0].grid.rows == [["figure", "2023"], ["项目预算", "372.7"]])
    let xml = String(decoding: try #require(try ZipReader(data).part("xl/worksheets/sheet1.xml", limit: 1 << 20, checkingCRC: true)), as: UTF8.self)
    #expect(xml.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
    #expect(xml.contains(#"<col min="1" max="1" width="10" customWidth="1"/>"#))
    #expect(xml.contains(#"<c r="B2" s="2"><v>372.7</v></c>"#))
    #expect(xml.contains(#"<row r="4"><c r="A4" t="inlineStr"><is><t xml:space="preserve">a note</t></is></c></row>"#))
    #expect(xml.contains(#"<autoFilter ref="A1:B2"/>"#))
  }
}
