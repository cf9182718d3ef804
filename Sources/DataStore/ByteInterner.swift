/// Maps the UTF-8 bytes of a cell straight to its `TextDictionary` code, so a loader
/// turns millions of repeated names into codes without building a String per cell.
///
/// Only the first occurrence of each distinct byte sequence goes to the dictionary, so
/// text that Swift considers equal under canonical equivalence but spells with different
/// bytes still shares one code. That
/// first occurrence is also where the bytes are checked for UTF-8: a streamed file's
/// texts are checked once per distinct text, not once per cell.
struct ByteInterner {
  /// Every distinct byte sequence seen, back to back.
  private var arena: [UInt8] = []
  /// Start of entry i in `arena`; entry i ends at `starts[i + 1]`.
  private var starts: [Int] = [0]
  /// The dictionary code of entry i.
  private var codes: [UInt32] = []
  private var hashes: [UInt64] = []
  /// Open addressing: entry index + 1 in the low half, 0 for an empty slot, and the top
  /// half of the entry's hash in the high half. A probe compares the hash in the slot it
  /// has already loaded: with 400,000 unit names the table is megabytes, and looking the
  /// hash up in `hashes` was a second cache miss per probe.
  private var slots: [UInt64]
  private var mask: Int
  /// The entry the last cell had: rows of one unit come together, so most unit cells
  /// are the one before and are found without hashing.
  private var lastEntry = -1
  /// Whether new texts get codes of the interner's own instead of going to a dictionary:
  /// a later piece of a file leaves its texts to `absorb`, which finds most of them by
  /// their bytes among the first piece's, so that only texts new to the whole file become
  /// Strings (at 10 M rows the second piece made, then dropped, 400,000 unit Strings).
  let defers: Bool
  /// With `defers`: how many codes are given, and the code of each text given so far that
  /// is not plain (texts that are not their own normal form join by canonical equivalence,
  /// as in a dictionary; a plain text is equivalent to no other spelling).
  private(set) var ownCodes = 0
  private var notPlain: [String: UInt32] = [:]

  /// - Parameter reserving: entries (and 32 bytes of text each) to reserve room for
  ///   up front. Only address space until written: each doubling of a growing array
  ///   copied it into pages the kernel had to zero, and at 400,000 units that was
  ///   tens of megabytes per piece.
  init(capacity: Int = 1024, reserving: Int = 0, defers: Bool = false) {
    var size = 64
    while size < capacity * 2 { size <<= 1 }
    slots = [UInt64](repeating: 0, count: size)
    mask = size - 1
    self.defers = defers
    if reserving > 0 {
      arena.reserveCapacity(reserving * 32)
      starts.reserveCapacity(reserving + 1)
      codes.reserveCapacity(reserving)
      hashes.reserveCapacity(reserving)
      HugePages.advise(&arena)
      HugePages.advise(&starts)
      HugePages.advise(&hashes)
    }
  }

  /// The slot value of entry `entry` with hash `h`.
  @inline(__always)
  private static func slotValue(_ entry: Int, _ h: UInt64) -> UInt64 {
    h & 0xFFFF_FFFF_0000_0000 | UInt64(entry + 1)
  }

