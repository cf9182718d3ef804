import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the command line of a documentation example (`$ jixiao -c "…"`) without a real
/// shell: the same on every machine, nothing run that the example does not show, and a
/// form it cannot run fails with the column and the reason instead of doing something
/// else.
///
/// Supported, and nothing more:
/// - words: bare (`\x` is `x`), `'…'`, `"…"` (with `\" \\ \$ \``), `$'…'` (with
///   `\n \t \r \\ \' \"`), and `$?` (the status of the command before) bare or in `"…"`;
/// - `;` between commands, `|` between the stages of a pipeline, one `> FILE` after a
///   command;
/// - commands: `jixiao ARGS…` (the built executable), `printf FORMAT` (backslash escapes
///   and `%%`; no arguments), `echo WORDS…`, `cat [FILE…]`, `mkdir -p DIR…`.
///
/// Everything runs in `directory`; file names must stay inside it. Standard output and
/// standard error of what reaches the terminal are merged in the order they are written,
/// as a terminal shows them.
struct DocShell {
  /// One shell word: literal text, and the places of `$?`.
  struct Word: Equatable {
    enum Part: Equatable {
      case text(String)
      case status
    }

    var parts: [Part] = []
    var column: Int

    mutating func append(_ c: Character) {
      if case .text(let s)? = parts.last {
        parts[parts.count - 1] = .text(s + String(c))
      } else {
        parts.append(.text(String(c)))
      }
    }

    func expanded(status: Int32) -> String {
      parts.map { part in
        switch part {
        case .text(let s): s
        case .status: String(status)
        }
      }.joined()
    }
  }

  enum Token: Equatable {
    case word(Word)
    case semicolon(Int)
    case pipe(Int)
    case redirect(Int)
  }

  /// One command of a pipeline, with the file its standard output goes to.
  struct Stage: Equatable {
    var words: [Word] = []
    var redirect: Word?
  }

  struct Result: Equatable {
    var output: String
    var status: Int32
  }

  /// What one command wrote; with `merged`, errors go into `out` in order.
  struct Output {
    var merged: Bool
    var out = Data()
    var err = Data()

    mutating func write(_ data: Data) { out.append(data) }
    mutating func error(_ data: Data) {
      if merged { out.append(data) } else { err.append(data) }
    }
  }

  let executable: String
  let directory: URL
  var environment: [String: String]
  /// Seconds a jixiao run may take before it is stopped (an example never needs more).
  var timeout: TimeInterval = 60

  /// Runs `line`; returns what the terminal would show and the last command's status.
  func run(_ line: String) throws -> Result {
    let pipelines = try Self.parse(line)
    var terminal = Data()
    var status: Int32 = 0
    for pipeline in pipelines {
      // `$?` anywhere in a pipeline is the status from before it, as in sh.
      let before = status
      var input = Data()
      for (index, stage) in pipeline.enumerated() {
        let toTerminal = index == pipeline.count - 1 && stage.redirect == nil
        let arguments = stage.words.map { $0.expanded(status: before) }
        var output = Output(merged: toTerminal)
        status = try execute(arguments, column: stage.words[0].column, input: input, output: &output)
        terminal.append(output.err)
        if let target = stage.redirect {
          let url = try file(target.expanded(status: before), column: target.column)
          do {
            try output.out.write(to: url)
          } catch {
            throw DocShellError(column: target.column, message: "cannot write \(url.lastPathComponent)")
          }
          input = Data()
        } else if toTerminal {
          terminal.append(output.out)
        } else {
          input = output.out
        }
      }
    }
    return Result(output: String(decoding: terminal, as: UTF8.self), status: status)
  }

  // MARK: - Reading the line

