import ArgumentParser
import DataStore
import Foundation
import Scoring
import LineEditor
import Shell

/// Writes straight to a file descriptor, so stdout and stderr interleave in order.
final class DescriptorSink: TextSink {
  let descriptor: Int32

  init(_ descriptor: Int32) { self.descriptor = descriptor }

  func write(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeMutableBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
      // Ctrl-C interrupts a write (the SIGINT handler does not restart calls): retry it.
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return }
      offset += n
    }
    bytes.removeAll()
  }
}

struct Jixiao: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "jixiao",
    abstract: "An interactive query shell over budget performance self-evaluations (预算绩效自评).",
    discussion: "Exit status: 0 ok; 1 a statement failed; 2 bad flags or a dataset that failed to load.")

  @Option(name: [.customShort("c"), .customLong("command")], help: "Statements to run (repeatable; ; separates statements).")
  var commands: [String] = []

  @Option(name: [.customShort("f"), .customLong("file")], help: "A file of statements to run.")
  var file: String?

  @Option(name: .customLong("data"), help: "A dataset folder or file to load (repeatable; default: ./datasets).")
  var data: [String] = []

  @Flag(name: .customLong("no-data"), help: "Start with no data loaded (then load or import).")
  var noData = false

  @Option(name: .customLong("rules"), help: "A folder of rule files (*.json; default: ./rules, else the national rules).")
  var rulesFolder: String?

  @Option(help: "Output format: table, csv, json, markdown or line.")
  var format: String = "table"

  @Flag(help: "Stop at the first statement that fails.")
  var bail = false

  @Flag(name: .customLong("no-color"), help: "Plain output without colours (also when NO_COLOR is set).")
  var noColor = false

  func run() throws {
    guard let outputFormat = OutputFormat(rawValue: format.lowercased()) else {
      throw ValidationError("unknown format '\(format)'; expected table, csv, json, markdown or line")
    }
    let out = DescriptorSink(1)
    let err = DescriptorSink(2)
    let paths = data.isEmpty ? ["datasets"] : data
    let store: Store
    do {
      if noData {
        store = Store()
      } else if data.isEmpty && !FileManager.default.fileExists(atPath: "datasets") {
        err.write("note: no ./datasets folder here; starting with no data (use --data DIR)\n")
        store = Store()
      } else {
        store = try DatasetLoader.load(paths: paths)
      }
    } catch {
      err.write("error: \(error)\n")
      throw ExitCode(2)
    }
    var ruleSets: [String: RuleSet] = [:]
    do {
      if let rulesFolder {
        ruleSets = try RuleLoader.load(folder: rulesFolder)
      } else if FileManager.default.fileExists(atPath: "rules") {
        ruleSets = try RuleLoader.load(folder: "rules")
      }
    } catch {
      err.write("error: \(error)\n")
      throw ExitCode(2)
    }
    let session = Session(store: store, ruleSets: ruleSets, out: out, err: err)
    session.renderer.format = outputFormat
    if isatty(1) == 1 {
      var size = winsize()
      if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { session.terminalWidth = Int(size.ws_col) }
      let env = ProcessInfo.processInfo.environment
      if !noColor && env["NO_COLOR"] == nil && env["TERM"] != "dumb" { session.theme = .dark }
    }
    var status: Int32 = 0
    if !commands.isEmpty || file != nil {
      for command in commands {
        let code = REPL(session: session, reader: ScriptLineReader(text: command), bail: bail).run()
        status = max(status, code)
        if code != 0 && bail { throw ExitCode(code) }
      }
      if let file {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
          err.write("error: \(file): cannot read this file as UTF-8 text\n")
          throw ExitCode(2)
        }
        status = max(status, REPL(session: session, reader: ScriptLineReader(text: text), bail: bail).run())
      }
    } else if isatty(0) == 1 {
      let reader = LibEditLineReader(completer: ShellCompleter(session: session))
      // Ctrl-C while a statement runs abandons it (checking consumes the keypress).
      session.engine.interrupted = { LibEditLineReader.consumeInterrupt() }
      for warning in reader.warnings { err.write("warning: \(warning)\n") }
      let years = store.years.map(String.init).joined(separator: ", ")
      out.write("jixiao: \(store.projects.count) projects\(years.isEmpty ? "" : " (\(years))"). Type help, or Ctrl-D to leave.\n")
      status = REPL(session: session, reader: reader, bail: bail).run()
      reader.close()
    } else {
      let input = FileHandle.standardInput.readDataToEndOfFile()
      let text = String(decoding: input, as: UTF8.self)
      status = REPL(session: session, reader: ScriptLineReader(text: text), bail: bail).run()
    }
    if status != 0 { throw ExitCode(status) }
  }
}

do {
  var command = try Jixiao.parseAsRoot()
  try command.run()
} catch let code as ExitCode {
  exit(code.rawValue)
} catch {
  let code = Jixiao.exitCode(for: error)
  if code == .success {
    print(Jixiao.fullMessage(for: error))
    exit(0)
  }
  FileHandle.standardError.write((Jixiao.fullMessage(for: error) + "\n").data(using: .utf8) ?? Data())
  exit(2)
}
