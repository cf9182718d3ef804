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
    (".output", ".output [FILE]                       send results to FILE (no FILE: back to the screen); quote a name with spaces"),
    (".once", ".once FILE                           send only the next result to FILE"),
    (".read", ".read FILE                           run the statements in FILE"),
    (".echo", ".echo on|off                         print each statement before its result (demo scripts)"),
    (".nullvalue", ".nullvalue [TEXT]                    what a missing value shows in tables (default: nothing)"),
    (".numbers", ".numbers grouped|plain                digits in threes (1,234.5) or plain (1234.5) in tables; CSV and JSON stay plain"),
    (".theme", ".theme dark|light|none               colours for headers and errors (NO_COLOR turns them off)"),
    (".pager", ".pager on|off                        send results longer than the terminal through $PAGER (default less -FRSX)"),
    (".last", ".last                                the last table again, every row (after a .maxrows cut)"),
    (".lang", ".lang en|zh                          the language of headers, notes, messages and help (data is never translated)"),
    (".help", ".help                                this list"),
    (".quit", ".quit                                leave (also Ctrl-D)"),
    (".exit", ".exit [N]                            leave with exit status N (0-255)"),
  ]

  static var names: [String] { all.map(\.name) }

  /// A usage line with its description in the language in force; the syntax is typed as is.
  static func usageLine(_ usage: String, _ words: Phrasebook) -> String {
    guard let gap = usage.range(of: "  ") else { return usage }
    let description = usage[gap.lowerBound...].drop { $0 == " " }
    return String(usage[..<gap.lowerBound]) + String(repeating: " ", count: usage.count - usage.distance(from: usage.startIndex, to: gap.lowerBound) - description.count) + words(String(description))
  }

  /// The most words each command takes after its name; more is an error, since a stray
  /// word is usually a mistyped file name or a second command on the line.
  static let maximumArguments: [String: Int] = [
    ".mode": 1, ".maxrows": 1, ".width": 2, ".timer": 1, ".output": 1, ".once": 1, ".read": 1,
    ".echo": 1, ".nullvalue": 1, ".numbers": 1, ".theme": 1, ".lang": 1, ".pager": 1, ".last": 0, ".help": 0, ".quit": 0, ".exit": 1,
  ]

  /// Splits a dot-command line into words as a shell does: white space separates them,
  /// and '…' or "…" keeps spaces inside one (`.output 'my file.txt'`); nil when a quote
  /// is left open.
  static func words(_ line: String) -> [String]? {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quote: Character?
    for ch in line {
      if let q = quote {
        if ch == q { quote = nil } else { current.append(ch) }
      } else if ch == "'" || ch == "\"" {
        quote = ch
        inWord = true
      } else if ch == " " || ch == "\t" {
        if inWord { words.append(current) }
        current = ""
        inWord = false
      } else {
        current.append(ch)
        inWord = true
      }
    }
    if quote != nil { return nil }
    if inWord { words.append(current) }
    return words
  }
}

