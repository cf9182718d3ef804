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
  /// Where results go now: the terminal, or a file named by `.output` / `.once`.
  public internal(set) var out: TextSink
  /// Where results go when no `.output` is in force.
  public let terminal: TextSink
  public let err: TextSink
  /// `.once FILE` sends only the next statement's result to the file; then this is restored.
  var restoreAfterOnce: TextSink?
  /// `.timer on`: print how long each statement took.
  public var timer = false
  /// The language of the shell's own words (`--lang`, `.lang`); data is never translated.
  public var language = Language.en {
    didSet { renderer.words = language.phrasebook }
  }
  /// The shell's words in the language in force.
  public var words: Phrasebook { renderer.words }
  /// `.echo on`: print each statement before its result (replaying a demo script).
  public var echo = false
  /// Colours for headers and errors; `.none` when colour is off (NO_COLOR). Each stream
  /// is coloured only when it is a terminal (`TextSink.isTerminal`).
  public var theme = Theme.none
  /// Columns of the terminal, when output goes to one; wider tables switch to one field per line.
  public var terminalWidth: Int?
  /// Reads the terminal's width again; asked before each statement, so a window resized
  /// between statements (SIGWINCH) is drawn for at its new width.
  public var measureWidth: (() -> Int?)?
  /// Lines of the terminal, when output goes to one; a longer result goes through the pager.
  public var terminalHeight: Int?
  /// Reads the terminal's height again, before each statement.
  public var measureHeight: (() -> Int?)?
  /// Shows text through `$PAGER` on the terminal and says whether it did; set by the
  /// executable when standard output is a terminal (`.pager on|off` turns it on and off).
  public var pager: ((String) -> Bool)?
  /// `.pager off` keeps long results on the screen as they are.
  public var pagerEnabled = true
  /// The last table shown, whole, for `.last` after a `.maxrows` cut.
  public internal(set) var lastShown: ResultTable?
  /// The last table shown, for `export` without a statement.
  public internal(set) var lastTable: ResultTable?
  /// What the rows of the statement running are, for notes about them ("projects").
  var rowNoun = "rows"
  /// The last result shown, when it has a shape of its own (check, explain); exported in it.
  public internal(set) var lastStructured: StructuredResult?
  /// The last chart shown, for `export html` without a statement.
  public internal(set) var lastChart: Chart?
  /// How deep `.read` files are nested, to refuse a file that reads itself.
  var readDepth = 0
  /// Whether a person is typing at a prompt (carets then align under the prompt).
  public var interactive = false
  /// Display width of the prompt the current line was typed after.
  public var promptWidth = 4
  /// Standard output failed and that was said; it is said once.
  var outputFailureReported = false
  /// Statements that failed so far.
  public private(set) var failures = 0
  /// The status `.exit N` asked for; the session has ended once it is set.
  public internal(set) var exitStatus: Int32?
  /// `quit`, `.quit` or `.exit` ended the session: nothing more runs, not even later `-c` texts.
  public internal(set) var hasQuit = false

  /// Where the statement being run was read from, when it came from a file.
  public struct Location: Equatable, Sendable {
    public var file: String
    /// The 1-based line the statement starts on.
    public var line: Int

    public init(file: String, line: Int) {
      self.file = file
      self.line = line
    }
  }

  /// The file and line of the statement being run (`-f`, `.read`, the rc file), which
  /// errors name; nil for typed, `-c` and piped statements.
  public internal(set) var location: Location?

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
    self.terminal = out
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
    if text.utf8.count > Parser.lengthLimit {
      // One line, without echoing the text back.
      let e = Parser.tooLong(text)
      report(e.message + (e.suggestion.map { "; " + $0 } ?? ""))
      return .failed
    }
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
      if hasQuit { return .quit }
      if let measureWidth { terminalWidth = measureWidth() }
      if let measureHeight { terminalHeight = measureHeight() }
      if engine.interrupted() {
        report("interrupted (Ctrl-C); the remaining statements were not run")
        return .failed
      }
      if echo { emit(prompt(continuation: false) + statement.range.text(in: text) + "\n") }
      if case .projects = statement.statement { rowNoun = "projects" } else { rowNoun = "rows" }
      let clock = ContinuousClock()
      let start = clock.now
      do {
        let outcome = try engine.execute(statement)
        if try show(outcome) {
          hasQuit = true
          return .quit
        }
        switch checkOutput() {
        case .quit: return .quit
        case .failed: result = .failed
        case .ok, .incomplete: break
        }
      } catch {
        report(source: text, range: error.range, message: error.message, suggestion: error.suggestion ?? helpHint(statement.range.text(in: text)))
        result = .failed
        if stopOnError { break }
      }
      if timer { emit(words("Run Time: \(Session.milliseconds(clock.now - start)) ms") + "\n") }
      endOnce()
      if result == .failed && stopOnError { return .failed }
    }
    return result
  }

  /// Writes an outcome; true when it asks to quit.
  func show(_ outcome: Outcome) throws(EvaluationError) -> Bool {
    switch outcome {
    case .table(let table):
      lastTable = table
      lastStructured = nil
      lastChart = nil
      var shown = table
      shown.notes += Renderer.missingColumnNotes(table, noun: rowNoun)
      lastShown = shown
      emit(display(shown), as: .table)
    case .findings(let found):
      let result = words.translated(found)
      lastTable = Renderer.findingsData(result)
      lastStructured = .findings(result)
      lastChart = nil
      if renderer.format == .json || renderer.format == .csv {
        emit(renderer.render(result), as: .result)
      } else {
        var lines = renderer
        lines.format = .line
        emit(display(renderer.findingsTable(result), lines: lines.findingsTable(result)), as: .table)
      }
    case .explanation(let explained):
      let explanation = words.translated(explained)
      lastTable = Renderer.explanationData(explanation)
      lastStructured = .explanation(explanation)
      lastChart = nil
      emit(renderer.render(explanation), as: .result)
    case .chart(let chart):
      lastStructured = nil
      lastTable = chart.table
      lastChart = chart
      emit(renderer.render(chart), as: .result)
    case .text(let s):
      emit(renderer.render(message: words(s)))
    case .sql(let translation):
      // The notes are sentences for a person (translated); the query is code.
      var said = translation
      said.notes = translation.notes.map { words($0) }
      emit(renderer.render(message: said.text))
    case .help(let topic):
      emit(words(HelpTopics.text(for: topic)), as: .result)
    case .quit:
      return true
    case .several(let parts):
      for part in parts where try show(part) { return true }
    case .export(let request) where request.format == .html:
      try exportHandout(request)
    case .export(let request):
      if let structured = request.structured ?? (request.table == nil ? lastStructured : nil) {
        do {
          let rows = try Exporter.write(structured, request, protected: ProtectedFiles(engine.store))
          reportWritten(rows, to: request.path)
        } catch {
          throw EvaluationError(range: nil, message: error.description, suggestion: nil)
        }
        return false
      }
      guard let table = request.table ?? lastTable else {
        throw EvaluationError(range: nil, message: "there is no result to export yet", suggestion: "run a statement first, or name one: export csv out.csv projects where grade = 良")
      }
      do {
        // A workbook carries the notes and the chart's title as the screen shows them.
        var shown = table
        shown.notes = (table.notes + Renderer.missingColumnNotes(table, noun: rowNoun)).map { words($0) }
        shown.chart?.title = words(table.chart?.title ?? "")
        let points = String(words.cell("0 pp").dropFirst(2))
        let rows = try Exporter.write(shown, request, protected: ProtectedFiles(engine.store), points: points, interrupted: engine.interrupted)
        reportWritten(rows, to: request.path)
      } catch {
        // The writer's suggestion joins the message, so the help hint still follows.
        throw EvaluationError(range: nil, message: error.description + (error.suggestion.map { "; " + $0 } ?? ""), suggestion: nil)
      }
    }
    return false
  }

  /// A table in the chosen format; a table wider than the terminal switches to one
  /// field per line, as psql's expanded mode does (`lines`: the table as that mode draws it).
  func display(_ table: ResultTable, lines lineTable: ResultTable? = nil) -> String {
    var text = renderer.render(table)
    if renderer.format == .table, let width = terminalWidth,
      let first = text.split(separator: "\n").first, DisplayWidth.of(first, ambiguousIsWide: renderer.ambiguousIsWide) > width
    {
      // First cut the widest text columns (names), as long as each keeps 12 columns.
      if let limits = renderer.limitsToFit(table, available: width), !limits.isEmpty {
        var cut = renderer
        cut.limits = limits
        let names = limits.keys.sorted().map { renderer.words(table.columns[$0].name) }.joined(separator: ", ")
        return cut.render(table) + words("(\(names) shortened to fit \(width) columns; .mode line shows every value in full)") + "\n"
      }
      var lines = renderer
      lines.format = .line
      text = lines.render(lineTable ?? table)
        + words("(\(DisplayWidth.of(first, ambiguousIsWide: renderer.ambiguousIsWide)) columns are wider than the terminal: one field per line; .mode line does this always)") + "\n"
    }
    return text
  }

  /// What a piece of output is, for `emit`.
  enum Output {
    /// Messages, help, echoed statements: always shown with control characters visible.
    case message
    /// A statement's result as rendered: CSV and JSON are data and go out exactly;
    /// the formats for reading get visible control characters.
    case result
    /// A rendered table: a result whose header line is coloured in the table format.
    case table
  }

  /// The one way results and messages reach `out`: control characters from the data or
  /// the statement text never reach a terminal raw (a cell holding ESC could retitle the
  /// window or rewrite the screen), while CSV and JSON results keep the data exact.
  /// Colours are added after escaping, so they are the only escapes written.
  func emit(_ text: String, as kind: Output = .message) {
    let shown: String
    switch kind {
    case .result where renderer.format == .csv || renderer.format == .json,
      .table where renderer.format == .csv || renderer.format == .json:
      shown = text
    case .table where out.isTerminal:
      shown = theme.headers(TerminalText.visible(text), format: renderer.format)
    case .result, .table, .message:
      shown = TerminalText.visible(text)
    }
    // A result longer than the terminal goes through the pager; never one going to a
    // file or a pipe, and never a message.
    if kind != .message, pagerEnabled, let pager, out === terminal, out.isTerminal, let rows = terminalHeight,
      shown.utf8.lazy.filter({ $0 == 0x0A }).count >= rows, pager(shown)
    {
      return
    }
    out.write(shown)
  }

  static func milliseconds(_ d: Duration) -> String {
    let (seconds, attoseconds) = d.components
    let micro = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    return "\(micro / 1000).\(String(repeating: "0", count: 3 - String(micro % 1000).count))\(micro % 1000)"
  }

  /// After `.once`, the statement's result has gone to the file; later ones go back.
  func endOnce() {
    if let restore = restoreAfterOnce {
      (out as? FileSink)?.close()
      _ = checkOutput()
      out = restore
      restoreAfterOnce = nil
    }
  }

  /// "(help projects)" for an error in a statement that has a help topic.
  func helpHint(_ statement: String) -> String? {
    let first = statement.split(whereSeparator: { $0 == " " || $0 == "\n" }).first.map { String($0).lowercased() } ?? ""
    return HelpTopics.hasTopic(first) ? "see help \(first)" : nil
  }

  /// Writes an error about `source` to the error stream and counts it.
  public func report(source: String, range: SourceRange?, message: String, suggestion: String?) {
    failures += 1
    let renderer = DiagnosticRenderer(ambiguousIsWide: self.renderer.ambiguousIsWide, words: words)
    let drawn = renderer.render(source: source, range: range, message: words(message), suggestion: suggestion.map { words($0) }, echo: !interactive, indent: promptWidth)
    guard var location else { return emitError(drawn) }
    // The line the caret is on: the statement's first line, plus the lines before the range.
    if let range { location.line += source.utf8.prefix(max(0, range.start)).filter { $0 == 0x0A }.count }
    let prefix = renderer.prefix
    emitError(range == nil ? prefix + "\(location.file):\(location.line): " + drawn.dropFirst(prefix.count) : "\(location.file):\(location.line):\n" + drawn)
  }

  /// Writes an error that concerns no statement text (a dataset that failed to load).
  public func report(_ message: String) {
    failures += 1
    emitError(DiagnosticRenderer(words: words).prefix + (location.map { "\($0.file):\($0.line): " } ?? "") + words(message) + "\n")
  }

  /// The one way errors reach `err`: file names, values and statement text quoted in
  /// a message are shown with control characters visible, then coloured.
  func emitError(_ text: String) {
    let visible = TerminalText.visible(text)
    err.write(err.isTerminal ? theme.error(visible) : visible)
  }
}
