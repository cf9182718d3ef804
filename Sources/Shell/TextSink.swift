/// Where the shell writes; injected so tests capture output and the executable
/// decides which file descriptor it goes to.
public protocol TextSink: AnyObject {
  func write(_ text: String)
  /// Why writing failed (strerror text), once it has; later writes are dropped.
  var writeFailure: String? { get }
  /// The reader went away (a closed pipe, EPIPE): not an error, but nothing more to write.
  var readerGone: Bool { get }
  /// A terminal shows what is written: only then are colours added, so a file or a pipe
  /// never receives escape codes.
  var isTerminal: Bool { get }
}

extension TextSink {
  public var writeFailure: String? { nil }
  public var readerGone: Bool { false }
  public var isTerminal: Bool { false }
}

/// Collects everything written, for tests and for `.once`-style capture.
public final class StringSink: TextSink {
  public private(set) var text = ""
  /// Stands for a terminal (tests of colour), or for a file or pipe (the default).
  public let isTerminal: Bool

  public init(isTerminal: Bool = false) { self.isTerminal = isTerminal }

  public func write(_ text: String) { self.text += text }

  public func clear() { text = "" }
}
