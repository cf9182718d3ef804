import Foundation

/// Writes a store as a snapshot file (SnapshotFormat): the projects table column by
/// column, the other tables as their CSV text. A snapshot is a faster way to open data
/// already checked by a load; the CSV files stay the source of truth.
public enum SnapshotWriter {
  /// The snapshot's bytes.
  public static func data(_ store: Store) -> Data {
    let t = store.projects
    var sections: [(SnapshotFormat.Section, Data)] = [
      (.year, bytes(t.year)), (.unitCodes, bytes(t.unit)), (.units, texts(t.units.values)),
      (.seq, bytes(t.seq)), (.nameCodes, bytes(t.name)), (.names, texts(t.names.values)),
      (.fund, bytes(t.fund)), (.budget, bytes(t.budget)), (.initial, bytes(t.initial)), (.spent, bytes(t.spent)),
      (.score, bytes(t.score)), (.grade, bytes(t.grade)), (.ratePoints, bytes(t.ratePoints)),
    ]
    if !store.departments.isEmpty { sections.append((.departments, Data(DatasetWriter.departments(store.departments).utf8))) }
    if !store.funds.isEmpty { sections.append((.funds, Data(DatasetWriter.funds(store.funds).utf8))) }
    if !store.indicators.isEmpty, let text = DatasetWriter.indicators(store.indicators) {
      sections.append((.indicators, Data(text.utf8)))
    }
    // The header, the table, then the sections back to back: every byte is under a checksum.
    var offset = SnapshotFormat.headerSize + SnapshotFormat.entrySize * sections.count
    var table = Data()
    var body = Data()
    for (section, payload) in sections {
      table.append(le(section.rawValue))
      table.append(le(UInt32(section.width)))
      table.append(le(UInt64(offset)))
      table.append(le(UInt64(payload.count)))
      table.append(le(payload.withUnsafeBytes { SnapshotFormat.sectionChecksum($0) }))
      body.append(payload)
      offset += payload.count
    }
    var header = Data(SnapshotFormat.magic)
    header.append(le(SnapshotFormat.version))
    header.append(le(UInt32(sections.count)))
    header.append(le(UInt64(t.count)))
    let check = (header + table).withUnsafeBytes { SnapshotFormat.checksum($0) }
    header.append(le(check))
    return header + table + body
  }

  /// Writes `path` through the one safe writer: whole or not at all, never over a
  /// loaded file, replacing an existing file only with `force`.
  public static func save(
    _ store: Store, to path: String, force: Bool, protected: ProtectedFiles = ProtectedFiles(),
    interrupted: @escaping @Sendable () -> Bool = { false }
  ) throws(WriteError) {
    let options = SafeFile.Options(replace: force, protected: protected, interrupted: interrupted)
    try SafeFile.check(path, options: options)
    try SafeFile.write(data(store), to: path, options: options)
  }

  static func le<T: FixedWidthInteger>(_ v: T) -> Data {
    withUnsafeBytes(of: v.littleEndian) { Data($0) }
  }

  /// A column's elements as little-endian bytes (the machine's own order on every
  /// platform Swift runs this on; the reader checks).
  static func bytes<T: FixedWidthInteger>(_ column: [T]) -> Data {
    column.withUnsafeBytes { Data($0) }
  }

  /// Texts as a count, count + 1 offsets into the UTF-8 bytes, and the bytes.
  static func texts(_ values: [String]) -> Data {
    var offsets: [UInt32] = [0]
    var utf8: [UInt8] = []
    for v in values {
      utf8 += v.utf8
      offsets.append(UInt32(utf8.count))
    }
    var out = le(UInt32(values.count))
    out.append(bytes(offsets))
    out.append(contentsOf: utf8)
    return out
  }
}
