import Foundation
import CRecordScan

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

  /// The same check over bytes in place, sixteen at a time (`jixiao_utf8_valid`).
  public static func isUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let p = b.baseAddress else { return true }
    return jixiao_utf8_valid(p, Int64(b.count)) != 0
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
