import Foundation

/// python3 with openpyxl, the second implementation that reads exported workbooks back.
enum OpenPyXL {
  static let found: Bool = (try? python(["-c", "import openpyxl"])) != nil

  /// Runs python3 with `arguments`; its standard output, or an error when it fails.
  static func python(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
    return String(decoding: data, as: UTF8.self)
  }
}
