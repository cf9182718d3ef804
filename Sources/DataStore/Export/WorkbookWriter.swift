import Foundation
import ZIPFoundation

/// Writes sheets as an .xlsx workbook: text inline, numbers as numbers with their
/// number format, a bold frozen header with filter buttons, column widths, notes under
/// the table and a native chart beside it.
///
/// Written by hand over ZIPFoundation rather than through a C library: every amount
/// goes into the file as the exact decimal text it is (a C writer takes doubles), and
/// the workbook is assembled in memory for the one safe writer (docs/ARCHITECTURE.md).
public enum WorkbookWriter {
  /// A cell to write.
  public enum Cell: Sendable, Equatable {
    case text(String)
    /// A number as its exact decimal text (228.764), written as a number; `format` is
    /// its number format code (`#,##0.000`, `0.00%`), nil for General.
    case number(String, format: String? = nil)
    case empty
  }

  /// What workbooks name as the program that wrote them; `WorkbookReader` reads a
  /// jixiao workbook's tables by their filter ranges, leaving the notes under them out.
  public static let application = "jixiao"

  /// Sheets without header, widths, notes or chart: the cells as given.
  public static func data(sheets: [(name: String, rows: [[Cell]])]) throws(WriteError) -> Data {
    try data(sheets: sheets.map { WorkbookSheet(name: $0.name, rows: $0.rows) })
  }

  /// The most rows a sheet holds (Excel's limit), notes included.
  public static let rowLimit = 1_048_576

