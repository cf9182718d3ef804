import DataStore
import Foundation
import QueryEngine
import QuerySyntax
import Scoring
import Testing

@testable import Shell

/// The keyword table is the one list of statements: the parser reads every word in it,
/// `help` has a topic for each, and completion offers what help knows. And every
/// statement's answer is data in the machine formats, confirmations included.
@Suite struct KeywordTableTests {
  func session(_ format: OutputFormat = .table) throws -> (Session, StringSink) {
    let store = try DatasetLoader.load(paths: [Transcript.repositoryRoot.appendingPathComponent("datasets").path])
    let sink = StringSink()
    let session = Session(store: store, out: sink, err: sink)
    session.renderer.format = format
    return (session, sink)
  }

  @Test func everyStatementWordIsAStatement() {
    for entry in Keywords.statements {
      for word in [entry.name] + entry.aliases {
        do {
          _ = try Parser.parse(word)
        } catch {
          #expect(!error.message.hasPrefix("unknown statement"), "\(word): \(error.message)")
        }
      }
    }
  }

  @Test func everyStatementHasAHelpTopic() {
    for entry in Keywords.statements {
      #expect(HelpTopics.hasTopic(entry.topic), "no help topic \(entry.topic) for \(entry.name)")
    }
  }

  @Test func helpAndCompletionListEveryTopic() throws {
    let (session, _) = try session()
    let offered = ShellCompleter(session: session).complete(beforeCursor: "help ").candidates
    #expect(offered == HelpTopics.names)
    for name in HelpTopics.names { #expect(HelpTopics.overview.contains(" \(name)"), "\(name) missing from the overview") }
    #expect(offered.contains("compare") && offered.contains("export") && offered.contains("fields"))
  }

  @Test func completionOffersTheClausesTheStatementTakes() throws {
    let (session, _) = try session()
    let completer = ShellCompleter(session: session)
    #expect(completer.complete(beforeCursor: "count by grade h").candidates == ["having"])
    #expect(completer.complete(beforeCursor: "projects hav").candidates.isEmpty)
    #expect(completer.complete(beforeCursor: "count by new_g").candidates == ["new_grade"])
  }

  @Test func confirmationsAreDataInJSONAndCSV() throws {
    let (json, out) = try session(.json)
    #expect(json.run("set band 优 95") == .ok)
    #expect(out.text == #"{"message": "band 优 now ≥ 95 (rules national, changed; reset rules to undo)"}"# + "\n")
    let (csv, text) = try session(.csv)
    #expect(csv.run("use 2023") == .ok)
    #expect(text.text == "message\nusing 2023; use all to see every year\n")
  }
}
