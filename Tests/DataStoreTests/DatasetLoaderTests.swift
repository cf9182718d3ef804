import Foundation
import Scoring
import Testing

@testable import DataStore

/// Loading project, department and fund files: headers in English or Chinese, values typed.
@Suite struct DatasetLoaderTests {
  static let englishHeader = "year,unit,seq,name,fund,budget,initial,spent,score,grade"
  static let chineseHeader = "年度,主管部门（单位）,序号,项目名称,资金类型,预算金额（调整后）,年初预算,决算数,自评分,自评级"
  static let rows = """
    2023,双山子镇人民政府,3,村级组织运转经费-村干部基础职务补贴,一般公共预算,228.764,200,150.5,83.25,良
    2023,双山子镇人民政府,9,燃煤锅炉改造及清洁能源补贴（运转保障）,政府性基金预算,30,,,100,优
    2022,示例镇,1,"办公楼维修, 一期",,0.432,0.4,0.432,59.99,差

    """

  static let expected = [
    Project(
      year: 2023, unit: "双山子镇人民政府", seq: 3, name: "村级组织运转经费-村干部基础职务补贴", fund: .general,
      budget: Money(tenThousandths: 2_287_640), initial: Money(tenThousandths: 2_000_000),
      spent: Money(tenThousandths: 1_505_000), score: 832_500, grade: .good),
    Project(
      year: 2023, unit: "双山子镇人民政府", seq: 9, name: "燃煤锅炉改造及清洁能源补贴（运转保障）", fund: .governmentFund,
      budget: Money(tenThousandths: 300_000), score: 1_000_000, grade: .excellent),
    Project(
      year: 2022, unit: "示例镇", seq: 1, name: "办公楼维修, 一期", budget: Money(tenThousandths: 4_320),
      initial: Money(tenThousandths: 4_000), spent: Money(tenThousandths: 4_320), score: 599_900, grade: .poor),
  ]

  static func projects(_ store: Store) -> [Project] {
    (0..<store.projects.count).map { store.projects[$0] }
  }

  @Test func englishHeaders() throws {
    let store = try Support.parse(Self.englishHeader + "\n" + Self.rows)
    #expect(Self.projects(store) == Self.expected)
    #expect(store.files == ["projects.csv"])
    #expect(store.years == [2022, 2023])
  }

  @Test func chineseHeadersLoadTheSame() throws {
    let english = try Support.parse(Self.englishHeader + "\n" + Self.rows)
    let chinese = try Support.parse(Self.chineseHeader + "\n" + Self.rows)
    #expect(Self.projects(chinese) == Self.projects(english))
    #expect(Self.projects(chinese) == Self.expected)
  }

  /// 执行数 is the other name of 决算数; half-width brackets and spaces are accepted too.
  @Test func alternativeChineseHeaders() throws {
    let header = "年份, 主管部门(单位) ,序号,项目名称,预算类型,全年预算数,年初预算数,执行数,自评得分,自评等级"
    let store = try Support.parse(header + "\n" + Self.rows)
    #expect(Self.projects(store) == Self.expected)
  }

