import Foundation
import Scoring

/// Imports 项目支出绩效自评表 forms (.xlsx, .docx, .txt, .pdf), one file or a folder of
/// them, into projects and indicator rows plus the forms' own figures.
///
/// A bureau receives one form per project from every unit; a reviewer points the shell
/// at the folder. Each form is read completely or refused with its file, the row it
/// stopped at and why; a refused form never stops the others.
public enum FormImporter {
  /// A file, or one form in it, that was not imported.
  public struct Skipped: Sendable, Equatable {
    public var file: String
    public var message: String
  }

  public struct Result: Sendable {
    /// The projects, indicators and forms read, with seqs given after the ones already loaded.
    public var store: Store
    public var forms: [ProjectForm]
    public var skipped: [Skipped]
  }

  /// The file kinds read as forms.
  public static let extensions = ["xlsx", "docx", "txt", "pdf"]

  /// Older office formats found in folders of forms, named as skipped rather than passed over.
  static let oldFormats: [String: String] = [
    "xls": "an Excel 97–2003 workbook (.xls) is not read; save it as .xlsx",
    "doc": "a Word 97–2003 document (.doc) is not read; save it as .docx",
    "et": "a WPS spreadsheet (.et) is not read; save it as .xlsx",
    "wps": "a WPS document (.wps) is not read; save it as .docx",
  ]

