import Foundation

/// Reads a statement file for `.read`.
enum ScriptFile {
  static func read(_ path: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return String(data: data, encoding: .utf8)
  }
}
