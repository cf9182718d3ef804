import Testing

@testable import Scoring

/// Every spelling of a grade people write, in any case.
@Suite struct GradeTests {
  @Test(arguments: [
    ("优", Grade.excellent), ("A", .excellent), ("a", .excellent), ("excellent", .excellent),
    ("EXCELLENT", .excellent), ("Excellent", .excellent), ("you", .excellent), ("YOU", .excellent),
    ("优秀", .excellent),
    ("良", .good), ("B", .good), ("b", .good), ("good", .good), ("Good", .good), ("liang", .good),
    ("良好", .good),
    ("中", .fair), ("C", .fair), ("fair", .fair), ("zhong", .fair), ("中等", .fair), ("合格", .fair),
    ("差", .poor), ("D", .poor), ("poor", .poor), ("cha", .poor), ("较差", .poor), ("不合格", .poor),
  ])
  func spelling(_ text: String, _ grade: Grade) {
    #expect(Grade(text) == grade)
  }

  @Test(arguments: ["好", "", "E", "优良", "excellent!", "ok", "90", "上"])
  func unknownSpellingIsNil(_ text: String) {
    #expect(Grade(text) == nil)
  }

  @Test func namesAndOrder() {
    #expect(Grade.allCases.map(\.description) == ["优", "良", "中", "差"])
    #expect(Grade.allCases.map(\.englishName) == ["excellent", "good", "fair", "poor"])
    // Best first: the enum orders by rank, 优 before 良.
    #expect(Grade.excellent < Grade.good)
    #expect(Grade.fair < Grade.poor)
    #expect(Grade.validSpellings == "优 良 中 差 (also A B C D, excellent good fair poor, you liang zhong cha)")
  }

  @Test func substringsWork() {
    let line = "grade=良好"
    #expect(Grade(line.split(separator: "=")[1]) == .good)
  }
}

@Suite struct FundTests {
  @Test(arguments: [
    ("一般公共预算", Fund.general), ("一般公共", .general), ("general", .general), ("GENERAL", .general),
    ("政府性基金预算", .governmentFund), ("政府性基金", .governmentFund), ("Government", .governmentFund),
    ("社保基金预算", .socialSecurity), ("社会保险基金预算", .socialSecurity), ("社保基金", .socialSecurity),
    ("social", .socialSecurity),
    ("国有资本经营预算", .stateCapital), ("国有资本经营", .stateCapital), ("capital", .stateCapital),
  ])
  func spelling(_ text: String, _ fund: Fund) {
    #expect(Fund(text) == fund)
  }

  @Test(arguments: ["专项资金", "", "一般", "public", "基金"])
  func unknownIsNil(_ text: String) {
    #expect(Fund(text) == nil)
  }

  @Test func descriptions() {
    #expect(Fund.allCases.map(\.description) == ["一般公共预算", "政府性基金预算", "社保基金预算", "国有资本经营预算"])
  }
}

/// Qualitative tiers are read from the actual-value cell; 未达成 contains 达成.
@Suite struct TierTests {
  @Test(arguments: [
    ("未达成年度指标且效果较差", Tier.notAchieved),
    ("未达成", .notAchieved),
    ("not achieved", .notAchieved),
    ("Not Achieved", .notAchieved),
    ("notachieved", .notAchieved),
    ("部分达成年度指标并具有一定效果", .partlyAchieved),
    ("部分达成", .partlyAchieved),
    ("partly achieved", .partlyAchieved),
    ("Partly", .partlyAchieved),
    ("达成年度指标", .achieved),
    ("达成", .achieved),
    ("achieved", .achieved),
    ("ACHIEVED", .achieved),
  ])
  func reads(_ text: String, _ tier: Tier) {
    #expect(Tier(text) == tier)
  }

  @Test(arguments: ["完成", "", "良好", "达 成"])
  func unknownIsNil(_ text: String) {
    #expect(Tier(text) == nil)
  }

  @Test func names() {
    #expect(Tier.allCases.map(\.description) == ["达成", "部分达成", "未达成"])
    #expect(Tier.notAchieved.fullName == "未达成年度指标且效果较差")
    #expect(Tier(Tier.partlyAchieved.fullName) == .partlyAchieved)
  }
}

@Suite struct IndicatorKindTests {
  @Test(arguments: [
    ("正向", IndicatorKind.positive), ("≥", .positive), (">=", .positive), ("定量正向", .positive),
    ("Positive", .positive),
    ("反向", .negative), ("≤", .negative), ("<=", .negative), ("定量反向", .negative), ("negative", .negative),
    ("定性", .qualitative), ("qualitative", .qualitative),
  ])
  func reads(_ text: String, _ kind: IndicatorKind) {
    #expect(IndicatorKind(text) == kind)
  }

  @Test func unknownIsNil() {
    #expect(IndicatorKind("定量") == nil)
    #expect(IndicatorKind("=") == nil)
  }
}
