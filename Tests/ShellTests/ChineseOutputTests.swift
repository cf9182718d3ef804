import Foundation
import QueryEngine
import QuerySyntax
import Testing

@testable import Shell

/// Runs every transcript with `--lang zh` and looks for English words in what the shell
/// printed: every header, note, message, help text and error must be Chinese. Allowed are
/// the data (words in the transcript's dataset files), what the user typed (statements
/// are echoed under error carets), field and keyword names (suggestions show code to
/// type), rule set names, and a few names that are the same in both languages (CSV, UTF-8).
@Suite struct ChineseOutputTests {
  static let sameInBothLanguages: Set<String> = [
    "csv", "json", "xlsx", "markdown", "html", "utf", "gb18030", "gbk", "bom", "crlf", "ctrl", "jx", "jixiao", "pdf", "docx", "txt",
    "pager", "less", "frsx", "no_color", "term", "xdg_config_home", "xdg_data_home", "lf", "tab", "esc", "rc", "jixiaorc", "editrc", "id", "zip",
  ]

  @Test(arguments: Transcript.names())
  func noEnglishWords(_ name: String) throws {
    let text = try String(contentsOf: Transcript.folder.appendingPathComponent(name), encoding: .utf8)
    let transcript = Transcript(text: text)
    let results = try transcript.run(language: .zh)
    var allowed = ChineseOutputTests.sameInBothLanguages.union(ChineseOutputTests.codeWords)
    for step in transcript.steps { allowed.formUnion(ChineseOutputTests.words(step.statement)) }
    allowed.formUnion(ChineseOutputTests.allDataWords)
    var english: [String] = []
    for (step, output) in results {
      for line in output.split(separator: "\n") {
        let found = ChineseOutputTests.words(String(line)).subtracting(allowed)
        if !found.isEmpty { english.append("\(name):\(step.line): \(line)    [\(found.sorted().joined(separator: " "))]") }
      }
    }
    if let report = ProcessInfo.processInfo.environment["CHINESE_REPORT"] {
      let lines = results.map { step, output in "## \(name):\(step.line): \(step.statement)\n\(output)" }.joined()
      try lines.write(toFile: report + "/" + name + ".txt", atomically: true, encoding: .utf8)
    }
    #expect(english.isEmpty, Comment(rawValue: "\(english.count) lines with English words:\n" + english.joined(separator: "\n")))
  }

  /// Every example of the docs again, in a Chinese locale (which makes Chinese the
  /// default): what they print holds no English words either.
  @Test(arguments: DocExamplesTests.files())
  func everyDocExampleInAChineseLocale(_ name: String) throws {
    let program = try #require(CommandLineTests.executable())
    let doc = DocExamples(text: try String(contentsOf: Transcript.repositoryRoot.appendingPathComponent(name), encoding: .utf8))
    var allowed = ChineseOutputTests.sameInBothLanguages.union(ChineseOutputTests.codeWords).union(ChineseOutputTests.allDataWords)
    var english: [String] = []
    for block in doc.blocks {
      let folder = try DocExamplesTests.scratch()
      defer { try? FileManager.default.removeItem(at: folder) }
      let environment = DocExamplesTests.environment(folder, locale: "zh_CN.UTF-8")
      let shell = DocShell(executable: program, directory: folder.appendingPathComponent("work"), environment: environment)
      for command in block.commands {
        // A command that writes a file is followed by one that shows it (cat): its words are the file's.
        allowed.formUnion(ChineseOutputTests.words(command.text))
        guard let result = try? shell.run(command.text) else { continue }
        for line in result.output.split(separator: "\n") {
          let found = ChineseOutputTests.words(String(line)).subtracting(allowed)
          if !found.isEmpty { english.append("\(name):\(command.line): \(line)    [\(found.sorted().joined(separator: " "))]") }
        }
      }
    }
    #expect(english.isEmpty, Comment(rawValue: "\(english.count) lines with English words:\n" + english.joined(separator: "\n")))
  }

  /// The words of every dataset in the repository (bundled, samples, test fixtures).
  static let allDataWords: Set<String> = {
    var words: Set<String> = []
    for folder in ["datasets", "samples", "Tests/ShellTests/Fixtures"] {
      words.formUnion(dataWords(Transcript.repositoryRoot.appendingPathComponent(folder)))
    }
    return words
  }()

