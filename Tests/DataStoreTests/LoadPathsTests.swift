import Foundation
import Scoring
import Testing

@testable import DataStore

/// `load(paths:)`: folders, files, clashes between files, and all-or-nothing loading.
@Suite struct LoadPathsTests {
  static let header = "year,unit,seq,name,budget,score,grade"

  static func load(_ paths: [String]) -> Result<Store, LoadError> {
    Result { () throws(LoadError) -> Store in try DatasetLoader.load(paths: paths) }
  }

  static func error(_ paths: [String]) -> LoadError? {
    if case .failure(let e) = load(paths) { return e }
    return nil
  }

  @Test func folderLoadsEveryDatasetFileInPathOrder() throws {
    let folder = try TemporaryFolder()
    try folder.write("projects-b.csv", Self.header + "\n2023,U,2,B,20,90,优\n")
    try folder.write("projects-a.csv", Self.header + "\n2023,U,1,A,10,80,良\n")
    try folder.write("nested/projects-c.csv", Self.header + "\n2022,U,1,C,0.5,,\n")
    try folder.write("notes.txt", "not a dataset")
    try folder.write("README.md", "# not a dataset")
    try folder.write(".projects-hidden.csv", "this would not even parse\"")
    let store = try DatasetLoader.load(paths: [folder.path])
    #expect(store.projects.count == 3)
    // Sorted by full path: "nested/…" comes before "projects-…".
    #expect((0..<3).map { store.projects[$0].name } == ["C", "A", "B"])
    #expect(store.files == ["nested/projects-c.csv", "projects-a.csv", "projects-b.csv"].map { folder.path + "/" + $0 })
    #expect(store.years == [2022, 2023])
  }

