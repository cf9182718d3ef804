import DataStore
import Foundation
import Scoring
import Testing

@testable import Shell

/// Reports in, results out: every import layout, every export format, and round trips.
@Suite struct ImportExportTests {
  static let root = Transcript.repositoryRoot
  static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  func session(_ paths: [String] = []) throws -> (Session, StringSink) {
    let store = paths.isEmpty ? Store() : try DatasetLoader.load(paths: paths.map(Self.path))
    let sink = StringSink()
    return (Session(store: store, out: sink, err: sink), sink)
  }

  func temporaryFolder() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("jx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }

  @Test func theSeedReportImportsAsTheBundledDataset() throws {
    let seed = Self.path("datasets/source/shuangshanzi-2023-report.txt")
    let result = try ReportImporter.load(seed)
    let bundled = try DatasetLoader.load(paths: [Self.path("datasets")])
    let imported = DatasetWriter.files(result.store).map { "\($0.0)|\($0.1)" }
    let expected = DatasetWriter.files(bundled).map { "\($0.0)|\($0.1)" }
    #expect(imported == expected)
    #expect(result.problems == ["调整后预算 is printed as 1249.58元 — in 元, where the report counts in 万元; kept as printed, read as 1249.58万元"])
  }

  @Test func aReportWithTabbedRowsImports() throws {
    let result = try ReportImporter.load(Self.path("Tests/ShellTests/Fixtures/reports/report-tabs.txt"))
    let s = result.store
    #expect(s.projects.count == 4)
    #expect(s.projects[1].name == "村级组织运转经费-村干部基础职务补贴")
    #expect(s.projects[1].budget == Money("230"))
    #expect(s.projects[1].score == 855_000)
    #expect(s.projects[1].grade == .good)
    let d = try #require(s.departments.first)
    #expect(d.year == 2022 && d.unit == "测试镇人民政府")
    #expect(d.initial == StatedMoney(amount: Money("500.5")!))
    #expect(d.spent == StatedMoney(amount: Money("588.196")!))
    #expect(d.rate == StatedPercent(tenThousandths: 980_000))
    #expect(d.gradeCounts == [.excellent: 3, .good: 1, .fair: 0, .poor: 0])
    #expect(d.score == 912_000 && d.grade == .excellent)
    #expect(d.staff == 58 && d.internalUnits == 7 && d.budgetUnits == 1)
    #expect(result.problems.isEmpty)
  }

  @Test func aReportWithAPipeTableImportsAndItsSlipsAreFlagged() throws {
    let result = try ReportImporter.load(Self.path("Tests/ShellTests/Fixtures/reports/report-pipes.txt"))
    let projects = (0..<result.store.projects.count).map { result.store.projects[$0] }
    #expect(projects.map(\.seq) == [1, 2, 3])
    #expect(projects.reduce(Money.zero) { $0 + ($1.budget ?? .zero) } == Money("85.5"))
    #expect(result.store.departments.first?.budget == StatedMoney(amount: Money("320")!, unit: .yuan))
    #expect(result.problems.contains("调整后预算 is printed as 320元 — in 元, where the report counts in 万元; kept as printed, read as 320万元"))
    #expect(result.problems.contains("the text says 4 projects, the table has 3 rows"))
    #expect(result.problems.contains("not found in the text: 预算单位"))
  }

  @Test func importReportAddsTheDatasetAndAudits() throws {
    let (session, sink) = try session()
    _ = session.run("import report Tests/ShellTests/Fixtures/reports/report-pipes.txt")
    #expect(sink.text.contains("added 3 projects, 1 department row, 1 budget-book line (2024); the audit:"))
    #expect(sink.text.contains("│ 项目个数 "))
    sink.clear()
    _ = session.run("sum budget")
    #expect(sink.text.contains("│        85.5 │"))
  }

  @Test func aGB18030CSVLoadsLikeUTF8() throws {
    let store = try DatasetLoader.load(paths: [Self.path("Tests/ShellTests/Fixtures/gb18030/projects-gbk.csv")])
    #expect(store.projects.count == 2)
    #expect(store.projects[1].name == "燃煤锅炉改造及清洁能源补贴（运转保障）")
    #expect(store.projects[1].budget == Money("30.25"))
    let forced = try DatasetLoader.load(paths: [Self.path("Tests/ShellTests/Fixtures/gb18030/projects-gbk.csv")], encoding: .gb18030)
    #expect(forced.projects[0].unit == "测试镇人民政府")
    #expect(throws: LoadError.self) {
      try DatasetLoader.load(paths: [Self.path("Tests/ShellTests/Fixtures/gb18030/projects-gbk.csv")], encoding: .utf8)
    }
  }

