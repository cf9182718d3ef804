import Testing

@testable import Scoring

/// The narrative checks on report text. The lines are those of the 2023 双山子镇 report
/// (datasets/source/shuangshanzi-2023-report.txt), at their line numbers there, beside
/// lines a correct report has, which must pass without a finding.
@Suite struct NarrativeAuditTests {
  static let heading = "青龙满族自治县双山子镇人民政府"
  static let unit = "双山子镇人民政府"

  static func input(_ lines: [(Int, String)], year: Int = 2023, unit: String = unit, department: Department? = nil) -> AuditInput {
    let text = ReportText(year: year, unit: unit, heading: heading, lines: lines.map { ReportText.Line(number: $0.0, text: $0.1) })
    return AuditInput(year: year, unit: unit, department: department, projects: [], cards: [], funds: [], rules: .national, report: text)
  }

  /// (line, reported) of each finding.
  static func found(_ rule: some AuditRule, _ input: AuditInput) -> [String] {
    rule.findings(input).map { "\($0.line ?? 0) \($0.reported)" }
  }

  @Test func withoutTheTextNoNarrativeCheckFindsAnything() {
    var bare = Self.input([(168, "我乡坚定推进")])
    bare.report = nil
    let rules: [any AuditRule] = [ForeignUnitCheck(), TemplateWordsCheck(), PeriodWordingCheck(), SectionNumberCheck(), BasicSpendingCheck()]
    #expect(rules.allSatisfy { $0.findings(bare).isEmpty })
  }

  @Test func aTownshipsWordsInATownsReportAreCopiedText() {
    let input = Self.input([
      (168, "我乡坚定推进的“环境立乡、产业强乡、开放兴乡、和谐安乡”四大战略和“11134”工作思路。努力建设富裕、文明、和谐、美丽新八道河的总体目标进展顺利。"),
      (183, "四、做好青年统战对象的团结教育、引导、服务工作，为全县经济社会发展贡献力量。"),
      (185, "高质量完成全乡青少年发展规划和方针政策的制定。"),
      (187, "村级积极认真落实乡政府各项工作安排和部署。乡镇美化、亮化、硬化建设更进一步。城乡政府服务，乡村建设。"),
      (190, "我镇推进美丽新双山子建设，全镇上下。"),
    ])
    let findings = ForeignUnitCheck().findings(input)
    #expect(findings.map { "\($0.line ?? 0) \($0.reported) → \($0.computed)" } == ["168 我乡 → 我镇", "168 八道河 → 双山子", "185 全乡 → 全镇", "187 乡政府 → 镇政府"])
    #expect(findings.allSatisfy { $0.verdict == .attention && $0.figure == "copied text" })
    #expect(findings[0].note == "line 168: 我乡 — this is the report of 双山子镇人民政府, a 镇, not a 乡: a paragraph from another unit's report?")
  }

  @Test func templateWordsLeftInAreFound() {
    let input = Self.input([
      (7, "内容主要包括部门绩效自评工作的组织情况、实施过程。"),
      (16, "按照区财政局关于开展2023年度预算绩效自评工作要求，我局（办、委）认真组织本部门。局属预算单位1 个。专门成立由 财政所 科室（单位）人员组成，并按规定时限报送区财政局。"),
      (17, "按照县财政局要求，本部门认真组织。"),
    ])
    #expect(Self.found(TemplateWordsCheck(), input) == ["7 内容主要包括", "16 我局（办、委）", "16 科室（单位）", "16 局属", "16 区财政局"])
    let bureau = TemplateWordsCheck().findings(input).last
    #expect(bureau?.note == "line 16: the unit is in 青龙满族自治县, a 县: its finance bureau is the 县财政局; 区财政局 is the template's")
  }

  @Test func wordingOfAnEarlierPeriodIsFound() {
    let lines = [
      (177, "一、扶贫产业资金及时足额落实到位，提质增效入户类扶贫资金全额到户。"),
      (193, "八、十三五贫困村重点项目得到倾斜或优先安排。"),
      (194, "十四五期间，巩固拓展脱贫攻坚成果同乡村振兴有效衔接。"),
      (100, "\t扶贫工作专项经费"),
    ]
    #expect(Self.found(PeriodWordingCheck(), Self.input(lines)) == ["177 扶贫", "193 十三五", "193 贫困村"])
    #expect(PeriodWordingCheck().findings(Self.input(lines))[1].note == "line 193: 十三五 is the plan of 2016–2020; this is a 2023 report (十四五, 2021–2025)")
    // In 2019 all of it was the wording of the day.
    #expect(PeriodWordingCheck().findings(Self.input(lines, year: 2019)).isEmpty)
  }