  @Test func singleFile() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("projects.csv", Self.header + "\n2023,U,1,A,10,80,良\n")
    let store = try DatasetLoader.load(paths: [file])
    #expect(store.projects.count == 1)
    #expect(store.files == [file])
  }

  @Test func missingPath() {
    #expect(Self.error(["/nonexistent/jixiao-data"]) == LoadError(file: "/nonexistent/jixiao-data", message: "no such file or folder"))
    #expect(Self.error(["/nonexistent/jixiao-data"])?.description == "/nonexistent/jixiao-data: no such file or folder")
  }

  @Test func folderWithoutDatasetFiles() throws {
    let folder = try TemporaryFolder()
    try folder.write("notes.txt", "hello")
    try folder.makeFolder("projects-folder.csv")  // a folder with a dataset-like name is not a file
    #expect(
      Self.error([folder.path])
        == LoadError(
          file: folder.path,
          message: "no dataset files here; expected projects*.csv, departments*.csv, funds*.csv or indicators*.csv"))
  }

  @Test func fileThatIsNotADataset() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("budget.csv", "a,b\n")
    #expect(
      Self.error([file])
        == LoadError(
          file: file,
          message: "not a dataset file: its header (a, b) names no kind's required columns; expected a header row, separated by commas, semicolons or tabs, with the columns of projects (year, unit, seq, name, budget), departments (year, unit), funds (year, unit, fund), indicators (year, unit, seq, level1, name, kind, weight)"))
    let text = try folder.write("notes.md", "a,b\n")
    #expect(
      Self.error([text])
        == LoadError(
          file: text,
          message: "not a dataset file; expected a .csv, .tsv or .txt named projects*, departments*, funds* or indicators*, or one whose header names a kind's columns"))
  }

  /// A CSV named otherwise (an export of a listing) is told by its header.
  @Test func aFileIsToldByItsHeader() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("listing.csv", "\u{FEFF}year,unit,seq,name,budget,score,grade\r\n2023,U,1,a,10,95,优\r\n2023,U,2,b,2.5,,\r\n")
    let store = try Self.load([file]).get()
    #expect(store.projects.count == 2)
    let indicators = try folder.write("from-a-colleague.csv", "年度,单位,序号,一级指标,二级指标,三级指标,指标性质,指标值,完成值,分值,得分\n2023,U,1,产出,数量,x,正向,10,10,10,10\n")
    #expect(try Self.load([indicators]).get().indicators.count == 1)
  }

  /// Semicolons (European Excel) and tabs (TSV) between fields are told from the header,
  /// whatever the file is named; a comma inside a semicolon file is then an ordinary byte.
  @Test func semicolonAndTabSeparatedFilesLoad() throws {
    let folder = try TemporaryFolder()
    let semicolons = try folder.write(
      "projects-semicolons.csv",
      "\u{FEFF}年度;单位;序号;项目名称;预算金额;自评分;自评级\r\n2023;U;1;a,b;10.5;95;优\r\n2023;U;2;\"c;d\";2,000;;\r\n")
    let a = try Self.load([semicolons]).get().projects
    #expect(a.count == 2)
    #expect(a.budget == [105_000, 20_000_000])
    #expect((0..<2).map { a[$0].name } == ["a,b", "c;d"])
    let tabs = try folder.write("listing.tsv", "year\tunit\tseq\tname\tbudget\r\n2023\tU\t1\tx\t1.25\r\n2024\tU\t1\t\"y\tz\"\t3\r\n")
    let b = try Self.load([tabs]).get().projects
    #expect(b.year == [2023, 2024])
    #expect(b.budget == [12_500, 30_000])
    #expect(b[1].name == "y\tz")
    // A tab-separated export saved as .txt, found by its header.
    let text = try folder.write("export.txt", "year\tunit\tseq\tname\tbudget\n2023\tU\t7\tw\t0.0001\n")
    #expect(try Self.load([text]).get().projects.seq == [7])
    // In a folder, a .tsv named projects* counts as a dataset file.
    let inner = try TemporaryFolder()
    try inner.write("projects-2023.tsv", "year\tunit\tseq\tname\tbudget\n2023\tU\t1\tx\t2\n")
    #expect(try Self.load([inner.path]).get().projects.budget == [20_000])
  }

  /// Line numbers and columns in errors are the same whatever the separator.
  @Test func errorsInASemicolonFileNameLineAndColumn() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("projects.csv", "year;unit;seq;name;budget\n2023;U;1;a;1\n\n2023;U;2;b;x\n")
    #expect(
      Self.error([file])
        == LoadError(
          file: file, line: 4, column: "budget", field: 5,
          message: "'x' is not an amount; expected 万元 with up to 4 decimals, e.g. 228.764"))
    let duplicate = try folder.write("projects-dup.tsv", "year\tunit\tseq\tname\tbudget\n2023\tU\t1\t\"a\nb\"\t1\n2023\tU\t1\tc\t1\n")
    #expect(Self.error([duplicate])?.description.hasSuffix("is already on line 2; expected (year, unit, seq) to be unique") == true)
    #expect(Self.error([duplicate])?.line == 4)
  }

  @Test func loadingAFolderAsAFile() throws {
    let folder = try TemporaryFolder()
    let inner = try folder.makeFolder("projects-2023.csv")
    #expect(throws: LoadError(file: inner, message: "is a folder, not a file")) {
      try DatasetLoader.loadFile(inner, kind: .projects)
    }
  }

  @Test func aFailingFileLoadsNothing() throws {
    let folder = try TemporaryFolder()
    try folder.write("projects-a.csv", Self.header + "\n2023,U,1,A,10,80,良\n")
    let bad = try folder.write("projects-b.csv", Self.header + "\n2023,U,2,B,20,90,好\n")
    #expect(
      Self.error([folder.path])
        == LoadError(
          file: bad, line: 2, column: "grade", field: 7,
          message: "'好' is not a grade; expected one of 优 良 中 差 (also A B C D, excellent good fair poor, you liang zhong cha)"))
    // Naming the good file and then the bad one fails just the same: no partial store.
    #expect(Self.error([folder.path + "/projects-a.csv", bad]) != nil)
  }

  @Test func duplicateAcrossTwoFiles() throws {
    let folder = try TemporaryFolder()
    try folder.write("projects-a.csv", Self.header + "\n2023,U,1,A,10,80,良\n2023,U,2,B,10,80,良\n")
    let second = try folder.write("projects-b.csv", Self.header + "\n2023,U,3,C,1,,\n2023,U,2,again,5,,\n")
    #expect(
      Self.error([folder.path])
        == LoadError(
          file: second, line: 3, column: "seq",
          message: "duplicate project: year 2023, unit U, seq 2 is already loaded from another file"))
  }

  /// The clash is reported on the line it is on, even after blank lines or a quoted
  /// field spanning lines (the row index is not the line number).
  @Test func duplicateAcrossFilesNamesTheRightLine() throws {
    let folder = try TemporaryFolder()
    try folder.write("projects-a.csv", Self.header + "\n2023,U,1,A,10,80,良\n")
    let second = try folder.write("projects-b.csv", Self.header + "\n\n2023,U,5,\"two\nlines\",1,,\n\n2023,U,1,again,5,,\n")
    let error = try #require(Self.error([folder.path]))
    #expect(error.file == second)
    #expect(error.line == 6)
  }

  /// The same folder named twice would load every project twice: refused.
  @Test func sameFolderTwice() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("projects-a.csv", Self.header + "\n2023,U,1,A,10,80,良\n")
    #expect(Self.error([folder.path, folder.path])?.file == file)
  }

  @Test func invalidBytesInAFileOnDisk() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("projects-x.csv", bytes: Array((Self.header + "\n").utf8) + [0xFF, 0xFF, 0xFF] + Array(",U,1,A,10,80,良\n".utf8))
    let error = try #require(Self.error([file]))
    #expect(error.file == file)
    #expect(error.line == 2)
  }
}

