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

/// Statements that read or write files are not run: the fuzzer must not touch the file
/// system. A statement counts by what it parses to, or, when it does not parse, by the
/// statement its first word names (Chinese names included: 保存 is save).
let fileStatements: Set<String> = ["load", "import", "export", "save"]
let fileDotCommands: Set<String> = [".read", ".output", ".once", ".write"]

func touchesFiles(_ text: String) -> Bool {
  for piece in Parser.splitStatements(text) {
    let words = piece.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\u{3000}" })
    for word in words.prefix(1) {
      if fileDotCommands.contains(word.lowercased()) { return true }
      if let entry = Keywords.statement(String(word)), fileStatements.contains(entry.name) { return true }
    }
    if let parsed = try? Parser.parse(piece) {
      for p in parsed {
        switch p.statement {
        case .load, .importData, .export, .save: return true
        default: break
        }
      }
    }
  }
  // A dot-command may follow a line break inside the text.
  return text.split(separator: "\n").contains { line in
    fileDotCommands.contains(line.split(separator: " ").first.map { $0.lowercased() } ?? "")
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  _ = Parser.splitStatements(text)
  let writes = touchesFiles(text)
  guard let statements = try? Parser.parse(text) else {
    guard !writes else { return 0 }
    // Errors go through the session too: the caret renderer must cope with any range.
    let session = Session(store: fuzzStore, ruleSets: fuzzRules, out: NullSink(), err: NullSink())
    _ = session.run(text, allowIncomplete: true)
    _ = session.run(text)
    return 0
  }
  var engine = Engine(store: fuzzStore, ruleSets: fuzzRules)
  var anyFile = false
  for statement in statements {
    switch statement.statement {
    case .load, .importData, .export, .save:
      anyFile = true
      continue
    default:
      break
    }
    guard let outcome = try? engine.execute(statement) else { continue }
    if case .table(let table) = outcome {
      for format in [OutputFormat.table, .csv, .json, .markdown, .line] {
        _ = Renderer(format: format, maxRows: 4).render(table)
      }
    }
  }
  // The whole path as the shell runs it: diagnostics, charts, help texts.
  if !anyFile && !writes {
    let session = Session(store: fuzzStore, ruleSets: fuzzRules, out: NullSink(), err: NullSink())
    session.terminalWidth = 60
    _ = session.run(text)
  }
  return 0
}
