import Foundation
import Scoring
import Testing

@testable import DataStore
@testable import Shell

/// 项目支出绩效自评表 forms in every format, compared field by field with the data the
/// fixtures were generated from (Fixtures/forms-expected.json, written by
/// scripts/make-form-fixtures.py beside the forms).
@Suite struct FormImportTests {
  static func path(_ relative: String) -> String { Transcript.repositoryRoot.appendingPathComponent(relative).path }
  static let fixtures = "Tests/ShellTests/Fixtures/forms"

  struct Expected: Decodable {
    struct Row: Decodable {
      var level1, level2, name, target, actual, weight, points, note: String
    }
    var stem: String
    var year: Int
    var name, department, unit, initial, budget, spent: String
    var funds: [[String]]
    var rate, rate_weight, rate_points, goal, goal_result, total, total_weight, grade: String
    var indicators: [Row]
  }

  static func expected() throws -> [Expected] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path("Tests/ShellTests/Fixtures/forms-expected.json")))
    return try JSONDecoder().decode([Expected].self, from: data)
  }

  static let pdfReadable = PDFText.tool != nil

  /// Every field of a form against its declared data.
  func compare(_ form: ProjectForm, _ e: Expected) {
    let p = form.project
    #expect(p.year == e.year)
    #expect(p.name == e.name)
    #expect(p.unit == e.unit)
    #expect(form.department == e.department)
    #expect(p.initial?.description == e.initial)
    #expect(p.budget?.description == e.budget)
    #expect(p.spent?.description == e.spent)
    #expect(form.funds.map { [$0.label, $0.initial?.description ?? "", $0.budget?.description ?? "", $0.spent?.description ?? ""] } == e.funds.map { [$0[0].replacing("其中：", with: "")] + $0[1...] })
    #expect(form.statedRate.map(DecimalText.format) == e.rate)
    #expect(form.rateWeight.map(DecimalText.format) == e.rate_weight)
    #expect(p.ratePoints.map(DecimalText.format) == e.rate_points)
    #expect(form.goal == e.goal)
    #expect(form.goalResult == e.goal_result)
    #expect(form.total.map(DecimalText.format) == e.total)
    #expect(p.score.map(DecimalText.format) == e.total)
    #expect(form.totalWeight.map(DecimalText.format) == e.total_weight)
    #expect(p.grade?.description == e.grade)
    #expect(form.indicators.count == e.indicators.count)
    for (i, row) in zip(form.indicators.indices, e.indicators) {
      let got = form.indicators[i]
      #expect(got.level1 == row.level1, "\(row.name)")
      #expect(got.level2 == row.level2, "\(row.name)")
      #expect(got.name == row.name)
      #expect(got.targetText == row.target, "\(row.name)")
      #expect(form.actualsAsWritten[i] == row.actual, "\(row.name)")
      #expect(DecimalText.format(got.weight) == row.weight, "\(row.name)")
      #expect(got.points.map(DecimalText.format) == row.points, "\(row.name)")
      #expect(form.deviationNotes[i] == row.note, "\(row.name)")
    }
  }

  @Test(arguments: ["xlsx", "docx", "txt"])
  func everyFieldOfEveryFormIsRead(format: String) throws {
    for e in try Self.expected() where e.stem != "sums" {
      let forms = try FormImporter.forms(in: Self.path("\(Self.fixtures)/\(format)/\(e.stem).\(format)"))
      #expect(forms.count == 1)
      if let form = forms.first { compare(form, e) }
    }
  }

  /// A text form saved by Chinese Excel, in GB18030, reads as the UTF-8 one.
  @Test func aGB18030TextFormIsRead() throws {
    let e = try Self.expected().first { $0.stem == "pest-2019" }!
    let forms = try FormImporter.forms(in: Self.path("\(Self.fixtures)/gb18030/pest-2019.txt"))
    #expect(forms.count == 1)
    if let form = forms.first { compare(form, e) }
  }

  /// The broken folder's readable form, field by field, its 元 slip converted and noted.
  @Test func theBrokenSumsFormIsReadAsWritten() throws {
    let e = try Self.expected().first { $0.stem == "sums" }!
    let form = try FormImporter.forms(in: Self.path("\(Self.fixtures)/broken/sums.xlsx"))[0]
    compare(form, e)
    #expect(form.notes == ["其他资金 全年预算数 is printed as 100000元 — in 元, where the form counts in 万元; read as 10万元"])
  }

  @Test(.enabled(if: pdfReadable, "pdftotext (poppler-utils) is not installed"))
  func everyFieldOfEveryPDFFormIsRead() throws {
    for e in try Self.expected() where e.stem != "sums" {
      let forms = try FormImporter.forms(in: Self.path("\(Self.fixtures)/pdf/\(e.stem).pdf"))
      #expect(forms.count == 1)
      if let form = forms.first { compare(form, e) }
    }
  }

  /// A PDF form broken over two pages with no header on the second: the second page's
  /// rows are read with the first page's columns.
  @Test(.enabled(if: pdfReadable, "pdftotext (poppler-utils) is not installed"))
  func aPDFFormSplitWithoutARepeatedHeaderIsRead() throws {
    let e = try Self.expected().first { $0.stem == "school-2021" }!
    let forms = try FormImporter.forms(in: Self.path("\(Self.fixtures)/pdf-split/school-2021.pdf"))
    #expect(forms.count == 1)
    if let form = forms.first { compare(form, e) }
  }

  /// The same dataset from each format: the files `--save` would write are identical.
  @Test func everyFormatImportsIntoTheSameDataset() throws {
    var formats = ["xlsx", "docx", "txt"]
    if Self.pdfReadable { formats.append("pdf") }
    let files = try formats.map { f in
      DatasetWriter.files(try FormImporter.load(Self.path("\(Self.fixtures)/\(f)"), existing: Store()).store).map { "\($0.0)|\($0.1)" }
    }
    for (format, got) in zip(formats, files).dropFirst() { #expect(got == files[0], "\(format)") }
  }

  /// The 廊坊 form imports into exactly the rows of samples/langfang-2019.
  @Test func theLangfangFormIsTheSample() throws {
    let sample = try DatasetLoader.load(paths: [Self.path("samples/langfang-2019")])
    let imported = try FormImporter.load(Self.path("\(Self.fixtures)/xlsx/langfang-2019.xlsx"), existing: Store()).store
    #expect(DatasetWriter.files(imported).map(\.1) == DatasetWriter.files(sample).map(\.1))
  }

  /// Refused forms name the file, the row and why; the readable one still imports.
  @Test func aFolderSkipsTheFormsItCannotRead() throws {
    let folder = Self.path("\(Self.fixtures)/broken")
    let result = try FormImporter.load(folder, existing: Store())
    #expect(result.forms.map(\.project.name) == ["乡村道路养护经费"])
    #expect(
      result.skipped.map { "\(($0.file as NSString).lastPathComponent): \($0.message)" } == [
        "bad-points.docx: table 1 row 12: 补贴兑付准确率 分值 '十五' is not a number of points",
        "minutes.txt: no 项目名称 found; not a 项目支出绩效自评表",
        "no-indicators.xlsx: no indicator table found (the header 一级指标, 二级指标, 三级指标, 年度指标值, 实际完成值, 分值, 得分)",
      ])
  }

  @Test func aSingleRefusedFileIsAnError() throws {
    #expect(throws: ImportError.self) { try FormImporter.load(Self.path("\(Self.fixtures)/broken/bad-points.docx"), existing: Store()) }
  }

  /// A second import of the same form is skipped, not numbered again.
  @Test func aFormIsNotImportedTwice() throws {
    let first = try FormImporter.load(Self.path("\(Self.fixtures)/xlsx"), existing: Store())
    var store = Store()
    store.merge(first.store)
    let again = try FormImporter.load(Self.path("\(Self.fixtures)/docx"), existing: store)
    #expect(again.forms.isEmpty)
    #expect(again.skipped.count == 3)
    #expect(again.skipped[0].message.hasSuffix("is already imported as #1 from \(Self.path("\(Self.fixtures)/xlsx/langfang-2019.xlsx")); not imported twice"))
  }

  /// A form whose project is already loaded from dataset files is not added again.
  @Test func aFormOfALoadedProjectIsSkipped() throws {
    let sample = try DatasetLoader.load(paths: [Self.path("samples/langfang-2019")])
    #expect(sample.maxSeq(year: 2019, unit: "廊坊市食品工程学校") == 1)
    let result = try FormImporter.load(Self.path("\(Self.fixtures)/xlsx"), existing: sample)
    #expect(result.forms.map(\.project.name) == ["农作物病虫害防治经费", "校舍维修改造经费"])
    #expect(result.skipped.map(\.message) == ["2019 廊坊市食品工程学校 办公宿舍楼、食堂及餐厅暖通改造经费 is already imported as #1 from the loaded data; not imported twice"])
  }

  /// A workbook with a sheet per form (beside a notes sheet), a document with a table per form.
  @Test func oneFileMayHoldSeveralForms() throws {
    let expected = try Self.expected()
    func e(_ stem: String) -> Expected { expected.first { $0.stem == stem }! }
    let sheets = try FormImporter.forms(in: Self.path("\(Self.fixtures)/multi/two-forms.xlsx"))
    #expect(sheets.count == 2)
    if sheets.count == 2 {
      compare(sheets[0], e("langfang-2019"))
      compare(sheets[1], e("pest-2019"))
    }
    let tables = try FormImporter.forms(in: Self.path("\(Self.fixtures)/multi/two-forms.docx"))
    #expect(tables.count == 2)
    if tables.count == 2 {
      compare(tables[0], e("school-2021"))
      compare(tables[1], e("langfang-2019"))
    }
  }

  /// In a folder: an old binary workbook is named, one refused sheet does not stop the
  /// other sheet of its workbook, and a unit's second form is numbered after its first.
  @Test func aFolderNamesOldFormatsAndRefusedSheets() throws {
    let result = try FormImporter.load(Self.path("\(Self.fixtures)/multi"), existing: Store())
    #expect(result.forms.map { "\($0.project.seq) \($0.project.name)" } == ["1 教学设备购置经费", "2 校舍维修改造经费", "1 办公宿舍楼、食堂及餐厅暖通改造经费", "1 农作物病虫害防治经费"])
    #expect(
      result.skipped.prefix(2).map { "\(($0.file as NSString).lastPathComponent): \($0.message)" } == [
        "old-form.xls: an Excel 97–2003 workbook (.xls) is not read; save it as .xlsx",
        "one-refused.xlsx: sheet bad-points, row 14: 补贴兑付准确率 分值 '十五' is not a number of points",
      ])
    #expect(throws: ImportError(file: Self.path("\(Self.fixtures)/multi/one-refused.xlsx"), message: "sheet bad-points, row 14: 补贴兑付准确率 分值 '十五' is not a number of points")) {
      try FormImporter.forms(in: Self.path("\(Self.fixtures)/multi/one-refused.xlsx"))
    }
    #expect(throws: ImportError.self) { try FormImporter.load(Self.path("\(Self.fixtures)/multi/old-form.xls"), existing: Store()) }
  }

  @Test func rateIsReadAsPercentBareNumberOrFraction() throws {
    #expect(try FormLayout.rate("86%", place: "") == 860_000)
    #expect(try FormLayout.rate("86", place: "") == 860_000)
    #expect(try FormLayout.rate("0.86", place: "") == 860_000)
    #expect(try FormLayout.rate("1", place: "") == 1_000_000)
    #expect(try FormLayout.rate("—", place: "") == nil)
    #expect(throws: FormLayout.Problem.self) { try FormLayout.rate("八成", place: "row 6") }
  }

  /// 元 in a 万元 form is converted and noted; 元 with 分 is finer than an amount keeps.
  @Test func yuanAreConvertedAndSlipsNoted() throws {
    var notes: [String] = []
    #expect(try FormLayout.amount("432000元", inYuan: false, place: "row 6", what: "年度资金总额 全年预算数", notes: &notes) == Money(tenThousandths: 432_000))
    #expect(notes == ["年度资金总额 全年预算数 is printed as 432000元 — in 元, where the form counts in 万元; read as 43.2万元"])
    #expect(try FormLayout.amount("520,000", inYuan: true, place: "row 6", what: "x", notes: &notes) == Money(tenThousandths: 520_000))
    #expect(throws: FormLayout.Problem.self) { try FormLayout.amount("1329120.67", inYuan: true, place: "row 6", what: "x", notes: &notes) }
  }

  @Test func targetsGiveTheKind() {
    #expect(FormLayout.kindOf("≥95%") == .positive)
    #expect(FormLayout.kindOf("100%") == .positive)
    #expect(FormLayout.kindOf("=8个") == .positive)
    #expect(FormLayout.kindOf("≤1.2元/人") == .negative)
    #expect(FormLayout.kindOf("及时") == .qualitative)
    #expect(FormLayout.kindOf("达成") == .qualitative)
    #expect(FormLayout.kindOf("完成") == .qualitative)
  }

  @Test func aMissingPdftotextIsNamed() {
    #expect(throws: ImportError(file: "a.pdf", message: "reading a PDF needs pdftotext, from the poppler-utils package, which is not installed (apt-get install poppler-utils)")) {
      try PDFText.text("a.pdf", tool: nil)
    }
  }
}

