import CEditLine
import Glibc
import Shell

/// Reads statements from a terminal with libedit's wide-character API: Chinese editing,
/// persistent private history, Ctrl-R search, Tab completion and Ctrl-C that abandons
/// the line instead of ending the shell.
///
/// libedit is not thread-safe and keeps the terminal in raw mode only inside
/// `readLine`, so use one reader, from one thread, and `close()` it (or let it go)
/// before exiting so the history is saved and the terminal restored.
public final class LibEditLineReader: LineReader {
  /// Problems met so far (locale, history file) for the executable to show; library
  /// code never prints them itself. New ones may appear after `remember(_:)`.
  public private(set) var warnings: [String] = []

  /// The history file in use, or nil when history is kept only for this session.
  public let historyPath: String?

  private let completer: Completer
  private let words: (String) -> String
  /// The Ctrl-R search in progress, with the prompt it replaced.
  private var search: (state: HistorySearch, prompt: String)?
  private var editor: OpaquePointer?
  private var history: OpaquePointer?
  /// Our copy of the prompt that the prompt callback hands to libedit: libedit reads it
  /// after the callback returns, so it must outlive the call (a temporary would dangle).
  private var promptStorage: UnsafeMutablePointer<wchar_t>?
  private var promptText = ""
  private var previousInterruptAction = sigaction()
  private var interruptHandlerInstalled = false
  /// SIGTSTP's and SIGCONT's actions before ours (Ctrl-Z and fg redraw the line).
  private var previousStopAction = sigaction()
  private var previousContinueAction = sigaction()
  private var jobControlInstalled = false
  /// The terminal's cooked settings during a read, for the SIGTSTP handler; allocated
  /// once and kept for the process (a handler may read it at any moment).
  private nonisolated(unsafe) static let cookedTerminal = UnsafeMutablePointer<termios>.allocate(capacity: 1)
  /// False when the history file could not be loaded: overwriting it would lose it.
  private var savesHistory: Bool
  private var unsavedHistory = false
  private var isClosed = false

  /// Most entries kept in memory and on disk.
  public static let historySize = 2000

  /// - Parameters:
  ///   - completer: answers Tab.
  ///   - historyPath: the history file; nil means `$XDG_STATE_HOME/jixiao/history`
  ///     (else `~/.local/state/jixiao/history`). Tests pass a temporary path.
  ///   - programName: the name libedit looks up in `~/.editrc`-style bindings.
  ///   - words: the shell's words in the language in force (for the search prompt).
  public init(
    completer: Completer, historyPath: String? = nil, programName: String = "jixiao",
    words: @escaping (String) -> String = { $0 }
  ) {
    self.completer = completer
    self.words = words
    self.historyPath = historyPath ?? HistoryFile.defaultPath()
    savesHistory = self.historyPath != nil

    // libedit decodes keys with the C library's multibyte functions: without a UTF-8
    // LC_CTYPE it drops Chinese input entirely.
    if shim_use_utf8_ctype() == 0 {
      warnings.append(
        "no UTF-8 locale is available (tried the environment's, C.UTF-8 and en_US.UTF-8); "
          + "Chinese text cannot be edited")
    }

    interruptHandlerInstalled = shim_install_sigint(&previousInterruptAction) == 0
    _ = shim_install_sigwinch()
    jobControlInstalled = shim_install_job_control(&previousStopAction, &previousContinueAction) == 0

    history = history_winit()
    if let history {
      _ = shim_history_set_size(history, Int32(Self.historySize))
      _ = shim_history_set_unique(history, 1)
    }
    loadHistory()

    editor = programName.withCString { shim_el_init($0) }
    guard let editor else {
      warnings.append("the line editor could not start; reading plain lines without editing")
      return
    }
    _ = shim_el_set_clientdata(editor, Unmanaged.passUnretained(self).toOpaque())
    promptStorage = WideText.duplicate("")
    _ = shim_el_set_prompt(editor) { editor in
      guard let editor, let reader = LibEditLineReader.reader(of: editor) else { return nil }
      return UnsafePointer(reader.promptStorage)
    }
    WideText.withWide("emacs") { _ = shim_el_set_editor(editor, $0) }
    _ = shim_el_set_signal(editor, 1)
    // Our reader closes the window in which libedit's would lose a Ctrl-C.
    _ = shim_el_set_reader(editor)
    if let history { _ = shim_el_set_history(editor, history) }

    WideText.withWide("jixiao-complete") { name in
      WideText.withWide("complete the word before the cursor") { help in
        _ = shim_el_add_function(editor, name, help) { editor, _ in
          guard let editor, let reader = LibEditLineReader.reader(of: editor) else {
            return UInt8(CC_ERROR)
          }
          return reader.complete(in: editor)
        }
      }
    }
    bind("^I", to: "jixiao-complete")
    WideText.withWide("jixiao-search-history") { name in
      WideText.withWide("search the history for what is typed (Ctrl-R: older)") { help in
        _ = shim_el_add_function(editor, name, help) { editor, _ in
          guard let editor, let reader = LibEditLineReader.reader(of: editor) else {
            return UInt8(CC_ERROR)
          }
          return reader.searchHistory(in: editor)
        }
      }
    }
    // Incremental reverse search, like bash and psql (libedit's own loses Chinese text).
    bind("^R", to: "jixiao-search-history")
    // The user's bindings last, so they win: $EDITRC, else ~/.editrc (lines may start
    // with `jixiao:` to apply to this program only).
    _ = el_source(editor, nil)
  }