  /// `interrupted` is asked every few thousand rows, so Ctrl-C stops a large workbook.
  public static func data(sheets: [WorkbookSheet], interrupted: () -> Bool = { false }) throws(WriteError) -> Data {
    for sheet in sheets where sheet.rows.count + (sheet.notes.isEmpty ? 0 : sheet.notes.count + 1) > rowLimit {
      throw WriteError(
        file: "workbook", message: "\(sheet.rows.count) rows do not fit in a sheet, which holds at most \(rowLimit)",
        suggestion: "export csv for a table this large, or narrow it with where")
    }
    do {
      let archive = try Archive(data: Data(), accessMode: .create)
      func add(_ path: String, _ text: String) throws {
        let bytes = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
          bytes.subdata(in: Int(position)..<Int(position) + size)
        }
      }
      let names = uniqueNames(sheets.map(\.name))
      var styles = WorkbookStyles()
      var parts: [(String, String)] = []
      var charts: [Int] = []
      for (i, sheet) in sheets.enumerated() {
        parts.append(("xl/worksheets/sheet\(i + 1).xml", try worksheet(sheet, name: names[i], styles: &styles, interrupted: interrupted)))
        guard let chart = sheet.chart.flatMap({ WorkbookChart.xml($0, sheet: names[i], cells: sheet.rows) }) else { continue }
        let n = charts.count + 1
        charts.append(i + 1)
        parts.append(("xl/worksheets/_rels/sheet\(i + 1).xml.rels", relations([(drawingType, "../drawings/drawing\(n).xml")])))
        parts.append(("xl/drawings/drawing\(n).xml", WorkbookChart.drawing(beside: sheet.columnCount)))
        parts.append(("xl/drawings/_rels/drawing\(n).xml.rels", relations([(chartType, "../charts/chart\(n).xml")])))
        parts.append(("xl/charts/chart\(n).xml", chart))
      }
      try add("[Content_Types].xml", contentTypes(sheets: sheets.count, charts: charts.count))
      try add("_rels/.rels", relations([(documentType, "xl/workbook.xml"), (propertiesType, "docProps/app.xml")]))
      try add("docProps/app.xml", properties)
      try add("xl/workbook.xml", workbook(names, sheets))
      try add("xl/_rels/workbook.xml.rels", relations(sheets.indices.map { (sheetType, "worksheets/sheet\($0 + 1).xml") } + [(stylesType, "styles.xml")]))
      try add("xl/styles.xml", styles.xml)
      for (path, text) in parts { try add(path, text) }
      guard let data = archive.data else { throw WriteError(file: "workbook", message: "could not be assembled") }
      return data
    } catch let e as WriteError {
      throw e
    } catch {
      throw WriteError(file: "workbook", message: "could not be written: \(error)")
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

  /// Sheet names cleaned and made unique (Excel compares them ignoring case).
  static func uniqueNames(_ names: [String]) -> [String] {
    var seen: Set<String> = []
    var out: [String] = []
    for (i, name) in names.enumerated() {
      var candidate = sheetName(name, index: i)
      var n = 2
      while seen.contains(candidate.lowercased()) {
        let suffix = " (\(n))"
        candidate = String(sheetName(name, index: i).prefix(31 - suffix.count)) + suffix
        n += 1
      }
      seen.insert(candidate.lowercased())
      out.append(candidate)
    }
    return out
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

  /// The cells the table covers, header included, as `A1:F20`.
  static func tableRange(_ sheet: WorkbookSheet) -> String {
    "A1:" + columnName(max(sheet.columnCount, 1) - 1) + String(max(sheet.rows.count, 1))
  }

  static func worksheet(_ sheet: WorkbookSheet, name: String, styles: inout WorkbookStyles, interrupted: () -> Bool = { false }) throws(WriteError) -> String {
    var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
    xml += "<dimension ref=\"\(tableRange(sheet))\"/>"
    if sheet.header {
      xml += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
    } else {
      xml += #"<sheetViews><sheetView workbookViewId="0"/></sheetViews>"#
    }
    xml += #"<sheetFormatPr defaultRowHeight="15"/>"#
    let widths = sheet.widths.enumerated().filter { $0.element > 0 }
    if !widths.isEmpty {
      xml += "<cols>"
      // Excel's unit is the width of a digit; a wide character takes about two.
      for (c, w) in widths { xml += "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(min(w, 80) + 2)\" customWidth=\"1\"/>" }
      xml += "</cols>"
    }
    xml += "<sheetData>"
    func cellXML(_ cell: Cell, _ ref: String, bold: Bool) -> String {
      switch cell {
      case .text(let s):
        let style = bold ? " s=\"\(WorkbookStyles.bold)\"" : ""
        return "<c r=\"\(ref)\"\(style) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(s))</t></is></c>"
      case .number(let s, let format):
        let style = styles.style(format)
        return "<c r=\"\(ref)\"\(style == WorkbookStyles.plain ? "" : " s=\"\(style)\"")><v>\(escape(s))</v></c>"
      case .empty: return ""
      }
    }
    for (r, row) in sheet.rows.enumerated() {
      if r % 8192 == 8191, interrupted() { throw WriteError.interrupted("workbook") }
      xml += "<row r=\"\(r + 1)\">"
      for (c, cell) in row.enumerated() { xml += cellXML(cell, columnName(c) + String(r + 1), bold: sheet.header && r == 0) }
      xml += "</row>"
    }
    // Notes under the table, after an empty row.
    for (i, note) in sheet.notes.enumerated() {
      let r = sheet.rows.count + 2 + i
      xml += "<row r=\"\(r)\">" + cellXML(.text(note), "A\(r)", bold: false) + "</row>"
    }
    xml += "</sheetData>"
    if sheet.header { xml += "<autoFilter ref=\"\(tableRange(sheet))\"/>" }
    if let chart = sheet.chart, !chart.rows.isEmpty { xml += #"<drawing r:id="rId1"/>"# }
    return xml + "</worksheet>"
  }

  static func contentTypes(sheets: Int, charts: Int) -> String {
    var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    xml += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
    xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
    xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
    xml += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
    xml += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
    xml += #"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
    for i in 0..<sheets {
      xml += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }
    for i in 0..<charts {
      xml += "<Override PartName=\"/xl/drawings/drawing\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawing+xml\"/>"
      xml += "<Override PartName=\"/xl/charts/chart\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>"
    }
    return xml + "</Types>"
  }

  static let relationshipBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
  static let documentType = relationshipBase + "officeDocument"
  static let propertiesType = relationshipBase + "extended-properties"
  static let sheetType = relationshipBase + "worksheet"
  static let stylesType = relationshipBase + "styles"
  static let drawingType = relationshipBase + "drawing"
  static let chartType = relationshipBase + "chart"

  /// A relationships part; the targets are rId1, rId2, … in order.
  static func relations(_ targets: [(type: String, target: String)]) -> String {
    var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    xml += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    for (i, t) in targets.enumerated() {
      xml += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(t.type)\" Target=\"\(t.target)\"/>"
    }
    return xml + "</Relationships>"
  }

  static let properties = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>"# + application + "</Application></Properties>"

  static func workbook(_ names: [String], _ sheets: [WorkbookSheet]) -> String {
    var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    xml += #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
    for (i, name) in names.enumerated() {
      xml += "<sheet name=\"\(escape(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
    }
    xml += "</sheets>"
    // Excel keeps each sheet's filter range under this hidden name.
    let filtered = sheets.enumerated().filter { $0.element.header }
    if !filtered.isEmpty {
      xml += "<definedNames>"
      for (i, sheet) in filtered {
        let range = tableRange(sheet).split(separator: ":").map { "$" + $0.prefix { $0.isLetter } + "$" + $0.drop { $0.isLetter } }.joined(separator: ":")
        xml += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">\(escape("'" + names[i].replacing("'", with: "''") + "'!" + range))</definedName>"
      }
      xml += "</definedNames>"
    }
    return xml + "</workbook>"
  }
}
