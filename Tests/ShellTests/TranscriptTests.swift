import Foundation
import Testing

@testable import Shell

/// Runs every Transcripts/*.jxt file through the real Session and compares output.
///
/// Set RECORD_TRANSCRIPTS=1 to write the actual output back into the files (then read
/// the diff before committing: the expectations are figures checked by hand).
@Suite struct TranscriptTests {
  @Test(arguments: Transcript.names())
  func transcript(_ name: String) throws {
    let url = Transcript.folder.appendingPathComponent(name)
    let text = try String(contentsOf: url, encoding: .utf8)
    let transcript = Transcript(text: text)
    #expect(!transcript.steps.isEmpty, "\(name) has no statements")
    let results = try transcript.run()
    if ProcessInfo.processInfo.environment["RECORD_TRANSCRIPTS"] == "1" {
      try record(url: url, text: text, results: results)
      return
    }
    for (step, actual) in results {
      #expect(actual == step.expected, "\(name):\(step.line): \(step.statement)\n--- expected\n\(step.expected)--- actual\n\(actual)")
    }
  }

  /// Rewrites the file's expected output, keeping its header and statements.
  func record(url: URL, text: String, results: [(Transcript.Step, String)]) throws {
    var header = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("jx> ") { break }
      header += line + "\n"
    }
    var out = header
    for (step, actual) in results {
      let lines = step.statement.split(separator: "\n", omittingEmptySubsequences: false)
      out += "jx> " + lines[0] + "\n"
      for more in lines.dropFirst() { out += "..> " + more + "\n" }
      out += Transcript.escape(actual) + "\n"
    }
    try out.write(to: url, atomically: true, encoding: .utf8)
  }
}
