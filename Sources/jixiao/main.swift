import ArgumentParser
import DataStore
import Foundation
import Scoring
import LineEditor
import Shell

/// Writes straight to a file descriptor, so stdout and stderr interleave in order.
///
/// The first failure stops further writes: a closed pipe (EPIPE, `| head`) quietly, any
/// other error (a full disk, a closed descriptor) as a failure the session reports.
final class DescriptorSink: TextSink {
  let descriptor: Int32
  private(set) var writeFailure: String?
  private(set) var readerGone = false
  let isTerminal: Bool

  init(_ descriptor: Int32, closed: Bool = false) {
    self.descriptor = descriptor
    isTerminal = !closed && isatty(descriptor) == 1
    if closed { writeFailure = String(cString: strerror(EBADF)) }
  }

  func write(_ text: String) {
    guard writeFailure == nil, !readerGone else { return }
    if let error = Descriptor.writeAll(descriptor, text) {
      if error == EPIPE { readerGone = true } else { writeFailure = String(cString: strerror(error)) }
    }
  }
}

/// The terminal's settings at start, put back if a signal ends the process mid-prompt.
final class SavedTerminal: @unchecked Sendable {
  private var settings = termios()
  private let saved: Bool

  init() { saved = tcgetattr(0, &settings) == 0 }

  func restore() {
    if saved { tcsetattr(0, TCSANOW, &settings) }
  }
}

/// Descriptors 0, 1 and 2 that were closed at start get /dev/null, so a file opened
/// later cannot take their number (results written to "stdout" would land in it);
/// returns which of them were closed.
func occupyClosedStandardDescriptors() -> [Bool] {
  (0...2).map { fd -> Bool in
    guard fcntl(Int32(fd), F_GETFD) == -1 && errno == EBADF else { return false }
    _ = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
    return true
  }
}

