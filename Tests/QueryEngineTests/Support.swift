import DataStore
import Foundation
import QuerySyntax
import Scoring

@testable import QueryEngine

/// The bundled `datasets/` folder and ways to run statements against it.
enum Seed {
  /// Repository root: this file is `<root>/Tests/QueryEngineTests/Support.swift`.
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func store() throws -> Store {
    try DatasetLoader.load(paths: [repositoryRoot.appendingPathComponent("datasets").path])
  }

  static func engine() throws -> Engine { Engine(store: try store()) }
}

/// A store from inline CSV text of projects.
func projectStore(_ csv: String) throws -> Store {
  let bytes = Array(csv.utf8)
  let result = bytes.withUnsafeBufferPointer { buffer -> Result<Store, LoadError> in
    Result { () throws(LoadError) -> Store in try DatasetLoader.parse(buffer, file: "projects.csv", kind: .projects) }
  }
  return try result.get()
}

struct NotATable: Error {
  var outcome: Outcome
}

struct NoStatement: Error {}

/// Runs the first statement of `text` on `engine`.
func run(_ text: String, on engine: inout Engine) throws -> Outcome {
  guard let parsed = try Parser.parse(text).first else { throw NoStatement() }
  return try engine.execute(parsed)
}

/// Runs `text` on a fresh engine over the seed.
func run(_ text: String) throws -> Outcome {
  var engine = try Seed.engine()
  return try run(text, on: &engine)
}

func table(_ text: String, store: Store? = nil) throws -> ResultTable {
  var engine = try store.map { Engine(store: $0) } ?? Seed.engine()
  let outcome = try run(text, on: &engine)
  guard case .table(let t) = outcome else { throw NotATable(outcome: outcome) }
  return t
}

/// The evaluation error `text` raises on the seed, or nil.
func evaluationError(_ text: String, store: Store? = nil) throws -> EvaluationError? {
  var engine = try store.map { Engine(store: $0) } ?? Seed.engine()
  guard let parsed = try Parser.parse(text).first else { throw NoStatement() }
  do {
    _ = try engine.execute(parsed)
    return nil
  } catch {
    return error
  }
}

extension ResultTable {
  var columnNames: [String] { columns.map(\.name) }

  /// The cells of one column, by name.
  func column(_ name: String) -> [Value] {
    guard let i = columns.firstIndex(where: { $0.name == name }) else { return [] }
    return rows.map { $0[i] }
  }

  /// Every cell as displayed.
  var displayed: [[String]] { rows.map { $0.map(\.display) } }

  /// The single cell of a one-row, one-column result.
  var single: Value? { rows.count == 1 && columns.count == 1 ? rows[0][0] : nil }
}

/// The byte range of the first `part` in `source`.
func range(of part: String, in source: String) -> SourceRange {
  let s = Array(source.utf8)
  let p = Array(part.utf8)
  var i = 0
  while i + p.count <= s.count {
    if Array(s[i..<(i + p.count)]) == p { return SourceRange(i, i + p.count) }
    i += 1
  }
  return SourceRange(-1, -1)
}
