import Foundation
import ZIPFoundation

/// Builds .xlsx bytes from hand-written parts, to feed the reader what Excel (or a
/// damaged or hostile file) would.
enum WorkbookFixture {
  static let workbook = """
    <?xml version="1.0" encoding="UTF-8"?>
    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
    <sheets><sheet name="projects" sheetId="1" r:id="rId1"/></sheets></workbook>
    """

  static let relations = """
    <?xml version="1.0" encoding="UTF-8"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>
    """

  /// A sheet of the given `<row>` elements.
  static func sheet(_ rows: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(rows)</sheetData></worksheet>
    """
  }

  /// An inline-string cell.
  static func text(_ reference: String, _ value: String) -> String {
    "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(value)</t></is></c>"
  }

  /// A number cell.
  static func number(_ reference: String, _ value: String) -> String {
    "<c r=\"\(reference)\"><v>\(value)</v></c>"
  }

  /// The header row of a projects sheet: year, unit, seq, name, budget in A–E.
  static let header =
    "<row r=\"1\">" + text("A1", "year") + text("B1", "unit") + text("C1", "seq") + text("D1", "name")
    + text("E1", "budget") + "</row>"

  /// A workbook with the sheet XML (and shared strings, when given), zipped.
  static func data(sheet: String, shared: String? = nil, compression: CompressionMethod = .deflate) throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create)
    func add(_ path: String, _ text: String) throws {
      let bytes = Data(text.utf8)
      try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: compression) {
        position, size in bytes.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    try add("xl/workbook.xml", workbook)
    try add("xl/_rels/workbook.xml.rels", relations)
    if let shared { try add("xl/sharedStrings.xml", shared) }
    try add("xl/worksheets/sheet1.xml", sheet)
    return archive.data ?? Data()
  }
}
