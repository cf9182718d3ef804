/// The layout of a snapshot file (docs/DATASETS.md): a header, a table of sections, and
/// each section's bytes, every number little-endian. The projects table is stored as its
/// columns, so opening one is reading arrays; the small tables ride along as the CSV text
/// `save` writes. Each section carries a checksum, and the header one over itself and the
/// table, so a damaged or cut-short file is refused before any of it is used.
enum SnapshotFormat {
  /// `\x89JXSNAP\n`: not text, and a newline mangled in transit shows.
  static let magic: [UInt8] = [0x89, 0x4A, 0x58, 0x53, 0x4E, 0x41, 0x50, 0x0A]
  /// Version 2 checks a section by blocks (`sectionChecksum`); version 1 checked it whole.
  static let version: UInt32 = 2
  static let headerSize = 32
  static let entrySize = 32
  /// More sections than any version writes; a larger count is damage.
  static let sectionLimit: UInt32 = 64

  /// One section: what it holds and how wide its elements are (0 for text and blobs).
  enum Section: UInt32, CaseIterable, Sendable {
    case year = 1, unitCodes, units, seq, nameCodes, names, fund, budget, initial, spent, score, grade, ratePoints
    case departments = 20, funds, indicators

    var width: Int {
      switch self {
      case .year, .seq, .unitCodes, .nameCodes: 4
      case .fund, .grade: 1
      case .budget, .initial, .spent, .score, .ratePoints: 8
      case .units, .names, .departments, .funds, .indicators: 0
      }
    }

    var label: String {
      switch self {
      case .year: "year"
      case .unitCodes: "unit"
      case .units: "unit texts"
      case .seq: "seq"
      case .nameCodes: "name"
      case .names: "name texts"
      case .fund: "fund"
      case .budget: "budget"
      case .initial: "initial"
      case .spent: "spent"
      case .score: "score"
      case .grade: "grade"
      case .ratePoints: "rate_points"
      case .departments: "departments"
      case .funds: "funds"
      case .indicators: "indicators"
      }
    }
  }

  /// The bytes of one block of a section's checksum: small enough that a block just read
  /// is still in the core's cache when it is checked.
  static let blockSize = 1 << 18

  /// A section's checksum: the checksum of its blocks' checksums (block i seeded with i), so
  /// that the blocks of a large column are read and checked on every core at once.
  static func sectionChecksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    let blocks = (bytes.count + blockSize - 1) / blockSize
    let sums = (0..<blocks).map { b in
      checksum(UnsafeRawBufferPointer(rebasing: bytes[(b * blockSize)..<min(bytes.count, (b + 1) * blockSize)]), seed: UInt64(b))
    }
    return combined(sums)
  }

  /// The section checksum of blocks whose checksums are `sums`, in order.
  static func combined(_ sums: [UInt64]) -> UInt64 {
    sums.map(\.littleEndian).withUnsafeBytes { checksum($0, seed: UInt64(sums.count)) }
  }

  /// A 64-bit checksum in four lanes of multiply–xorshift over 8-byte words, so it runs at
  /// memory speed; a change to any one word always changes it (each step is a bijection).
  static func checksum(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
    let k: UInt64 = 0x9E37_79B9_7F4A_7C15
    var lanes: (UInt64, UInt64, UInt64, UInt64) = (seed ^ 0x243F_6A88_85A3_08D3, seed ^ 0x1319_8A2E_0370_7344, seed ^ 0xA409_3822_299F_31D0, seed ^ 0x082E_FA98_EC4E_6C89)
    @inline(__always) func mix(_ h: UInt64, _ w: UInt64) -> UInt64 {
      let x = (h ^ w) &* k
      return x ^ (x >> 29)
    }
    let n = bytes.count
    var i = 0
    if let base = bytes.baseAddress {
      while i + 32 <= n {
        lanes.0 = mix(lanes.0, base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        lanes.1 = mix(lanes.1, base.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
        lanes.2 = mix(lanes.2, base.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
        lanes.3 = mix(lanes.3, base.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
        i += 32
      }
      while i < n {
        lanes.0 = mix(lanes.0, UInt64(base.load(fromByteOffset: i, as: UInt8.self)) | 0x100)
        i += 1
      }
    }
    var h = mix(UInt64(n), lanes.0)
    h = mix(h, lanes.1)
    h = mix(h, lanes.2)
    return mix(h, lanes.3)
  }
}