  deinit {
    close()
  }

  public var isInteractive: Bool { true }

  public func readLine(prompt: String) -> LineInput {
    guard !isClosed else { return .end }
    guard let editor else {
      // el_init failed (it practically never does): plain reads keep the shell usable.
      Swift.print(prompt, terminator: "")
      return Swift.readLine().map(LineInput.line) ?? .end
    }
    setPrompt(prompt)
    search = nil
    shim_set_searching(0)
    // A Ctrl-C pressed while the previous statement ran was meant for that statement.
    _ = shim_take_interrupt()

    // libedit draws the prompt while the tty is still in cooked mode and goes raw only
    // for the first read: keys typed in that gap get the kernel's treatment (echoed
    // twice, Ctrl-D swallowed as an end-of-file marker). Going raw first closes the gap.
    // Ctrl-Z while reading stops with the terminal cooked; fg redraws the prompt and line.
    shim_begin_read(Self.cookedTerminal)
    _ = shim_el_prepare_terminal(editor, 1)
    var count: Int32 = 0
    let read = el_wgets(editor, &count)
    shim_end_read()
    if search != nil {
      // Ctrl-C or end of input ended the read during a search.
      shim_set_searching(0)
      search = nil
    }
    guard let buffer = read else {
      let error = shim_errno()
      if count == -1 && (error == EINTR || shim_interrupt_is_pending() != 0) {
        // libedit left its line buffer and tty state mid-edit; start the next read clean.
        el_reset(editor)
        _ = shim_take_interrupt()
        write("^C\n")
        return .interrupted
      }
      // Ctrl-D on an empty line (count 0) or a dead terminal: leave the cursor on a
      // fresh line for whatever the shell prints next.
      write("\n")
      return .end
    }
    var line = WideText.string(from: buffer, count: Int(count))
    while line.last == "\n" || line.last == "\r\n" || line.last == "\r" { line.removeLast() }
    return .line(line)
  }

  /// Adds `statement` to the history and saves it.
  ///
  /// A statement starting with a space is not recorded (a way to keep one out of the
  /// file); line breaks of a multi-line statement become spaces so it recalls as one
  /// editable line.
  public func remember(_ statement: String) {
    guard let history, !statement.hasPrefix(" ") else { return }
    var entry = statement
    while let last = entry.last, last.isWhitespace { entry.removeLast() }
    guard !entry.isEmpty else { return }
    entry = entry.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .joined(separator: " ")
    WideText.withWide(entry) { _ = shim_history_enter(history, $0) }
    unsavedHistory = true
    saveHistory()
  }