  /// The words and operators of `line`.
  static func tokenize(_ line: String) throws -> [Token] {
    let chars = Array(line)
    var tokens: [Token] = []
    var word: Word?
    var i = 0
    func unsupported(_ at: Int, _ message: String) -> DocShellError { DocShellError(column: at + 1, message: message) }
    while i < chars.count {
      let c = chars[i]
      let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
      switch c {
      case " ", "\t":
        if let w = word { tokens.append(.word(w)) }
        word = nil
        i += 1
      case ";", "|", ">":
        if c == "|" && next == "|" { throw unsupported(i, "'||' is not supported; use ; or separate $ lines") }
        if c == ">" && next == ">" { throw unsupported(i, "'>>' is not supported; write the file once with >") }
        if let w = word { tokens.append(.word(w)) }
        word = nil
        tokens.append(c == ";" ? .semicolon(i + 1) : c == "|" ? .pipe(i + 1) : .redirect(i + 1))
        i += 1
      case "&", "<", "`", "(", ")", "{", "}", "*", "?", "[", "]":
        throw unsupported(i, "'\(c)' outside quotes is not supported; quote it")
      case "~" where word == nil, "#" where word == nil:
        throw unsupported(i, "'\(c)' at the start of a word is not supported; quote it")
      case "'":
        var w = word ?? Word(column: i + 1)
        guard let end = chars[(i + 1)...].firstIndex(of: "'") else { throw unsupported(i, "this ' is never closed") }
        for ch in chars[(i + 1)..<end] { w.append(ch) }
        if w.parts.isEmpty { w.parts.append(.text("")) }
        word = w
        i = end + 1
      case "\"":
        var w = word ?? Word(column: i + 1)
        if w.parts.isEmpty { w.parts.append(.text("")) }
        var j = i + 1
        var closed = false
        while j < chars.count {
          let d = chars[j]
          if d == "\"" {
            closed = true
            break
          }
          if d == "\\", j + 1 < chars.count, "\"\\$`".contains(chars[j + 1]) {
            w.append(chars[j + 1])
            j += 2
          } else if d == "$" {
            guard j + 1 < chars.count, chars[j + 1] == "?" else { throw unsupported(j, "only $? is expanded inside \"…\"") }
            w.parts.append(.status)
            j += 2
          } else if d == "`" {
            throw unsupported(j, "'`' (command substitution) is not supported")
          } else {
            w.append(d)
            j += 1
          }
        }
        guard closed else { throw unsupported(i, "this \" is never closed") }
        word = w
        i = j + 1
      case "$" where next == "'":
        var w = word ?? Word(column: i + 1)
        if w.parts.isEmpty { w.parts.append(.text("")) }
        var j = i + 2
        var closed = false
        while j < chars.count {
          let d = chars[j]
          if d == "'" {
            closed = true
            break
          }
          if d == "\\" {
            guard j + 1 < chars.count else { break }
            switch chars[j + 1] {
            case "n": w.append("\n")
            case "t": w.append("\t")
            case "r": w.append("\r")
            case "\\", "'", "\"": w.append(chars[j + 1])
            default: throw unsupported(j, "the escape \\\(chars[j + 1]) in $'…' is not supported")
            }
            j += 2
          } else {
            w.append(d)
            j += 1
          }
        }
        guard closed else { throw unsupported(i, "this $' is never closed") }
        word = w
        i = j + 1
      case "$" where next == "?":
        var w = word ?? Word(column: i + 1)
        w.parts.append(.status)
        word = w
        i += 2
      case "$":
        throw unsupported(i, "'$' is supported only as $? and $'…'")
      case "\\":
        guard let next else { throw unsupported(i, "a \\ at the end of the line is not supported") }
        var w = word ?? Word(column: i + 1)
        w.append(next)
        word = w
        i += 2
      default:
        var w = word ?? Word(column: i + 1)
        w.append(c)
        word = w
        i += 1
      }
    }
    if let w = word { tokens.append(.word(w)) }
    return tokens
  }

  /// The pipelines of `line`, in order: `;` separates them, `|` their stages.
  static func parse(_ line: String) throws -> [[Stage]] {
    var pipelines: [[Stage]] = []
    var pipeline: [Stage] = []
    var stage = Stage()
    var redirectAt: Int?
    func finish(_ column: Int) throws {
      if let redirectAt { throw DocShellError(column: redirectAt, message: "'>' needs a file name after it") }
      if stage.words.isEmpty {
        throw DocShellError(column: column, message: pipeline.isEmpty ? "a command is missing here" : "'|' needs a command after it")
      }
      pipeline.append(stage)
      stage = Stage()
    }
    for token in try tokenize(line) {
      switch token {
      case .word(let w):
        if redirectAt != nil {
          stage.redirect = w
          redirectAt = nil
        } else if stage.redirect != nil {
          throw DocShellError(column: w.column, message: "words after '> FILE' are not supported; put them before it")
        } else {
          stage.words.append(w)
        }
      case .redirect(let column):
        guard !stage.words.isEmpty, stage.redirect == nil, redirectAt == nil else {
          throw DocShellError(column: column, message: "'>' is supported once, after a command")
        }
        redirectAt = column
      case .pipe(let column):
        try finish(column)
      case .semicolon(let column):
        try finish(column)
        pipelines.append(pipeline)
        pipeline = []
      }
    }
    if !stage.words.isEmpty || !pipeline.isEmpty || redirectAt != nil {
      try finish(line.count + 1)
      pipelines.append(pipeline)
    }
    if pipelines.isEmpty { throw DocShellError(column: 0, message: "there is no command on this line") }
    return pipelines
  }

