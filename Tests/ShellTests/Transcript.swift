import DataStore
import Foundation
import Shell

/// A transcript file: statements typed at `jx> ` with the output each must produce.
///
/// ```
/// # a comment
/// -- data: datasets
/// jx> sum budget
/// ┌─────────────┐
/// …
/// ```
/// `-- data:` lines name dataset folders relative to the repository root. A statement
/// continues on lines that start with `..> `. Everything up to the next `jx> ` line is
/// the expected output (standard output and errors, in the order written). An output
/// line that itself starts with `jx> `, `..> ` or `\` is written with a `\` in front.
struct Transcript {
  struct Step {
    var statement: String
    var expected: String
    var line: Int
  }

  var dataPaths: [String] = []
  /// `-- lang: zh` runs the transcript with the shell's words in Chinese.
  var language = Language.en
  var steps: [Step] = []

  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static var folder: URL { repositoryRoot.appendingPathComponent("Tests/ShellTests/Transcripts") }

  static func names() -> [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return files.filter { $0.hasSuffix(".jxt") }.sorted()
  }

  init(text: String) {
    var current: Step?
    for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = String(raw)
      if current == nil, line.hasPrefix("#") || line.isEmpty { continue }
      if line.hasPrefix("-- lang: ") {
        language = Language(rawValue: String(line.dropFirst("-- lang: ".count))) ?? .en
      } else if line.hasPrefix("-- data: ") {
        dataPaths.append(String(line.dropFirst("-- data: ".count)))
      } else if line.hasPrefix("jx> ") {
        if let c = current { steps.append(c) }
        current = Step(statement: String(line.dropFirst(4)), expected: "", line: i + 1)
      } else if line.hasPrefix("..> "), current != nil, current!.expected.isEmpty {
        current!.statement += "\n" + line.dropFirst(4)
      } else if current != nil {
        current!.expected += (line.hasPrefix("\\") ? String(line.dropFirst()) : line) + "\n"
      }
    }
    if let c = current { steps.append(c) }
    // Blank lines before the next statement separate steps; they are not output.
    for i in steps.indices {
      while steps[i].expected.hasSuffix("\n\n") { steps[i].expected.removeLast() }
      if steps[i].expected == "\n" { steps[i].expected = "" }
    }
  }

  /// Runs every step in one session; returns (step, actual output) pairs.
  func run(language: Language? = nil) throws -> [(Step, String)] {
    let store = try DatasetLoader.load(paths: dataPaths.map { Transcript.repositoryRoot.appendingPathComponent($0).path })
    let rules = try RuleLoader.load(folder: Transcript.repositoryRoot.appendingPathComponent("rules").path)
    let sink = StringSink()
    let session = Session(store: store, ruleSets: rules, out: sink, err: sink)
    session.language = language ?? self.language
    var results: [(Step, String)] = []
    for step in steps {
      sink.clear()
      let reader = ScriptLineReader(text: step.statement)
      _ = REPL(session: session, reader: reader).run()
      results.append((step, sink.text))
    }
    return results
  }
}

extension Transcript {
  /// Output text as written in a transcript file, escaping lines that would read as input.
  static func escape(_ output: String) -> String {
    output.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.hasPrefix("jx> ") || line.hasPrefix("..> ") || line.hasPrefix("\\") ? "\\" + line : String(line)
    }.joined(separator: "\n")
  }
}
