import DataStore
import Glibc

/// Reads a statement file for `-f` and `.read`; `-` is standard input, and so is
/// `/dev/stdin` (a pipe, a file or a terminal), read with plain read(2) until its end.
public enum ScriptFile {
  /// Why a statement file could not be read.
  public struct Problem: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var message: String
    public var description: String { "\(file): \(message)" }
  }

  /// Statement files larger than this are refused rather than read into memory.
  static let byteLimit = 256 << 20

  /// The file's text, or why it cannot be had.
  public static func text(_ path: String) -> Result<String, Problem> {
    let shown = path == "-" ? "standard input" : path
    func problem(_ message: String) -> Result<String, Problem> { .failure(Problem(file: shown, message: message)) }
    let fd = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
    guard fd >= 0 else { return problem("cannot be opened: \(String(cString: strerror(errno)))") }
    defer { if fd != 0 { close(fd) } }
    var status = stat()
    if fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { return problem("is a folder, not a file of statements") }
    switch Descriptor.readAll(fd, limit: byteLimit) {
    case .failure(let error):
      if error.code == EFBIG { return problem("is larger than \(byteLimit >> 20) MiB") }
      return problem("cannot be read: \(String(cString: strerror(error.code)))")
    case .success(let bytes):
      guard let text = String(validating: bytes, as: UTF8.self) else {
        return problem("line \(firstInvalidLine(bytes)) is not UTF-8 text; save the file as UTF-8")
      }
      return .success(text)
    }
  }

  /// The 1-based line holding the first byte that is not UTF-8 (a newline byte never
  /// occurs inside a UTF-8 character, so lines can be checked one by one).
  static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
    for (n, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
    where String(validating: line, as: UTF8.self) == nil {
      return n + 1
    }
    return 1
  }
}