  @Test func sectionNumbersThatSkipAreFound() {
    let input = Self.input([
      (5, "一、绩效自评工作组织开展情况"), (9, "(一) 部门预算安排及资金分配拨付使用情况"), (14, "（二）绩效自评开展情况"),
      (164, "三、绩效目标实现情况"), (169, "（二）项目支出绩效目标完成情况"), (175, "（三）分项绩效目标完成情况"),
      (177, "一、扶贫产业资金"), (179, "二、党风廉政建设"), (181, "三、学习宣传培训"), (183, "四、做好青年统战对象"), (187, "五、提高政府服务效能"),
      (189, "六、提高村干部工作积极性"), (191, "七、对越级访"), (193, "八、十三五贫困村"), (195, "十、严格按照法律法规"), (197, "十一、组织护林防火"),
      (199, "十二、根据上级安排部署"), (200, "四、绩效目标设定质量情况"), (202, "（一）整体绩效目标"), (204, "（二）项目支出绩效目标"), (206, "五、整改措施及结果应用"),
    ])
    let findings = SectionNumberCheck().findings(input)
    #expect(
      findings.map(\.note) == [
        "line 164: 三、 follows 一、 (line 5): 二、 is missing",
        "line 169: （二） is the first under 三、 (line 164): （一） is missing",
        "line 195: 十、 follows 八、 (line 193): 九、 is missing",
      ])
    #expect(findings.map { "\($0.reported) → \($0.computed)" } == ["三、 → 二、", "（二） → （一）", "十、 → 九、"])
  }

  @Test func numbersInOrderPassAndNumeralsRead() {
    let input = Self.input([(1, "一、甲"), (2, "（一）子"), (3, "（二）丑"), (4, "二、乙"), (5, "（一）寅"), (6, "三、丙")])
    #expect(SectionNumberCheck().findings(input).isEmpty)
    #expect(["一", "九", "十", "十二", "二十", "二十一", "九十九"].map { SectionNumberCheck.value($0[...]) } == [1, 9, 10, 12, 20, 21, 99])
    #expect([1, 9, 10, 12, 20, 21, 100].map(SectionNumberCheck.numeral) == ["一", "九", "十", "十二", "二十", "二十一", "100"])
    // A list that reaches 九十九 and goes back names the number after it in digits.
    let back = Self.input([(1, "九十九、甲"), (2, "五、乙"), (3, "（九十九）丙"), (4, "（三）丁")])
    #expect(SectionNumberCheck().findings(back).map(\.note) == [
      "line 1: 九十九、 is the first: 一、 to 九十八、 are missing",
      "line 2: 五、 follows 九十九、 (line 1): the numbers go back; 100、 was expected",
      "line 3: （九十九） is the first under 五、 (line 2): （一） to （九十八） are missing",
      "line 4: （三） follows （九十九） (line 3): the numbers go back; （100） was expected",
    ])
    // A sentence with an enumeration comma is no heading.
    #expect(SectionNumberCheck.number("加强团干部配备和激励、加强思想"[...]) == nil)
  }

  /// 1249.58 − 382.18 = 867.40 spent beyond the projects, against 1249.58 − 553.96 = 695.62.
  @Test func anImpliedOverspendOfBasicExpenditureIsFound() throws {
    var d = Department(year: 2023, unit: Self.unit)
    d.budget = StatedMoney(amount: Money("1249.58")!, unit: .yuan)
    d.spent = StatedMoney(amount: Money("1249.58")!)
    d.projectBudget = StatedMoney(amount: Money("553.96")!)
    d.projectSpent = StatedMoney(amount: Money("382.18")!)
    let input = Self.input(
      [
        (11, "2023年本部门（含所属预算单位）整体年初预算安排 1009.62万元，年中调整后预算数为1249.58元，决算数1249.58万元，年度实际支出率达 123.76 %。"),
        (13, "2023年部门（含所属预算单位）项目支出共计19个，年初预算安排553.96万元，年中调整后预算数为 553.96万元，决算数382.18万元，年度实际支出率达69 %。"),
      ], department: d)
    let finding = try #require(BasicSpendingCheck().findings(input).first)
    #expect(finding.line == 11)
    #expect(finding.reported == .money(Money("867.4")!, unit: .none) && finding.computed == .money(Money("695.62")!, unit: .none))
    #expect(
      finding.note
        == "line 11: 决算数 1249.58 − 项目决算数 382.18 (line 13) leaves 867.40 spent on 基本支出, against 调整后预算 1249.58 − 项目调整后预算 553.96 = 695.62: 171.78 more than its budget")
    // Spending within the budget is nothing to report.
    d.spent = StatedMoney(amount: Money("1000")!)
    #expect(BasicSpendingCheck().findings(Self.input([(11, "决算数1000万元")], department: d)).isEmpty)
  }
}
