import Foundation
import ZIPFoundation

/// Writes grids as an .xlsx workbook: strings inline, numbers as numbers, one sheet each.
public enum WorkbookWriter {
  /// A cell to write.
  public enum Cell: Sendable {
    case text(String)
    /// A number as its exact decimal text (228.764), written as an Excel number.
    case number(String)
    case empty
  }

  public static func data(sheets: [(name: String, rows: [[Cell]])]) throws(ImportError) -> Data {
    do {
      let archive = try Archive(data: Data(), accessMode: .create)
      func add(_ path: String, _ text: String) throws {
        let bytes = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
          bytes.subdata(in: Int(position)..<Int(position) + size)
        }
      }
      let names = sheets.enumerated().map { i, s in sheetName(s.name, index: i) }
      try add("[Content_Types].xml", contentTypes(count: sheets.count))
      try add("_rels/.rels", rootRelations)
      try add("xl/workbook.xml", workbook(names))
      try add("xl/_rels/workbook.xml.rels", workbookRelations(count: sheets.count))
      for (i, sheet) in sheets.enumerated() {
        try add("xl/worksheets/sheet\(i + 1).xml", worksheet(sheet.rows))
      }
      guard let data = archive.data else { throw ImportError(file: "workbook", message: "could not be assembled") }
      return data
    } catch let e as ImportError {
      throw e
    } catch {
      throw ImportError(file: "workbook", message: "could not be written: \(error)")
    }
  }

  static func escape(_ s: String) -> String {
    var out = ""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default:
        // XML 1.0 forbids most control characters.
        if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Excel sheet names: at most 31 characters, none of : \ / ? * [ ].
  static func sheetName(_ name: String, index: Int) -> String {
    let cleaned = String(name.filter { !":\\/?*[]".contains($0) }.prefix(31))
    return cleaned.isEmpty ? "Sheet\(index + 1)" : cleaned
  }

  static func columnName(_ index: Int) -> String {
    var n = index + 1
    var s = ""
    while n > 0 {
      let r = (n - 1) % 26
      s = String(UnicodeScalar(UInt8(65 + r))) + s
      n = (n - 1) / 26
    }
    return s
  }

  static func worksheet(_ rows: [[Cell]]) -> String {
    var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
    for (r, row) in rows.enumerated() {
      xml += "<row r=\"\(r + 1)\">"
      for (c, cell) in row.enumerated() {
        let ref = columnName(c) + String(r + 1)
        switch cell {
        case .text(let s): xml += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(s))</t></is></c>"
        case .number(let s): xml += "<c r=\"\(ref)\"><v>\(escape(s))</v></c>"
        case .empty: break
        }
      }
      xml += "</row>"
    }
    return xml + "</sheetData></worksheet>"
  }

  static func contentTypes(count: Int) -> String {
    var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    xml += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
    xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
    xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
    xml += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
    for i in 1...max(count, 1) where i <= count {
      xml += "<Override PartName=\"/xl/worksheets/sheet\(i).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }
    return xml + "</Types>"
  }

  static let rootRelations = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#

  static func workbook(_ names: [String]) -> String {
    var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    xml += #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
    for (i, name) in names.enumerated() {
      xml += "<sheet name=\"\(escape(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
    }
    return xml + "</sheets></workbook>"
  }

  static func workbookRelations(count: Int) -> String {
    var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    xml += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    for i in 0..<count {
      xml += "<Relationship Id=\"rId\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
    }
    return xml + "</Relationships>"
  }
}
