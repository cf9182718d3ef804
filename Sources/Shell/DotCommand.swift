import DataStore
import QuerySyntax

/// Settings commands that start with a dot; they change how the shell behaves, not the data.
enum DotCommand {
  /// Each command with its one-line description, in the order `.help` lists them.
  static let all: [(name: String, usage: String)] = [
    (".mode", ".mode table|csv|json|markdown|line   how results are written"),
    (".maxrows", ".maxrows N                           show at most N rows of a table (0: all); the count is always shown"),
    (".width", ".width unicode|ascii [wide]          border characters; 'wide' draws ambiguous-width characters as two columns"),
    (".timer", ".timer on|off                        print how long each statement took"),
    (".output", ".output [FILE]                       send results to FILE (no FILE: back to the screen)"),
    (".once", ".once FILE                           send only the next result to FILE"),
    (".read", ".read FILE                           run the statements in FILE"),
    (".echo", ".echo on|off                         print each statement before its result (demo scripts)"),
    (".theme", ".theme dark|light|none               colours for headers and errors (NO_COLOR turns them off)"),
    (".help", ".help                                this list"),
    (".quit", ".quit                                leave (also Ctrl-D)"),
  ]

  static var names: [String] { all.map(\.name) }
}

extension Session {
  /// Runs a dot-command line such as `.mode csv`.
  public func runDotCommand(_ line: String) -> RunResult {
    let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    guard let name = parts.first?.lowercased() else { return .ok }
    let args = Array(parts.dropFirst())
    func fail(_ message: String, _ suggestion: String? = nil) -> RunResult {
      report(message + (suggestion.map { "; " + $0 } ?? ""))
      return .failed
    }
    switch name {
    case ".mode":
      guard let arg = args.first else {
        emit("mode: \(renderer.format.rawValue)\n")
        return .ok
      }
      guard let format = OutputFormat(rawValue: arg.lowercased()) else {
        return fail("unknown mode '\(arg)'", "expected one of " + OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))
      }
      renderer.format = format
    case ".maxrows":
      guard let arg = args.first else {
        emit("maxrows: \(renderer.maxRows)\n")
        return .ok
      }
      guard let n = Int(arg), n >= 0 else { return fail("'\(arg)' is not a row count", "expected a whole number such as 40, or 0 for all rows") }
      renderer.maxRows = n
    case ".width":
      guard let arg = args.first, let style = BorderStyle(rawValue: arg.lowercased()) else {
        return fail("expected .width unicode or .width ascii", "add 'wide' to draw ambiguous-width characters as two columns")
      }
      renderer.border = style
      renderer.ambiguousIsWide = args.dropFirst().first?.lowercased() == "wide"
    case ".timer", ".echo":
      guard let arg = args.first?.lowercased(), arg == "on" || arg == "off" else {
        return fail("expected \(name) on or \(name) off")
      }
      if name == ".timer" { timer = arg == "on" } else { echo = arg == "on" }
    case ".output", ".once":
      endOnce()
      if let current = out as? FileSink, out !== terminal {
        current.close()
        if checkOutput() == .failed { out = terminal }
      }
      guard let path = args.first else {
        if name == ".once" { return fail("expected .once FILE") }
        out = terminal
        return .ok
      }
      let sink: FileSink
      do {
        sink = try FileSink(path: path, protected: ProtectedFiles(engine.store))
      } catch {
        out = terminal
        return fail(error.description, error.suggestion)
      }
      if name == ".once" { restoreAfterOnce = terminal }
      out = sink
    case ".read":
      guard let path = args.first else { return fail("expected .read FILE") }
      guard readDepth < 16 else { return fail(".read nested more than 16 deep", "does \(path) read itself?") }
      guard let text = ScriptFile.read(path) else { return fail("cannot read \(path) as UTF-8 text") }
      let wasInteractive = interactive
      readDepth += 1
      let result = REPL(session: self, reader: ScriptLineReader(text: text)).runNested()
      readDepth -= 1
      interactive = wasInteractive
      return result
    case ".theme":
      guard let arg = args.first, let t = Theme(rawValue: arg.lowercased()) else {
        return fail("expected .theme dark, light or none")
      }
      theme = t
    case ".help":
      emit(DotCommand.all.map { "  " + $0.usage + "\n" }.joined())
    case ".quit", ".exit":
      return .quit
    default:
      return fail("unknown command '\(name)'", Suggestions.didYouMean(name, in: DotCommand.names) ?? "type .help to list the dot-commands")
    }
    return .ok
  }
}