/// The bundled `datasets/` folder: the real 2023 双山子镇 report, figures as in DOMAIN.md.
@Suite struct BundledDatasetTests {
  static func store() throws -> Store { try DatasetLoader.load(paths: [Support.datasetsFolder]) }

  @Test func nineteenProjectsSummingTo553_956() throws {
    let store = try Self.store()
    #expect(store.projects.count == 19)
    #expect(store.years == [2023])
    let total = store.projects.budget.reduce(Int64(0), +)
    #expect(DecimalText.format(total) == "553.956")
    #expect(store.projects.seq.map(Int.init) == Array(1...19))
    #expect(Set(store.projects.units.values) == ["双山子镇人民政府"])
    // Two names occur twice (#2/#3, #5/#8): 17 distinct names.
    #expect(store.projects.names.count == 17)
    #expect(store.projects.spent.allSatisfy { $0 == ProjectTable.missing })
    #expect(store.projects.initial.allSatisfy { $0 == ProjectTable.missing })
  }

  @Test func gradesAndScores() throws {
    let store = try Self.store()
    let grades = store.projects.grade.compactMap { Grade(rawValue: $0) }
    #expect(grades.filter { $0 == .excellent }.count == 18)
    #expect(grades.filter { $0 == .good }.count == 1)
    let third = store.projects[2]
    #expect(third.seq == 3)
    #expect(third.budget == Money(tenThousandths: 2_287_640))
    #expect(third.score == 832_500)
    #expect(third.grade == .good)
    #expect(third.fund == .general)
    let scoreSum = store.projects.score.reduce(Int64(0), +)
    #expect(scoreSum == 18_765_800)  // 1876.58; ÷ 19 = 98.77
  }

  @Test func theDepartmentRow() throws {
    let store = try Self.store()
    #expect(store.departments.count == 1)
    let d = try #require(store.departments.first)
    #expect(d.year == 2023)
    #expect(d.unit == "双山子镇人民政府")
    #expect(d.initial == StatedMoney(amount: Money(tenThousandths: 10_096_200)))
    #expect(d.budget == StatedMoney(amount: Money(tenThousandths: 12_495_800), unit: .yuan))
    #expect(d.spent == StatedMoney(amount: Money(tenThousandths: 12_495_800)))
    #expect(d.rate == StatedPercent(tenThousandths: 1_237_600))
    #expect(d.projectCount == 19)
    #expect(d.projectInitial == StatedMoney(amount: Money(tenThousandths: 5_539_600)))
    #expect(d.projectBudget == StatedMoney(amount: Money(tenThousandths: 5_539_600)))
    #expect(d.projectSpent == StatedMoney(amount: Money(tenThousandths: 3_821_800)))
    #expect(d.projectRate == StatedPercent(tenThousandths: 690_000))
    #expect(d.evaluatedCount == 19)
    #expect(d.evaluatedBudget == StatedMoney(amount: Money(tenThousandths: 5_606_700)))
    #expect(d.gradeCounts == [.excellent: 18, .good: 1, .fair: 0, .poor: 0])
    #expect(d.excellentRate == StatedPercent(tenThousandths: 1_000_000))
    #expect(d.score == 952_500)
    #expect(d.grade == .excellent)
    #expect(d.staff == 76)
    #expect(d.internalUnits == 9)
    #expect(d.budgetUnits == 1)
    // 支出率 123.76 % is 决算 ÷ 年初预算 (123.7674… %, cut rather than rounded by the
    // report), not ÷ the adjusted budget.
    let spent = d.spent!.amount.exact
    #expect((spent / d.initial!.amount.exact * Fraction.hundred).formatted(places: 4) == "123.7674")
    #expect((spent / d.budget!.amount.exact * Fraction.hundred).formatted(places: 2) == "100.00")
  }

  @Test func theFundLines() throws {
    let store = try Self.store()
    #expect(store.funds.map(\.fund) == [.general, .governmentFund, .socialSecurity, .stateCapital])
    #expect(store.funds.map(\.projectCount) == [19, 0, 0, 0])
    #expect(store.funds[0].budget?.description == "560.67")
  }

  @Test func rowsLookup() throws {
    let store = try Self.store()
    #expect(store.rows(seq: 3) == [2])
    #expect(store.rows(seq: 3, year: 2023, unit: "双山子镇人民政府") == [2])
    #expect(store.rows(seq: 3, year: 2022) == [])
    #expect(store.rows(seq: 3, unit: "示例镇") == [])
    #expect(store.rows(seq: 20) == [])
  }
}
