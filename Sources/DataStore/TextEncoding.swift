import Foundation

/// The character encodings dataset files arrive in. Chinese Excel saves CSV as GB18030
/// (GBK) unless told otherwise, so `auto` reads UTF-8 when the bytes are valid UTF-8
/// and GB18030 otherwise.
public enum TextEncoding: String, CaseIterable, Sendable {
  case auto
  case utf8 = "utf-8"
  case gb18030

  /// Reads `--encoding` spellings: utf8, utf-8, gbk, gb2312, gb18030, auto.
  public init?(name: String) {
    switch name.lowercased() {
    case "auto": self = .auto
    case "utf8", "utf-8": self = .utf8
    case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
    default: return nil
    }
  }

  /// The bytes as UTF-8, or nil when they are not text in this encoding.
  public func utf8(_ data: Data) -> Data? {
    switch self {
    case .utf8:
      return TextEncoding.isUTF8(data) ? data : nil
    case .gb18030:
      return TextEncoding.convert(data, from: "GB18030")
    case .auto:
      if TextEncoding.isUTF8(data) { return data }
      return TextEncoding.convert(data, from: "GB18030")
    }
  }

  /// Whether the bytes are valid UTF-8, checked in place (a 1 GB file is not copied
  /// into a String to find out).
  public static func isUTF8(_ data: Data) -> Bool {
    data.withUnsafeBytes { raw in isUTF8(raw.bindMemory(to: UInt8.self)) }
  }

  /// The same check over bytes in place.
  ///
  /// Runs of ASCII go eight bytes at a time, and the three-byte sequences of Chinese text
  /// (lead bytes E1–EC, EE, EF, whose second byte has the plain 80–BF range) take one test
  /// of both continuation bytes: most of a dataset file is one or the other.
  public static func isUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let p = b.baseAddress else { return true }
    var i = 0
    let n = b.count
    while i < n {
      let c = p[i]
      if c < 0x80 {
        i += 1
        while i + 8 <= n, UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
          i += 8
        }
        continue
      }
      if c &- 0xE1 < 0x0C || c &- 0xEE < 0x02 {
        guard i + 3 <= n, (UInt16(p[i + 1]) | UInt16(p[i + 2]) << 8) & 0xC0C0 == 0x8080 else { return false }
        i += 3
        continue
      }
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch c {
      case 0xC2...0xDF: length = 2
      case 0xE0: length = 3; low = 0xA0
      case 0xED: length = 3; high = 0x9F
      case 0xF0: length = 4; low = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4: length = 4; high = 0x8F
      default: return false
      }
      guard i + length <= n else { return false }
      let second = p[i + 1]
      guard second >= low && second <= high else { return false }
      for k in 2..<max(length, 2) where k < length {
        guard p[i + k] & 0xC0 == 0x80 else { return false }
      }
      i += length
    }
    return true
  }

  /// Converts with iconv; nil on any invalid or incomplete sequence.
  static func convert(_ data: Data, from encoding: String) -> Data? {
    let cd = iconv_open("UTF-8", encoding)
    guard cd != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(cd) }
    var input = [UInt8](data)
    // GB18030 takes 1, 2 or 4 bytes per character and UTF-8 at most 4: twice is enough.
    var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
    let written: Int? = input.withUnsafeMutableBufferPointer { inBuf in
      output.withUnsafeMutableBufferPointer { outBuf -> Int? in
        var inPtr = UnsafeMutableRawPointer(inBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
        var outPtr = UnsafeMutableRawPointer(outBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
        var inLeft = inBuf.count
        var outLeft = outBuf.count
        let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
        if r == -1 || inLeft != 0 { return nil }
        return outBuf.count - outLeft
      }
    }
    return written.map { Data(output.prefix($0)) }
  }
}
