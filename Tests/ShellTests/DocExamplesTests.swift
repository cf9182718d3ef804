import Foundation
import Testing

/// Every `$ jixiao …` example of README.md and docs/*.md, run with the built executable:
/// the docs show what the program prints today, or this fails at the example's line.
///
/// Set RECORD_DOCS=1 to write the actual output back into the files (then read the diff
/// before committing: the expectations are figures checked by hand).
@Suite("documentation examples", .timeLimit(.minutes(5)))
struct DocExamplesTests {
  static let root = CommandLineTests.root
  static let recording = ProcessInfo.processInfo.environment["RECORD_DOCS"] == "1"

  /// README.md and docs/*.md, those that hold at least one example.
  static func files() -> [String] {
    let docs = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)) ?? []
    return (["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }).filter { name in
      guard let text = try? String(contentsOf: root.appendingPathComponent(name), encoding: .utf8) else { return false }
      return !DocExamples(text: text).blocks.isEmpty
    }
  }

  /// A fresh folder whose `work` looks like the repository root (every top-level entry
  /// linked), so examples find datasets/, rules/, samples/ and the fixtures, while the
  /// files they write (good.csv, mydata/) stay out of the repository.
  static func scratch() throws -> URL {
    let fm = FileManager.default
    let folder = fm.temporaryDirectory.appendingPathComponent("jixiao-doc-\(UUID().uuidString)")
    let work = folder.appendingPathComponent("work")
    try fm.createDirectory(at: work, withIntermediateDirectories: true)
    try fm.createDirectory(at: folder.appendingPathComponent("state"), withIntermediateDirectories: true)
    for entry in try fm.contentsOfDirectory(atPath: root.path) where !entry.hasPrefix(".") {
      try fm.createSymbolicLink(at: work.appendingPathComponent(entry), withDestinationURL: root.appendingPathComponent(entry))
    }
    return folder
  }

  /// What an example runs with: the locale given (so the default language follows it),
  /// no colours, and a state folder of its own.
  static func environment(_ folder: URL, locale: String = "C.UTF-8") -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["LANG"] = locale
    environment["LC_ALL"] = nil
    environment["LC_MESSAGES"] = nil
    environment["NO_COLOR"] = "1"
    environment["XDG_STATE_HOME"] = folder.appendingPathComponent("state").path
    return environment
  }

  @Test func theReferenceDocsHaveExamples() throws {
    #expect(Self.files().contains("docs/LANGUAGE.md"))
    #expect(Self.files().contains("docs/RULES.md"))
    let text = try String(contentsOf: Self.root.appendingPathComponent("docs/LANGUAGE.md"), encoding: .utf8)
    let commands = DocExamples(text: text).blocks.flatMap(\.commands).map(\.text)
    #expect(commands.contains(#"jixiao -c "check""#))
    #expect(commands.contains { $0.hasPrefix("printf ") && $0.hasSuffix(" | jixiao") })
  }

  @Test(arguments: files())
  func examples(_ name: String) throws {
    let program = try #require(CommandLineTests.executable(), "the jixiao executable was not found next to the test bundle; run swift build")
    let url = Self.root.appendingPathComponent(name)
    let doc = DocExamples(text: try String(contentsOf: url, encoding: .utf8))
    var outputs: [[DocShell.Result]] = []
    for block in doc.blocks {
      let folder = try Self.scratch()
      defer { try? FileManager.default.removeItem(at: folder) }
      let shell = DocShell(executable: program, directory: folder.appendingPathComponent("work"), environment: Self.environment(folder))
      var results: [DocShell.Result] = []
      for command in block.commands {
        let place = SourceLocation(fileID: "jixiao/\(name)", filePath: url.path, line: command.line, column: 1)
        do {
          let result = try shell.run(command.text)
          results.append(result)
          if !Self.recording {
            #expect(
              DocExamples.matches(result.output, command.expected),
              "\(name):\(command.line): $ \(command.text)\n--- expected\n\(command.expected)--- actual\n\(result.output)",
              sourceLocation: place)
          }
        } catch {
          Issue.record("\(name):\(command.line): cannot run $ \(command.text): \(error)", sourceLocation: place)
          results.append(DocShell.Result(output: command.expected, status: block.status?.value ?? 0))
        }
      }
      if let status = block.status, let last = results.last, !Self.recording {
        #expect(
          last.status == status.value,
          "\(name):\(status.index + 1): the doc says exit status \(status.value), the command exits with \(last.status)",
          sourceLocation: SourceLocation(fileID: "jixiao/\(name)", filePath: url.path, line: status.index + 1, column: 1))
      }
      outputs.append(results)
    }
    if Self.recording {
      try doc.recorded(outputs: outputs).write(to: url, atomically: true, encoding: .utf8)
    }
  }
}
