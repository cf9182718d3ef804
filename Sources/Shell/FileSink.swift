import Foundation

/// Writes results to a file for `.output` and `.once`.
final class FileSink: TextSink {
  private var handle: FileHandle?
  let path: String

  /// Creates (or empties) the file; nil when it cannot be written.
  init?(path: String) {
    self.path = path
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let h = FileHandle(forWritingAtPath: path)
    else { return nil }
    handle = h
  }

  func write(_ text: String) {
    handle?.write(Data(text.utf8))
  }

  func close() {
    try? handle?.close()
    handle = nil
  }

  deinit { close() }
}
