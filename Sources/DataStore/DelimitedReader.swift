import CRecordScan
/// An RFC 4180 CSV reader over bytes, with `,`, `;` or tab between fields.
///
/// It walks the file's UTF-8 bytes once, never building a String per row: each record
/// is handed to the caller as ranges into a reusable buffer, so loading millions of rows
/// allocates nothing per row. Accepts a UTF-8 BOM, LF, CRLF or lone CR line ends (old
/// Mac Excel wrote CR alone), quoted fields with doubled quotes and line breaks inside
/// quotes. A NUL byte is refused: text files have none, so it is a binary or UTF-16 file.
public struct DelimitedReader {
  /// Why the bytes are not well-formed CSV.
  public enum Problem: Error, Equatable, Sendable {
    /// A quoted field runs to the end of the file.
    case unterminatedQuote(line: Int, field: Int)
    /// Text follows a closing quote, as in `"a"b`.
    case textAfterQuote(line: Int, field: Int)
    /// The limit on fields per record was exceeded.
    case tooManyFields(line: Int, limit: Int)
    /// A NUL byte, which no text file holds.
    case nulByte(line: Int, field: Int)
  }

  /// The most fields one record may have; beyond that the file is refused.
  public static let fieldLimit = 4096

  /// The bytes read: a whole file, or a file with a piece of it to read (`limit`).
  let bytes: UnsafeBufferPointer<UInt8>
  /// The byte between fields: `,`, or `;` / tab for files that European Excel and
  /// spreadsheets' "text (tab-delimited)" write.
  public let separator: UInt8
  private var position: Int
  /// No record starts at or after this offset: a piece of a file ends there, or a
  /// streamed piece has claimed its bytes to there (`PieceSplits`), and moves it on.
  var limit: Int
  /// 1-based line number where the next record starts.
  public private(set) var line = 1

  /// The current record's fields. A field is read in place, as a range of `bytes`; only
  /// a quoted field with a doubled quote is copied (into `scratch`), and its range is
  /// then offset by `scratchBase`.
  /// (A copy; `fieldCount` and `field(_:)` read them in place.)
  public var fields: [Range<Int>] { Array(UnsafeBufferPointer(start: bounds.base, count: fieldCount)) }
  /// How many fields the current record has.
  public private(set) var fieldCount = 0
  /// Whether a record without quotes is read in one pass (`plainRecord`); tests turn it
  /// off to compare that pass with the field-by-field reading on the same bytes.
  var readsPlainRecordsWhole = true
  /// Where the fields are kept: memory of its own, not an array, so that recording a
  /// field checks neither uniqueness nor capacity (those checks were a tenth of the
  /// reader's time). Copies of a reader share it; only the reader that reads on uses it.
  private let bounds = Bounds()
  /// Contents of the current record's quoted fields that held a doubled quote.
  private(set) var scratch: [UInt8] = []
  /// Ranges at or above this offset are in `scratch`.
  let scratchBase: Int
  /// How far into the bytes the reader is.
  public var offset: Int { position }
  /// Where the current record ended (after its line end).
  public private(set) var recordEnd = 0

  /// The line the current record started on.
  public private(set) var recordLine = 0

  public init(bytes: UnsafeBufferPointer<UInt8>, separator: UInt8 = UInt8(ascii: ",")) {
    var start = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
    self.init(bytes: bytes, separator: separator, from: start, to: bytes.count, line: 1)
  }

  /// A reader of the records that start in `from..<to`, `from` being the start of a
  /// line (numbered `line`) outside quotes; a record may run past `to`.
  init(bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, from: Int, to: Int, line: Int) {
    self.bytes = bytes
    self.separator = separator
    position = from
    limit = to
    self.line = line
    scratchBase = bytes.count + 1
  }

  /// Reads the next record; false at the end of the input (or of the piece).
  ///
  /// Blank lines are skipped.
  public mutating func next() throws(Problem) -> Bool {
    let n = bytes.count
    while position < n {
      let b = bytes[position]
      if b == 0x0A {
        position += 1
        line += 1
      } else if b == 0x0D {
        position += position + 1 < n && bytes[position + 1] == 0x0A ? 2 : 1
        line += 1
      } else {
        break
      }
    }
    guard position < limit else { return false }
    if !scratch.isEmpty { scratch.removeAll(keepingCapacity: true) }
    recordLine = line
    if readsPlainRecordsWhole, plainRecord() { return true }
    return try quotedRecord()
  }

