import Foundation

/// Debian's chromium run headless on a page: its DOM after loading, the page printed to
/// PDF, a screenshot. Each run gets its own profile folder, and every run has a deadline,
/// so a browser that hangs fails the test instead of blocking it.
struct HeadlessBrowser {
  let executable: String

  /// The first chromium on PATH, or nil (the browser tests are then skipped).
  static let found: HeadlessBrowser? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      for name in ["chromium", "chromium-browser"] {
        let candidate = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return HeadlessBrowser(executable: candidate) }
      }
    }
    return nil
  }()

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Runs the browser on `page` with `flags`; returns what it wrote to standard output.
  func run(_ flags: [String], page: URL, in folder: URL, seconds: Double = 90) throws -> Data {
    let profile = folder.appendingPathComponent("profile-\(UUID().uuidString)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments =
      ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)", "--lang=en-US"] + flags + [page.absoluteString]
    // Standard output goes to a file, so a large DOM cannot fill a pipe and stall the browser.
    let outFile = folder.appendingPathComponent("stdout-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
    let out = try FileHandle(forWritingTo: outFile)
    defer { try? FileManager.default.removeItem(at: outFile) }
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning, Date() < deadline { usleep(50_000) }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      throw Failure(description: "\(executable) did not finish within \(Int(seconds)) s on \(page.lastPathComponent)")
    }
    try out.close()
    try? FileManager.default.removeItem(at: profile)
    guard process.terminationStatus == 0 else { throw Failure(description: "\(executable) exited with \(process.terminationStatus)") }
    return try Data(contentsOf: outFile)
  }

  /// The DOM as the browser built it, after its layout ran.
  func dom(_ page: URL, in folder: URL, width: Int = 794) throws -> String {
    String(decoding: try run(["--dump-dom", "--window-size=\(width),1123"], page: page, in: folder), as: UTF8.self)
  }

  /// The page printed as the print dialog would, without the browser's header and footer.
  func pdf(_ page: URL, to file: URL, in folder: URL) throws -> Data {
    _ = try run(["--no-pdf-header-footer", "--print-to-pdf=\(file.path)"], page: page, in: folder)
    return try Data(contentsOf: file)
  }

  /// The first screen of the page, an A4 page's width at 96 dpi.
  func screenshot(_ page: URL, to file: URL, in folder: URL) throws -> Data {
    _ = try run(["--window-size=794,1123", "--hide-scrollbars", "--screenshot=\(file.path)"], page: page, in: folder)
    return try Data(contentsOf: file)
  }

  /// The text a reader sees: tags, the style sheet and SVG dropped, references decoded,
  /// runs of white space as one space.
  static func visibleText(_ dom: String) -> String {
    var text = dom
    for block in ["style", "svg", "script", "head"] {
      while let start = text.range(of: "<\(block)"), let end = text.range(of: "</\(block)>", range: start.upperBound..<text.endIndex) {
        text.removeSubrange(start.lowerBound..<end.upperBound)
      }
    }
    var out = ""
    var inTag = false
    for c in text {
      if c == "<" { inTag = true; out.append(" "); continue }
      if c == ">" { inTag = false; continue }
      if !inTag { out.append(c) }
    }
    for (reference, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
      out = out.replacingOccurrences(of: reference, with: character)
    }
    return out.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// Pages of a PDF as chromium writes it (page objects are not compressed), with each
  /// page's size in points.
  static func pages(_ pdf: Data) -> [String] {
    let text = String(decoding: pdf, as: UTF8.self)
    var boxes: [String] = []
    var rest = text[...]
    while let r = rest.range(of: "/MediaBox [") {
      let end = rest[r.upperBound...].firstIndex(of: "]") ?? rest.endIndex
      boxes.append(String(rest[r.upperBound..<end]))
      rest = rest[end...]
    }
    return boxes
  }

  /// The text of a PDF by pdftotext, when poppler-utils is installed.
  static func pdfText(_ file: URL) -> String? {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
    process.arguments = [file.path, "-"]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
  }
}
