import Foundation
import Scoring
import Testing

@testable import DataStore

/// Workbooks that name absurd rows and columns, unpack to gigabytes, are cut short, or
/// carry phonetic runs and numbers with more than four decimals.
@Suite struct WorkbookLimitsTests {
  typealias W = WorkbookFixture

  static func error(_ data: Data, limits: WorkbookReader.Limits = .standard) -> String? {
    do {
      _ = try WorkbookReader.sheets(data: data, file: "book.xlsx", limits: limits)
      return nil
    } catch {
      return error.description
    }
  }

  static func load(_ data: Data) throws(LoadError) -> Store {
    try TableImporter.workbook(data: data, file: "book.xlsx")
  }

  static func loadError(_ data: Data) -> String? {
    Support.loadError { () throws(LoadError) in try load(data) }?.description
  }

  static let part = "xl/worksheets/sheet1.xml"

  // MARK: Rows and columns

  /// Sixteen letters overflowed the column number (a trap).
  @Test func aColumnBeyondXFDIsRefused() throws {
    for reference in ["AAAAAAAAAAAAAAAA2", "ZZZZZZ2", "XFE2"] {
      let data = try W.data(sheet: W.sheet(W.header + "<row r=\"2\">" + W.number(reference, "1") + "</row>"))
      #expect(
        Self.error(data)
          == "book.xlsx: sheet part \(Self.part): cell reference '\(reference)' is beyond column XFD (16384), the last column a workbook has")
    }
  }

  @Test func columnXFDIsTheLastAccepted() throws {
    #expect(SheetCells.columnIndex("XFD7") == 16_383)
    #expect(SheetCells.columnName(16_383) == "XFD")
    #expect(SheetCells.columnIndex("AAAAAAAAAAAAAAAAAAAAAAAAAAAA1") == 16_384)
  }

  /// `<row r="2000000000">` in a 1.6 KB file asked for gigabytes.
  @Test func aRowBeyondTheLastIsRefused() throws {
    for r in ["2000000000", "1048577", "0", "-3", "x"] {
      let data = try W.data(sheet: W.sheet(W.header + "<row r=\"\(r)\">" + W.number("A\(r)", "1") + "</row>"))
      #expect(
        Self.error(data)
          == "book.xlsx: sheet part \(Self.part): row '\(r)' is not a row number from 1 to 1048576, the last row a workbook has")
    }
  }

  @Test func cellsArePlacedWithinTheCellLimit() throws {
    let limits = WorkbookReader.Limits(cells: 100)
    let wide = try W.data(sheet: W.sheet("<row r=\"1\">" + W.number("CW1", "1") + "</row>"))
    #expect(
      Self.error(wide, limits: limits)
        == "book.xlsx: sheet part \(Self.part): more than 100 cells (counting the empty ones before each filled one); save a table this large as CSV")
    // 11 rows padded to a 10-cell header: 110 cells.
    let rows = (2...11).map { "<row r=\"\($0)\">" + W.number("A\($0)", "1") + "</row>" }.joined()
    let tall = try W.data(sheet: W.sheet("<row r=\"1\">" + W.number("J1", "1") + "</row>" + rows))
    #expect(
      Self.error(tall, limits: limits)
        == "book.xlsx: sheet part \(Self.part): more than 100 cells once each row is as wide as the header; save a table this large as CSV")
  }

  /// A 3 MB zip bomb grew past 3 GB.
  @Test func aPartThatUnpacksBeyondTheLimitIsRefused() throws {
    let filler = String(repeating: " ", count: 3 << 20)
    let data = try W.data(sheet: W.sheet(W.header + filler))
    #expect(data.count < 64 << 10)
    #expect(
      Self.error(data, limits: WorkbookReader.Limits(uncompressedBytes: 1 << 20))
        == "book.xlsx: the workbook part \(Self.part) unpacks to more than 1 MiB (the limit for a whole workbook); save a table this large as CSV")
    #expect(WorkbookReader.Limits.standard.uncompressedBytes == 512 << 20)
  }

  // MARK: Damage

  /// A sheet cut short loaded the rows before the damage ("loaded 8 projects" of 19).
  @Test func aSheetCutShortFailsTheWholeWorkbook() throws {
    let rows = W.header + "<row r=\"2\">" + W.number("A2", "2023") + W.text("B2", "U") + W.number("C2", "1")
      + W.text("D2", "N") + W.number("E2", "5") + "</row><row r=\"3\"><c r=\"A3\"><v>20"
    let full = W.sheet(rows)
    let cut = String(full.prefix(full.count - "</sheetData></worksheet>".count))
    let error = Self.loadError(try W.data(sheet: cut))
    #expect(
      error
        == "book.xlsx: the workbook part \(Self.part) is damaged: the XML ends before its elements are closed (cut short?) at line 2, column \(cut.split(separator: "\n")[1].count + 1); nothing was loaded from the workbook")
  }

  @Test func malformedXMLFailsTheWholeWorkbook() throws {
    let sheet = W.sheet(W.header + "<row r=\"2\"><c r=\"A2\"><v>1</c></row>")
    // The position is where the wrong end tag ends: </c> after <v>.
    let column = sheet.split(separator: "\n")[1].range(of: "<v>1</c>")!.upperBound.utf16Offset(in: sheet.split(separator: "\n")[1]) + 1
    #expect(
      Self.loadError(try W.data(sheet: sheet))
        == "book.xlsx: the workbook part \(Self.part) is damaged: an XML element is closed by another's end tag at line 2, column \(column); nothing was loaded from the workbook")
    let shared = "<sst><si><t>a</si></sst>"
    #expect(
      Self.loadError(try W.data(sheet: W.sheet(W.header), shared: shared))
        == "book.xlsx: the workbook part xl/sharedStrings.xml is damaged: an XML element is closed by another's end tag at line 1, column 19; nothing was loaded from the workbook")
  }

  // MARK: Text and numbers

  static func row(name: String = W.text("D2", "N"), budget: String = W.number("E2", "5")) -> String {
    "<row r=\"2\">" + W.number("A2", "2023") + W.text("B2", "U") + W.number("C2", "1") + name + budget + "</row>"
  }

  /// A name loaded as `办公楼维修bangonglou`: the pinyin over it was taken as text.
  @Test func phoneticRunsAreNotText() throws {
    let shared = """
      <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">\
      <si><r><t>办公楼</t></r><r><t>维修</t></r><rPh sb="0" eb="3"><t>bangonglou</t></rPh>\
      <phoneticPr fontId="1"/></si></sst>
      """
    let sharedName = "<c r=\"D2\" t=\"s\"><v>0</v></c>"
    let store = try Self.load(try W.data(sheet: W.sheet(W.header + Self.row(name: sharedName)), shared: shared))
    #expect(store.projects[0].name == "办公楼维修")
    let inline = "<c r=\"D2\" t=\"inlineStr\"><is><t>办公楼维修</t><rPh sb=\"0\" eb=\"3\"><t>bangonglou</t></rPh></is></c>"
    #expect(try Self.load(try W.data(sheet: W.sheet(W.header + Self.row(name: inline)))).projects[0].name == "办公楼维修")
  }

  /// Workbooks leave out a row's empty cells at its end; such a row is not short.
  @Test func aRowWithoutItsTrailingEmptyCellsLoads() throws {
    let header = W.header.replacingOccurrences(of: "</row>", with: W.text("F1", "score") + W.text("G1", "grade") + "</row>")
    let store = try Self.load(try W.data(sheet: W.sheet(header + Self.row())))
    #expect(store.projects[0].score == nil)
    #expect(store.projects[0].budget == Money(tenThousandths: 50_000))
  }

  /// Numbers were rounded to four decimals with `%.4f`: 1.23456 loaded as 1.2346.
  @Test func aNumberWithMoreThanFourDecimalsIsRefused() throws {
    #expect(
      Self.loadError(try W.data(sheet: W.sheet(W.header + Self.row(budget: W.number("E2", "1.23456")))))
        == "book.xlsx[projects]:2: column 'budget' (field 5): '1.23456' has more than 4 decimals; expected an amount in 万元 with up to 4 decimals, e.g. 228.764")
  }

  @Test func excelsBinaryNoiseIsTheNumberTyped() throws {
    let store = try Self.load(try W.data(sheet: W.sheet(W.header + Self.row(budget: W.number("E2", "228.76400000000001")))))
    #expect(store.projects[0].budget == Money(tenThousandths: 2_287_640))
    #expect(SheetCells.number("1.5000000") == "1.5")
    #expect(SheetCells.number("1.5E-7") == "0.00000015")
    #expect(SheetCells.number("1.5E+20") == "150000000000000000000")
    #expect(SheetCells.number("83.250000000000014") == "83.25000000000001")
  }
}

