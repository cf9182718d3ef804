/// Tells a dataset file's kind by its header, for a file whose name does not say it (an
/// `export csv` of a listing, a colleague's `data.csv`): the kind all of whose required
/// columns the header names, the one naming most of its columns when several do.
enum HeaderKind {
  /// The kind, or an error that says what each kind needs.
  static func kind(of file: String, header: [String]) throws(LoadError) -> DatasetKind {
    var best: (kind: DatasetKind, matched: Int)?
    for kind in DatasetKind.allCases {
      let columns = kind.columns
      let required = columns.filter(\.required)
      guard required.allSatisfy({ spec in header.contains { spec.matches($0) } }) else { continue }
      let matched = columns.filter { spec in header.contains { spec.matches($0) } }.count
      if best == nil || matched > best!.matched { best = (kind, matched) }
    }
    if let best { return best.kind }
    let shown = header.prefix(6).joined(separator: ", ") + (header.count > 6 ? ", …" : "")
    let needs = DatasetKind.projects.columns.filter(\.required).map(\.key).joined(separator: ", ")
    throw LoadError(
      file: file,
      message: "not a dataset file: neither its name (projects*, departments*, funds*, indicators*) nor its header (\(shown)) says which kind; a projects file needs the columns \(needs)")
  }

  /// The cells of the first line of a CSV file, without a byte order mark.
  static func header(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
    var start = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
    var end = start
    while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
    let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    return line.split(separator: ",", omittingEmptySubsequences: false).map {
      var cell = $0.trimmingCharacters(in: .whitespaces)
      if cell.hasPrefix("\""), cell.hasSuffix("\""), cell.count >= 2 { cell = String(cell.dropFirst().dropLast()) }
      return cell
    }
  }
}

import Foundation
