import Glibc

/// An errno value from a failed system call.
public struct SystemCallError: Error, Equatable, Sendable {
  public var code: Int32
  public init(_ code: Int32) { self.code = code }
}

/// Raw writes to a file descriptor, retried when a signal interrupts them.
public enum Descriptor {
  /// Writes all of `bytes`; nil when done, else the errno that stopped it.
  public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
    guard var base = bytes.baseAddress else { return nil }
    var left = bytes.count
    while left > 0 {
      let n = Glibc.write(fd, base, left)
      if n < 0 {
        if errno == EINTR { continue }
        return errno
      }
      if n == 0 { return EIO }
      base += n
      left -= n
    }
    return nil
  }

  /// Writes all of `text`'s UTF-8; nil when done, else the errno that stopped it.
  public static func writeAll(_ fd: Int32, _ text: String) -> Int32? {
    var text = text
    return text.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) }
  }

  /// Reads until end of file; the bytes, or the errno that stopped it.
  public static func readAll(_ fd: Int32, limit: Int = 1 << 30) -> Result<[UInt8], SystemCallError> {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(SystemCallError(errno))
      }
      if count == 0 { return .success(bytes) }
      bytes += chunk[0..<count]
      if bytes.count > limit { return .failure(SystemCallError(EFBIG)) }
    }
  }
}
