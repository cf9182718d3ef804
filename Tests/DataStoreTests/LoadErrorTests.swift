import Foundation
import Scoring
import Testing

@testable import DataStore

/// Every refusal names the file, the line, the column and what was expected.
@Suite struct LoadErrorTests {
  /// budget is field 6, score field 9, grade field 10.
  static let header = "year,unit,seq,name,fund,budget,initial,spent,score,grade"
  static let goodRow = "2023,双山子镇人民政府,1,办公楼及附属设施维修项目资金,一般公共预算,10,,,100,优"

  static func error(row: String, header: String = header) -> LoadError? {
    Support.loadError { () throws(LoadError) -> Store in
      try Support.parse(header + "\n" + goodRow + "\n" + row + "\n", file: "projects-test.csv")
    }
  }

  static let gradeList = "优 良 中 差 (also A B C D, excellent good fair poor, you liang zhong cha)"

  @Test(arguments: [
    (
      "2023,U,2,N,,12x,,,,", "budget", 6,
      "'12x' is not an amount; expected 万元 with up to 4 decimals, e.g. 228.764"
    ),
    (
      "2023,U,2,N,,1.23456,,,,", "budget", 6,
      "'1.23456' has more than 4 decimals; expected an amount in 万元 with up to 4 decimals, e.g. 228.764"
    ),
    (
      "2023,U,2,N,,-5,,,,", "budget", 6,
      "'-5' is negative; expected an amount in 万元, e.g. 228.764"
    ),
    (
      "2023,U,2,N,,5元,,,,", "budget", 6,
      "'5元' is in 元; expected an amount in 万元 with up to 4 decimals, e.g. 228.764"
    ),
    (
      "2023,U,2,N,,,,,,", "budget", 6,
      "empty; expected the adjusted budget in 万元, e.g. 228.764"
    ),
    (
      "2023,U,2,N,,5,abc,,,", "initial", 7,
      "'abc' is not an amount; expected 万元 with up to 4 decimals, e.g. 228.764"
    ),
    (
      "2023,U,2,N,,5,,,,好", "grade", 10,
      "'好' is not a grade; expected one of \(gradeList)"
    ),
    (
      "2023,U,2,N,,5,,,100.5,优", "score", 9,
      "'100.5' is above 100; expected a score from 0 to 100, e.g. 83.25"
    ),
    (
      "2023,U,2,N,,5,,,-1,差", "score", 9,
      "'-1' is negative; expected a score from 0 to 100 with up to 4 decimals, e.g. 83.25"
    ),
    (
      "2023,U,2,N,,5,,,83.25x,良", "score", 9,
      "'83.25x' is not a number; expected a score from 0 to 100 with up to 4 decimals, e.g. 83.25"
    ),
    (
      "2023,U,2,N,,5,,,83.25001,良", "score", 9,
      "'83.25001' has more than 4 decimals; expected a score from 0 to 100 with up to 4 decimals, e.g. 83.25"
    ),
    (
      "2023,U,2,N,专项资金,5,,,,", "fund", 5,
      "'专项资金' is not a budget book; expected one of 一般公共预算, 政府性基金预算, 社保基金预算, 国有资本经营预算"
    ),
    (
      "二〇二三,U,2,N,,5,,,,", "year", 1,
      "'二〇二三' is not a year; expected a whole number from 1900 to 2200"
    ),
    (
      "1899,U,2,N,,5,,,,", "year", 1,
      "'1899' is not a year; expected a whole number from 1900 to 2200"
    ),
    (
      ",U,2,N,,5,,,,", "year", 1,
      "empty; expected a year, a whole number"
    ),
    (
      "2023,,2,N,,5,,,,", "unit", 2,
      "empty; expected a value"
    ),
    (
      "2023,U,0,N,,5,,,,", "seq", 3,
      "'0' is not a row number; expected a whole number from 1 to 2147483647"
    ),
    (
      "2023,U,3.5,N,,5,,,,", "seq", 3,
      "'3.5' is not a row number; expected a whole number from 1 to 2147483647"
    ),
    (
      "2023,U,2,,,5,,,,", "name", 4,
      "empty; expected a value"
    ),
  ])
  func badCell(_ row: String, _ column: String, _ field: Int, _ message: String) throws {
    let error = try #require(Self.error(row: row))
    #expect(error == LoadError(file: "projects-test.csv", line: 3, column: column, field: field, message: message))
    #expect(error.description == "projects-test.csv:3: column '\(column)' (field \(field)): \(message)")
  }

  /// The column is named as the file writes it, so a Chinese header is quoted back.
  @Test func chineseColumnNameInTheError() throws {
    let header = "年度,主管部门（单位）,序号,项目名称,资金类型,预算金额（调整后）,年初预算,决算数,自评分,自评级"
    let error = try #require(Self.error(row: "2023,U,2,N,,5,,,,好", header: header))
    #expect(error.column == "自评级")
    #expect(error.field == 10)
    #expect(error.description == "projects-test.csv:3: column '自评级' (field 10): '好' is not a grade; expected one of \(Self.gradeList)")
  }