  @Test func columnsInAnyOrderAndUnknownColumnsIgnored() throws {
    let text = """
      备注,grade,budget,name,seq,unit,year
      anything,B,10,党建工作经费,6,U,2023

      """
    let store = try Support.parse(text)
    #expect(Self.projects(store) == [
      Project(year: 2023, unit: "U", seq: 6, name: "党建工作经费", budget: Money(tenThousandths: 100_000), grade: .good)
    ])
  }

  @Test func amountsWithUnitsAndSeparators() throws {
    let text = """
      year,unit,seq,name,budget,initial,spent
      2023,U,1,N,228.764万元,"1,249.58",1，000

      """
    let p = try Support.parse(text).projects[0]
    #expect(p.budget == Money(tenThousandths: 2_287_640))
    #expect(p.initial == Money(tenThousandths: 12_495_800))
    #expect(p.spent == Money(tenThousandths: 10_000_000))
  }

  /// A short row used to load with its missing cells taken as empty.
  @Test func aRowWithFewerFieldsThanTheHeaderIsAnError() {
    let error = Support.loadError { () throws(LoadError) in try Support.parse(Self.englishHeader + "\n2023,U,1,N,,5\n") }
    #expect(
      error?.description
        == "projects.csv:2: column 'initial' (field 7): the row ends after 6 fields but the header has 10; expected a field for every column (an empty one between commas is fine)")
  }

  @Test func aRowMayLeaveOutFieldsUnderEmptyTrailingHeaders() throws {
    let store = try Support.parse(Self.englishHeader + ",,\n2023,U,1,N,,5,,,,\n")
    #expect(store.projects.count == 1)
  }

  @Test func trailingEmptyFieldsAreAllowed() throws {
    let store = try Support.parse(Self.englishHeader + "\n2023,U,1,N,,5,,,,,,,\n")
    #expect(store.projects.count == 1)
  }

  @Test func emptyFileOfHeadersOnly() throws {
    let store = try Support.parse(Self.englishHeader + "\n")
    #expect(store.projects.count == 0)
    #expect(store.files == ["projects.csv"])
  }

  @Test func gradeSpellingsInFiles() throws {
    let text = Self.englishHeader + "\n2023,U,1,N,,5,,,,A\n2023,U,2,N,,5,,,,良好\n2023,U,3,N,,5,,,,zhong\n2023,U,4,N,,5,,,,较差\n"
    let store = try Support.parse(text)
    #expect((0..<4).map { store.projects[$0].grade } == [.excellent, .good, .fair, .poor])
  }

  // MARK: departments and funds

  @Test func departmentKeepsPrintedUnitsAndPercents() throws {
    let text = """
      年度,单位,年初预算,调整后预算,决算数,支出率,项目个数,评优率,自评得分,评价等级,优,良,中,差
      2023,双山子镇人民政府,1009.62,1249.58元,1249.58万元,123.76%,19,100％,95.25,优,18,1,0,0

      """
    let store = try Support.parse(text, kind: .departments, file: "departments.csv")
    let d = try #require(store.departments.first)
    #expect(d.initial == StatedMoney(amount: Money(tenThousandths: 10_096_200), unit: .none))
    #expect(d.budget == StatedMoney(amount: Money(tenThousandths: 12_495_800), unit: .yuan))
    #expect(d.spent == StatedMoney(amount: Money(tenThousandths: 12_495_800), unit: .wanYuan))
    #expect(d.budget?.description == "1249.58元")
    #expect(d.rate == StatedPercent(tenThousandths: 1_237_600))
    #expect(d.rate?.description == "123.76%")
    #expect(d.excellentRate == StatedPercent(tenThousandths: 1_000_000))
    #expect(d.projectCount == 19)
    #expect(d.score == 952_500)
    #expect(d.grade == .excellent)
    #expect(d.gradeCounts == [.excellent: 18, .good: 1, .fair: 0, .poor: 0])
  }

  @Test func fundLines() throws {
    let text = """
      年度,单位,资金类型,项目个数,涉及资金,占比
      2023,U,一般公共预算,19,560.67,100%
      2023,U,政府性基金,0,0,0%

      """
    let store = try Support.parse(text, kind: .funds, file: "funds.csv")
    #expect(store.funds.count == 2)
    #expect(store.funds[0].fund == .general)
    #expect(store.funds[0].projectCount == 19)
    #expect(store.funds[0].budget == StatedMoney(amount: Money(tenThousandths: 5_606_700)))
    #expect(store.funds[0].share == StatedPercent(tenThousandths: 1_000_000))
    #expect(store.funds[1].fund == .governmentFund)
    #expect(store.funds[1].budget?.amount == Money.zero)
  }

  @Test func datasetKindFromFileName() {
    #expect(DatasetKind(fileName: "projects-2023-shuangshanzi.csv") == .projects)
    #expect(DatasetKind(fileName: "Departments.CSV") == .departments)
    #expect(DatasetKind(fileName: "funds.csv") == .funds)
    #expect(DatasetKind(fileName: "indicators-x.csv") == .indicators)
    #expect(DatasetKind(fileName: "projects.txt") == nil)
    #expect(DatasetKind(fileName: "my-projects.csv") == nil)
  }
}