  // MARK: - Running commands

  func execute(_ arguments: [String], column: Int, input: Data, output: inout Output) throws -> Int32 {
    switch arguments[0] {
    case "jixiao":
      return try jixiao(Array(arguments.dropFirst()), input: input, output: &output)
    case "printf":
      guard arguments.count == 2 else {
        throw DocShellError(column: column, message: "printf is supported with a format only, no further arguments")
      }
      output.write(Data(try Self.printf(arguments[1], column: column).utf8))
      return 0
    case "echo":
      if let first = arguments.dropFirst().first, first.hasPrefix("-") {
        throw DocShellError(column: column, message: "echo options are not supported; use printf")
      }
      output.write(Data((arguments.dropFirst().joined(separator: " ") + "\n").utf8))
      return 0
    case "cat":
      if arguments.count == 1 {
        output.write(input)
        return 0
      }
      var status: Int32 = 0
      for name in arguments.dropFirst() {
        let url = try file(name, column: column)
        if let data = try? Data(contentsOf: url) {
          output.write(data)
        } else {
          output.error(Data("cat: \(name): No such file or directory\n".utf8))
          status = 1
        }
      }
      return status
    case "mkdir":
      guard arguments.count >= 3, arguments[1] == "-p" else {
        throw DocShellError(column: column, message: "mkdir is supported only as mkdir -p DIR…")
      }
      for name in arguments.dropFirst(2) {
        do {
          try FileManager.default.createDirectory(at: try file(name, column: column), withIntermediateDirectories: true)
        } catch let error as DocShellError {
          throw error
        } catch {
          throw DocShellError(column: column, message: "mkdir: cannot create \(name)")
        }
      }
      return 0
    default:
      throw DocShellError(
        column: column, message: "'\(arguments[0])' is not a command the examples can run; use jixiao, printf, echo, cat or mkdir -p")
    }
  }

  /// `printf FORMAT` with no arguments: backslash escapes and `%%`.
  static func printf(_ format: String, column: Int) throws -> String {
    var result = ""
    var chars = format.makeIterator()
    while let c = chars.next() {
      if c == "\\" {
        switch chars.next() {
        case "n": result.append("\n")
        case "t": result.append("\t")
        case "\\": result.append("\\")
        case "\"": result.append("\"")
        case "'": result.append("'")
        case let other:
          throw DocShellError(column: column, message: "printf escape \\\(other.map(String.init) ?? "") is not supported")
        }
      } else if c == "%" {
        guard chars.next() == "%" else {
          throw DocShellError(column: column, message: "printf directives are not supported (only %%)")
        }
        result.append("%")
      } else {
        result.append(c)
      }
    }
    return result
  }

  /// `name` inside `directory`: an example never reads or writes elsewhere.
  func file(_ name: String, column: Int) throws -> URL {
    let parts = name.split(separator: "/", omittingEmptySubsequences: false)
    guard !name.isEmpty, !name.hasPrefix("/"), !parts.contains("..") else {
      throw DocShellError(column: column, message: "'\(name)' is outside the example's folder; use a relative path without ..")
    }
    return directory.appendingPathComponent(name)
  }

  /// Runs the executable in `directory` with `input` as standard input.
  func jixiao(_ arguments: [String], input: Data, output: inout Output) throws -> Int32 {
    let fm = FileManager.default
    let io = fm.temporaryDirectory.appendingPathComponent("jixiao-doc-io-\(UUID().uuidString)")
    try fm.createDirectory(at: io, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: io) }
    let inURL = io.appendingPathComponent("in")
    let outURL = io.appendingPathComponent("out")
    let errURL = io.appendingPathComponent("err")
    for (url, contents) in [(inURL, input), (outURL, Data()), (errURL, Data())] {
      guard fm.createFile(atPath: url.path, contents: contents) else {
        throw DocShellError(column: 0, message: "cannot create \(url.path)")
      }
    }
    let stdin = try FileHandle(forReadingFrom: inURL)
    let stdout = try FileHandle(forWritingTo: outURL)
    let stderr = output.merged ? stdout : try FileHandle(forWritingTo: errURL)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = environment
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let start = Date()
    while process.isRunning {
      if Date().timeIntervalSince(start) > timeout {
        process.terminate()
        process.waitUntilExit()
        throw DocShellError(column: 0, message: "jixiao did not finish within \(Int(timeout)) s")
      }
      usleep(2_000)
    }
    try stdin.close()
    try stdout.close()
    if !output.merged { try stderr.close() }
    output.write(try Data(contentsOf: outURL))
    if !output.merged { output.error(try Data(contentsOf: errURL)) }
    return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
  }
}
