import Foundation
import Scoring
import Testing

@testable import DataStore

/// Line ends, short rows, NUL bytes and the comma rule for amounts.
@Suite struct CSVTextRulesTests {
  static let header = "year,unit,seq,name,budget"

  static func error(_ text: String, kind: DatasetKind = .projects) -> String? {
    Support.loadError { () throws(LoadError) in try Support.parse(text, kind: kind) }?.description
  }

  // MARK: Writing a field

  /// A field is quoted when its bytes hold a comma, quote or line break, even where a
  /// combining mark makes the comma part of a longer Character; written and read back,
  /// each text is one field again.
  @Test func fieldsAreQuotedByTheirBytes() throws {
    #expect(CSVField.quoted("村级道路") == "村级道路")
    #expect(CSVField.quoted("a,b") == "\"a,b\"")
    #expect(CSVField.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(CSVField.quoted("x\r\ny") == "\"x\r\ny\"")
    let texts = ["a,\u{301}b", "二期\n", "\"", "", "，全角逗号"]
    let records = try Support.records(texts.map(CSVField.quoted).joined(separator: ",") + "\n")
    #expect(records.map(\.fields) == [texts])
  }

  // MARK: Lone CR

  /// A file from old Mac Excel, lines ended by CR alone, used to load as one header
  /// line and 0 rows.
  @Test func loneCRLineEndsAreLineEnds() throws {
    let store = try Support.parse(Self.header + "\r2023,U,1,N,5\r2023,U,2,M,6.5\r")
    #expect(store.projects.count == 2)
    #expect(store.projects[1].name == "M")
    #expect(store.projects[1].budget == Money(tenThousandths: 65_000))
  }

  @Test func loneCRRecordsAndBlankLinesAreCountedAsLines() throws {
    let records = try Support.records("a,b\rc,d\r\re,\"f\rg\"\rh\r\n")
    #expect(records.map(\.line) == [1, 2, 4, 6])
    #expect(records.map(\.fields) == [["a", "b"], ["c", "d"], ["e", "f\rg"], ["h"]])
  }