extension Session {
  /// Runs a dot-command line such as `.mode csv`.
  public func runDotCommand(_ line: String) -> RunResult {
    func fail(_ message: String, _ suggestion: String? = nil) -> RunResult {
      report(message + (suggestion.map { "; " + $0 } ?? ""))
      return .failed
    }
    guard let parts = DotCommand.words(line) else {
      return fail("a quote is left open in \(line)", "close it: .output 'my file.txt'")
    }
    guard let name = parts.first?.lowercased() else { return .ok }
    let args = Array(parts.dropFirst())
    /// The error for words beyond what the command takes; checked after the words before
    /// them, so a line with several mistakes reports the first, and before any effect.
    func extraWords() -> RunResult? {
      guard let most = DotCommand.maximumArguments[name], args.count > most else { return nil }
      let usage = DotCommand.all.first { $0.name == name }.map { String($0.usage.split(separator: "  ").first ?? "") } ?? name
      let extra = args[most...].map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
      let takesFile = [".output", ".once", ".read"].contains(name)
      return fail(
        "\(name) takes \(most == 0 ? "no words" : most == 1 ? "one word" : "at most \(most) words") after it, not also '\(extra)'",
        "usage: \(usage)" + (takesFile ? "; quote a file name that holds spaces: \(name) 'my file.txt'" : ""))
    }
    switch name {
    case ".mode":
      guard let arg = args.first else {
        emit(words("mode: \(renderer.format.rawValue)") + "\n")
        return .ok
      }
      guard let format = OutputFormat(rawValue: arg.lowercased()) else {
        return fail("unknown mode '\(arg)'", "expected one of " + OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))
      }
      if let refused = extraWords() { return refused }
      renderer.format = format
    case ".maxrows":
      guard let arg = args.first else {
        emit(words("maxrows: \(renderer.maxRows)") + "\n")
        return .ok
      }
      guard let n = Int(arg), n >= 0 else { return fail("'\(arg)' is not a row count", "expected a whole number such as 40, or 0 for all rows") }
      if let refused = extraWords() { return refused }
      renderer.maxRows = n
    case ".width":
      guard let arg = args.first, let style = BorderStyle(rawValue: arg.lowercased()) else {
        return fail("expected .width unicode or .width ascii", "add 'wide' to draw ambiguous-width characters as two columns")
      }
      if args.count > 1, args[1].lowercased() != "wide" {
        return fail("'\(args[1])' is not 'wide'", "expected .width \(style.rawValue) or .width \(style.rawValue) wide")
      }
      if let refused = extraWords() { return refused }
      renderer.border = style
      renderer.ambiguousIsWide = args.count > 1
    case ".nullvalue":
      guard let arg = args.first else {
        emit(words("nullvalue: " + (renderer.nullValue.isEmpty ? "(nothing)" : "'\(renderer.nullValue)'")) + "\n")
        return .ok
      }
      if let refused = extraWords() { return refused }
      renderer.nullValue = arg
    case ".numbers":
      guard let arg = args.first else {
        emit(words("numbers: " + (renderer.groupsThousands ? "grouped (1,234.5)" : "plain (1234.5)")) + "\n")
        return .ok
      }
      let choice: Bool? = switch arg.lowercased() {
      case "grouped", "1,234.5", "on": true
      case "plain", "1234.5", "off": false
      default: nil
      }
      guard let grouped = choice else {
        return fail("'\(arg)' is not a number style", "expected .numbers grouped (1,234.5) or .numbers plain (1234.5)")
      }
      if let refused = extraWords() { return refused }
      renderer.groupsThousands = grouped
    case ".timer", ".echo", ".pager":
      guard let arg = args.first?.lowercased(), arg == "on" || arg == "off" else {
        return fail("expected \(name) on or \(name) off")
      }
      if let refused = extraWords() { return refused }
      switch name {
      case ".timer": timer = arg == "on"
      case ".echo": echo = arg == "on"
      default: pagerEnabled = arg == "on"
      }
    case ".last":
      if let refused = extraWords() { return refused }
      guard let table = lastShown else { return fail("there is no table to show again yet", "run a statement first") }
      var whole = renderer
      whole.maxRows = 0
      emit(whole.render(table), as: .table)
    case ".output", ".once":
      if let refused = extraWords() { return refused }
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
      if let refused = extraWords() { return refused }
      guard readDepth < 16 else { return fail(".read nested more than 16 deep", "does \(path) read itself?") }
      let text: String
      switch ScriptFile.text(path) {
      case .success(let t): text = t
      case .failure(let problem): return fail(problem.description)
      }
      let wasInteractive = interactive
      readDepth += 1
      let result = REPL(session: self, reader: ScriptLineReader(text: text), file: path).runNested()
      readDepth -= 1
      interactive = wasInteractive
      return result
    case ".lang":
      guard let arg = args.first else {
        emit(words("lang: \(language.rawValue)") + "\n")
        return .ok
      }
      guard let chosen = Language(rawValue: arg.lowercased()) else {
        return fail("unknown language '\(arg)'", "expected .lang en or .lang zh")
      }
      if let refused = extraWords() { return refused }
      language = chosen
    case ".theme":
      guard let arg = args.first, let t = Theme(rawValue: arg.lowercased()) else {
        return fail("expected .theme dark, light or none")
      }
      if let refused = extraWords() { return refused }
      theme = t
    case ".help":
      if let refused = extraWords() { return refused }
      emit(DotCommand.all.map { "  " + DotCommand.usageLine($0.usage, words) + "\n" }.joined())
    case ".quit":
      if let refused = extraWords() { return refused }
      hasQuit = true
      return .quit
    case ".exit":
      if let arg = args.first {
        guard let n = Int32(arg), (0...255).contains(n) else {
          return fail("'\(arg)' is not an exit status", "expected a whole number from 0 to 255, such as .exit 3")
        }
        if let refused = extraWords() { return refused }
        exitStatus = n
      }
      hasQuit = true
      return .quit
    default:
      return fail("unknown command '\(name)'", Suggestions.didYouMean(name, in: DotCommand.names) ?? "type .help to list the dot-commands")
    }
    return .ok
  }
}

extension Session {
  /// Runs the startup file before the first prompt; its errors name the file and line. A
  /// file that cannot be read is a warning: the shell still starts.
  public func runStartupFile(_ path: String) {
    switch ScriptFile.text(path) {
    case .success(let text):
      _ = REPL(session: self, reader: ScriptLineReader(text: text), file: path).runNested()
    case .failure(let problem):
      emitError(words("warning: startup file \(problem); skipped") + "\n")
    }
  }
}
