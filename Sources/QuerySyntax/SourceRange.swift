/// A span of statement text, as UTF-8 byte offsets.
///
/// Offsets are cheap to carry on every token; line and display column are worked out
/// only when an error is shown (CJK characters are three bytes but two columns).
public struct SourceRange: Hashable, Sendable {
  public var start: Int
  public var end: Int

  public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = end
  }

  /// The smallest range covering both.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(Swift.min(start, other.start), Swift.max(end, other.end))
  }

  /// The text this range covers in `source`.
  public func text(in source: String) -> String {
    let utf8 = Array(source.utf8)
    let s = Swift.max(0, Swift.min(start, utf8.count))
    let e = Swift.max(s, Swift.min(end, utf8.count))
    return String(decoding: utf8[s..<e], as: UTF8.self)
  }
}
