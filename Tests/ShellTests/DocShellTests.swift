import Foundation
import Testing

/// The pieces of the documentation tests: the command-line forms `DocShell` runs (and
/// the ones it refuses, with the column), and how `DocExamples` reads and rewrites a
/// Markdown file.
@Suite("documentation examples: shell and parser", .timeLimit(.minutes(2)))
struct DocShellTests {
  /// A shell in a fresh empty folder (removed by the caller).
  static func shell() throws -> (DocShell, URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-docshell-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var environment = ProcessInfo.processInfo.environment
    environment["LANG"] = "C.UTF-8"
    environment["NO_COLOR"] = "1"
    environment["XDG_STATE_HOME"] = folder.path
    let program = CommandLineTests.executable() ?? "jixiao-not-built"
    return (DocShell(executable: program, directory: folder, environment: environment), folder)
  }

  static func words(_ line: String, status: Int32 = 0) throws -> [String] {
    try DocShell.tokenize(line).compactMap { token in
      if case .word(let w) = token { return w.expanded(status: status) }
      return nil
    }
  }

  @Test func quotingForms() throws {
    #expect(
      try Self.words(#"jixiao -c $'a\n  b\'c' "x \"y\" $? \q" 'it''s' plain\ word "" $?"#, status: 7)
        == ["jixiao", "-c", "a\n  b'c", "x \"y\" 7 \\q", "its", "plain word", "", "7"])
    #expect(try Self.words("jixiao -c \"count where name = “党建工作经费”\"") == ["jixiao", "-c", "count where name = “党建工作经费”"])
  }

  @Test(arguments: [
    (#"jixiao -c "x" && echo y"#, DocShellError(column: 15, message: "'&' outside quotes is not supported; quote it")),
    ("echo $HOME", DocShellError(column: 6, message: "'$' is supported only as $? and $'…'")),
    ("jixiao -c 'count", DocShellError(column: 11, message: "this ' is never closed")),
    (#"jixiao -c "a $(b)""#, DocShellError(column: 14, message: "only $? is expanded inside \"…\"")),
    (#"jixiao -c $'\x41'"#, DocShellError(column: 13, message: "the escape \\x in $'…' is not supported")),
    ("echo a || echo b", DocShellError(column: 8, message: "'||' is not supported; use ; or separate $ lines")),
    ("echo a >> f", DocShellError(column: 8, message: "'>>' is not supported; write the file once with >")),
    ("jixiao >", DocShellError(column: 8, message: "'>' needs a file name after it")),
    ("echo a | ; echo b", DocShellError(column: 10, message: "'|' needs a command after it")),
    ("echo a > f b", DocShellError(column: 12, message: "words after '> FILE' are not supported; put them before it")),
    ("ls *.csv", DocShellError(column: 4, message: "'*' outside quotes is not supported; quote it")),
  ])
  func unsupportedFormsSayWhere(_ line: String, _ error: DocShellError) throws {
    #expect(throws: error) { try DocShell.parse(line) }
  }

  @Test func commandsPipesRedirectsAndStatus() throws {
    let (shell, folder) = try Self.shell()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try shell.run(#"mkdir -p d/e; printf 'a\n100%%\n' > d/e/f.txt; cat d/e/f.txt missing.txt; echo "status $?"; printf 'x\n' | cat"#)
    #expect(run == DocShell.Result(output: "a\n100%\ncat: missing.txt: No such file or directory\nstatus 1\nx\n", status: 0))
    #expect(throws: DocShellError(column: 1, message: "'ls' is not a command the examples can run; use jixiao, printf, echo, cat or mkdir -p")) {
      try shell.run("ls")
    }
    #expect(throws: DocShellError(column: 1, message: "'../x' is outside the example's folder; use a relative path without ..")) {
      try shell.run("cat ../x")
    }
    #expect(throws: DocShellError(column: 1, message: "printf directives are not supported (only %%)")) {
      try shell.run("printf '%s'")
    }
  }

  /// Errors and results reach the terminal in the order written; `$?` is jixiao's status.
  @Test func jixiaoOutputAndStatus() throws {
    try #require(CommandLineTests.executable() != nil, "the jixiao executable was not found next to the test bundle; run swift build")
    let (shell, folder) = try Self.shell()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try shell.run(#"jixiao --no-data -c "projets" -c "years"; echo "exit $?"; jixiao --data nowhere -c years"#)
    #expect(
      run.output == """
          projets
          ^^^^^^^ unknown statement 'projets'; did you mean 'projects'?
        ┌──────┬───────┬──────────┬────────┬─────────────┬────────────┐
        │ year │ units │ projects │ budget │ departments │ indicators │
        ├──────┼───────┼──────────┼────────┼─────────────┼────────────┤
        └──────┴───────┴──────────┴────────┴─────────────┴────────────┘
        0 rows
        exit 1
        error: nowhere: no such file or folder

        """)
    #expect(run.status == 2)
  }

  /// `datasets` as a symbolic link in the working folder loads (it used to be read as
  /// an empty folder: the link was resolved only for absolute paths).
  @Test func aLinkedDatasetsFolderLoads() throws {
    try #require(CommandLineTests.executable() != nil, "the jixiao executable was not found next to the test bundle; run swift build")
    let (shell, folder) = try Self.shell()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createSymbolicLink(
      at: folder.appendingPathComponent("datasets"), withDestinationURL: CommandLineTests.root.appendingPathComponent("datasets"))
    let run = try shell.run("printf 'count\\n' | jixiao; jixiao --data datasets/ -c 'sum budget'")
    #expect(
      run.output == """
        ┌───────┐
        │ count │
        ├───────┤
        │    19 │
        └───────┘
        ┌─────────────┐
        │ sum(budget) │
        ├─────────────┤
        │     553.956 │
        └─────────────┘

        """)
  }

