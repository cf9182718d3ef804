import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads the sheets of an .xlsx workbook as grids of text.
///
/// An .xlsx file is a zip of XML parts; the zip is read with `ZipReader` and the
/// parts with Foundation's XMLParser. Only cell values matter here: shared strings,
/// inline strings and numbers (printed back as the shortest decimal the double stands for).
///
/// Every size the file states is bounded before it is believed: a 1.6 KB sheet can name
/// row 2000000000 or column ZZZZZZ, and a 3 MB zip can unpack to gigabytes. A part that
/// is not well-formed XML fails the whole workbook: the rows before the damage are not
/// the table.
public enum WorkbookReader {
  /// The bounds a workbook must stay within.
  public struct Limits: Sendable {
    /// Bytes all the parts read may unpack to, together.
    public var uncompressedBytes: Int
    /// Cells of a sheet, counting the empty ones before each filled one.
    public var cells: Int
    /// Excel's own last row and column (XFD).
    public var rows: Int
    public var columns: Int

    public init(uncompressedBytes: Int = 512 << 20, cells: Int = 20_000_000, rows: Int = 1_048_576, columns: Int = 16_384) {
      self.uncompressedBytes = uncompressedBytes
      self.cells = cells
      self.rows = rows
      self.columns = columns
    }

    public static let standard = Limits()
  }

  public static func sheets(_ path: String, limits: Limits = .standard) throws(ImportError) -> [(name: String, grid: Grid)] {
    let data: Data
    do {
      data = try FileBytes.contents(path, limit: DatasetLoader.byteLimit)
    } catch {
      throw ImportError(file: error.file, message: error.message)
    }
    return try sheets(data: data, file: path, limits: limits)
  }

  /// The sheets of a workbook's bytes; `file` names it in errors.
  ///
  /// - Parameter checkingCRC: the fuzzer turns the checksums off, so that changed
  ///   bytes reach the XML instead of failing the checksum.
  public static func sheets(
    data: Data, file path: String, limits: Limits = .standard, checkingCRC: Bool = true
  ) throws(ImportError) -> [(name: String, grid: Grid)] {
    let zip: ZipReader
    do {
      zip = try ZipReader(data)
    } catch .zip64 {
      throw ImportError(file: path, message: "not read: a ZIP64 workbook (over 4 GB); save the table as CSV")
    } catch .damagedDirectory {
      throw ImportError(file: path, message: "not an .xlsx workbook (its zip directory is damaged)")
    } catch {
      throw ImportError(file: path, message: "not an .xlsx workbook (not a zip file)")
    }
    var unpacked = 0
    func part(_ name: String) throws(ImportError) -> Data? {
      do {
        // The limit is for the whole workbook, counted as each part unpacks, whatever
        // size the zip claims: a bomb lies about it.
        let data = try zip.part(name, limit: limits.uncompressedBytes - unpacked, checkingCRC: checkingCRC)
        unpacked += data?.count ?? 0
        return data
      } catch .tooLarge {
        throw ImportError(
          file: path,
          message: "the workbook part \(name) unpacks to more than \(megabytes(limits.uncompressedBytes)) (the limit for a whole workbook); save a table this large as CSV")
      } catch .damaged(let why) {
        throw ImportError(file: path, message: "the workbook part \(name) is damaged: \(why)")
      } catch {
        throw ImportError(file: path, message: "the workbook part \(name) is damaged")
      }
    }
    guard let workbook = try part("xl/workbook.xml") else {
      throw ImportError(file: path, message: "not an .xlsx workbook (no xl/workbook.xml)")
    }
    var shared: [String] = []
    if let d = try part("xl/sharedStrings.xml") {
      let s = SharedStrings()
      try parse(d, with: s, part: "xl/sharedStrings.xml", file: path)
      shared = s.strings
    }
    var relations: [String: String] = [:]
    if let d = try part("xl/_rels/workbook.xml.rels") {
      let r = Relations()
      try parse(d, with: r, part: "xl/_rels/workbook.xml.rels", file: path)
      relations = r.targets
    }
    let list = SheetList()
    try parse(workbook, with: list, part: "xl/workbook.xml", file: path)
    // jixiao writes notes under a table, outside its filter range: the table is the range.
    let ownWorkbook = try part("docProps/app.xml").map { app in
      String(decoding: app, as: UTF8.self).contains("<Application>\(WorkbookWriter.application)</Application>")
    } ?? false
    var out: [(String, Grid)] = []
    for (index, sheet) in list.sheets.enumerated() {
      var target = relations[sheet.relation] ?? "worksheets/sheet\(index + 1).xml"
      if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
      guard let xml = try part(target) else {
        throw ImportError(file: path, message: "sheet '\(sheet.name)' is missing its part \(target)")
      }
      let cells = SheetCells(shared: shared, limits: limits)
      try parse(xml, with: cells, part: target, file: path)
      if ownWorkbook, let last = cells.filterLastRow, last < cells.rows.count { cells.rows.removeLast(cells.rows.count - last) }
      guard let grid = cells.grid() else {
        throw ImportError(
          file: path,
          message: "sheet part \(target): more than \(limits.cells) cells once each row is as wide as the header; save a table this large as CSV")
      }
      out.append((sheet.name, grid))
    }
    return out
  }

