/// Tells a dataset file's layout by its header: the byte between fields, and for a file
/// whose name does not say it (an `export csv` of a listing, a colleague's `data.csv`) the
/// kind: the one all of whose required columns the header names, the one naming most of its
/// columns when several do.
enum HeaderKind {
  /// The bytes that may separate fields, in the order preferred when the header does not decide.
  static let separators: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09]

  /// Every column name any kind knows, normalised.
  static let knownNames = Set(DatasetKind.allCases.flatMap { $0.columns.flatMap(\.names) })

  /// The kind, or an error that says what each kind's header needs.
  static func kind(of file: String, header: [String]) throws(LoadError) -> DatasetKind {
    var best: (kind: DatasetKind, matched: Int)?
    // Each cell normalised once; a header wider than a record may be is refused by the
    // reader, so the cells past that limit need no look.
    let names = Set(header.prefix(DelimitedReader.fieldLimit + 1).map(ColumnSpec.normalize))
    for kind in DatasetKind.allCases {
      let columns = kind.columns
      let required = columns.filter(\.required)
      guard required.allSatisfy({ $0.names.contains(where: names.contains) }) else { continue }
      let matched = columns.filter { $0.names.contains(where: names.contains) }.count
      if best == nil || matched > best!.matched { best = (kind, matched) }
    }
    if let best { return best.kind }
    let shown = header.prefix(6).joined(separator: ", ") + (header.count > 6 ? ", …" : "")
    let needs = DatasetKind.allCases.map { kind in
      "\(kind.rawValue) (\(kind.columns.filter(\.required).map(\.key).joined(separator: ", ")))"
    }
    throw LoadError(
      file: file,
      message: "not a dataset file: its header (\(shown)) names no kind's required columns; expected a header row, separated by commas, semicolons or tabs, with the columns of \(needs.joined(separator: ", "))")
  }

  /// The separator of a file: the one of `,` `;` tab that splits its first line into the
  /// most known column names (a comma when none does). Told from the header rather than the
  /// file name, since a `.csv` from European Excel holds semicolons and a `.txt` tabs.
  static func separator(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
    let line = firstLine(bytes)
    var best = (separator: separators[0], known: 0)
    for separator in separators {
      let known = cells(line, separator: separator).prefix(DelimitedReader.fieldLimit + 1).count { knownNames.contains(ColumnSpec.normalize($0)) }
      if known > best.known { best = (separator, known) }
    }
    return best.separator
  }

  /// The cells of the first line of a dataset file, split at its separator.
  static func header(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
    cells(firstLine(bytes), separator: separator(bytes))
  }

  /// The first line's text, without a byte order mark.
  private static func firstLine(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    var start = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
    var end = start
    while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }

  private static func cells(_ line: String, separator: UInt8) -> [String] {
    line.split(separator: Character(Unicode.Scalar(separator)), omittingEmptySubsequences: false).map {
      var cell = String($0).trimmingSpaces()
      if cell.hasPrefix("\""), cell.hasSuffix("\""), cell.count >= 2 { cell = String(cell.dropFirst().dropLast()) }
      return cell
    }
  }
}