/// `import forms … --save DIR` writes dataset files that load back as the sample.
@Suite struct FormSaveTests {
  @Test func savedFormsLoadBackAsTheSample() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jx-forms-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let sink = StringSink()
    let session = Session(store: Store(), out: sink, err: sink)
    let form = FormImportTests.path("\(FormImportTests.fixtures)/txt/langfang-2019.txt")
    _ = REPL(session: session, reader: ScriptLineReader(text: "import forms \(form) --save \(folder)")).run()
    #expect(sink.text.contains("saved \(folder)/projects.csv, \(folder)/indicators.csv"))
    let saved = try DatasetLoader.load(paths: [folder])
    let sample = try DatasetLoader.load(paths: [FormImportTests.path("samples/langfang-2019")])
    #expect(DatasetWriter.files(saved).map(\.1) == DatasetWriter.files(sample).map(\.1))
  }

  /// A qualitative row's 及时 is saved as the tier it stands for, so the files load again.
  @Test func qualitativeWordsAreSavedAsTiers() throws {
    let result = try FormImporter.load(FormImportTests.path("\(FormImportTests.fixtures)/xlsx/school-2021.xlsx"), existing: Store())
    let csv = DatasetWriter.files(result.store).first { $0.0 == .indicators }?.1 ?? ""
    #expect(csv.contains("2021,青龙满族自治县第一中学,1,产出,时效,完工时间,定性,及时,达成,10,10\n"))
  }
}

