import Glibc

/// Conversions between Swift strings and libedit's `wchar_t` buffers.
///
/// `wchar_t` is a 32-bit code point on Linux (`Int32`), so each element is one Unicode
/// scalar; anything that is not a valid scalar becomes U+FFFD rather than trapping.
enum WideText {
  /// The scalars in `[start, end)` of a libedit buffer as a string.
  static func string(from start: UnsafePointer<wchar_t>, to end: UnsafePointer<wchar_t>) -> String {
    var scalars = String.UnicodeScalarView()
    var cursor = start
    while cursor < end {
      scalars.append(scalar(cursor.pointee))
      cursor += 1
    }
    return String(scalars)
  }

  /// The first `count` elements of a libedit buffer as a string.
  static func string(from start: UnsafePointer<wchar_t>, count: Int) -> String {
    string(from: start, to: start + max(0, count))
  }

  /// A NUL-terminated libedit string (a history entry) as a string.
  static func string(from start: UnsafePointer<wchar_t>) -> String {
    var end = start
    while end.pointee != 0 { end += 1 }
    return string(from: start, to: end)
  }

  /// One buffer element as a scalar.
  static func scalar(_ element: wchar_t) -> Unicode.Scalar {
    Unicode.Scalar(UInt32(bitPattern: element)) ?? "\u{FFFD}"
  }

  /// A NUL-terminated wide copy of `text` for the duration of `body`.
  static func withWide<Result>(
    _ text: String, _ body: (UnsafePointer<wchar_t>) -> Result
  ) -> Result {
    var wide = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
    wide.append(0)
    return wide.withUnsafeBufferPointer { body($0.baseAddress!) }
  }

  /// A heap NUL-terminated wide copy of `text` (what `wcsdup` would give), for storage
  /// libedit reads after the call that set it; release it with `deallocate()`.
  static func duplicate(_ text: String) -> UnsafeMutablePointer<wchar_t> {
    var wide = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
    wide.append(0)
    let copy = UnsafeMutablePointer<wchar_t>.allocate(capacity: wide.count)
    copy.initialize(from: wide, count: wide.count)
    return copy
  }
}