  @inline(__always)
  static func hash(_ p: UnsafeRawBufferPointer) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(p.count)
    var i = 0
    let n = p.count
    while i + 8 <= n {
      let w = p.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      h = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
      h ^= h >> 29
      i += 8
    }
    var tail: UInt64 = 0
    if i < n {
      if n >= 8 {
        // The last eight bytes, overlapping the words already taken: one load, not a loop.
        tail = p.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
      } else {
        var shift: UInt64 = 0
        while i < n {
          tail |= UInt64(p[i]) << shift
          shift += 8
          i += 1
        }
      }
    }
    h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
    h ^= h >> 31
    return h
  }

  /// Whether `n` bytes at `a` and `b` are equal: cells are a few dozen bytes, where a call
  /// to memcmp cost more than the comparing.
  @inline(__always)
  static func same(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ n: Int) -> Bool {
    var i = 0
    while i + 8 <= n {
      if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
      i += 8
    }
    while i < n {
      if a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
      i += 1
    }
    return true
  }

  /// Whether entry `entry` is these bytes.
  @inline(__always)
  private func holds(_ entry: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
    let s = starts[entry]
    let len = starts[entry + 1] - s
    guard len == bytes.count else { return false }
    return len == 0 || arena.withUnsafeBytes { ByteInterner.same($0.baseAddress! + s, bytes.baseAddress!, len) }
  }

  /// The code of `bytes` in `dictionary`, adding the text when new; nil when the bytes
  /// are new and not UTF-8.
  ///
  /// Before hashing, the cell is compared with the last cell's entry and the entry made
  /// after it: a file ordered by year and then unit lists the units in the same order each
  /// year, so a new unit is most often the next one first seen the year before.
  mutating func code(_ bytes: UnsafeRawBufferPointer, _ dictionary: inout TextDictionary) -> UInt32? {
    if lastEntry >= 0, holds(lastEntry, bytes) { return codes[lastEntry] }
    if let code = followingLast(bytes) { return code }
    return code(bytes, hash: ByteInterner.hash(bytes), &dictionary, checking: true)
  }

  /// The same, with the bytes' hash already known; `checking` false for bytes known to
  /// be UTF-8.
  mutating func code(_ bytes: UnsafeRawBufferPointer, hash h: UInt64, _ dictionary: inout TextDictionary, checking: Bool) -> UInt32? {
    var slot = Int(truncatingIfNeeded: h) & mask
    let tag = h & 0xFFFF_FFFF_0000_0000
    while true {
      let e = slots[slot]
      if e == 0 { break }
      let entry = Int(truncatingIfNeeded: e & 0xFFFF_FFFF) - 1
      if e & 0xFFFF_FFFF_0000_0000 == tag, holds(entry, bytes) {
        lastEntry = entry
        return codes[entry]
      }
      slot = (slot + 1) & mask
    }
    if checking, !TextEncoding.isUTF8(bytes.bindMemory(to: UInt8.self)) { return nil }
    let code = defers ? ownCode(bytes) : dictionary.code(utf8: bytes)
    arena.append(contentsOf: bytes)
    starts.append(arena.count)
    codes.append(code)
    hashes.append(h)
    slots[slot] = ByteInterner.slotValue(codes.count - 1, h)
    lastEntry = codes.count - 1
    if codes.count * 2 > slots.count { grow() }
    return code
  }

  /// For each code the interner gave (with `defers`), the hash of the bytes it was first
  /// given for: the text an equivalent spelling shares its code with.
  var codeHashes: [UInt64] {
    var out = [UInt64](repeating: 0, count: ownCodes)
    var seen = [Bool](repeating: false, count: ownCodes)
    for entry in codes.indices where !seen[Int(codes[entry])] {
      seen[Int(codes[entry])] = true
      out[Int(codes[entry])] = hashes[entry]
    }
    return out
  }

  /// The code, with `defers`, of new UTF-8 bytes: the code of an equivalent text given
  /// before, or the next one.
  private mutating func ownCode(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
    if !PlainText.isPlain(bytes) {
      let text = String(decoding: bytes, as: UTF8.self)
      if let code = notPlain[text] { return code }
      notPlain[text] = UInt32(ownCodes)
    }
    ownCodes += 1
    return UInt32(ownCodes - 1)
  }

  /// The code of a text the general reader took (trimmed): from the dictionary, or with
  /// `defers` one of the interner's own, given to its bytes.
  mutating func code(text: String, _ dictionary: inout TextDictionary) -> UInt32 {
    guard defers else { return dictionary.code(for: text) }
    var text = text
    return text.withUTF8 { bytes in
      let raw = UnsafeRawBufferPointer(bytes)
      return code(raw, hash: ByteInterner.hash(raw), &dictionary, checking: false) ?? 0
    }
  }

  /// Maps every code of `otherDictionary` (which `other` fed), or of `other`'s own when it
  /// defers, to a code of `dictionary` (which this interner feeds), adding what is new to
  /// both.
  mutating func absorb(_ other: ByteInterner, otherDictionary: TextDictionary, into dictionary: inout TextDictionary) -> [UInt32] {
    if other.defers { return absorbOwnCodes(of: other, into: &dictionary) }
    // Codes in the other dictionary's order (first occurrence in its piece), so the joined
    // dictionary orders texts as one reading of the whole file would.
    var entryOf = [Int](repeating: -1, count: otherDictionary.count)
    for entry in 0..<other.codes.count where entryOf[Int(other.codes[entry])] < 0 { entryOf[Int(other.codes[entry])] = entry }
    var map = [UInt32](repeating: 0, count: otherDictionary.count)
    other.arena.withUnsafeBytes { arena in
      for local in 0..<map.count {
        let entry = entryOf[local]
        if entry < 0 {
          // A text the other piece took through the general reader (trimmed) has no bytes entry.
          map[local] = dictionary.code(for: otherDictionary[UInt32(local)])
          continue
        }
        let s = other.starts[entry]
        let bytes = UnsafeRawBufferPointer(rebasing: arena[s..<other.starts[entry + 1]])
        map[local] = find(bytes, hash: other.hashes[entry], &dictionary)
      }
    }
    return map
  }

  /// `absorb` of an interner that gave codes of its own: each code's first entry, in the
  /// order the texts came, so the joined dictionary orders them as one reading would.
  private mutating func absorbOwnCodes(of other: ByteInterner, into dictionary: inout TextDictionary) -> [UInt32] {
    var map = [UInt32](repeating: UInt32.max, count: other.ownCodes)
    other.arena.withUnsafeBytes { arena in
      for entry in 0..<other.codes.count where map[Int(other.codes[entry])] == UInt32.max {
        let bytes = UnsafeRawBufferPointer(rebasing: arena[other.starts[entry]..<other.starts[entry + 1]])
        map[Int(other.codes[entry])] = find(bytes, hash: other.hashes[entry], &dictionary)
      }
    }
    return map
  }

  /// The code of bytes another interner checked: the entry after the last one found
  /// first (the pieces of a file ordered by year then unit meet the units in the same
  /// order), then the hash table.
  private mutating func find(_ bytes: UnsafeRawBufferPointer, hash: UInt64, _ dictionary: inout TextDictionary) -> UInt32 {
    followingLast(bytes) ?? code(bytes, hash: hash, &dictionary, checking: false) ?? 0
  }

  /// The code of the entry made after the last one found, when it holds these bytes (it
  /// then becomes the last one).
  @inline(__always)
  private mutating func followingLast(_ bytes: UnsafeRawBufferPointer) -> UInt32? {
    let next = lastEntry + 1
    guard lastEntry >= 0, next < codes.count, holds(next, bytes) else { return nil }
    lastEntry = next
    return codes[next]
  }

  private mutating func grow() {
    let size = slots.count * 2
    slots = []
    slots.reserveCapacity(size)
    HugePages.advise(&slots)
    slots.append(contentsOf: repeatElement(0, count: size))
    mask = size - 1
    for (i, h) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: h) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = ByteInterner.slotValue(i, h)
    }
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