  /// Saves the history, restores the terminal and the previous SIGINT action.
  /// Further reads return `.end`.
  public func close() {
    saveHistory()
    isClosed = true
    if let editor {
      el_end(editor)
      self.editor = nil
    }
    if let history {
      history_wend(history)
      self.history = nil
    }
    promptStorage?.deallocate()
    promptStorage = nil
    if interruptHandlerInstalled {
      _ = shim_restore_sigint(&previousInterruptAction)
      interruptHandlerInstalled = false
    }
    if jobControlInstalled {
      shim_restore_job_control(&previousStopAction, &previousContinueAction)
      jobControlInstalled = false
    }
  }

  // MARK: Interrupts

  /// Whether Ctrl-C was pressed since the last check, clearing the request.
  ///
  /// Long-running statements poll this to stop early; the SIGINT handler only sets a
  /// flag, so nothing else happens at the moment of the key press.
  public static func consumeInterrupt() -> Bool {
    shim_take_interrupt() != 0
  }

  /// Whether Ctrl-C was pressed and not yet consumed, without clearing it.
  public static var isInterruptPending: Bool {
    shim_interrupt_is_pending() != 0
  }

  // MARK: Private

  private static func reader(of editor: OpaquePointer) -> LibEditLineReader? {
    guard let data = shim_el_get_clientdata(editor) else { return nil }
    return Unmanaged<LibEditLineReader>.fromOpaque(data).takeUnretainedValue()
  }

  private func bind(_ key: String, to command: String) {
    guard let editor else { return }
    WideText.withWide(key) { key in
      WideText.withWide(command) { command in _ = shim_el_bind(editor, key, command) }
    }
  }

  private func setPrompt(_ prompt: String) {
    guard prompt != promptText || promptStorage == nil else { return }
    promptStorage?.deallocate()
    promptStorage = WideText.duplicate(prompt)
    promptText = prompt
  }

  /// Writes to the stream libedit draws on, flushed so it lands before libedit redraws.
  private func write(_ text: String) {
    guard let editor, let output = shim_el_get_output(editor) else { return }
    fputs(text, output)
    fflush(output)
  }

  private func complete(in editor: OpaquePointer) -> UInt8 {
    guard let info = el_wline(editor)?.pointee, let start = info.buffer,
      let cursor = info.cursor, let end = info.lastchar
    else { return UInt8(CC_ERROR) }
    let before = WideText.string(from: start, to: cursor)
    let after = cursor < end ? Character(WideText.scalar(cursor.pointee)) : nil
    let completion = completer.complete(beforeCursor: before)

    switch CompletionEdit.plan(beforeCursor: before, afterCursor: after, completion: completion) {
    case .beep:
      return UInt8(CC_REFRESH_BEEP)
    case .replace(let deleting, let inserting):
      if deleting > 0 { el_deletestr(editor, Int32(deleting)) }
      if !inserting.isEmpty {
        let inserted = WideText.withWide(inserting) { el_winsertstr(editor, $0) }
        if inserted != 0 { return UInt8(CC_REFRESH_BEEP) }
      }
      return UInt8(CC_REFRESH)
    case .list(let candidates):
      let width = Int(shim_terminal_columns(STDOUT_FILENO))
      let lines = CandidateLayout.lines(candidates, width: width > 0 ? width : 80)
      // libedit redraws the prompt on the line after the listing (CC_REDISPLAY).
      write("\r\n" + lines.joined(separator: "\r\n") + "\r\n")
      return UInt8(CC_REDISPLAY)
    }
  }

