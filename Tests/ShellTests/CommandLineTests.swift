import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The real `jixiao` executable run as scripts and pipes run it: flags, exit status,
/// and exactly what goes to standard output and standard error.
@Suite("jixiao on the command line", .timeLimit(.minutes(2)))
struct CommandLineTests {
  /// Repository root: this file is `<root>/Tests/ShellTests/CommandLineTests.swift`.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The `jixiao` built next to this test bundle (one folder holds every product of a
  /// configuration), else the default build folder.
  static func executable() -> String? {
    let folders = [
      Bundle.main.bundleURL,
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
      root.appendingPathComponent(".build/debug"),
    ]
    for folder in folders {
      let candidate = folder.appendingPathComponent("jixiao").path
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
        FileManager.default.isExecutableFile(atPath: candidate)
      {
        return candidate
      }
    }
    return nil
  }

  struct Run {
    var status: Int32
    var out: String
    var err: String
  }

  /// Runs jixiao in the repository root (so ./datasets and ./rules are found) with
  /// `input` on a pipe as standard input.
  /// - Parameter directory: where to run it instead of the repository root.
  /// - Parameter program: another jixiao binary to run (an installed one).
  static func jixiao(
    _ arguments: [String], input: String = "", environment extra: [String: String] = [:], directory: URL? = nil, program other: String? = nil
  ) throws -> Run {
    let program = try other ?? #require(executable(), "the jixiao executable was not found next to the test bundle; run swift build")
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("out")
    let errURL = scratch.appendingPathComponent("err")
    try #require(FileManager.default.createFile(atPath: outURL.path, contents: nil))
    try #require(FileManager.default.createFile(atPath: errURL.path, contents: nil))
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)
    let stdin = Pipe()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? root
    var environment = ProcessInfo.processInfo.environment
    environment["LANG"] = "C.UTF-8"
    environment["LC_ALL"] = nil
    environment["LC_MESSAGES"] = nil
    environment["NO_COLOR"] = "1"
    environment["XDG_STATE_HOME"] = scratch.path
    environment.merge(extra) { $1 }
    process.environment = environment
    process.standardInput = stdin
    process.standardOutput = outHandle
    process.standardError = errHandle
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    process.waitUntilExit()
    try outHandle.close()
    try errHandle.close()
    let out = String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
    let err = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
    let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    return Run(status: status, out: out, err: err)
  }

  static let sumBudget = """
    ┌─────────────┐
    │ sum(budget) │
    ├─────────────┤
    │     553.956 │
    └─────────────┘

    """

  static let avgScore = """
    ┌────────────┐
    │ avg(score) │
    ├────────────┤
    │      98.77 │
    └────────────┘

    """

  /// Output to a file or a pipe never goes through the pager, however long.
  @Test func pipedOutputIsNeverPaged() throws {
    let run = try Self.jixiao(["-c", "projects"], environment: ["PAGER": "sed s/^/P:/"])
    #expect(run.status == 0)
    #expect(run.out.contains("│ 2023 │ 双山子镇人民政府 │  19 │") && !run.out.contains("P:"))
  }

  /// --lang zh, and a Chinese locale, give the shell's words in Chinese; the data stays.
  @Test func chineseFromTheFlagOrTheLocale() throws {
    let flag = try Self.jixiao(["--lang", "zh", "-c", "count by grade", "-c", "projets"])
    #expect(flag.out.contains("│ 自评级 │ 个数 │") && flag.out.contains("共 2 行"), "\(flag.out)")
    #expect(flag.err.contains("未知语句“projets”"), "\(flag.err)")
    let locale = try Self.jixiao(["-c", "count by grade"], environment: ["LANG": "zh_CN.UTF-8"])
    #expect(locale.out == flag.out)
    let english = try Self.jixiao(["--lang", "en", "-c", "count by grade"], environment: ["LANG": "zh_CN.UTF-8"])
    #expect(english.out.contains("│ grade │ count │") && english.out.contains("2 rows"))
    let bad = try Self.jixiao(["--lang", "fr", "-c", "count"])
    #expect(bad.status == 2 && bad.err.contains("unknown language 'fr'; expected en or zh"))
  }

  @Test func jsonOfTheOneGoodProject() throws {
    let run = try Self.jixiao(["--format", "json", "-c", "projects where grade = 良"])
    #expect(run.status == 0)
    #expect(run.err == "")
    #expect(
      run.out == """
        [
          {"year": 2023, "unit": "双山子镇人民政府", "seq": 3, "name": "村级组织运转经费-村干部基础职务补贴", "budget": 228.764, "score": 83.25, "grade": "良"}
        ]

        """)
    let objects = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [[String: Any]])
    #expect(objects.count == 1)
    #expect((objects.first?["seq"] as? NSNumber)?.intValue == 3)
  }

  @Test func unknownFieldFailsWithACaret() throws {
    let run = try Self.jixiao(["-c", "projects where grde = 良"])
    #expect(run.status == 1)
    #expect(run.out == "")
    #expect(
      run.err == """
          projects where grde = 良
                         ^^^^ unknown field 'grde'; did you mean 'grade'?

        """)
  }

  @Test func caretUnderChineseText() throws {
    let run = try Self.jixiao(["-c", "projects where 项目名称 = 党建 and grade = 好"])
    #expect(run.status == 1)
    // 项目名称 and 党建 are two columns per character: the caret sits under 好, after
    // 15 + 8 + 3 + 4 + 13 = 43 columns of text and the two-space echo indent.
    let caretLine = String(repeating: " ", count: 45) + "^^ '好' is not a grade; valid grades: 优 良 中 差 (also A B C D, excellent good fair poor, you liang zhong cha)"
    #expect(run.err == "  projects where 项目名称 = 党建 and grade = 好\n" + caretLine + "\n")
  }

  @Test func statementLeftOpenAtTheEndOfInput() throws {
    let run = try Self.jixiao(["-c", "projects where (grade = 良"])
    #expect(run.status == 1)
    #expect(run.out == "")
    #expect(
      run.err == """
          projects where (grade = 良
                         ^ this parenthesis is never closed; add )

        """)
  }

  @Test func missingDataFolderExitsTwo() throws {
    let run = try Self.jixiao(["--data", "/nonexistent/jixiao-data", "-c", "count"])
    #expect(run.status == 2)
    #expect(run.out == "")
    #expect(run.err == "error: /nonexistent/jixiao-data: no such file or folder\n")
  }

  @Test func badDatasetExitsTwoNamingTheCell() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-cli-data-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("projects-bad.csv")
    try Data("year,unit,seq,name,budget,score,grade\n2023,U,1,N,10,90,好\n".utf8).write(to: file)
    let run = try Self.jixiao(["--data", folder.path, "-c", "count"])
    #expect(run.status == 2)
    #expect(run.out == "")
    #expect(
      run.err
        == "error: \(file.path):2: column 'grade' (field 7): '好' is not a grade; expected one of 优 良 中 差 (also A B C D, excellent good fair poor, you liang zhong cha)\n"
    )
  }

  /// Indicator rows whose project is not loaded are kept with a warning on standard error.
  @Test func indicatorRowsWithoutTheirProjectWarnAtStart() throws {
    let fixtures = Self.root.appendingPathComponent("Tests/ShellTests/Fixtures").path
    let run = try Self.jixiao(["--data", fixtures + "/guardrails", "--data", fixtures + "/guardrails-orphan", "-c", "count"])
    #expect(run.status == 0)
    #expect(
      run.err
        == "warning: \(fixtures)/guardrails-orphan/indicators-orphan.csv:3: 2 indicator rows are for year 2021, unit 示例核查单位, seq 99, which is not a loaded project; no score uses them\n")
  }

  /// The same indicators given twice would count every row twice: refused, exit 2.
  @Test func indicatorsGivenTwiceExitTwo() throws {
    let file = Self.root.appendingPathComponent("Tests/ShellTests/Fixtures/guardrails/indicators-guardrails.csv").path
    let run = try Self.jixiao(["--data", file, "--data", file, "-c", "count"])
    #expect(run.status == 2)
    #expect(
      run.err
        == "error: \(file):2: column 'name': duplicate indicator: year 2021, unit 示例核查单位, seq 1, 产出指标 · 数量指标 · 完成数量 is already loaded from another file; expected each project's indicators to be loaded once\n")
  }

  @Test func unknownFormatExitsTwo() throws {
    let run = try Self.jixiao(["--format", "xml", "-c", "count"])
    #expect(run.status == 2)
    #expect(run.out == "")
    #expect(run.err.contains("unknown format 'xml'; expected table, csv, json, markdown or line"))
  }

  @Test func unknownFlagExitsTwo() throws {
    let run = try Self.jixiao(["--frobnicate"])
    #expect(run.status == 2)
    #expect(run.out == "")
    #expect(run.err.contains("--frobnicate"))
  }

  @Test func pipedStatementsRunWithoutPromptOrBanner() throws {
    let run = try Self.jixiao([], input: "sum budget\n\navg score\n")
    #expect(run.status == 0)
    #expect(run.err == "")
    #expect(run.out == Self.sumBudget + Self.avgScore)
    #expect(!run.out.contains("jx> "))
    #expect(!run.out.contains("jixiao:"))
  }

  @Test func pipedStatementContinuesOnTheNextLine() throws {
    let run = try Self.jixiao(["--format", "csv"], input: "projects where grade = 良 and\nseq = 3 show seq, budget\n")
    #expect(run.status == 0)
    #expect(run.err == "")
    #expect(run.out == "seq,budget\n3,228.764\n")
  }

  @Test func repeatedCommandFlagsRunInOrder() throws {
    let run = try Self.jixiao(["-c", "sum budget", "-c", "avg score"])
    #expect(run.status == 0)
    #expect(run.err == "")
    #expect(run.out == Self.sumBudget + Self.avgScore)
  }

  @Test func semicolonsInOneCommand() throws {
    let run = try Self.jixiao(["-c", "sum budget; avg score"])
    #expect(run.status == 0)
    #expect(run.out == Self.sumBudget + Self.avgScore)
  }

  @Test func csvOutput() throws {
    let run = try Self.jixiao(["--format", "csv", "-c", "sum budget by grade"])
    #expect(run.status == 0)
    #expect(run.out == "grade,sum(budget)\n优,325.192\n良,228.764\n")
  }

  @Test func markdownOutput() throws {
    let run = try Self.jixiao(["--format", "markdown", "-c", "projects sort by budget desc limit 2 show seq, name, budget"])
    #expect(run.status == 0)
    #expect(
      run.out == """
        | seq | name | budget |
        | ---: | --- | ---: |
        | 3 | 村级组织运转经费-村干部基础职务补贴 | 228.764 |
        | 5 | 村级组织运转经费-服务群众专项经费 | 119 |

        """)
  }

  /// A failing statement does not stop the script unless --bail is given.
  @Test func bailStopsAtTheFirstFailure() throws {
    let input = "projcts\nsum budget\n"
    let error = "  projcts\n  ^^^^^^^ unknown statement 'projcts'; did you mean 'projects'?\n"
    let carryOn = try Self.jixiao([], input: input)
    #expect(carryOn.status == 1)
    #expect(carryOn.err == error)
    #expect(carryOn.out == Self.sumBudget)
    let bail = try Self.jixiao(["--bail"], input: input)
    #expect(bail.status == 1)
    #expect(bail.err == error)
    #expect(bail.out == "")
  }

  static func statementFile(_ text: String) throws -> Run {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-cli-f-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("q.jx")
    try Data(text.utf8).write(to: file)
    return try jixiao(["-f", file.path])
  }

  @Test func statementFileFlag() throws {
    let run = try Self.statementFile("sum budget\navg score\n")
    #expect(run.status == 0)
    #expect(run.err == "")
    #expect(run.out == Self.sumBudget + Self.avgScore)
  }

  /// A statement file saved on Windows ends its lines with CR LF. Today the whole file
  /// is read as one line ("\r\n" is one Character, so splitting on "\n" never cuts
  /// it), and `sum budget` fails with "unexpected 'avg'".
  @Test func statementFileWithWindowsLineEnds() throws {
    let run = try Self.statementFile("sum budget\r\navg score\r\n")
    #expect(run.status == 0)
    #expect(run.err == "")
    #expect(run.out == Self.sumBudget + Self.avgScore)
  }

  @Test func pipedStatementsWithWindowsLineEnds() throws {
    let run = try Self.jixiao([], input: "sum budget\r\navg score\r\n")
    #expect(run.status == 0)
    #expect(run.err == "")
    #expect(run.out == Self.sumBudget + Self.avgScore)
  }

  @Test func missingStatementFileExitsTwo() throws {
    let run = try Self.jixiao(["-f", "/nonexistent/q.jx"])
    #expect(run.status == 2)
    #expect(run.err == "error: /nonexistent/q.jx: cannot be opened: No such file or directory\n")
  }

  /// An error on a continuation line shows that line, with the caret under the value.
  @Test func errorOnAContinuationLine() throws {
    let run = try Self.jixiao([], input: "projects where grade = 良 and\nseq = abc\n")
    #expect(run.status == 1)
    #expect(run.out == "")
    #expect(run.err == "  seq = abc\n        ^^^ seq is a whole number; 'abc' is not; for example: seq = 3\n")
  }

  /// 1,000 projects of 10^12 万元 each (the largest amount a file may hold) add up to
  /// 10^15 万元, beyond Int64 ten-thousandths. `years` sums them in Int64 and traps
  /// today (signal 4); it must answer or refuse, never crash.
  @Test func yearsWithHugeAmountsDoesNotCrash() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-cli-big-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let rows = (1...1_000).map { "2023,U,\($0),N\($0),1000000000000" }
    try Data((["year,unit,seq,name,budget"] + rows).joined(separator: "\n").utf8)
      .write(to: folder.appendingPathComponent("projects-big.csv"))
    let run = try Self.jixiao(["--data", folder.path, "--format", "csv", "-c", "years"])
    #expect(run.status == 0 || run.status == 1, "exit status \(run.status); stderr: \(run.err.prefix(200))")
    #expect(!run.out.contains("922337203685477"))
  }

  /// A long flat `and` chain (a generated query) must be answered, not crash: today
  /// 1,000 conditions overflow the stack in Filter.rows (signal 11).
  @Test func longConditionChainDoesNotCrash() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-cli-long-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("long.jx")
    let statement = "count where " + Array(repeating: "seq > 0", count: 2_000).joined(separator: " and ")
    try Data((statement + "\n").utf8).write(to: file)
    let run = try Self.jixiao(["--format", "csv", "-f", file.path])
    #expect(run.status == 0)
    #expect(run.out == "count\n19\n")
  }

  @Test func versionFlagPrintsTheVersion() throws {
    let run = try Self.jixiao(["--version"])
    #expect(run.status == 0)
    #expect(run.out == "jixiao 0.1.0\n")
    #expect(run.err == "")
  }

  @Test func exitWithAStatus() throws {
    let run = try Self.jixiao(["-c", "count where grde = 1", "-c", ".exit 3", "-c", "count"])
    // .exit N decides the status, even after a failure; the third -c does not run.
    #expect(run.status == 3)
    #expect(run.out == "")
    #expect(run.err == "  count where grde = 1\n              ^^^^ unknown field 'grde'; did you mean 'grade'?\n")
  }

  @Test func quitEndsTheLaterCommandsToo() throws {
    let run = try Self.jixiao(["-c", "quit", "-c", "count"])
    #expect(run.status == 0)
    #expect(run.out == "")
  }

  @Test func statementFileErrorsNameTheFileAndLine() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-cli-f-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("q.jx").path
    try Data("-- the total first\nsum budget\n\n# then a mistake\navg scroe\n.exit 5\ncount\n".utf8).write(to: URL(fileURLWithPath: file))
    let run = try Self.jixiao(["-f", file])
    #expect(run.status == 5)
    #expect(run.out == Self.sumBudget)
    #expect(run.err == "\(file):5:\n  avg scroe\n      ^^^^^ unknown field 'scroe'; did you mean 'score'?\n")
  }

  /// The startup file is for the interactive shell; a script runs the same everywhere.
  @Test func scriptsDoNotRunTheStartupFile() throws {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-cli-home-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: home) }
    try Data(".mode csv\n".utf8).write(to: home.appendingPathComponent(".jixiaorc"))
    let run = try Self.jixiao(["-c", "sum budget"], environment: ["HOME": home.path, "XDG_CONFIG_HOME": home.path])
    #expect(run.out == Self.sumBudget)
    let piped = try Self.jixiao([], input: "sum budget\n", environment: ["HOME": home.path, "XDG_CONFIG_HOME": home.path])
    #expect(piped.out == Self.sumBudget)
  }

  /// The shipped rule sets are compiled in: started in a folder with no rules/, `rules
  /// twenty` still works, and the user's config folder adds a set of its own.
  @Test func shippedRulesWorkOutsideTheRepository() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-cli-away-\(UUID().uuidString)")
    let userRules = folder.appendingPathComponent("config/jixiao/rules")
    try FileManager.default.createDirectory(at: userRules, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let local = """
      {"name": "local", "title": "a township's own", "bands": {"优": 95, "良": 85, "中": 60},
       "weights": {"产出": 50, "效益": 30, "满意度": 10, "执行率": 10},
       "tiers": {"达成": [80, 100], "部分达成": [60, 80], "未达成": [0, 60]}}
      """
    try Data(local.utf8).write(to: userRules.appendingPathComponent("local.json"))
    let environment = ["XDG_CONFIG_HOME": folder.appendingPathComponent("config").path, "HOME": folder.path]
    let run = try Self.jixiao(["--no-data", "-c", "rules twenty", "-c", "rules local"], environment: environment, directory: folder)
    #expect(run.err == "")
    #expect(run.status == 0)
    #expect(
      run.out
        == "rules: twenty — 预算执行率 20 分 variant (local rules: 执行率 20; tiers 100–80 / 80–50 / 50–0 %)\n"
        + "rules: local — a township's own\n")
  }
}