  /// `existing` is the session's data: each unit's forms are numbered after its projects.
  /// A single file that cannot be read is an error; in a folder it is skipped.
  public static func load(
    _ path: String, existing: Store, encoding: TextEncoding = .auto, interrupted: @escaping @Sendable () -> Bool = { false }
  ) throws(ImportError) -> Result {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw ImportError(file: path, message: "no such file or folder")
    }
    var files: [String] = []
    var old: [Skipped] = []
    if isFolder.boolValue {
      guard let walker = FileManager.default.enumerator(atPath: path) else {
        throw ImportError(file: path, message: "the folder cannot be read")
      }
      for case let relative as String in walker {
        let ext = (relative as NSString).pathExtension.lowercased()
        let name = (relative as NSString).lastPathComponent
        // Office's lock files (~$form.xlsx) are not forms.
        guard !name.hasPrefix("~$"), !name.hasPrefix(".") else { continue }
        let full = (path as NSString).appendingPathComponent(relative)
        if extensions.contains(ext) {
          files.append(full)
        } else if let why = oldFormats[ext] {
          old.append(Skipped(file: full, message: why))
        }
      }
      files.sort()
      guard !files.isEmpty || !old.isEmpty else {
        throw ImportError(file: path, message: "holds no forms (.xlsx, .docx, .txt or .pdf files)")
      }
    } else {
      let ext = (path as NSString).pathExtension.lowercased()
      if let why = oldFormats[ext] { throw ImportError(file: path, message: why) }
      guard extensions.contains(ext) else {
        throw ImportError(file: path, message: "not a form file; expected .xlsx, .docx, .txt or .pdf")
      }
      files = [path]
    }
    var result = Result(store: Store(), forms: [], skipped: old.sorted { $0.file < $1.file })
    var nextSeq: [String: Int] = [:]
    func key(_ p: Project) -> String { "\(p.year)\u{1F}\(p.unit)" }
    for file in files {
      if interrupted() { throw .interrupted(path) }
      let read: [ProjectForm]
      do {
        let found = try contents(of: file, encoding: encoding)
        read = found.forms
        result.skipped += found.refused.map { Skipped(file: file, message: $0) }
      } catch {
        if !isFolder.boolValue { throw error }
        result.skipped.append(Skipped(file: file, message: error.message))
        continue
      }
      for var form in read {
        let p = form.project
        if existing.projects.count > 0 || !result.forms.isEmpty {
          let before = existing.formOrProject(year: p.year, unit: p.unit, name: p.name) ?? result.forms.first { $0.project.year == p.year && $0.project.unit == p.unit && $0.project.name == p.name }.map { ($0.project.seq, $0.file) }
          if let before {
            let message = "\(p.year) \(p.unit) \(p.name) is already imported as #\(before.0) from \(before.1); not imported twice"
            if !isFolder.boolValue { throw ImportError(file: file, message: message) }
            result.skipped.append(Skipped(file: file, message: message))
            continue
          }
        }
        let k = key(p)
        let seq = nextSeq[k] ?? (existing.maxSeq(year: p.year, unit: p.unit) + 1)
        // The table keeps seq in 32 bits, as the CSV loader does.
        guard seq <= Int(Int32.max) else {
          let message = "\(p.year) \(p.unit) has no seq left for \(p.name) (its projects are numbered up to \(Int32.max))"
          if !isFolder.boolValue { throw ImportError(file: file, message: message) }
          result.skipped.append(Skipped(file: file, message: message))
          continue
        }
        nextSeq[k] = seq + 1
        form.project.seq = seq
        for i in form.indicators.indices { form.indicators[i].seq = seq }
        result.forms.append(form)
        result.store.projects.append(form.project)
        result.store.indicators += form.indicators
      }
    }
    result.store.files = [path]
    result.store.forms = result.forms
    return result
  }

  /// The forms in one file: every sheet of a workbook or table of a document that is one.
  /// Any of them that cannot be read refuses the file.
  public static func forms(in file: String, encoding: TextEncoding = .auto) throws(ImportError) -> [ProjectForm] {
    let found = try contents(of: file, encoding: encoding)
    if let first = found.refused.first { throw ImportError(file: file, message: first) }
    return found.forms
  }

  /// The forms of a file that could be read, and why each other one could not (naming its
  /// sheet or table when the file holds several). A file with no readable form is an error.
  static func contents(of file: String, encoding: TextEncoding) throws(ImportError) -> (forms: [ProjectForm], refused: [String]) {
    try read(grids(of: file, encoding: encoding), file: file)
  }

  static func read(_ grids: [(String?, FormGrid)], file: String) throws(ImportError) -> (forms: [ProjectForm], refused: [String]) {
    var out: [ProjectForm] = []
    var refused: [String] = []
    for (label, grid) in grids {
      do {
        out.append(try FormLayout.read(grid, file: file))
      } catch {
        let at = [label, error.place].compactMap { $0 }.joined(separator: ", ")
        refused.append((at.isEmpty ? "" : at + ": ") + error.message)
      }
    }
    guard !out.isEmpty else { throw ImportError(file: file, message: refused.first ?? "holds no 项目支出绩效自评表") }
    return (out, refused)
  }

  /// The cells of each candidate form in a file, with a label naming its sheet or table
  /// (nil when the file holds one).
  static func grids(of file: String, encoding: TextEncoding) throws(ImportError) -> [(String?, FormGrid)] {
    let ext = (file as NSString).pathExtension.lowercased()
    if ext == "pdf" { return [(nil, PDFText.grid(try PDFText.text(file)))] }
    let raw: Data
    do {
      raw = try FileBytes.contents(file, limit: DatasetLoader.byteLimit)
    } catch {
      throw ImportError(file: error.file, message: error.message)
    }
    return try grids(data: raw, extension: ext, file: file, encoding: encoding)
  }

  static func grids(data: Data, extension ext: String, file: String, encoding: TextEncoding, checkingCRC: Bool = true) throws(ImportError) -> [(String?, FormGrid)] {
    switch ext {
    case "xlsx":
      let sheets = try WorkbookReader.sheets(data: data, file: file, checkingCRC: checkingCRC).filter { !$0.grid.rows.isEmpty }
      let forms = sheets.filter { s in s.grid.rows.contains { $0.contains { FormGrid.compact($0).hasPrefix("项目名称") } } }
      let chosen = forms.isEmpty ? Array(sheets.prefix(1)) : forms
      return chosen.map { (chosen.count > 1 ? "sheet \($0.name)" : nil, FormGrid(rows: $0.grid.rows, placeWord: "row")) }
    case "docx":
      return try documentGrids(WordDocumentReader.blocks(data: data, file: file, checkingCRC: checkingCRC))
    default:
      guard let text = encoding.utf8(data) else { throw ImportError(file: file, message: "neither UTF-8 nor GB18030 text") }
      return [(nil, textGrid(String(decoding: text, as: UTF8.self)))]
    }
  }

  /// The forms in a file's bytes (`.xlsx`, `.docx` or text), and why each other one could
  /// not be read; `file` names it in errors. The fuzzer drives this with the checksums off.
  public static func contents(
    data: Data, extension ext: String, file: String, encoding: TextEncoding = .auto, checkingCRC: Bool = true
  ) throws(ImportError) -> (forms: [ProjectForm], refused: [String]) {
    try read(grids(data: data, extension: ext, file: file, encoding: encoding, checkingCRC: checkingCRC), file: file)
  }

  /// A document's forms: each table that holds a 项目名称 starts one, with the paragraphs
  /// before it (the title and year) as rows above; a table without one continues the
  /// form before it (a form Word broke over two pages).
  static func documentGrids(_ blocks: [WordDocumentReader.Block]) -> [(String?, FormGrid)] {
    var forms: [(rows: [[String]], places: [String])] = []
    var pending: [String] = []
    var tableNumber = 0
    for block in blocks {
      switch block {
      case .paragraph(let text):
        if !text.trimmingCharacters(in: .whitespaces).isEmpty { pending.append(text) }
      case .table(let rows):
        tableNumber += 1
        let places = rows.indices.map { "table \(tableNumber) row \($0 + 1)" }
        let starts = rows.contains { $0.contains { FormGrid.compact($0).hasPrefix("项目名称") } }
        if starts || forms.isEmpty {
          forms.append((pending.map { [$0] } + rows, pending.indices.map { "paragraph \($0 + 1)" } + places))
        } else {
          forms[forms.count - 1].rows += pending.map { [$0] } + rows
          forms[forms.count - 1].places += pending.map { _ in "paragraph" } + places
        }
        pending = []
      }
    }
    if forms.isEmpty { forms.append((pending.map { [$0] }, pending.indices.map { "paragraph \($0 + 1)" })) }
    return forms.enumerated().map { (forms.count > 1 ? "form \($0.offset + 1)" : nil, FormGrid(rows: $0.element.rows, places: $0.element.places)) }
  }

  /// A text form: tab-separated cells (as copied from Excel or Word), a pipe table, or
  /// text laid out with spaces as `pdftotext -layout` writes it.
  static func textGrid(_ text: String) -> FormGrid {
    let normalized = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
    let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.contains(where: { $0.contains("\t") }) {
      return FormGrid(rows: lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }, placeWord: "line")
    }
    if lines.contains(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("|") }) {
      return FormGrid(rows: lines.map { Grid.splitPipes($0.trimmingCharacters(in: .whitespaces)) }, placeWord: "line")
    }
    return PDFText.grid(normalized)
  }
}

extension Store {
  /// The largest seq of a unit's year, 0 when it has none.
  func maxSeq(year: Int, unit: String) -> Int {
    guard let code = projects.units.existingCode(for: unit) else { return 0 }
    var best = 0
    let (years, units, seqs) = (projects.year, projects.unit, projects.seq)
    for i in 0..<projects.count where Int(years[i]) == year && units[i] == code {
      best = max(best, Int(seqs[i]))
    }
    return best
  }

  /// The seq and file of a project already loaded with this year, unit and name.
  func formOrProject(year: Int, unit: String, name: String) -> (Int, String)? {
    if let f = forms.first(where: { $0.project.year == year && $0.project.unit == unit && $0.project.name == name }) {
      return (f.project.seq, f.file)
    }
    guard let code = projects.units.existingCode(for: unit) else { return nil }
    let (years, units, names, nameCodes, seqs) = (projects.year, projects.unit, projects.names, projects.name, projects.seq)
    for i in 0..<projects.count where Int(years[i]) == year && units[i] == code && names[nameCodes[i]] == name {
      return (Int(seqs[i]), "the loaded data")
    }
    return nil
  }
}