  @Test func anErrorInALoneCRFileNamesItsLine() {
    #expect(
      Self.error(Self.header + "\r2023,U,1,N,5\r\r2023,U,2,M,five\r")
        == "projects.csv:4: column 'budget' (field 5): 'five' is not an amount; expected 万元 with up to 4 decimals, e.g. 228.764")
  }

  @Test func invalidUTF8InALoneCRFileNamesItsLine() {
    var bytes = Array((Self.header + "\r2023,U,1,N,5\r2023,").utf8)
    bytes += [0xFF, 0xFE]
    bytes += Array(",2,M,6\r".utf8)
    let error = Support.loadError { () throws(LoadError) in try Support.parse(bytes: bytes) }
    #expect(error?.line == 3)
  }

  // MARK: NUL

  /// A NUL byte used to be kept inside the cell's text.
  @Test func aNulByteInACellIsAnError() {
    #expect(
      Self.error(Self.header + "\n2023,U\u{0}X,1,N,5\n")
        == "projects.csv:2: column 'unit' (field 2): a NUL byte (0x00), which text never holds; expected CSV text in UTF-8 (a UTF-16 file has one in every other byte: save it as CSV UTF-8)")
    #expect(
      Self.error(Self.header + "\n2023,U,1,\"N\nN\u{0}\",5\n")
        == "projects.csv:3: column 'name' (field 4): a NUL byte (0x00), which text never holds; expected CSV text in UTF-8 (a UTF-16 file has one in every other byte: save it as CSV UTF-8)")
  }

  @Test func aUTF16FileIsRefusedAtItsFirstNul() {
    let utf16 = Array((Self.header + "\n").utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let error = Support.loadError { () throws(LoadError) in try Support.parse(bytes: utf16) }
    #expect(
      error?.description
        == "projects.csv:1: field 1: a NUL byte (0x00), which text never holds; expected CSV text in UTF-8 (a UTF-16 file has one in every other byte: save it as CSV UTF-8)")
  }

  // MARK: Commas in amounts

  @Test(arguments: [
    ("1,234.5", 12_345_000), ("12,345,678", 123_456_780_000), ("999,999", 9_999_990_000), ("1，234", 12_340_000),
    ("1234.5", 12_345_000), ("0,001", 10_000),
  ] as [(String, Int64)])
  func commasBetweenThousandsAreAccepted(_ text: String, _ tenThousandths: Int64) throws {
    let store = try Support.parse(Self.header + "\n2023,U,1,N,\"\(text)\"\n")
    #expect(store.projects[0].budget == Money(tenThousandths: tenThousandths))
  }

  /// `1.000,5` used to load as 1.0005 and `12,34` as 1234.
  @Test(arguments: ["1.000,5", "12,34", "1,2345", "1234,567", ",123", "123,", "1,,234", "1,234.5,6", "1.234,567"])
  func aCommaAnywhereElseIsRefusedWithTheColumn(_ text: String) {
    #expect(
      Self.error(Self.header + "\n2023,U,1,N,\"\(text)\"\n")
        == "projects.csv:2: column 'budget' (field 5): '\(text)' is not an amount: a comma may only separate thousands, as in 1,234.5; expected 万元 with up to 4 decimals, e.g. 228.764")
  }

  @Test func theCommaRuleHoldsForStatedMoneyToo() {
    #expect(
      Self.error("year,unit,budget\n2023,U,\"1.249,58元\"\n", kind: .departments)
        == "projects.csv:2: column 'budget' (field 3): '1.249,58元' is not an amount: a comma may only separate thousands, as in 1,234.5; expected 万元 with up to 4 decimals, e.g. 228.764")
  }

  // MARK: Too large

  /// A number beyond the limit used to be called "not an amount".
  @Test func anAmountTooLargeSaysSoWithTheLimit() {
    #expect(
      Self.error(Self.header + "\n2023,U,1,N,10000000000000\n")
        == "projects.csv:2: column 'budget' (field 5): '10000000000000' is too large; the largest amount accepted is 1000000000000")
    #expect(
      Self.error(Self.header + "\n2023,U,1,N,\"99,999,999,999,999,999,999\"\n")
        == "projects.csv:2: column 'budget' (field 5): '99,999,999,999,999,999,999' is too large; the largest amount accepted is 1000000000000")
  }

  @Test func aPercentageTooLargeSaysSo() {
    #expect(
      Self.error("year,unit,rate\n2023,U,99999999999999999%\n", kind: .departments)
        == "projects.csv:2: column 'rate' (field 3): '99999999999999999%' is too large; the largest percentage accepted is 1000000000000")
  }
}

/// The comma rule in the project table of an imported report.
@Suite struct ReportAmountCommaTests {
  static func report(_ budget: String) -> String {
    """
    2024年度部门整体绩效自评工作报告
    | 序号 | 主管部门（单位） | 项目名称 | 预算金额（调整后） | 自评分 | 自评级 |
    | --- | --- | --- | ---: | ---: | --- |
    | 1 | 某乡人民政府 | 防火防汛工作经费 | \(budget) | 95.5 | 优 |
    """
  }

  @Test func thousandsSeparatorsAreRead() throws {
    let result = try ReportImporter.parse(text: Self.report("1,208.5"))
    #expect(result.store.projects.count == 1)
    #expect(result.store.projects[0].budget == Money(tenThousandths: 12_085_000))
  }

  /// `1.208,5` used to be read as 1.2085.
  @Test func anyOtherCommaLeavesTheRowOut() throws {
    let result = try ReportImporter.parse(text: Self.report("1.208,5"))
    #expect(result.store.projects.count == 0)
    #expect(result.problems.contains("row #1: budget '1.208,5' is not an amount"))
  }
}
