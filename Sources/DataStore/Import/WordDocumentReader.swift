import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads a Word document (.docx) as its paragraphs and tables, in document order.
///
/// A .docx is a zip of XML parts like a workbook, so it is read with the same
/// `ZipReader` and the same bounded, all-or-nothing XML parsing. Only word/document.xml
/// matters. A table cell spread over columns (`gridSpan`) keeps its text in its first
/// column and leaves the rest empty, and a cell merged down (`vMerge`) is empty below its
/// first row, as a workbook stores merged cells, so one layout reader serves both.
public enum WordDocumentReader {
  /// A paragraph's text, or a table's rows.
  public enum Block: Sendable, Equatable {
    case paragraph(String)
    case table([[String]])
  }

  public static func blocks(_ path: String) throws(ImportError) -> [Block] {
    let data: Data
    do {
      data = try FileBytes.contents(path, limit: DatasetLoader.byteLimit)
    } catch {
      throw ImportError(file: error.file, message: error.message)
    }
    return try blocks(data: data, file: path)
  }

  /// - Parameter checkingCRC: the fuzzer turns the checksums off, so that changed bytes
  ///   reach the XML instead of failing the checksum.
  public static func blocks(data: Data, file: String, checkingCRC: Bool = true) throws(ImportError) -> [Block] {
    let zip: ZipReader
    do {
      zip = try ZipReader(data)
    } catch {
      throw ImportError(file: file, message: "not a .docx document (not a zip file, or its directory is damaged)")
    }
    let xml: Data?
    do {
      xml = try zip.part("word/document.xml", limit: WorkbookReader.Limits.standard.uncompressedBytes, checkingCRC: checkingCRC)
    } catch .tooLarge {
      throw ImportError(file: file, message: "word/document.xml unpacks to more than \(WorkbookReader.megabytes(WorkbookReader.Limits.standard.uncompressedBytes))")
    } catch .damaged(let why) {
      throw ImportError(file: file, message: "word/document.xml is damaged: \(why)")
    } catch {
      throw ImportError(file: file, message: "word/document.xml is damaged")
    }
    guard let xml else { throw ImportError(file: file, message: "not a .docx document (no word/document.xml)") }
    let reader = DocumentBody()
    try WorkbookReader.parse(xml, with: reader, part: "word/document.xml", file: file)
    return reader.blocks
  }
}

/// The body of word/document.xml: paragraphs outside tables, and each top-level table
/// as a grid. A table inside a table cell adds its text to that cell.
final class DocumentBody: PartReader {
  var blocks: [WordDocumentReader.Block] = []
  private var depth = 0
  private var paragraph = ""
  private var inText = false
  private var rows: [[String]] = []
  private var row: [String] = []
  private var cell = ""
  private var span = 1
  private var continues = false

  private static func local(_ name: String) -> String {
    name.split(separator: ":").last.map(String.init) ?? name
  }

  override func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    switch DocumentBody.local(element) {
    case "tbl":
      depth += 1
      if depth == 1 { rows = [] }
    case "tr" where depth == 1:
      row = []
    case "tc" where depth == 1:
      cell = ""
      span = 1
      continues = false
    case "gridSpan" where depth == 1:
      span = max(1, min(Int(attributes["w:val"] ?? attributes.first { $0.key.hasSuffix("val") }?.value ?? "1") ?? 1, 64))
    case "vMerge" where depth == 1:
      let value = attributes["w:val"] ?? attributes.first { $0.key.hasSuffix("val") }?.value
      continues = value == nil || value == "continue"
    case "p":
      if depth == 0 { paragraph = "" }
    case "t":
      inText = true
    case "tab":
      if depth == 0 { paragraph += "\t" } else { cell += " " }
    default:
      break
    }
  }

  override func parser(_ parser: XMLParser, foundCharacters string: String) {
    guard inText else { return }
    if depth == 0 { paragraph += string } else { cell += string }
  }

  override func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
    switch DocumentBody.local(element) {
    case "t":
      inText = false
    case "p":
      if depth == 0 {
        blocks.append(.paragraph(paragraph))
      } else if depth == 1, !cell.isEmpty {
        // Paragraphs inside one cell are one text.
        cell += "\n"
      }
    case "tc" where depth == 1:
      let text = cell.hasSuffix("\n") ? String(cell.dropLast()) : cell
      row.append(continues ? "" : text)
      for _ in 1..<span { row.append("") }
    case "tr" where depth == 1:
      rows.append(row)
    case "tbl":
      if depth == 1 { blocks.append(.table(rows)) }
      depth -= 1
    default:
      break
    }
  }
}
