import Testing

@testable import Shell

/// How the phrasebook matches finished English text: exact sentences, templates whose
/// values are translated in turn or kept, parts of a composed sentence, help columns.
@Suite struct PhrasebookTests {
  let book = Phrasebook(
    language: .zh,
    entries: [
      """
      budget => 预算金额
      unknown field '{=}' => 未知字段“{}”
      {} is missing for all {=} projects => 全部 {2} 个项目都没有{1}
      did you mean '{=}'? => 是不是“{}”？
      the list => 本列表
      {=} rows => 共 {} 行
      {=} rows ({=} shown) => 共 {} 行（显示 {} 行）
      leave => 退出
      YEAR => 年度
      """
    ])

  @Test func englishIsUnchanged() {
    #expect(Phrasebook.english("unknown field 'x'") == "unknown field 'x'")
    #expect(Language.en.phrasebook.language == .en)
  }

  @Test func exactAndTemplates() {
    #expect(book("budget") == "预算金额")
    #expect(book("unknown field 'budgt'") == "未知字段“budgt”")
    // A translated hole: the field name becomes its label; the count is kept.
    #expect(book("budget is missing for all 19 projects") == "全部 19 个项目都没有预算金额")
    // The more specific template wins.
    #expect(book("1000 rows (40 shown)") == "共 1000 行（显示 40 行）")
    #expect(book("19 rows") == "共 19 行")
  }

  /// The shipped book: a load's sentence about a file changed since, its name kept.
  @Test func changedFiles() {
    let zh = Language.zh.phrasebook
    #expect(zh("/d/projects.csv: changed since it was loaded; load it again") == "/d/projects.csv：载入之后文件已发生变化；请重新载入")
  }

  @Test func composedSentencesAreTranslatedInParts() {
    #expect(book("unknown field 'grde'; did you mean 'grade'?") == "未知字段“grde”；是不是“grade”？")
    #expect(book("  19 rows  ") == "  共 19 行  ")
    #expect(book("19 rows\nbudget") == "共 19 行\n预算金额")
  }

  @Test func untranslatedTextStaysAsItIs() {
    #expect(book("something new") == "something new")
    #expect(book("村级组织运转经费") == "村级组织运转经费")
  }

  @Test func helpColumnsAndPlaceholders() {
    #expect(book("  .quit [YEAR]     leave") == "  .quit [年度]     退出")
    // Capitals that are not placeholders, or part of a longer word, stay.
    #expect(book("CSV YEARS") == "CSV YEARS")
  }

  @Test func cellsAreTranslatedOnlyWhole() {
    #expect(book.cell("budget") == "预算金额")
    #expect(book.cell("budget, budget") == "budget, budget")
    #expect(book.cell("budget; the list") == "预算金额；本列表")
    #expect(book.cell("道路养护") == "道路养护")
  }

  @Test func localeDecidesTheDefault() {
    #expect(Language.fromLocale(["LANG": "zh_CN.UTF-8"]) == .zh)
    #expect(Language.fromLocale(["LANG": "en_US.UTF-8"]) == .en)
    #expect(Language.fromLocale(["LC_ALL": "C", "LANG": "zh_CN.UTF-8"]) == .en)
    #expect(Language.fromLocale(["LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"]) == .zh)
    #expect(Language.fromLocale([:]) == .en)
  }
}