  /// Runs the parser; a part that is not well-formed XML is an error, not a short table.
  static func parse(_ data: Data, with delegate: PartReader, part: String, file: String) throws(ImportError) {
    // Foundation's XMLParser traps on an element or attribute name that is not UTF-8
    // (libxml2 passes such names on); Excel writes every part in UTF-8.
    guard TextEncoding.isUTF8(data) else {
      throw ImportError(
        file: file,
        message: "the workbook part \(part) is damaged: it is not UTF-8 text, as workbook parts are; nothing was loaded from the workbook")
    }
    let parser = XMLParser(data: data)
    parser.delegate = delegate
    let ok = parser.parse()
    if let problem = delegate.problem {
      throw ImportError(file: file, message: "sheet part \(part): \(problem)")
    }
    // A document cut short parses "successfully" on Linux, with the error set.
    guard ok, parser.parserError == nil else {
      let first = delegate.firstError ?? ((parser.parserError as NSError?)?.code ?? 0, parser.lineNumber, parser.columnNumber)
      throw ImportError(
        file: file,
        message: "the workbook part \(part) is damaged: \(xmlProblem(first.code)) at line \(first.line), column \(first.column); nothing was loaded from the workbook")
    }
  }

  /// The commonest parser error codes in words (libxml2's numbers, which Foundation's
  /// XMLParser passes on); the rest by number.
  static func xmlProblem(_ code: Int) -> String {
    switch code {
    case 4: "the XML is empty"
    case 5: "the XML ends before its elements are closed (cut short?)"
    case 76: "an XML element is closed by another's end tag"
    default: "not well-formed XML (parser error \(code))"
    }
  }

  static func megabytes(_ bytes: Int) -> String { "\(bytes >> 20) MiB" }
}

/// The parser delegate of one workbook part: it can stop the parse with a problem of
/// its own (a limit) and keeps the parser's first error, where the damage is.
class PartReader: NSObject, XMLParserDelegate {
  var problem: String?
  var firstError: (code: Int, line: Int, column: Int)?

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
    if firstError == nil { firstError = ((parseError as NSError).code, parser.lineNumber, parser.columnNumber) }
  }

  func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {}
  func parser(_ parser: XMLParser, foundCharacters string: String) {}
  func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {}
}

/// `<sheet name="…" r:id="…"/>` entries of xl/workbook.xml.
final class SheetList: PartReader {
  var sheets: [(name: String, relation: String)] = []
  override func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    guard element == "sheet" || element.hasSuffix(":sheet") else { return }
    let relation = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""
    sheets.append((attributes["name"] ?? "sheet\(sheets.count + 1)", relation))
  }
}

/// Relationship id → target of xl/_rels/workbook.xml.rels.
final class Relations: PartReader {
  var targets: [String: String] = [:]
  override func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    if element == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
  }
}

/// The shared string table: one string per `<si>`, rich-text runs joined.
///
/// Phonetic runs (`<rPh>`, the pinyin or furigana Excel keeps over a name) are not part
/// of the text.
final class SharedStrings: PartReader {
  var strings: [String] = []
  var current = ""
  var inText = false
  var phonetic = 0
  override func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    switch element {
    case "si": current = ""
    case "rPh": phonetic += 1
    case "t": inText = phonetic == 0
    default: break
    }
  }

  override func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inText { current += string }
  }

  override func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
    switch element {
    case "t": inText = false
    case "rPh": phonetic = max(0, phonetic - 1)
    case "si": strings.append(current)
    default: break
    }
  }
}

