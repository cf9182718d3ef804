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

  public init(session: Session, reader: LineReader, bail: Bool = false) {
    self.session = session
    self.reader = reader
    self.bail = bail
  }

  /// Runs until end of input or `quit`; returns the process exit status
  /// (0 when every statement succeeded, 1 when any failed).
  public func run() -> Int32 {
    _ = loop()
    return session.failures > 0 ? 1 : 0
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
    var buffer = ""
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
        if buffer.isEmpty && line.allSatisfy(\.isWhitespace) { continue }
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
}

extension String {
  func trimmingCharacters() -> String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
