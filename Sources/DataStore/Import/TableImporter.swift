import Foundation

/// Imports dataset tables from workbooks (.xlsx), JSON arrays, markdown tables and CSV.
///
/// Every table is turned into CSV text and loaded by the CSV loader, so an imported
/// table is validated exactly like a dataset file; its kind (projects, departments,
/// funds, indicators) comes from the sheet or file name, or else from its headers.
public enum TableImporter {
  public static func load(_ path: String, encoding: TextEncoding = .auto) throws(LoadError) -> Store {
    let lower = path.lowercased()
    let name = (path as NSString).lastPathComponent
    var tables: [(label: String, hint: String, grid: Grid)] = []
    do {
      if lower.hasSuffix(".xlsx") {
        for sheet in try WorkbookReader.sheets(path) where !sheet.grid.rows.isEmpty {
          tables.append(("\(path)[\(sheet.name)]", sheet.name, sheet.grid))
        }
      } else if lower.hasSuffix(".json") || lower.hasSuffix(".md") || lower.hasSuffix(".markdown") {
        let raw = try FileBytes.contents(path, limit: DatasetLoader.byteLimit)
        guard let data = encoding.utf8(raw) else {
          throw ImportError(file: path, message: "neither UTF-8 nor GB18030 text")
        }
        if lower.hasSuffix(".json") {
          tables.append((path, name, try Grid.json(data, file: path)))
        } else {
          tables.append((path, name, Grid.markdown(String(decoding: data, as: UTF8.self))))
        }
      } else if lower.hasSuffix(".csv") {
        if let kind = DatasetKind(fileName: name) { return try DatasetLoader.loadFile(path, kind: kind, encoding: encoding) }
        let raw = try FileBytes.contents(path, limit: DatasetLoader.byteLimit)
        guard let data = encoding.utf8(raw) else {
          throw ImportError(file: path, message: "cannot be read as UTF-8 or GB18030 text")
        }
        let text = String(decoding: data, as: UTF8.self)
        // The first line, ended by LF, CR LF or a lone CR as the CSV reader reads them.
        let header = text.unicodeScalars.split(maxSplits: 1) { $0 == "\n" || $0 == "\r" }.first
          .map { Grid.splitCSVHeader(String(String.UnicodeScalarView($0))) } ?? []
        guard let kind = DatasetKind.detect(headers: header) else { throw ImportError(file: path, message: unknownKind) }
        return try parseText(text, label: path, kind: kind)
      } else {
        throw ImportError(file: path, message: "unknown kind of file; expected .xlsx, .csv, .json or .md (or import report FILE for a report's text)")
      }
    } catch let e as ImportError {
      throw LoadError(file: e.file, message: e.message)
    } catch let e as LoadError {
      throw e
    } catch {
      throw LoadError(file: path, message: "\(error)")
    }
    return try store(of: tables, file: path)
  }

  /// The tables of a workbook's bytes, loaded; `file` names it in errors. The fuzzer
  /// drives this with the checksums off.
  public static func workbook(data: Data, file: String, checkingCRC: Bool = true) throws(LoadError) -> Store {
    var tables: [(label: String, hint: String, grid: Grid)] = []
    do {
      for sheet in try WorkbookReader.sheets(data: data, file: file, checkingCRC: checkingCRC) where !sheet.grid.rows.isEmpty {
        tables.append(("\(file)[\(sheet.name)]", sheet.name, sheet.grid))
      }
    } catch {
      throw LoadError(file: error.file, message: error.message)
    }
    return try store(of: tables, file: file)
  }

  /// Each table checked as a CSV file of its kind, merged; all or nothing.
  static func store(of tables: [(label: String, hint: String, grid: Grid)], file path: String) throws(LoadError) -> Store {
    guard !tables.isEmpty else { throw LoadError(file: path, message: "holds no table") }
    var store = Store()
    for table in tables {
      let kind = DatasetKind.named(table.hint) ?? DatasetKind.detect(headers: table.grid.rows.first ?? [])
      guard let kind else { throw LoadError(file: table.label, message: unknownKind) }
      let part = try parseText(table.grid.csv, label: table.label, kind: kind)
      try DatasetLoader.checkClashes(part, against: store, file: table.label)
      store.merge(part)
    }
    return store
  }

  static let unknownKind = "cannot tell what this table holds; name the sheet or file projects, departments, funds or indicators, or use their column headers (docs/DATASETS.md)"

  static func parseText(_ text: String, label: String, kind: DatasetKind) throws(LoadError) -> Store {
    var bytes = Array(text.utf8)
    let result = bytes.withUnsafeMutableBufferPointer { buffer -> Result<Store, LoadError> in
      Result { () throws(LoadError) -> Store in try DatasetLoader.parse(UnsafeBufferPointer(buffer), file: label, kind: kind) }
    }
    return try result.get()
  }
}

extension Grid {
  /// Header cells of a CSV first line (quotes removed; enough to recognise the columns).
  static func splitCSVHeader(_ line: String) -> [String] {
    line.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r\u{FEFF} "))
    }
  }
}

extension DatasetKind {
  /// The kind a sheet or file name stands for (projects, 项目, 部门, 指标 …).
  static func named(_ name: String) -> DatasetKind? {
    let lower = name.lowercased()
    if let kind = DatasetKind(fileName: lower.hasSuffix(".csv") ? lower : lower + ".csv") { return kind }
    if lower.contains("指标") { return .indicators }
    if lower.contains("部门") || lower.contains("整体") { return .departments }
    if lower.contains("资金") && !lower.contains("项目") { return .funds }
    if lower.contains("项目") { return .projects }
    return nil
  }

  /// The kind whose required columns all appear among `headers`, preferring the one
  /// that recognises the most columns.
  static func detect(headers: [String]) -> DatasetKind? {
    var best: (DatasetKind, Int)?
    for kind in DatasetKind.allCases {
      let columns = kind.columns
      guard columns.filter(\.required).allSatisfy({ spec in headers.contains { spec.matches($0) } }) else { continue }
      let matched = columns.filter { spec in spec.key != "year" && spec.key != "unit" && headers.contains { spec.matches($0) } }.count
      if matched > 0, best == nil || matched > best!.1 { best = (kind, matched) }
    }
    return best?.0
  }
}
