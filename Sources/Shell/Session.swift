import DataStore
import QueryEngine
import QuerySyntax
import Scoring

/// One user's shell session: the engine with its data and rules, the display settings,
/// and where output goes. It runs statement text and reports how it went; it reads no
/// input itself (the REPL does) and touches no terminal.
public final class Session {
  public var engine: Engine
  public var renderer = Renderer()
  public let out: TextSink
  public let err: TextSink
  /// Whether a person is typing at a prompt (carets then align under the prompt).
  public var interactive = false
  /// Display width of the prompt the current line was typed after.
  public var promptWidth = 4
  /// Statements that failed so far.
  public private(set) var failures = 0

  /// How running some text went.
  public enum RunResult: Equatable, Sendable {
    case ok
    case failed
    /// The text ends inside a statement (open quote, parenthesis, trailing and/or).
    case incomplete
    case quit
  }

  public init(store: Store, ruleSets: [String: RuleSet] = [:], out: TextSink, err: TextSink) {
    self.engine = Engine(store: store, ruleSets: ruleSets)
    self.out = out
    self.err = err
  }

  /// The prompt for a fresh statement or a continuation line.
  public func prompt(continuation: Bool) -> String {
    let scope = engine.scope.map { $0.first == $0.last ? "\($0.first)" : "\($0.first)..\($0.last)" }
    if continuation { return scope.map { String(repeating: ".", count: 3 + $0.count) + "> " } ?? "..> " }
    return scope.map { "jx \($0)> " } ?? "jx> "
  }

  /// Parses and runs every statement in `text`.
  ///
  /// - Parameter allowIncomplete: return `.incomplete` instead of an error when the text
  ///   stops mid-statement, so the REPL can read a continuation line.
  /// - Parameter stopOnError: stop at the first failing statement (`--bail`).
  public func run(_ text: String, allowIncomplete: Bool = false, stopOnError: Bool = false) -> RunResult {
    let statements: [ParsedStatement]
    do {
      statements = try Parser.parse(text)
    } catch {
      if error.isIncomplete && allowIncomplete { return .incomplete }
      report(source: text, range: error.range, message: error.message, suggestion: error.suggestion)
      return .failed
    }
    var result = RunResult.ok
    for statement in statements {
      do {
        let outcome = try engine.execute(statement)
        switch outcome {
        case .table(let table):
          out.write(renderer.render(table))
        case .chart(let chart):
          out.write(renderer.render(chart))
        case .text(let s):
          out.write(s.hasSuffix("\n") ? s : s + "\n")
        case .help(let topic):
          out.write(HelpTopics.text(for: topic))
        case .quit:
          return .quit
        }
      } catch {
        report(source: text, range: error.range, message: error.message, suggestion: error.suggestion)
        result = .failed
        if stopOnError { return .failed }
      }
    }
    return result
  }

  /// Writes an error about `source` to the error stream and counts it.
  public func report(source: String, range: SourceRange?, message: String, suggestion: String?) {
    failures += 1
    let renderer = DiagnosticRenderer(ambiguousIsWide: self.renderer.ambiguousIsWide)
    err.write(renderer.render(source: source, range: range, message: message, suggestion: suggestion, echo: !interactive, indent: promptWidth))
  }

  /// Writes an error that concerns no statement text (a dataset that failed to load).
  public func report(_ message: String) {
    failures += 1
    err.write("error: " + message + "\n")
  }
}
