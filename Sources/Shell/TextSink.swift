/// Where the shell writes; injected so tests capture output and the executable
/// decides which file descriptor it goes to.
public protocol TextSink: AnyObject {
  func write(_ text: String)
  /// Why writing failed (strerror text), once it has; later writes are dropped.
  var writeFailure: String? { get }
  /// The reader went away (a closed pipe, EPIPE): not an error, but nothing more to write.
  var readerGone: Bool { get }
}

extension TextSink {
  public var writeFailure: String? { nil }
  public var readerGone: Bool { false }
}

/// Collects everything written, for tests and for `.once`-style capture.
public final class StringSink: TextSink {
  public private(set) var text = ""

  public init() {}

  public func write(_ text: String) { self.text += text }

  public func clear() { text = "" }
}