/// The cells of one worksheet, placed by their A1-style references.
final class SheetCells: PartReader {
  let shared: [String]
  let limits: WorkbookReader.Limits
  var rows: [[String]] = []
  var row: [String] = []
  var column = 0
  var type = ""
  var value = ""
  var reading = false
  var phonetic = 0
  /// The last row of the sheet's filter range, when it has one.
  var filterLastRow: Int?
  /// Cells held so far, the empty ones placed before filled ones included.
  var cellCount = 0
  init(shared: [String], limits: WorkbookReader.Limits) {
    self.shared = shared
    self.limits = limits
    super.init()
  }

  /// The rows, without trailing empty ones, each as wide as the header at least (a
  /// workbook leaves out empty cells at a row's end); nil when that exceeds the cell limit.
  func grid() -> Grid? {
    while let last = rows.last, last.allSatisfy(\.isEmpty) { rows.removeLast() }
    let width = rows.first?.count ?? 0
    var total = 0
    for r in rows {
      total += max(r.count, width)
      if total > limits.cells { return nil }
    }
    for i in rows.indices where rows[i].count < width {
      rows[i] += Array(repeating: "", count: width - rows[i].count)
    }
    return Grid(rows: rows)
  }

  /// "C12" → 2; nil when there are no letters. Letters beyond `limit` columns give
  /// `limit` (checked by the caller), so no count of letters overflows.
  static func columnIndex(_ reference: String, limit: Int = 16_384) -> Int? {
    var n = 0
    var seen = false
    for a in reference.utf8 {
      let upper = a & ~0x20
      guard upper >= 65, upper <= 90 else { break }
      n = min(n * 26 + Int(upper - 64), limit + 1)
      seen = true
    }
    return seen ? n - 1 : nil
  }

  /// "XFD" for 16383.
  static func columnName(_ index: Int) -> String {
    var n = index + 1
    var letters: [Character] = []
    while n > 0 {
      let r = (n - 1) % 26
      letters.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
      n = (n - 1) / 26
    }
    return String(letters)
  }

  private func stop(_ parser: XMLParser, _ message: String) {
    if problem == nil { problem = message }
    parser.abortParsing()
  }

  override func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    guard problem == nil else { return }
    switch element {
    case "row":
      row = []
      if let r = attributes["r"] {
        guard let n = Int(r), n >= 1, n <= limits.rows else {
          stop(parser, "row '\(r)' is not a row number from 1 to \(limits.rows), the last row a workbook has")
          return
        }
        while rows.count < n - 1 { rows.append([]) }
      }
      if rows.count >= limits.rows {
        stop(parser, "more than \(limits.rows) rows, the most a workbook has")
      }
    case "c":
      if let reference = attributes["r"], let index = SheetCells.columnIndex(reference, limit: limits.columns) {
        guard index < limits.columns else {
          stop(
            parser,
            "cell reference '\(reference)' is beyond column \(SheetCells.columnName(limits.columns - 1)) (\(limits.columns)), the last column a workbook has")
          return
        }
        column = index
      } else {
        column = row.count
      }
      type = attributes["t"] ?? ""
      value = ""
    case "v", "t":
      reading = phonetic == 0
    case "rPh":
      phonetic += 1
    case "autoFilter":
      // "A1:F20" → 20
      if let ref = attributes["ref"], let end = ref.split(separator: ":").last {
        filterLastRow = Int(end.drop { $0.isLetter })
      }
    default:
      break
    }
  }

  override func parser(_ parser: XMLParser, foundCharacters string: String) {
    if reading { value += string }
  }

  override func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
    guard problem == nil else { return }
    switch element {
    case "v", "t":
      reading = false
    case "rPh":
      phonetic = max(0, phonetic - 1)
    case "c":
      var text = value
      if type == "s", let i = Int(value), i >= 0, i < shared.count {
        text = shared[i]
      } else if type.isEmpty || type == "n" {
        text = SheetCells.number(value)
      } else if type == "b" {
        text = value == "1" ? "TRUE" : "FALSE"
      }
      if column >= row.count {
        cellCount += column + 1 - row.count
        if cellCount > limits.cells {
          stop(parser, "more than \(limits.cells) cells (counting the empty ones before each filled one); save a table this large as CSV")
          return
        }
        while row.count < column { row.append("") }
        row.append(text)
      } else {
        row[column] = text
      }
    case "row":
      rows.append(row)
    default:
      break
    }
  }

  /// Excel stores 228.764 as "228.76400000000001" at times: a number with more than
  /// four decimals is read back as the shortest decimal of the same double, and kept
  /// in full (the loader refuses one that still has more than four).
  static func number(_ text: String) -> String {
    if NumberText.isShortDecimal(text) { return text }
    guard let d = Double(text), d.isFinite else { return text }
    return NumberText.plain(d)
  }
}
