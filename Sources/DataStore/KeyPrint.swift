/// A fingerprint of a table's keys (year, unit, seq) in row order, kept by a load that did
/// not keep the key columns: the load that reads every column later must find the same
/// keys in the same rows, or the file changed in between.
///
/// It is a sum of one term per row, weight(unit) · mix(year, seq) · (2·row + 1) in
/// wrapping arithmetic, so that a piece read on its own keeps two sums per unit (of the
/// mixes, and of the mixes times its own row terms) and the pieces add up, once their
/// offsets in the joined table are known, to the whole file's. A unit's weight comes from
/// the hash of its text's bytes (`ByteInterner.hash`), so the load that took the print
/// needs no dictionary of unit texts. A changed, added or removed key changes it, so does
/// a renamed unit, and so does a key moved to another row.
struct KeyPrint: Equatable, Sendable {
  private(set) var value: UInt64 = 0

  init() {}

  /// The fingerprint of these columns (a table's own, read again).
  init(year: [Int32], unit: [UInt32], units: TextDictionary, seq: [Int32]) {
    let weights = units.values.map { text in
      var text = text
      return KeyPrint.weight(textHash: text.withUTF8 { ByteInterner.hash(UnsafeRawBufferPointer($0)) })
    }
    for r in year.indices {
      value &+= weights[Int(unit[r])] &* KeyPrint.mix(year[r], seq[r]) &* KeyPrint.rowTerm(r)
    }
  }

  /// The splitmix64 finalizer of the packed (year, seq): spreads keys that differ in a
  /// bit over the whole word.
  @inline(__always)
  static func mix(_ year: Int32, _ seq: Int32) -> UInt64 {
    var z = UInt64(UInt32(bitPattern: year)) << 32 | UInt64(UInt32(bitPattern: seq))
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Odd, so that no unit's rows vanish from the sum.
  @inline(__always)
  static func weight(textHash h: UInt64) -> UInt64 {
    mix(Int32(truncatingIfNeeded: h >> 32), Int32(truncatingIfNeeded: h)) | 1
  }

  @inline(__always)
  static func rowTerm(_ row: Int) -> UInt64 { UInt64(truncatingIfNeeded: 2 &* row &+ 1) }

  /// Adds a piece's rows of one unit: `sum` of their mixes and `weighted`, the mixes
  /// times their row terms counted from the piece's start, which starts at row `offset`
  /// of the table; `textHash` is the hash of the unit's text.
  mutating func add(textHash: UInt64, sum: UInt64, weighted: UInt64, offset: Int) {
    value &+= KeyPrint.weight(textHash: textHash) &* (weighted &+ UInt64(truncatingIfNeeded: 2 &* offset) &* sum)
  }
}
