/// The read–run loop shared by the terminal, scripts and piped input.
///
/// A line that leaves a statement unfinished (open quote or parenthesis, trailing
/// `and`/`or`) is continued on the next line; Ctrl-C abandons the statement being
/// typed; end of input ends the loop.
public struct REPL {
  public let session: Session
  public let reader: LineReader
  /// Stop at the first failing statement (psql's ON_ERROR_STOP).
  public var bail = false
  /// The file the lines come from (`-f`, `.read`, the rc file): errors then name it and
  /// the line, so a long script's mistake can be found.
  public var file: String?

  public init(session: Session, reader: LineReader, bail: Bool = false, file: String? = nil) {
    self.session = session
    self.reader = reader
    self.bail = bail
    self.file = file
  }

  /// Runs until end of input or `quit`; returns the process exit status
  /// (`.exit N`'s N, else 0 when every statement succeeded, 1 when any failed).
  public func run() -> Int32 {
    _ = loop()
    return session.exitStatus ?? (session.failures > 0 ? 1 : 0)
  }

  /// Runs a `.read` file inside a session: failed when any of its statements failed.
  func runNested() -> Session.RunResult {
    let before = session.failures
    let quit = loop()
    if quit { return .quit }
    return session.failures > before ? .failed : .ok
  }

  /// The loop itself; true when it ended with quit.
  private func loop() -> Bool {
    session.interactive = reader.isInteractive
    let outerLocation = session.location
    defer { session.location = outerLocation }
    var buffer = ""
    var lineNumber = 0
    loop: while true {
      let prompt = session.prompt(continuation: !buffer.isEmpty)
      session.promptWidth = DisplayWidth.of(prompt)
      switch reader.readLine(prompt: prompt) {
      case .interrupted:
        buffer = ""
        continue
      case .end:
        if !buffer.isEmpty {
          // The input ended inside a statement: report it as the error it is.
          _ = session.run(buffer)
        }
        break loop
      case .line(let line):
        lineNumber += 1
        if buffer.isEmpty && line.allSatisfy(\.isWhitespace) { continue }
        if buffer.isEmpty && REPL.isComment(line) {
          reader.remember(line)
          continue
        }
        if buffer.isEmpty, let file { session.location = Session.Location(file: file, line: lineNumber) }
        if buffer.isEmpty, line.drop(while: \.isWhitespace).hasPrefix(".") {
          reader.remember(line)
          let result = session.runDotCommand(line.trimmingCharacters())
          if result == .quit { return true }
          if result == .failed && bail { break loop }
          continue
        }
        buffer += buffer.isEmpty ? line : "\n" + line
        if buffer.isEmpty { continue }
        if !session.interactive || buffer.contains("\n") { session.promptWidth = 0 }
        let result = session.run(buffer, allowIncomplete: true, stopOnError: bail)
        if result == .incomplete { continue }
        reader.remember(buffer)
        buffer = ""
        switch result {
        case .quit: return true
        case .failed where bail: break loop
        case .ok, .failed, .incomplete: continue
        }
      }
    }
    return false
  }

  /// A line that starts with `#` or `--` is a comment, as in shell and SQL scripts; no
  /// statement starts with either, so nothing that runs today is lost.
  static func isComment(_ line: String) -> Bool {
    let text = line.drop(while: \.isWhitespace)
    return text.hasPrefix("#") || text.hasPrefix("--")
  }
}

extension String {
  func trimmingCharacters() -> String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
