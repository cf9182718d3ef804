import DataStore
import Foundation
import Scoring
import Shell
import Testing

/// A failed load changes nothing, and dataset files are only ever read.
@Suite struct NothingLostTests {
  /// A folder with good files and one bad one: the load throws and returns nothing.
  static func mixedFolder() throws -> String {
    let folder = try PropertySupport.temporaryFolder()
    let fm = FileManager.default
    for name in try fm.contentsOfDirectory(atPath: PropertySupport.datasets) where name.hasSuffix(".csv") {
      try fm.copyItem(atPath: PropertySupport.datasets + "/" + name, toPath: folder + "/" + name.replacing("2023", with: "2024"))
    }
    // Good files, then one with a bad budget in its last row.
    try Data("year,unit,seq,name,budget\n2030,新镇,1,好项目,10\n2030,新镇,2,坏项目,十万\n".utf8)
      .write(to: URL(fileURLWithPath: folder + "/projects-zz-bad.csv"))
    return folder
  }

  @Test func aFailedLoadReturnsNothing() throws {
    let folder = try Self.mixedFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let error = #expect(throws: LoadError.self) { try DatasetLoader.load(paths: [folder]) }
    #expect(error?.file.hasSuffix("projects-zz-bad.csv") == true)
    #expect(error?.line == 3)
  }

  @Test func aFailedLoadStatementLeavesTheStoreAsItWas() throws {
    let folder = try Self.mixedFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let (session, out, err) = PropertySupport.session(try PropertySupport.seedStore())
    #expect(session.run("let 3.spent = 100") == .ok)
    let before = session.engine.store
    let beforeLoaded = session.engine.loaded
    #expect(session.run("load '\(folder)'") == .failed)
    #expect(err.text.contains("projects-zz-bad.csv:3"))
    #expect(err.text.contains("nothing was loaded"))
    Self.expectSame(session.engine.store, before)
    Self.expectSame(session.engine.loaded, beforeLoaded)
    // A clash with what is loaded fails the same way.
    err.clear()
    #expect(session.run("load '\(PropertySupport.datasets)'") == .failed)
    #expect(err.text.contains("already loaded; nothing was loaded"))
    Self.expectSame(session.engine.store, before)
    try LimitsTests.expectSessionGoesOn(session, out, err)
  }

  static func expectSame(_ a: Store, _ b: Store, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect((0..<a.projects.count).map { a.projects[$0] } == (0..<b.projects.count).map { b.projects[$0] }, sourceLocation: sourceLocation)
    #expect(a.departments == b.departments, sourceLocation: sourceLocation)
    #expect(a.funds == b.funds, sourceLocation: sourceLocation)
    #expect(a.indicators == b.indicators, sourceLocation: sourceLocation)
    #expect(a.files == b.files, sourceLocation: sourceLocation)
  }

  /// Dataset files are opened read-only: a read-only copy loads, and is unchanged after.
  @Test func datasetFilesAreOpenedReadOnly() throws {
    let folder = try PropertySupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let fm = FileManager.default
    for name in try fm.contentsOfDirectory(atPath: PropertySupport.datasets) where name.hasSuffix(".csv") {
      try fm.copyItem(atPath: PropertySupport.datasets + "/" + name, toPath: folder + "/" + name)
      chmod(folder + "/" + name, 0o444)
    }
    let file = folder + "/projects-2023-shuangshanzi.csv"
    let before = try fm.attributesOfItem(atPath: file)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
    let store = try DatasetLoader.load(paths: [folder])
    #expect(store.projects.count == 19)
    let after = try fm.attributesOfItem(atPath: file)
    #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == bytes)
    #expect(before[.modificationDate] as? Date == after[.modificationDate] as? Date)
    #expect(after[.posixPermissions] as? Int == 0o444)
    // No loader or importer opens a file for writing or update (the loader maps files
    // with Data(contentsOf:options: .alwaysMapped), a private read-only mapping).
    for file in ["DatasetLoader.swift", "RuleLoader.swift", "Import/TableImporter.swift", "Import/ReportImporter.swift", "Import/WorkbookReader.swift"] {
      let path = PropertySupport.root + "/Sources/DataStore/" + file
      guard let source = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
      for writing in ["forUpdating", "forWriting", "O_RDWR", "O_WRONLY", "accessMode: .update", "accessMode: .create", ".write(to:", "PROT_WRITE"] {
        #expect(!source.contains(writing), "\(file) uses \(writing)")
      }
    }
  }
}
