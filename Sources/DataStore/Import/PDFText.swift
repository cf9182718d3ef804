import Foundation

/// A PDF's text as laid out on the page, through `pdftotext -layout` (poppler-utils), and
/// that text cut into a form's cells.
///
/// PDF has no tables, only text placed on a page; `-layout` keeps each line's
/// horizontal positions, so the columns of a table can be found again from its header
/// line: every cell below a header goes to the header column nearest to it.
public enum PDFText {
  /// The package that provides `pdftotext`, named in the message when it is missing.
  public static let package = "poppler-utils"

  /// The `pdftotext` on the PATH, if any.
  public static var tool: String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      let candidate = "\(dir)/pdftotext"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// The text of every page, pages separated by form feeds.
  public static func text(_ path: String, tool: String? = PDFText.tool) throws(ImportError) -> String {
    guard let tool else {
      throw ImportError(file: path, message: "reading a PDF needs pdftotext, from the \(package) package, which is not installed (apt-get install \(package))")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = ["-layout", "-enc", "UTF-8", path, "-"]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw ImportError(file: path, message: "pdftotext could not be started: \(error.localizedDescription)")
    }
    // Read before waiting: a long text fills the pipe and would block the tool.
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let problem = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let why = String(decoding: problem, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "exit status \(process.terminationStatus)"
      throw ImportError(file: path, message: "pdftotext could not read it: \(why)")
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// Laid-out text as a form's cells: runs of text split by two or more spaces; below a
  /// header line (年初预算数 …, 三级指标 …) each run goes to the nearest header column.
  static func grid(_ text: String) -> FormGrid {
    var rows: [[String]] = []
    var places: [String] = []
    var anchors: [Double] = []
    var line = 0
    for page in text.split(separator: "\u{0C}", omittingEmptySubsequences: false) {
      for raw in page.split(separator: "\n", omittingEmptySubsequences: false) {
        line += 1
        let runs = PDFText.runs(String(raw))
        guard !runs.isEmpty else { continue }
        let joined = runs.map(\.text).joined()
        if joined.contains("年初预算") || joined.contains("三级指标") {
          anchors = runs.map { Double($0.start + $0.end) / 2 }
          var cells = runs.map(\.text)
          // A label column to the left of the header, empty in the header line itself.
          if let first = runs.first, first.start > 4 {
            anchors.insert(Double(first.start) / 2, at: 0)
            cells.insert("", at: 0)
          }
          rows.append(cells)
          places.append("line \(line)")
          continue
        }
        if anchors.isEmpty {
          rows.append(runs.map(\.text))
        } else {
          var cells = [String](repeating: "", count: anchors.count)
          var used = -1
          for run in runs {
            let centre = Double(run.start + run.end) / 2
            // A run starting left of the first header column is the row's label; a run
            // halfway between two columns goes to the one right of what its line has used.
            let best = anchors.map { abs($0 - centre) }.min()!
            let nearest = anchors.indices.filter { abs(anchors[$0] - centre) == best }
            let i = run.start < Int(anchors[0]) ? 0 : nearest.first { $0 > used } ?? nearest[0]
            cells[i] = cells[i].isEmpty ? run.text : cells[i] + " " + run.text
            used = max(used, i)
          }
          rows.append(cells)
        }
        places.append("line \(line)")
      }
    }
    return FormGrid(rows: rows, places: places)
  }

  /// The runs of a line and their character columns.
  static func runs(_ line: String) -> [(text: String, start: Int, end: Int)] {
    var out: [(String, Int, Int)] = []
    var current = ""
    var start = 0
    var spaces = 0
    for (i, ch) in line.enumerated() {
      if ch == " " || ch == "\u{3000}" {
        spaces += 1
        if spaces >= 2, !current.isEmpty {
          out.append((current.trimmingCharacters(in: .whitespaces), start, i - spaces + 1))
          current = ""
        }
        if !current.isEmpty { current.append(" ") }
        continue
      }
      if current.isEmpty { start = i }
      spaces = 0
      current.append(ch)
    }
    if !current.isEmpty { out.append((current.trimmingCharacters(in: .whitespaces), start, line.count)) }
    return out
  }

  /// A report's laid-out text as the report reader takes it: a line of several runs is a
  /// table row (cells joined by tabs); a prose line the page wrapped is joined to the next.
  public static func reportText(_ text: String) -> String {
    var out: [String] = []
    var paragraph = ""
    let lines = text.replacing("\u{0C}", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let width = lines.map { $0.trimmingCharacters(in: .whitespaces).count }.max() ?? 0
    func flush() {
      if !paragraph.isEmpty { out.append(paragraph) }
      paragraph = ""
    }
    for line in lines {
      let cells = runs(line)
      if cells.count >= 2 {
        flush()
        out.append(cells.map(\.text).joined(separator: "\t"))
        continue
      }
      guard let only = cells.first?.text else {
        flush()
        continue
      }
      paragraph += only
      // A line that fills the width and does not end a sentence goes on in the next.
      let ends = ["。", "；", "：", "！", "？", ".", ":", ";"].contains { only.hasSuffix($0) }
      if ends || only.count < width * 3 / 4 { flush() }
    }
    flush()
    return out.joined(separator: "\n")
  }
}
