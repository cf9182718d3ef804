/// What one read from the user produced.
public enum LineInput: Equatable, Sendable {
  /// A line of text, without its line terminator.
  case line(String)
  /// The user pressed Ctrl-C: abandon what is being typed, never exit.
  case interrupted
  /// End of input (Ctrl-D on an empty line, or the end of a script).
  case end
}

/// A source of input lines; the REPL reads through it so tests can drive the shell
/// without a terminal, and the terminal-specific editor stays out of this target.
public protocol LineReader: AnyObject {
  /// Reads one line, showing `prompt` where the reader is interactive.
  func readLine(prompt: String) -> LineInput
  /// Records a complete statement in the history, where the reader keeps one.
  func remember(_ statement: String)
  /// Whether a person is typing (prompts, banner and colour are shown only then).
  var isInteractive: Bool { get }
}

/// Reads lines from an in-memory script; used for `-c`, `-f`, piped stdin and tests.
public final class ScriptLineReader: LineReader {
  private var lines: [String]
  private var next = 0

  public init(text: String) {
    // "\r\n" is one Character in Swift, so split on every kind of line end.
    var split = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
      .map(String.init)
    if split.last == "" { split.removeLast() }
    lines = split
  }

  public func readLine(prompt: String) -> LineInput {
    guard next < lines.count else { return .end }
    defer { next += 1 }
    return .line(lines[next])
  }

  public func remember(_ statement: String) {}

  public var isInteractive: Bool { false }
}
