/// Why a file was not written: which file, what is wrong, and what to try instead.
///
/// Every writer (export, save, import --save, .output, history) reports through this
/// type, so a failure reads the same wherever it happens.
public struct WriteError: Error, Equatable, Sendable, CustomStringConvertible {
  public var file: String
  public var message: String
  public var suggestion: String?
  /// The user pressed Ctrl-C (or a signal asked the process to stop) while writing.
  public var interrupted: Bool

  public init(file: String, message: String, suggestion: String? = nil, interrupted: Bool = false) {
    self.file = file
    self.message = message
    self.suggestion = suggestion
    self.interrupted = interrupted
  }

  public var description: String { "\(file): \(message)" }

  static func interrupted(_ file: String) -> WriteError {
    WriteError(file: file, message: "interrupted (Ctrl-C); nothing was written", interrupted: true)
  }
}