  static let sample = """
    Intro.

    ```text
    $ jixiao -c "count"
    line1

    line2
    $ echo hi
    hi
    ```

    Exit status: 1.

    ```
    jx> count
    ```

    ```sh
    swift test
    ```
    """

  @Test func readingExamples() {
    let doc = DocExamples(text: Self.sample)
    #expect(doc.blocks.count == 1)
    let commands = doc.blocks.first?.commands ?? []
    #expect(commands.map(\.line) == [4, 8])
    #expect(commands.map(\.text) == [#"jixiao -c "count""#, "echo hi"])
    #expect(commands.map(\.expected) == ["line1\n\nline2\n", "hi\n"])
    #expect(doc.blocks.first?.status?.index == 11)
    #expect(doc.blocks.first?.status?.value == 1)
  }

  @Test func recordingRewritesOnlyWhatDiffers() {
    let doc = DocExamples(text: Self.sample)
    let text = doc.recorded(outputs: [[.init(output: "new\n", status: 0), .init(output: "hi\n", status: 0)]])
    #expect(text == Self.sample.replacing("line1\n\nline2\n", with: "new\n").replacing("Exit status: 1.", with: "Exit status: 0."))
    let empty = doc.recorded(outputs: [[.init(output: "", status: 1), .init(output: "hi\n", status: 1)]])
    #expect(empty == Self.sample.replacing("line1\n\nline2\n", with: ""))
  }

  @Test func excerptsMatchTheLinesShownInOrder() {
    let actual = "head\na\nb\nc\nd\nend\n"
    #expect(DocExamples.matches(actual, "head\n…\nb\nc\n…\nend\n"))
    #expect(DocExamples.matches(actual, "…\nd\nend\n"))
    #expect(DocExamples.matches(actual, "head\n…\n"))
    #expect(DocExamples.matches(actual, "head\n…\na\n…\nend\n"))
    #expect(!DocExamples.matches(actual, "head\n…\nc\nb\n…\nend\n"))
    #expect(!DocExamples.matches(actual, "a\n…\nend\n"))
    #expect(!DocExamples.matches(actual, "head\n…\nd\n"))
    #expect(!DocExamples.matches(actual, "head\n…\nend\n…\nend\n"))
    #expect(!DocExamples.matches("head\nend\n", "head\n…\nx\n…\nend\n"))
    #expect(!DocExamples.matches("head … end\n", "head\n…\nend\n"))
  }

  @Test func runTimesMatchLoosely() {
    #expect(DocExamples.matches("x\nRun Time: 1.234 ms\n", "x\nRun Time: 0.360 ms\n"))
    #expect(DocExamples.matches("Run Time: 12 ms", "Run Time: 0.360 ms"))
    #expect(!DocExamples.matches("Run Time: 1.2 ms!\n", "Run Time: 0.360 ms\n"))
    #expect(!DocExamples.matches("x\nRun Time: 1 ms\n", "y\nRun Time: 1 ms\n"))
  }
}
