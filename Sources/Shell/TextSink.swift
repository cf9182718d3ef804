/// Where the shell writes; injected so tests capture output and the executable
/// decides which file descriptor it goes to.
public protocol TextSink: AnyObject {
  func write(_ text: String)
}

/// Collects everything written, for tests and for `.once`-style capture.
public final class StringSink: TextSink {
  public private(set) var text = ""

  public init() {}

  public func write(_ text: String) { self.text += text }

  public func clear() { text = "" }
}
