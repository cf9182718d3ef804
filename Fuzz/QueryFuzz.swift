// libFuzzer harness: lexer + parser + evaluator + renderer on arbitrary text.
// Built and run by scripts/fuzz.sh; not part of `swift test`.
import DataStore
import QueryEngine
import QuerySyntax
import Scoring
import Shell

/// Discards what the session writes.
final class NullSink: TextSink {
  func write(_ text: String) {}
}

/// The seed report plus a small sample with indicators and another year, loaded once.
nonisolated(unsafe) let fuzzStore: Store = {
  do {
    return try DatasetLoader.load(paths: ["datasets", "samples/langfang-2019"])
  } catch {
    fatalError("fuzz harness: cannot load the datasets (run from the package root): \(error)")
  }
}()
nonisolated(unsafe) let fuzzRules: [String: RuleSet] = (try? RuleLoader.load(folder: "rules")) ?? [:]

/// Statements that read or write files elsewhere are not run: the fuzzer must not
/// touch the file system.
let fileStatements: Set<String> = ["load", "import", "export", "save", "read", "write"]

func touchesFiles(_ text: String) -> Bool {
  let first = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).first
  return first.map { fileStatements.contains($0.lowercased()) } ?? false
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  _ = Parser.splitStatements(text)
  guard let statements = try? Parser.parse(text) else {
    // Errors go through the session too: the caret renderer must cope with any range.
    let session = Session(store: fuzzStore, ruleSets: fuzzRules, out: NullSink(), err: NullSink())
    _ = session.run(text, allowIncomplete: true)
    _ = session.run(text)
    return 0
  }
  var engine = Engine(store: fuzzStore, ruleSets: fuzzRules)
  var anyFile = false
  for statement in statements {
    let source = statement.range.text(in: text)
    if touchesFiles(source) {
      anyFile = true
      continue
    }
    guard let outcome = try? engine.execute(statement) else { continue }
    if case .table(let table) = outcome {
      for format in [OutputFormat.table, .csv, .json, .markdown, .line] {
        _ = Renderer(format: format, maxRows: 4).render(table)
      }
    }
  }
  // The whole path as the shell runs it: diagnostics, charts, help texts.
  if !anyFile {
    let session = Session(store: fuzzStore, ruleSets: fuzzRules, out: NullSink(), err: NullSink())
    session.terminalWidth = 60
    _ = session.run(text)
  }
  return 0
}