  /// Reads a record that has no quoted field and no NUL byte and ends in a line end
  /// within the bytes; false, with nothing moved, for any other (which `quotedRecord`
  /// reads). One pass over the record, sixteen bytes at a time (`jixiao_plain_record`),
  /// rather than one search per field.
  @inline(__always)
  private mutating func plainRecord() -> Bool {
    guard let base = bytes.baseAddress else { return false }
    var fields: Int64 = 0
    let end = UnsafeMutableRawPointer(bounds.base).withMemoryRebound(to: Int64.self, capacity: 2 * bounds.capacity) {
      jixiao_plain_record(base, Int64(bytes.count), Int64(position), separator, $0, Int64(bounds.capacity), &fields)
    }
    guard end >= 0 else { return false }
    fieldCount = Int(fields)
    position = Int(end)
    recordEnd = Int(end)
    line += 1
    return true
  }

  /// Reads the record at `position` field by field: quoted fields, a record that runs to
  /// the end of the bytes, NUL bytes and too many fields.
  private mutating func quotedRecord() throws(Problem) -> Bool {
    let n = bytes.count
    fieldCount = 0
    let quote = UInt8(ascii: "\"")
    let separator = separator
    while true {
      if position < n, bytes[position] == quote {
        position += 1
        let contentStart = position
        var contentEnd = position
        // Set once a doubled quote is met: from then on the field is built in scratch.
        var copyStart = -1
        var closed = false
        while position < n {
          let b = bytes[position]
          if b == quote {
            if position + 1 < n, bytes[position + 1] == quote {
              if copyStart < 0 {
                copyStart = scratch.count
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[contentStart..<position]))
              }
              scratch.append(b)
              position += 2
            } else {
              contentEnd = position
              position += 1
              closed = true
              break
            }
          } else {
            // Lines are counted as outside quotes: LF, CR LF or a lone CR is one.
            if b == 0x0A || (b == 0x0D && (position + 1 == n || bytes[position + 1] != 0x0A)) { line += 1 }
            if b == 0 { throw .nulByte(line: line, field: fieldCount + 1) }
            if copyStart >= 0 { scratch.append(b) }
            position += 1
          }
        }
        if !closed { throw .unterminatedQuote(line: recordLine, field: fieldCount + 1) }
        if position < n {
          let b = bytes[position]
          if b != separator && b != 0x0A && b != 0x0D {
            throw .textAfterQuote(line: line, field: fieldCount + 1)
          }
        }
        if copyStart >= 0 {
          record((scratchBase + copyStart)..<(scratchBase + scratch.count))
        } else {
          record(contentStart..<contentEnd)
        }
      } else {
        // An unquoted field is read in place: only its end is looked for, eight bytes at
        // a time while none of them is the separator, a line end or NUL.
        let fieldStart = position
        if let base = bytes.baseAddress {
          let ones: UInt64 = 0x0101_0101_0101_0101
          let sep = ones &* UInt64(separator)
          @inline(__always) func zeroByte(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & 0x8080_8080_8080_8080 }
          while position + 8 <= n {
            let w = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
            let hits = zeroByte(w ^ sep) | zeroByte(w ^ (ones &* 0x0A)) | zeroByte(w ^ (ones &* 0x0D)) | zeroByte(w)
            if hits != 0 {
              // The lowest flagged byte (little-endian) is the first such byte (a flag can be wrong only
              // above a right one).
              position += hits.trailingZeroBitCount >> 3
              break
            }
            position += 8
          }
        }
        while position < n {
          let b = bytes[position]
          if b == separator || b == 0x0A || b == 0x0D || b == 0 { break }
          position += 1
        }
        if position < n, bytes[position] == 0 { throw .nulByte(line: line, field: fieldCount + 1) }
        record(fieldStart..<position)
      }
      if fieldCount > DelimitedReader.fieldLimit {
        throw .tooManyFields(line: recordLine, limit: DelimitedReader.fieldLimit)
      }
      if position < n, bytes[position] == separator {
        position += 1
        continue
      }
      // End of record.
      if position < n {
        if bytes[position] == 0x0D { position += 1 }
        if position < n, bytes[position] == 0x0A { position += 1 }
        line += 1
      }
      recordEnd = position
      return true
    }
  }

  /// Adds a field to the current record, making room when the record is wider than any
  /// before it.
  private mutating func record(_ r: Range<Int>) {
    if fieldCount == bounds.capacity { bounds.grow() }
    bounds.base[fieldCount] = r
    fieldCount += 1
  }

  /// Field `i` of the current record (`i < fieldCount`).
  @inline(__always)
  public func field(_ i: Int) -> Range<Int> { bounds.base[i] }

  /// Memory for a record's field ranges, grown as wider records come.
  private final class Bounds {
    private(set) var base: UnsafeMutablePointer<Range<Int>>
    private(set) var capacity = 64

    init() { base = .allocate(capacity: capacity) }

    func grow() {
      let wider = UnsafeMutablePointer<Range<Int>>.allocate(capacity: capacity * 2)
      wider.moveInitialize(from: base, count: capacity)
      base.deallocate()
      base = wider
      capacity *= 2
    }

    deinit { base.deallocate() }
  }

  /// Calls `body` with the raw bytes of field `i`.
  @inline(__always)
  public func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    precondition(i >= 0 && i < fieldCount, "field out of range")
    let r = bounds.base[i]
    if r.lowerBound >= scratchBase {
      return scratch.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[(r.lowerBound - scratchBase)..<(r.upperBound - scratchBase)])) }
    }
    return body(UnsafeBufferPointer(rebasing: bytes[r]))
  }

  /// The text of field `i` of the current record, with surrounding spaces removed.
  ///
  /// Trimmed as bytes: comparing Characters (by canonical equivalence) for the spaces was
  /// most of the time of reading an indicators file. Where a trimmed space meets a
  /// character that might join it into one Character (a combining mark), the text is
  /// trimmed by Characters, as `trimmingSpaces` does.
  public func text(_ i: Int) -> String {
    withBytes(i) { bytes in
      guard let range = Self.trimmed(bytes) else { return String(decoding: bytes, as: UTF8.self).trimmingSpaces() }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
  }

  /// Calls `body` with field `i`'s bytes with surrounding spaces removed, as `text(i)`
  /// would remove them, when that can be done on the bytes (see `trimmed`); nil otherwise.
  func withTrimmedBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
    withBytes(i) { bytes in Self.trimmed(bytes).map { body(UnsafeBufferPointer(rebasing: bytes[$0])) } }
  }

  /// The bytes without leading and trailing spaces, tabs and ideographic spaces (U+3000),
  /// when trimming them as bytes is trimming them as Characters: nil when a trimmed space
  /// touches a character other than ASCII or a CJK ideograph (U+4000–U+9FFF), which
  /// could join it into one Character (a combining mark after it, a prepended mark before).
  static func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
    var s = 0
    var e = b.count
    while s < e {
      if b[s] == 0x20 || b[s] == 0x09 {
        s += 1
      } else if b[s] == 0xE3, s + 2 < e, b[s + 1] == 0x80, b[s + 2] == 0x80 {
        s += 3
      } else {
        break
      }
    }
    while e > s {
      if b[e - 1] == 0x20 || b[e - 1] == 0x09 {
        e -= 1
      } else if e - s >= 3, b[e - 3] == 0xE3, b[e - 2] == 0x80, b[e - 1] == 0x80 {
        e -= 3
      } else {
        break
      }
    }
    // The first kept character, after a trimmed space.
    if s > 0, s < e, b[s] >= 0x80, !(0xE4...0xE9).contains(b[s]) { return nil }
    // The last kept character, before a trimmed space: back over its continuation bytes.
    if e < b.count, e > s, b[e - 1] >= 0x80 {
      var lead = e - 1
      while lead > s, b[lead] & 0xC0 == 0x80, e - lead < 4 { lead -= 1 }
      if !(0xE4...0xE9).contains(b[lead]) || e - lead != 3 { return nil }
    }
    return s..<e
  }

  /// Whether field `i` is empty or only spaces.
  public func isBlank(_ i: Int) -> Bool {
    withBytes(i) { p in
      for b in p where b != 0x20 && b != 0x09 { return false }
      return true
    }
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and ideographic spaces.
  func trimmingSpaces() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
    guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
    guard let last = lastIndex(where: { !isSpace($0) }) else { return "" }
    return String(self[first...last])
  }
}
