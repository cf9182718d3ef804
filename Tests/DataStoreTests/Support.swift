import Foundation

@testable import DataStore

/// Helpers shared by the DataStore tests.
enum Support {
  /// Repository root: this file is `<root>/Tests/DataStoreTests/Support.swift`.
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static var datasetsFolder: String { repositoryRoot.appendingPathComponent("datasets").path }

  /// Parses CSV text as a dataset file of `kind`.
  static func parse(_ text: String, kind: DatasetKind = .projects, file: String = "projects.csv") throws(LoadError) -> Store {
    try parse(bytes: Array(text.utf8), kind: kind, file: file)
  }

  static func parse(bytes: [UInt8], kind: DatasetKind = .projects, file: String = "projects.csv") throws(LoadError) -> Store {
    let result = bytes.withUnsafeBufferPointer { buffer -> Result<Store, LoadError> in
      Result { () throws(LoadError) -> Store in try DatasetLoader.parse(buffer, file: file, kind: kind) }
    }
    return try result.get()
  }

  /// The error `body` throws, or nil when it throws none.
  static func loadError(_ body: () throws(LoadError) -> Store) -> LoadError? {
    do {
      _ = try body()
      return nil
    } catch {
      return error
    }
  }

  /// Every record of `text` as trimmed field texts, with the line each record starts on.
  static func records(_ text: String) throws(DelimitedReader.Problem) -> [(line: Int, fields: [String])] {
    try records(bytes: Array(text.utf8))
  }

  static func records(bytes: [UInt8]) throws(DelimitedReader.Problem) -> [(line: Int, fields: [String])] {
    let result = bytes.withUnsafeBufferPointer { buffer -> Result<[(line: Int, fields: [String])], DelimitedReader.Problem> in
      Result { () throws(DelimitedReader.Problem) -> [(line: Int, fields: [String])] in
        var reader = DelimitedReader(bytes: buffer)
        var out: [(line: Int, fields: [String])] = []
        while try reader.next() {
          out.append((reader.recordLine, (0..<reader.fields.count).map { reader.text($0) }))
        }
        return out
      }
    }
    return try result.get()
  }
}

/// A fresh folder under the temporary directory, removed when the value goes away.
final class TemporaryFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-datastore-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  var path: String { url.path }

  /// Writes `text` as UTF-8 to `name` (folders created as needed); returns the full path.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    try write(name, bytes: Array(text.utf8))
  }

  @discardableResult
  func write(_ name: String, bytes: [UInt8]) throws -> String {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: file)
    return file.path
  }

  @discardableResult
  func makeFolder(_ name: String) throws -> String {
    let folder = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.path
  }
}
