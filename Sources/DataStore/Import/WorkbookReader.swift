import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads the sheets of an .xlsx workbook as grids of text.
///
/// An .xlsx file is a zip of XML parts; the zip is read with ZIPFoundation and the
/// parts with Foundation's XMLParser. Only cell values matter here: shared strings,
/// inline strings and numbers (printed back with at most four decimals).
public enum WorkbookReader {
  public static func sheets(_ path: String) throws(ImportError) -> [(name: String, grid: Grid)] {
    let archive: Archive
    do {
      archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    } catch {
      throw ImportError(file: path, message: "not an .xlsx workbook (not a zip file)")
    }
    func part(_ name: String) throws(ImportError) -> Data? {
      guard let entry = archive[name] else { return nil }
      var data = Data()
      do {
        _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
      } catch {
        throw ImportError(file: path, message: "the workbook part \(name) is damaged")
      }
      return data
    }
    guard let workbook = try part("xl/workbook.xml") else {
      throw ImportError(file: path, message: "not an .xlsx workbook (no xl/workbook.xml)")
    }
    let shared = try part("xl/sharedStrings.xml").map { SharedStrings.parse($0) } ?? []
    let relations = try part("xl/_rels/workbook.xml.rels").map { Relations.parse($0) } ?? [:]
    var out: [(String, Grid)] = []
    for (index, sheet) in SheetList.parse(workbook).enumerated() {
      var target = relations[sheet.relation] ?? "worksheets/sheet\(index + 1).xml"
      if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
      guard let xml = try part(target) else {
        throw ImportError(file: path, message: "sheet '\(sheet.name)' is missing its part \(target)")
      }
      out.append((sheet.name, SheetCells.parse(xml, shared: shared)))
    }
    return out
  }
}

/// `<sheet name="…" r:id="…"/>` entries of xl/workbook.xml.
final class SheetList: NSObject, XMLParserDelegate {
  var sheets: [(name: String, relation: String)] = []

  static func parse(_ data: Data) -> [(name: String, relation: String)] {
    let delegate = SheetList()
    let parser = XMLParser(data: data)
    parser.delegate = delegate
    parser.parse()
    return delegate.sheets
  }

  func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    guard element == "sheet" || element.hasSuffix(":sheet") else { return }
    let relation = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""
    sheets.append((attributes["name"] ?? "sheet\(sheets.count + 1)", relation))
  }
}

/// Relationship id → target of xl/_rels/workbook.xml.rels.
final class Relations: NSObject, XMLParserDelegate {
  var targets: [String: String] = [:]

  static func parse(_ data: Data) -> [String: String] {
    let delegate = Relations()
    let parser = XMLParser(data: data)
    parser.delegate = delegate
    parser.parse()
    return delegate.targets
  }

  func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    if element == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
  }
}

/// The shared string table: one string per `<si>`, rich-text runs joined.
final class SharedStrings: NSObject, XMLParserDelegate {
  var strings: [String] = []
  var current = ""
  var inText = false

  static func parse(_ data: Data) -> [String] {
    let delegate = SharedStrings()
    let parser = XMLParser(data: data)
    parser.delegate = delegate
    parser.parse()
    return delegate.strings
  }

  func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    if element == "si" { current = "" }
    if element == "t" { inText = true }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inText { current += string }
  }

  func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
    if element == "t" { inText = false }
    if element == "si" { strings.append(current) }
  }
}

/// The cells of one worksheet, placed by their A1-style references.
final class SheetCells: NSObject, XMLParserDelegate {
  let shared: [String]
  var rows: [[String]] = []
  var row: [String] = []
  var column = 0
  var type = ""
  var value = ""
  var reading = false

  init(shared: [String]) {
    self.shared = shared
  }

  static func parse(_ data: Data, shared: [String]) -> Grid {
    let delegate = SheetCells(shared: shared)
    let parser = XMLParser(data: data)
    parser.delegate = delegate
    parser.parse()
    var rows = delegate.rows
    while let last = rows.last, last.allSatisfy(\.isEmpty) { rows.removeLast() }
    return Grid(rows: rows)
  }

  /// "C12" → 2.
  static func columnIndex(_ reference: String) -> Int? {
    var n = 0
    var seen = false
    for ch in reference.uppercased() {
      guard let a = ch.asciiValue, a >= 65, a <= 90 else { break }
      n = n * 26 + Int(a - 64)
      seen = true
    }
    return seen ? n - 1 : nil
  }

  func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    switch element {
    case "row":
      row = []
      if let r = attributes["r"], let n = Int(r) {
        while rows.count < n - 1 { rows.append([]) }
      }
    case "c":
      column = attributes["r"].flatMap(SheetCells.columnIndex) ?? row.count
      type = attributes["t"] ?? ""
      value = ""
    case "v", "t":
      reading = true
    default:
      break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if reading { value += string }
  }

  func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
    switch element {
    case "v", "t":
      reading = false
    case "c":
      var text = value
      if type == "s", let i = Int(value), i >= 0, i < shared.count {
        text = shared[i]
      } else if type.isEmpty || type == "n" {
        text = SheetCells.number(value)
      } else if type == "b" {
        text = value == "1" ? "TRUE" : "FALSE"
      }
      while row.count < column { row.append("") }
      if row.count == column { row.append(text) } else if column < row.count { row[column] = text }
    case "row":
      rows.append(row)
    default:
      break
    }
  }

  /// Excel stores 228.764 as "228.76400000000001" at times; a dataset cell has at most
  /// four decimals, so the value is rounded back to its shortest form.
  static func number(_ text: String) -> String {
    guard let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) > 5,
      let d = Double(text)
    else { return text }
    var s = String(format: "%.4f", d)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
  }
}