  /// Ctrl-R, and while a search runs every key (the reader hands them all over as
  /// Ctrl-R and keeps the real one; see `shim_set_searching`).
  private func searchHistory(in editor: OpaquePointer) -> UInt8 {
    var key: wchar_t = 0
    guard let current = search, shim_take_search_key(&key) != 0 else {
      // Ctrl-R starts a search from the line as typed.
      guard let info = el_wline(editor)?.pointee, let start = info.buffer, let end = info.lastchar
      else { return UInt8(CC_ERROR) }
      let started = HistorySearch(entries: historyEntries(), original: WideText.string(from: start, to: end))
      search = (started, promptText)
      shim_set_searching(1)
      show(started, in: editor)
      return UInt8(CC_REFRESH)
    }
    var state = current.state
    let savedPrompt = current.prompt
    let outcome = Unicode.Scalar(UInt32(bitPattern: key)).map { state.press($0) } ?? .searching
    if case .searching = outcome {
      search = (state, savedPrompt)
      show(state, in: editor)
      return UInt8(CC_REFRESH)
    }
    search = nil
    shim_set_searching(0)
    setPrompt(savedPrompt)
    switch outcome {
    case .searching:
      return UInt8(CC_REFRESH)
    case .accept(let line):
      replaceLine(in: editor, with: line, cursor: line.count)
      return UInt8(CC_NEWLINE)
    case .cancel(let line):
      replaceLine(in: editor, with: line, cursor: line.count)
      return UInt8(CC_REFRESH)
    case .leave(let line):
      replaceLine(in: editor, with: line, cursor: state.cursor)
      // The key acts as it would have outside the search.
      var pushed: [wchar_t] = [key, 0]
      el_wpush(editor, &pushed)
      return UInt8(CC_REFRESH)
    }
  }

  private func show(_ state: HistorySearch, in editor: OpaquePointer) {
    let label = words(state.failed ? "failed reverse search" : "reverse search")
    setPrompt("(\(label))`\(state.pattern)': ")
    replaceLine(in: editor, with: state.line, cursor: state.cursor)
  }

  /// Puts `text` in the line being edited, the cursor `cursor` characters in.
  private func replaceLine(in editor: OpaquePointer, with text: String, cursor: Int) {
    guard let info = el_wline(editor)?.pointee, let start = info.buffer, let at = info.cursor,
      let end = info.lastchar
    else { return }
    _ = el_cursor(editor, Int32(end - at))
    let length = end - start
    if length > 0 { el_deletestr(editor, Int32(length)) }
    if !text.isEmpty { _ = WideText.withWide(text) { el_winsertstr(editor, $0) } }
    let scalars = text.unicodeScalars.count
    let before = text.prefix(cursor).unicodeScalars.count
    if before < scalars { _ = el_cursor(editor, Int32(before - scalars)) }
  }

  /// The history, newest first.
  private func historyEntries() -> [String] {
    guard let history else { return [] }
    var entries: [String] = []
    var entry = shim_history_first(history)
    while let text = entry {
      var line = WideText.string(from: text)
      while line.last?.isNewline == true { line.removeLast() }
      entries.append(line)
      entry = shim_history_next(history)
    }
    return entries
  }

  private func loadHistory() {
    guard let history, let path = historyPath else { return }
    switch HistoryFile(path: path).inspect() {
    case .absent:
      break
    case .loadable:
      if shim_history_load(history, path) < 0 {
        savesHistory = false
        warnings.append(
          "history file \(path) could not be loaded; this session's history will not be saved")
      }
    case .unusable(let reason):
      savesHistory = false
      warnings.append(
        "history file \(path) was ignored (\(reason)); this session's history will not be saved")
    }
  }

  private func saveHistory() {
    guard unsavedHistory, savesHistory, let history, let path = historyPath else { return }
    let problem = HistoryFile(path: path).save { stream in
      shim_history_save_fp(history, stream) >= 0
    }
    if let problem {
      let warning = "history could not be saved to \(path): \(problem)"
      if !warnings.contains(warning) { warnings.append(warning) }
    } else {
      unsavedHistory = false
    }
  }
}
