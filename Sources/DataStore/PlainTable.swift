#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Codes of plain texts (`PlainText`) found by their bytes: open addressing over the
/// codes, each code's hash kept to grow without hashing again. The texts themselves stay
/// in the dictionary's values, which lookups compare against.
struct PlainTable: Sendable {
  /// Code + 1, 0 for an empty slot.
  private var slots = [UInt32](repeating: 0, count: 64)
  private var hashes: [UInt64] = []

  static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 { ByteInterner.hash(bytes) }

  func find(_ bytes: UnsafeRawBufferPointer, hash h: UInt64, in values: [String]) -> UInt32? {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: h) & mask
    while true {
      let e = slots[slot]
      if e == 0 { return nil }
      let c = Int(e - 1)
      if hashes[c] == h {
        var v = values[c]
        let same = v.withUTF8 { u in u.count == bytes.count && (u.isEmpty || memcmp(u.baseAddress!, bytes.baseAddress!, u.count) == 0) }
        if same { return UInt32(c) }
      }
      slot = (slot + 1) & mask
    }
  }

  /// Adds code `c` (the next code) with its bytes' hash.
  mutating func insert(_ c: UInt32, hash h: UInt64) {
    precondition(Int(c) == hashes.count, "codes are added in order")
    hashes.append(h)
    if hashes.count * 2 > slots.count {
      slots = [UInt32](repeating: 0, count: slots.count * 2)
      for (i, hi) in hashes.enumerated() { place(UInt32(i), hi) }
    } else {
      place(c, h)
    }
  }

  private mutating func place(_ c: UInt32, _ h: UInt64) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: h) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = c + 1
  }
}