  /// Keywords, field names and rule set names: the code a suggestion tells the user to type.
  static let codeWords: Set<String> = {
    var words = Set(Keywords.statements.flatMap { [$0.name] + $0.aliases }).union(Keywords.clauseWords.keys).union(Keywords.reserved)
    words.formUnion(Field.allCases.map(\.rawValue))
    // Every terminal of the grammar (option words such as recomputed, basis, linear).
    let language = (try? String(contentsOf: Transcript.repositoryRoot.appendingPathComponent("docs/LANGUAGE.md"), encoding: .utf8)) ?? ""
    if let start = language.range(of: "\n## Grammar"), let end = language[start.upperBound...].range(of: "\n## ") {
      for match in language[start.upperBound..<end.lowerBound].matches(of: /"([A-Za-z_-]+)"/) { words.insert(String(match.1.drop { $0 == "-" }).lowercased()) }
    }
    // Help topics and the dot-commands' syntax (`.nullvalue [TEXT]`, `.theme dark|light|none`).
    words.formUnion(HelpTopics.names)
    for (_, usage) in DotCommand.all { words.formUnion(ChineseOutputTests.words(String(usage.split(separator: "  ").first ?? ""))) }
    words.insert("null")  // JSON's missing value
    // What `sql` prints is SQL, code like the statements.
    words.formUnion([
      "select", "from", "where", "group", "order", "by", "case", "when", "then", "else", "end", "as", "nulls", "last", "first", "with",
      "read_csv", "header", "true", "false", "columns", "integer", "varchar", "decimal", "double", "bigint", "null", "is", "not", "and", "or",
      "limit", "having", "nullif", "cast", "over", "partition", "distinct", "join", "on", "left", "full", "outer", "using", "coalesce", "position",
      "lower", "round", "filter", "union", "all", "values", "groups", "k1", "k2", "a1", "a2", "a3", "if", "sign", "floor", "abs", "least", "greatest",
      "count_star", "row_number", "rank", "asc", "desc", "in", "exists", "between", "like", "string_agg", "list", "min", "max", "sum", "avg",
    ])
    // The column names of explain's and check's data form (CSV, spreadsheets), like field names.
    words.formUnion(["section", "step", "formula", "points", "max", "note", "figure", "reported", "computed", "verdict"])
    // The command line's flags (`--no-color`, `--command`), from its table in the docs.
    if let start = language.range(of: "\n## Command line") {
      for match in language[start.upperBound...].matches(of: /--([a-z][a-z-]*)/) {
        for part in match.1.split(separator: "-") { words.insert(String(part)) }
      }
    }
    let rules = (try? FileManager.default.contentsOfDirectory(atPath: Transcript.repositoryRoot.appendingPathComponent("rules").path)) ?? []
    for file in rules where file.hasSuffix(".json") { words.insert(String(file.dropLast(5)).lowercased()) }
    return words
  }()

  /// Lower-cased runs of two or more ASCII letters (with _ inside), after removing the
  /// `\x1b`-style escapes that stand for control characters, and JSON's keys and the
  /// values of its `kind` and `verdict` keys: JSON is data for scripts, the same in every
  /// language.
  static func words(_ text: String) -> Set<String> {
    var words: Set<String> = []
    var current = ""
    let data = text.replacing(/\\x[0-9a-fA-F]{2}/, with: " ").replacing(/"(kind|verdict)": "[a-z_]+"/, with: " ").replacing(/"[a-z_]+":/, with: " ")
    for ch in data + " " {
      if ch.isASCII && (ch.isLetter || (ch == "_" && !current.isEmpty)) {
        current.append(ch)
      } else {
        if current.count >= 2 { words.insert(current.lowercased()) }
        current = ""
      }
    }
    return words
  }

  static func dataWords(_ folder: URL) -> Set<String> {
    let files = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
    var words: Set<String> = []
    for file in files {
      // File names are data too: a folder's import names the files it read.
      words.formUnion(ChineseOutputTests.words(file))
      if let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) { words.formUnion(ChineseOutputTests.words(text)) }
    }
    return words
  }
}