/// Bytes that are not a zip, refused before ZIPFoundation opens them.
@Suite struct WorkbookZipTests {
  static func error(_ data: Data) -> String? {
    do {
      _ = try WorkbookReader.sheets(data: data, file: "book.xlsx")
      return nil
    } catch {
      return error.description
    }
  }

  @Test func bytesWithoutAZipEndRecordAreNotAWorkbook() throws {
    #expect(Self.error(Data("year,unit\n".utf8)) == "book.xlsx: not an .xlsx workbook (not a zip file)")
    // An end record whose comment runs past the end of the file.
    var data = try WorkbookFixture.data(sheet: WorkbookFixture.sheet(WorkbookFixture.header))
    #expect(ZipReader.endRecord(data) != nil)
    data[data.count - 2] = 0xFF
    #expect(ZipReader.endRecord(data) == nil)
    #expect(Self.error(data) == "book.xlsx: not an .xlsx workbook (not a zip file)")
  }

  /// ZIPFoundation looks for the end record over the whole file, one byte at a time.
  @Test func aLargeFileThatIsNotAZipIsRefusedQuickly() {
    let start = ContinuousClock.now
    #expect(Self.error(Data(count: 32 << 20)) == "book.xlsx: not an .xlsx workbook (not a zip file)")
    #expect(ContinuousClock.now - start < .seconds(2))
  }

  @Test func aChangedByteFailsTheChecksum() throws {
    var data = try WorkbookFixture.data(sheet: WorkbookFixture.sheet(WorkbookFixture.header), compression: .none)
    let at = try #require(data.range(of: Data("<sheetData>".utf8))).lowerBound + 1
    data[at] = UInt8(ascii: "S")
    #expect(
      Self.error(data) == "book.xlsx: the workbook part xl/worksheets/sheet1.xml is damaged: its checksum does not match")
    // Without the check (as the fuzzer reads) the changed XML is parsed.
    #expect(throws: ImportError.self) { try WorkbookReader.sheets(data: data, file: "book.xlsx", checkingCRC: false) }
  }
}