  @Test func missingRequiredColumn() throws {
    let noName = Support.loadError { () throws(LoadError) -> Store in
      try Support.parse("year,unit,seq,budget\n2023,U,1,5\n")
    }
    #expect(noName == LoadError(file: "projects.csv", line: 1, message: "missing required column name or 项目名称"))
    let noBudget = Support.loadError { () throws(LoadError) -> Store in
      try Support.parse("\n\nyear,unit,seq,name\n2023,U,1,N\n")
    }
    #expect(
      noBudget
        == LoadError(file: "projects.csv", line: 3, message: "missing required column budget or 预算金额（调整后） or 预算金额(调整后)"))
    #expect(noBudget?.description == "projects.csv:3: missing required column budget or 预算金额（调整后） or 预算金额(调整后)")
  }

  @Test func columnNamedTwice() {
    let error = Support.loadError { () throws(LoadError) -> Store in
      try Support.parse("year,unit,seq,name,budget,年度\n")
    }
    #expect(error == LoadError(file: "projects.csv", line: 1, column: "年度", field: 6, message: "names the column 'year' a second time"))
  }

  @Test func duplicateProjectWithinAFile() throws {
    let error = try #require(Self.error(row: "2023,双山子镇人民政府,1,another name,,5,,,,"))
    #expect(
      error
        == LoadError(
          file: "projects-test.csv", line: 3, column: "seq", field: 3,
          message:
            "duplicate project: year 2023, unit 双山子镇人民政府, seq 1 is already on line 2; expected (year, unit, seq) to be unique"))
  }

  @Test func sameSeqInAnotherYearOrUnitIsNoDuplicate() throws {
    let text = Self.header + "\n" + Self.goodRow + "\n2022,双山子镇人民政府,1,N,,5,,,,\n2023,示例镇,1,N,,5,,,,\n"
    #expect(try Support.parse(text).projects.count == 3)
  }

  @Test func rowWithTooManyFields() {
    let error = Support.loadError { () throws(LoadError) -> Store in
      try Support.parse(Self.header + "\n" + Self.goodRow + "\n2023,U,2,N,,1,249.58,,,100,优\n")
    }
    #expect(
      error
        == LoadError(
          file: "projects.csv", line: 3, message: "has 11 fields but the header has 10; quote fields that contain the separator"))
  }

  @Test func invalidUTF8NamesTheLine() {
    var bytes = Array((Self.header + "\n" + Self.goodRow + "\n2023,").utf8)
    bytes += [0xFF, 0xFE]
    bytes += Array(",2,N,,5,,,,\n".utf8)
    let error = Support.loadError { () throws(LoadError) -> Store in try Support.parse(bytes: bytes) }
    #expect(
      error
        == LoadError(
          file: "projects.csv", line: 3,
          message: "neither UTF-8 nor GB18030 text; save the file as CSV UTF-8 (or name the encoding with --encoding)"))
  }

  @Test func unterminatedQuoteInAFile() {
    let error = Support.loadError { () throws(LoadError) -> Store in
      try Support.parse(Self.header + "\n" + Self.goodRow + "\n2023,\"U,2,N,,5\n2023,U,3,N,,5\n")
    }
    #expect(
      error
        == LoadError(
          file: "projects.csv", line: 3,
          message: "field 2: a quoted field is never closed; expected a closing \" before the end of the file"))
  }

  @Test func textAfterAQuoteInAFile() {
    let error = Support.loadError { () throws(LoadError) -> Store in
      try Support.parse(Self.header + "\n\"2023\"x,U,2,N,,5\n")
    }
    #expect(
      error
        == LoadError(
          file: "projects.csv", line: 2,
          message:
            "field 1: text after a closing quote; expected a comma or the end of the line (write \"\" for a quote inside a quoted field)"
        ))
  }

  @Test func emptyFile() {
    let error = Support.loadError { () throws(LoadError) -> Store in try Support.parse("\n\n") }
    #expect(error == LoadError(file: "projects.csv", message: "empty file; expected a header row"))
    #expect(error?.description == "projects.csv: empty file; expected a header row")
  }

  @Test func badDepartmentPercent() {
    let error = Support.loadError { () throws(LoadError) -> Store in
      try Support.parse("year,unit,rate\n2023,U,abc%\n", kind: .departments, file: "departments.csv")
    }
    #expect(
      error
        == LoadError(
          file: "departments.csv", line: 2, column: "rate", field: 3,
          message: "'abc%' is not a percentage; expected a number with an optional %, e.g. 94.74%"))
  }

  /// A department amount printed in 元 is kept (an audit points it out), not refused.
  @Test func departmentAmountInYuanIsKept() throws {
    let store = try Support.parse("year,unit,budget\n2023,U,1249.58元\n", kind: .departments, file: "departments.csv")
    #expect(store.departments[0].budget?.unit == .yuan)
    #expect(store.departments[0].budget?.amount == Money(tenThousandths: 12_495_800))
  }

  /// A trailing tab or ideographic space is trimmed from a budget; a score must be
  /// read the same way. Today the score is refused with a message quoting the
  /// trimmed text, so it reads "'83.25' is not a number".
  @Test(arguments: ["83.25\t", "83.25\u{3000}", "\t83.25"])
  func scoreCellIsTrimmedLikeAnAmount(_ cell: String) throws {
    let text = Self.header + "\n2023,U,1,N,,228.764\t,,,\(cell),良\n"
    let store = try Support.parse(text)
    #expect(store.projects[0].budget == Money(tenThousandths: 2_287_640))
    #expect(store.projects[0].score == 832_500)
  }
}