  @Test(arguments: ["csv", "json", "md", "xlsx"])
  func exportThenImportGivesTheSameProjects(_ ext: String) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let (session, sink) = try session(["samples/shili-training"])
    let file = "\(folder)/projects-out.\(ext)"
    let format = ext == "md" ? "markdown" : ext
    #expect(session.run("export \(format) \(file) projects show *") == .ok, "\(sink.text)")
    #expect(sink.text == "wrote 63 rows to \(file)\n")
    let (fresh, freshSink) = try self.session()
    #expect(fresh.run("load \(file)") == .ok, "\(freshSink.text)")
    let original = DatasetWriter.files(session.engine.store).first { $0.0 == .projects }?.1
    let reloaded = DatasetWriter.files(fresh.engine.store).first { $0.0 == .projects }?.1
    #expect(original != nil && original == reloaded)
  }

  @Test func exportRefusesToOverwriteWithoutForce() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let (session, sink) = try session(["datasets"])
    let file = "\(folder)/sum.csv"
    _ = session.run("sum budget")
    #expect(session.run("export csv \(file)") == .ok)
    // A byte order mark, and records ending in CRLF, as Excel writes them.
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    #expect(FileManager.default.contents(atPath: file) == Data(bom + Array("sum(budget)\r\n553.956\r\n".utf8)))
    sink.clear()
    #expect(session.run("export csv \(file) count") == .failed)
    #expect(sink.text.contains("already exists; add --force to replace it"))
    #expect(FileManager.default.contents(atPath: file) == Data(bom + Array("sum(budget)\r\n553.956\r\n".utf8)))
    #expect(session.run("export csv \(file) --force --no-bom count") == .ok)
    #expect(FileManager.default.contents(atPath: file) == Data("count\r\n19\r\n".utf8))
    #expect(session.run("export csv \(file) --force --bom count") == .ok)
    #expect(FileManager.default.contents(atPath: file) == Data(bom + Array("count\r\n19\r\n".utf8)))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["sum.csv"])
  }

  @Test func saveWritesTheSessionsDataWithEdits() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let (session, sink) = try session(["datasets"])
    _ = session.run("let 4.spent = 60.25")
    #expect(session.run("save \(folder)/out") == .ok, "\(sink.text)")
    let reloaded = try DatasetLoader.load(paths: ["\(folder)/out"])
    #expect(reloaded.projects[3].spent == Money("60.25"))
    #expect(reloaded.projects.count == 19 && reloaded.departments.count == 1 && reloaded.funds.count == 4)
    #expect(session.run("save \(folder)/out") == .failed)
    #expect(session.run("save \(folder)/out --force") == .ok)
  }

  @Test func aSnapshotHoldsTheEditsAndNeverReplacesWhatIsLoaded() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let (session, sink) = try session(["datasets"])
    _ = session.run("let 4.spent = 60.25")
    let file = "\(folder)/data.jxsnap"
    #expect(session.run("save --snapshot \(file)") == .ok, "\(sink.text)")
    #expect(sink.text.hasSuffix("saved a snapshot of 19 projects to \(file) (with 1 edited value)\n"))
    let reopened = try DatasetLoader.load(paths: [file])
    #expect(reopened.projects[3].spent == Money("60.25"))
    #expect(reopened.projects.count == 19 && reopened.departments.count == 1 && reopened.funds.count == 4)
    // Opened from the snapshot, the session refuses to write over it, even with --force.
    let errors = StringSink()
    let opened = Session(store: reopened, out: StringSink(), err: errors)
    #expect(opened.run("save --snapshot \(file) --force") == .failed)
    #expect(errors.text.contains("loaded"), "\(errors.text)")
    #expect(opened.run("load \(file)") == .failed)
    #expect(opened.run("sum spent") == .ok)
  }

  /// A snapshot's column is checked when a statement first reads it: a damaged one fails
  /// that statement and every one after, in one line; statements that do not read it
  /// before then answer, and a load joined to it fails and changes nothing.
  @Test func aDamagedSnapshotColumnFailsTheStatementsThatReadIt() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let bytes = [UInt8](SnapshotWriter.data(try DatasetLoader.load(paths: [Self.path("datasets")])))
    /// `bytes` with one bit flipped in the only place `pattern` occurs.
    func flipped(_ pattern: [UInt8]) throws -> [UInt8] {
      let at = (0...(bytes.count - pattern.count)).filter { Array(bytes[$0..<($0 + pattern.count)]) == pattern }
      try #require(at.count == 1)
      var b = bytes
      b[at[0] + pattern.count - 1] ^= 1
      return b
    }
    func opened(_ b: [UInt8], _ name: String) throws -> (Session, StringSink, StringSink, String) {
      let file = "\(folder)/\(name).jxsnap"
      try Data(b).write(to: URL(fileURLWithPath: file))
      let (out, err) = (StringSink(), StringSink())
      return (Session(store: try DatasetLoader.load(paths: [file]), out: out, err: err), out, err, file)
    }
    // Project 3's budget, 228.764 万元, is 2,287,640 ten-thousandths.
    let (session, out, err, file) = try opened(flipped(withUnsafeBytes(of: Int64(2_287_640).littleEndian, Array.init)), "budget")
    #expect(session.run("count") == .ok)
    #expect(out.text.contains("19"))
    #expect(session.run("sum budget") == .failed)
    let message = "error: \(file): damaged snapshot: the budget column's checksum does not match; save it again from the dataset files; every statement fails until jixiao starts again without this file\n"
    #expect(err.text == message)
    #expect(session.run("count") == .failed)
    #expect(err.text == message + message)
    #expect(session.run("load \(Self.path("datasets"))") == .failed)
    // A listing's rows are drawn after the statement: its first row is read before it answers.
    let (listing, _, listingErr, named) = try opened(flipped(Array("办公楼及附属设施维修项目资金".utf8)), "names")
    #expect(listing.run("count where grade = 优") == .ok)
    #expect(listing.run("projects limit 1") == .failed)
    #expect(listingErr.text.hasPrefix("error: \(named): damaged snapshot: the name texts checksum does not match; save it again"))
  }

  @Test func aWorkbookWithSeveralSheetsImports() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let t = WorkbookWriter.Cell.text
    let n = { (s: String) in WorkbookWriter.Cell.number(s) }
    let book = try WorkbookWriter.data(sheets: [
      ("项目", [
        [t("年度"), t("主管部门（单位）"), t("序号"), t("项目名称"), t("预算金额（调整后）"), t("自评分"), t("自评级")],
        [n("2023"), t("测试镇人民政府"), n("1"), t("党建工作经费"), n("1.5"), n("95"), t("优")],
        [n("2023"), t("测试镇人民政府"), n("2"), t("团委工作经费"), n("228.764"), n("83.25"), t("良")],
      ]),
      ("departments", [
        [t("year"), t("unit"), t("评优率"), t("自评得分"), t("评价等级")],
        [n("2023"), t("测试镇人民政府"), t("50%"), n("91.5"), t("优")],
      ]),
    ])
    try SafeFile.write(book, to: "\(folder)/book.xlsx", options: SafeFile.Options())
    let store = try TableImporter.load("\(folder)/book.xlsx")
    #expect(store.projects.count == 2)
    #expect(store.projects[1].budget == Money("228.764"))
    #expect(store.projects[1].score == 832_500)
    #expect(store.departments.first?.excellentRate == StatedPercent(tenThousandths: 500_000))
  }

  /// A workbook's notes sit under its table; loading the workbook back reads the table
  /// (its filter range), not the notes.
  @Test func aWorkbooksNotesAreNotReadAsRows() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try "year,unit,seq,name,budget\n2030,测试镇,1,甲项目,1.5\n2030,测试镇,2,乙项目,228.764\n".write(toFile: "\(folder)/projects-a.csv", atomically: true, encoding: .utf8)
    let sink = StringSink()
    let session = Session(store: try DatasetLoader.load(paths: [folder + "/projects-a.csv"]), out: sink, err: sink)
    let file = folder + "/out.xlsx"
    #expect(session.run("export xlsx \(file) projects show year, unit, seq, name, budget, spent") == .ok, "\(sink.text)")
    let sheet = try #require(try WorkbookReader.sheets(file).first)
    #expect(sheet.grid.rows.count == 3)
    #expect(sheet.grid.rows[2] == ["2030", "测试镇", "2", "乙项目", "228.764", ""])
    let (fresh, freshSink) = try self.session()
    #expect(fresh.run("load \(file)") == .ok, "\(freshSink.text)")
    #expect(fresh.engine.store.projects.count == 2)
    #expect(fresh.engine.store.projects[1].budget == Money("228.764"))
  }

  @Test func aFailedLoadLeavesTheDataAsItWas() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try "year,unit,seq,name,budget\n2030,X,1,a,1\n".write(toFile: "\(folder)/projects-a.csv", atomically: true, encoding: .utf8)
    try "year,unit,seq,name,budget\n2030,X,2,b,abc\n".write(toFile: "\(folder)/projects-b.csv", atomically: true, encoding: .utf8)
    let (session, sink) = try session(["datasets"])
    #expect(session.run("load \(folder)") == .failed)
    #expect(sink.text.contains("projects-b.csv:2: column 'budget' (field 5): 'abc' is not an amount"))
    #expect(sink.text.contains("nothing was loaded; the data is as it was"))
    #expect(session.engine.store.projects.count == 19)
    #expect(session.engine.store.years == [2023])
    #expect(session.run("load datasets") == .failed)
    #expect(session.engine.store.projects.count == 19)
  }
}
