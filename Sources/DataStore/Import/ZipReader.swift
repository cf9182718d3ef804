import CZlib
import Foundation

/// The parts of a zip archive held in memory, each offset and size checked against the
/// bytes before it is used.
///
/// Workbooks used to be read with ZIPFoundation, which trusts the archive: a directory
/// that starts past the end of the bytes trapped in its in-memory file, and a deflate
/// stream that does not end before the file does made it read on, getting nothing, for
/// ever. Reading a workbook needs little of a zip: the central directory, the local
/// headers, stored or deflated data, and the checksum.
struct ZipReader {
  /// Why a part could not be read.
  enum Problem: Error, Equatable {
    /// No end-of-central-directory record: not a zip at all.
    case notAZip
    /// The central directory is cut short or points outside the bytes.
    case damagedDirectory
    /// ZIP64 (archives over 4 GB) is not read.
    case zip64
    case damaged(String)
    /// The part unpacks to more than the bytes allowed.
    case tooLarge
  }

  struct Entry {
    var method: UInt16
    var flags: UInt16
    var crc: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    var localOffset: Int
  }

  let data: Data
  private(set) var entries: [String: Entry] = [:]

  init(_ data: Data) throws(Problem) {
    self.data = data
    guard let end = ZipReader.endRecord(data) else { throw .notAZip }
    let count = Int(data.u16(end + 10))
    let directoryOffset = Int(data.u32(end + 16))
    if count == 0xFFFF || directoryOffset == 0xFFFF_FFFF { throw .zip64 }
    var p = directoryOffset
    for _ in 0..<count {
      guard p >= 0, p + 46 <= end, data.u32(p) == 0x0201_4B50 else { throw .damagedDirectory }
      let nameLength = Int(data.u16(p + 28))
      let extraLength = Int(data.u16(p + 30))
      let commentLength = Int(data.u16(p + 32))
      let next = p + 46 + nameLength + extraLength + commentLength
      guard next <= end else { throw .damagedDirectory }
      let name = String(decoding: data[(data.startIndex + p + 46)..<(data.startIndex + p + 46 + nameLength)], as: UTF8.self)
      let entry = Entry(
        method: data.u16(p + 10), flags: data.u16(p + 8), crc: data.u32(p + 16), compressedSize: Int(data.u32(p + 20)),
        uncompressedSize: Int(data.u32(p + 24)), localOffset: Int(data.u32(p + 42)))
      if entries[name] == nil { entries[name] = entry }
      p = next
    }
  }

  /// The offset of the end-of-central-directory record: within the last 64 KiB (where a
  /// comment may push it), with its comment inside the bytes.
  static func endRecord(_ data: Data) -> Int? {
    let n = data.count
    guard n >= 22 else { return nil }
    var o = n - 22
    let lowest = max(0, n - 22 - 0xFFFF)
    while o >= lowest {
      if data.u32(o) == 0x0605_4B50 {
        return o + 22 + Int(data.u16(o + 20)) <= n ? o : nil
      }
      o -= 1
    }
    return nil
  }

  /// The unpacked bytes of part `name`, nil when there is none; at most `limit` bytes.
  func part(_ name: String, limit: Int, checkingCRC: Bool) throws(Problem) -> Data? {
    guard let entry = entries[name] else { return nil }
    let local = entry.localOffset
    guard local + 30 <= data.count, data.u32(local) == 0x0403_4B50 else { throw .damaged("its local header is missing") }
    if entry.flags & 1 != 0 { throw .damaged("it is encrypted") }
    let start = local + 30 + Int(data.u16(local + 26)) + Int(data.u16(local + 28))
    let end = start + entry.compressedSize
    guard end <= data.count else { throw .damaged("its data runs past the end of the file") }
    let raw = data[(data.startIndex + start)..<(data.startIndex + end)]
    let out: Data
    switch entry.method {
    case 0:
      guard raw.count <= limit else { throw .tooLarge }
      out = Data(raw)
    case 8:
      out = try ZipReader.inflate(raw, limit: limit)
    default:
      throw .damaged("compression method \(entry.method) is not deflate")
    }
    if checkingCRC {
      let crc = out.withUnsafeBytes { b in
        UInt32(crc32(0, b.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(b.count)))
      }
      guard crc == entry.crc else { throw .damaged("its checksum does not match") }
    }
    return out
  }

  /// Raw deflate data, which must end inside `input`; at most `limit` bytes out.
  static func inflate(_ input: Data, limit: Int) throws(Problem) -> Data {
    // Empty input has no buffer to point zlib at (and no stream in it).
    guard !input.isEmpty else { throw .damaged("its deflate data is empty") }
    var stream = z_stream()
    guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw .damaged("zlib could not start")
    }
    defer { inflateEnd(&stream) }
    var out = Data()
    var buffer = [UInt8](repeating: 0, count: 64 << 10)
    var input = input
    let result: Result<Void, Problem> = input.withUnsafeMutableBytes { (source: UnsafeMutableRawBufferPointer) in
      stream.next_in = source.baseAddress?.assumingMemoryBound(to: Bytef.self)
      stream.avail_in = uInt(source.count)
      while true {
        let (status, produced) = buffer.withUnsafeMutableBufferPointer { b -> (Int32, Int) in
          stream.next_out = b.baseAddress
          stream.avail_out = uInt(b.count)
          let status = CZlib.inflate(&stream, Z_NO_FLUSH)
          return (status, b.count - Int(stream.avail_out))
        }
        if produced > 0 {
          guard out.count + produced <= limit else { return .failure(.tooLarge) }
          out.append(contentsOf: buffer[0..<produced])
        }
        switch status {
        case Z_STREAM_END: return .success(())
        case Z_OK: continue
        // No progress possible: the input is used up before the stream ends.
        case Z_BUF_ERROR: return .failure(.damaged("its deflate data ends before the part does"))
        default: return .failure(.damaged("its deflate data is corrupt"))
        }
      }
    }
    try result.get()
    return out
  }
}

extension Data {
  /// Little-endian integers at a byte offset the caller has checked.
  fileprivate func u16(_ offset: Int) -> UInt16 {
    let i = startIndex + offset
    return UInt16(self[i]) | UInt16(self[i + 1]) << 8
  }

  fileprivate func u32(_ offset: Int) -> UInt32 {
    let i = startIndex + offset
    return UInt32(self[i]) | UInt32(self[i + 1]) << 8 | UInt32(self[i + 2]) << 16 | UInt32(self[i + 3]) << 24
  }
}