/// A provincial template (四川 2023): the kind in a 指标性质 column, the unit in a 度量单位
/// column, the budget as 调整后预算数, the header without 偏差 notes.
@Suite struct ProvincialFormTests {
  static let rows: [[String]] = [
    ["2023年度部门预算项目支出绩效自评表"],
    ["项目名称", "2023年全县安可替代补助资金项目"],
    ["主管部门", "大英县司法局", "", "实施单位", "大英县司法局"],
    ["项目资金（万元）", "", "年初预算数", "调整后预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "0", "3.36", "3.36", "10", "100%", "10"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分"],
    ["", "产出指标", "质量指标", "安可产品购买完成率", "=", "100", "%", "100", "45", "45"],
    ["", "", "成本指标", "补助成本", "≤", "3.36", "万元", "3.36", "45", "45"],
    ["总分", "", "", "", "", "", "", "", "100", "100"],
  ]

  @Test func kindsAndUnitsFromTheirOwnColumns() throws {
    let form = try FormLayout.read(FormGrid(rows: Self.rows, placeWord: "row"), file: "sichuan.xlsx")
    #expect(form.project.year == 2023)
    #expect(form.project.initial == Money(tenThousandths: 0))
    #expect(form.project.budget == Money(tenThousandths: 33_600))
    #expect(form.statedRate == 1_000_000)
    #expect(form.indicators.map(\.kind) == [.positive, .negative])
    #expect(form.indicators.map(\.targetText) == ["100%", "3.36万元"])
    #expect(form.indicators.map(\.actualText) == ["100%", "3.36万元"])
    #expect(form.indicators.map(\.target) == [1_000_000, 33_600])
    #expect(form.deviationNotes == ["", ""])
    #expect(form.total == 1_000_000)
  }

  @Test func anUnknownKindIsRefusedWithItsRow() {
    var rows = Self.rows
    rows[6][4] = "大约"
    #expect(throws: FormLayout.Problem.self) { try FormLayout.read(FormGrid(rows: rows, placeWord: "row"), file: "sichuan.xlsx") }
    do {
      _ = try FormLayout.read(FormGrid(rows: rows, placeWord: "row"), file: "sichuan.xlsx")
    } catch {
      #expect(error.place == "row 7")
      #expect(error.message == "安可产品购买完成率: 指标性质 '大约' is not ≥, ≤, = or 定性")
    }
  }
}
