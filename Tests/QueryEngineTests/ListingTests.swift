import DataStore
import QuerySyntax
import Scoring
import Testing

@testable import QueryEngine

/// `projects …` over the seed: which rows, in which order, with which columns.
@Suite struct ListingTests {
  static let unit = "双山子镇人民政府"

  @Test func theOneGoodProject() throws {
    let t = try table("projects where grade = 良")
    // spent is empty in every row, so the default listing leaves it out.
    #expect(t.columnNames == ["year", "unit", "seq", "name", "budget", "score", "grade"])
    #expect(t.rows == [[
      .integer(2023), .text(Self.unit), .integer(3), .text("村级组织运转经费-村干部基础职务补贴"),
      .money(Money(tenThousandths: 2_287_640)), .score(832_500), .grade(.good),
    ]])
    #expect(t.displayed == [["2023", Self.unit, "3", "村级组织运转经费-村干部基础职务补贴", "228.764", "83.25", "良"]])
    #expect(t.columns.map(\.numeric) == [true, false, true, false, true, true, false])
    #expect(t.notes == [])
    #expect(t.showsRowCount)
  }

  @Test func largestFiveByBudget() throws {
    let t = try table("projects sort by budget desc limit 5")
    #expect(t.column("seq") == [3, 5, 2, 4, 9].map { .integer($0) })
    #expect(t.column("budget").map(\.display) == ["228.764", "119", "68.38", "61.5", "30"])
  }

  /// Ties keep file order: the four projects of 1 万元 are #6, #10, #13, #18.
  @Test func smallestFirstWithTiesInFileOrder() throws {
    let t = try table("projects sort by budget limit 4 show seq, budget")
    #expect(t.displayed == [["15", "0.432"], ["6", "1"], ["10", "1"], ["13", "1"]])
  }

  @Test func twoSortKeys() throws {
    let t = try table("projects sort by score, budget desc limit 4 show seq")
    #expect(t.column("seq") == [3, 4, 5, 2].map { .integer($0) })
  }

  @Test func sortingByAnAllMissingFieldKeepsFileOrder() throws {
    let t = try table("projects sort by spent desc show seq")
    #expect(t.column("seq") == (1...19).map { .integer($0) })
  }

  @Test func limitZeroAndLimitAboveTheCount() throws {
    #expect(try table("projects limit 0").rows.isEmpty)
    #expect(try table("projects limit 100").rows.count == 19)
  }

  @Test func chineseFieldNames() throws {
    let t = try table("projects where 等级 = 良 show 序号, 项目名称, 预算")
    #expect(t.columnNames == ["seq", "name", "budget"])
    #expect(t.displayed == [["3", "村级组织运转经费-村干部基础职务补贴", "228.764"]])
  }

  @Test func showEverything() throws {
    let t = try table("projects where seq = 15 show *")
    #expect(t.columnNames == ["year", "unit", "seq", "name", "fund", "budget", "initial", "spent", "rate", "score", "grade", "rate_points"])
    #expect(t.rows == [[
      .integer(2023), .text(Self.unit), .integer(15), .text("矽肺病人员伤残补助"), .fund(.general),
      .money(Money(tenThousandths: 4_320)), .missing, .missing, .missing, .score(1_000_000), .grade(.excellent), .missing,
    ]])
  }

  @Test func explicitShowKeepsEmptyColumns() throws {
    let t = try table("projects where seq = 1 show seq, spent")
    #expect(t.rows == [[.integer(1), .missing]])
  }

  @Test func nameThatMatchesNothingSaysWhatIsClose() throws {
    let t = try table("projects where name = 党建经费")
    #expect(t.rows.isEmpty)
    #expect(t.notes == ["no name is exactly '党建经费'; did you mean '党建工作经费'?"])
    #expect(t.columnNames == ["year", "unit", "seq", "name", "budget"])
  }

  @Test func namePrefixSuggestsContains() throws {
    let t = try table("projects where name = 村级组织运转经费")
    #expect(t.rows.isEmpty)
    #expect(t.notes == [
      "no name is exactly '村级组织运转经费'; did you mean '村级组织运转经费-村干部基础职务补贴', or name contains 村级组织运转经费?"
    ])
  }

  @Test func repeatedNamesAreTwoProjects() throws {
    let t = try table("projects where name = \"村级组织运转经费-服务群众专项经费\" sort by budget show seq, budget")
    #expect(t.displayed == [["8", "5.7"], ["5", "119"]])
    #expect(t.notes == [])
  }

  @Test func yearsTable() throws {
    let t = try table("years")
    #expect(t.columnNames == ["year", "units", "projects", "budget", "departments", "indicators"])
    #expect(t.displayed == [["2023", "1", "19", "553.956", "1", "0"]])
  }

  /// Years counted in one pass: each year's units, projects and budget, in year order
  /// whatever the row order.
  @Test func yearsTableOverSeveralYears() throws {
    let store = try projectStore("""
      year,unit,seq,name,budget
      2024,乙,1,a,2.5
      2022,甲,1,b,1
      2024,甲,2,c,0
      2022,甲,2,d,0.0001
      2024,丙,3,e,10
      """)
    let t = try table("years", store: store)
    #expect(t.displayed == [["2022", "1", "2", "1.0001", "0", "0"], ["2024", "3", "3", "12.5", "0", "0"]])
  }

  @Test func departmentFiguresAsStated() throws {
    let t = try table("departments in 2023")
    #expect(t.columnNames == ["year", "unit", "figure", "stated"])
    #expect(t.column("unit").allSatisfy { $0 == .text(Self.unit) })
    let figures = t.rows.map { [$0[2].display, $0[3].display] }
    #expect(figures == [
      ["年初预算", "1009.62"], ["调整后预算", "1249.58元"], ["决算数", "1249.58"], ["支出率", "123.76%"],
      ["项目个数", "19"], ["项目年初预算", "553.96"], ["项目调整后预算", "553.96"], ["项目决算数", "382.18"],
      ["项目支出率", "69%"], ["自评项目个数", "19"], ["自评预算资金", "560.67"],
      ["“优”项目", "18"], ["“良”项目", "1"], ["“中”项目", "0"], ["“差”项目", "0"], ["评优率", "100%"],
      ["部门整体自评得分", "95.25"], ["部门整体评价等级", "优"], ["在职人员", "76"], ["内设机构", "9"], ["预算单位", "1"],
    ])
  }

  /// 执行率 is spent ÷ budget, exact; a zero or missing budget or spent leaves it missing.
  @Test func rateIsDerivedExactly() throws {
    let store = try projectStore(
      """
      year,unit,seq,name,budget,spent,score
      2023,U,1,A,43.2,37.24,90
      2023,U,2,B,100,100,100
      2023,U,3,C,0,5,80
      2023,U,4,D,10,,70
      2023,U,5,E,8,12,60

      """)
    let t = try table("projects show seq, rate", store: store)
    #expect(t.displayed == [["1", "86.20%"], ["2", "100.00%"], ["3", ""], ["4", ""], ["5", "150.00%"]])
    #expect(try table("count where rate < 90", store: store).single == .integer(1))
    #expect(try table("count where rate >= 100", store: store).single == .integer(2))
    #expect(try table("count where rate = 150%", store: store).single == .integer(1))
    #expect(try table("count where rate is missing", store: store).single == .integer(2))
    // (37.24/43.2 + 1 + 1.5) / 3 = 112.07 %
    #expect(try table("avg rate", store: store).single?.display == "112.07%")
    #expect(try table("sum spent", store: store).single?.display == "154.24")
    #expect(try table("projects sort by rate desc show seq", store: store).column("seq") == [5, 2, 1, 3, 4].map { .integer($0) })
  }
}