struct Jixiao: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "jixiao",
    abstract: "An interactive query shell over budget performance self-evaluations (预算绩效自评).",
    discussion: "Exit status: 0 ok; 1 a statement failed; 2 bad flags or a dataset that failed to load; N after .exit N.",
    version: "jixiao \(Version.text)")

  @Option(name: [.customShort("c"), .customLong("command")], help: "Statements to run (repeatable; ; separates statements).")
  var commands: [String] = []

  @Option(name: [.customShort("f"), .customLong("file")], help: "A file of statements to run.", completion: .file())
  var file: String?

  @Option(name: .customLong("data"), help: "A dataset folder or file to load (repeatable; default: ./datasets).", completion: .directory)
  var data: [String] = []

  @Flag(name: .customLong("no-data"), help: "Start with no data loaded (then load or import).")
  var noData = false

  @Option(name: .customLong("rules"), help: "A folder of rule files (*.json) that add to or replace the built-in ones, read after ./rules.", completion: .directory)
  var rulesFolder: String?

  @Option(help: "Output format: table, csv, json, markdown or line.", completion: .list(OutputFormat.allCases.map(\.rawValue)))
  var format: String = "table"

  @Flag(help: "Stop at the first statement that fails.")
  var bail = false

  @Flag(name: .customLong("no-color"), help: "Plain output without colours (also when NO_COLOR is set).")
  var noColor = false

  @Option(name: .customLong("lang"), help: "The language of headers, notes, messages and help: en or zh (default: zh when the locale is zh_*, else en).", completion: .list(Language.allCases.map(\.rawValue)))
  var lang: String?

  @Flag(name: .customLong("no-rc"), help: "Do not run the startup file ($XDG_CONFIG_HOME/jixiao/jixiaorc or ~/.jixiaorc) in the interactive shell.")
  var noRC = false

  /// `--data sample` is the bundled example report as installed (scripts/install.sh),
  /// unless there is a file or folder called `sample` here.
  static func resolveSample(_ path: String, environment: [String: String]) -> String {
    guard path == "sample", !FileManager.default.fileExists(atPath: path) else { return path }
    var candidates: [String] = []
    if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { candidates.append(data + "/jixiao/datasets") }
    if let home = environment["HOME"], home.hasPrefix("/") { candidates.append(home + "/.local/share/jixiao/datasets") }
    if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      let bin = (exe as NSString).deletingLastPathComponent
      candidates.append(((bin as NSString).deletingLastPathComponent as NSString).appendingPathComponent("share/jixiao/datasets"))
    }
    return candidates.first { FileManager.default.fileExists(atPath: $0) } ?? path
  }

  /// The language `--lang` names (`--lang zh`, `--lang=zh`), else the locale's.
  static func language(_ arguments: [String], environment: [String: String]) -> Language {
    for (i, argument) in arguments.enumerated() {
      if argument == "--lang", i + 1 < arguments.count, let chosen = Language(rawValue: arguments[i + 1].lowercased()) { return chosen }
      if argument.hasPrefix("--lang="), let chosen = Language(rawValue: argument.dropFirst(7).lowercased()) { return chosen }
    }
    return Language.fromLocale(environment)
  }

  func run() throws {
    guard let outputFormat = OutputFormat(rawValue: format.lowercased()) else {
      throw ValidationError("unknown format '\(format)'; expected table, csv, json, markdown or line")
    }
    let env = ProcessInfo.processInfo.environment
    let language: Language
    if let lang {
      guard let chosen = Language(rawValue: lang.lowercased()) else {
        throw ValidationError("unknown language '\(lang)'; expected en or zh")
      }
      language = chosen
    } else {
      language = Language.fromLocale(env)
    }
    let words = language.phrasebook
    let error = words.label("error")
    let warning = words.label("warning")
    let out = DescriptorSink(1, closed: closedAtStart[1])
    let err = DescriptorSink(2, closed: closedAtStart[2])
    // Long loads (at start and by `load`) show how far they are on a terminal's stderr.
    let progress = LoadProgressLine(isTerminal: err.isTerminal, words: words) { _ = Descriptor.writeAll(2, $0) }
    let paths = data.isEmpty ? ["datasets"] : data.map { Jixiao.resolveSample($0, environment: env) }
    let store: Store
    do {
      if noData {
        store = Store()
      } else if data.isEmpty && !FileManager.default.fileExists(atPath: "datasets") {
        err.write(words("note: no ./datasets folder here; starting with no data (use --data DIR)") + "\n")
        store = Store()
      } else {
        defer { progress.end() }
        // Statements given with -c alone are known before the load: it keeps only the
        // projects columns they read (docs/PERFORMANCE.md, "Round 8").
        let columns = file == nil && !commands.isEmpty ? Session.projectColumns(read: commands) : .all
        store = try DatasetLoader.load(
          paths: paths,
          monitor: LoadMonitor { p in
            progress.show(p)
            return false
          },
          columns: columns)
        for problem in DatasetLoader.orphanIndicatorWarnings(store, in: store) {
          err.write(TerminalText.visible(warning + words("\(problem)") + "\n"))
        }
      }
    } catch let problem {
      err.write(TerminalText.visible(error + words("\(problem)") + "\n"))
      throw ExitCode(2)
    }
    let ruleSets: [String: RuleSet]
    do {
      ruleSets = try RuleLoader.load(folders: RuleLoader.folders(environment: env), explicit: rulesFolder)
    } catch let problem {
      err.write(TerminalText.visible(error + words("\(problem)") + "\n"))
      throw ExitCode(2)
    }
    let session = Session(store: store, ruleSets: ruleSets, out: out, err: err)
    session.language = language
    session.engine.loadProgress = { progress.update($0) }
    session.renderer.format = outputFormat
    if isatty(1) == 1 {
      session.measureWidth = {
        var size = winsize()
        return ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
      }
      session.terminalWidth = session.measureWidth?()
      session.measureHeight = {
        var size = winsize()
        return ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_row > 0 ? Int(size.ws_row) : nil
      }
      session.terminalHeight = session.measureHeight?()
      session.pager = { Pager.show($0, environment: env) }
    }
    // Each stream is coloured only where it is a terminal (the sinks say which).
    if !noColor && env["NO_COLOR"] == nil && env["TERM"] != "dumb" { session.theme = .dark }
    var status: Int32 = 0
    if !commands.isEmpty || file != nil {
      for command in commands {
        let code = REPL(session: session, reader: ScriptLineReader(text: command), bail: bail).run()
        status = max(status, code)
        if let exit = session.exitStatus { throw ExitCode(exit) }
        if session.hasQuit { break }
        if code != 0 && bail { throw ExitCode(code) }
      }
      if let file, !session.hasQuit {
        let text: String
        switch ScriptFile.text(file) {
        case .success(let t): text = t
        case .failure(let problem):
          err.write(TerminalText.visible(error + words("\(problem)") + "\n"))
          throw ExitCode(2)
        }
        status = max(status, REPL(session: session, reader: ScriptLineReader(text: text), bail: bail, file: file == "-" ? "standard input" : file).run())
        if let exit = session.exitStatus { throw ExitCode(exit) }
      }
    } else if isatty(0) == 1 {
      let terminal = SavedTerminal()
      StopSignals.handInterruptsToMainThread(restoreTerminal: { terminal.restore() })
      let reader = LibEditLineReader(completer: ShellCompleter(session: session), words: { session.words($0) })
      // Ctrl-C while a statement runs abandons it (checking consumes the keypress).
      session.engine.interrupted = { LibEditLineReader.consumeInterrupt() }
      for problem in reader.warnings { err.write(TerminalText.visible(warning + words("\(problem)") + "\n")) }
      let years = store.years.map(String.init).joined(separator: ", ")
      out.write(words("jixiao: \(store.projects.count) projects\(years.isEmpty ? "" : " (\(years))"). Type help, or Ctrl-D to leave.") + "\n")
      if !noRC, let rc = StartupFile.path(environment: env, exists: { FileManager.default.fileExists(atPath: $0) }) {
        session.runStartupFile(rc)
      }
      status = session.hasQuit ? (session.exitStatus ?? 0) : REPL(session: session, reader: reader, bail: bail).run()
      reader.close()
    } else {
      let text: String
      switch ScriptFile.text("-") {
      case .success(let t): text = t
      case .failure(let problem):
        err.write(TerminalText.visible(error + words("\(problem)") + "\n"))
        throw ExitCode(2)
      }
      status = REPL(session: session, reader: ScriptLineReader(text: text), bail: bail).run()
    }
    // Ends here rather than returning: taking apart millions of loaded rows (their
    // columns and texts) cost a one-shot question tens of milliseconds, and the system
    // frees it all at once anyway. Every write has already gone to its descriptor.
    Glibc.exit(session.exitStatus ?? status)
  }
}

// First, before any other thread starts: Ctrl-C, SIGTERM and SIGHUP then remove
// temporary files on the way out; a closed pipe is an EPIPE error, not a silent death.
StopSignals.start()
signal(SIGPIPE, SIG_IGN)
let closedAtStart = occupyClosedStandardDescriptors()

do {
  var command = try Jixiao.parseAsRoot()
  try command.run()
} catch let code as ExitCode {
  exit(code.rawValue)
} catch {
  let code = Jixiao.exitCode(for: error)
  // Usage, --help and flag errors come before the flags are read: --lang is looked for here.
  let words = Jixiao.language(CommandLine.arguments, environment: ProcessInfo.processInfo.environment).phrasebook
  if code == .success {
    let message = Jixiao.fullMessage(for: error)
    // Translated help is read one option to a line, not wrapped.
    let unwrapped = words.language != .en && message.hasPrefix("OVERVIEW") ? Jixiao.helpMessage(columns: 10_000) : message
    print(words(unwrapped))
    exit(0)
  }
  _ = Descriptor.writeAll(2, TerminalText.visible(words(Jixiao.fullMessage(for: error)) + "\n"))
  exit(2)
}
