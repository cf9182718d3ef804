import Foundation
import Scoring
import Testing

@testable import DataStore

/// The rule sets compiled into the program, and the folders that add to them.
@Suite struct BundledRulesTests {
  /// rules/ is where the shipped sets are written; the compiled copy must match it.
  @Test func theCompiledRulesAreTheFilesInRules() throws {
    let folder = Support.repositoryRoot.appendingPathComponent("rules")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
    #expect(BundledRules.files.map(\.name) == names, "run scripts/bundle_rules.py")
    for (name, json) in BundledRules.files {
      let file = try Data(contentsOf: folder.appendingPathComponent(name))
      #expect(Data(json.utf8) == file, "\(name) differs from rules/\(name); run scripts/bundle_rules.py")
    }
  }

  @Test func bundledSetsLoadWithTheirFigures() throws {
    let sets = try RuleLoader.bundled()
    #expect(sets.keys.sorted() == ["national", "twenty"])
    #expect(sets["national"]?.weights[.execution] == Fraction(10))
    #expect(sets["twenty"]?.weights[.execution] == Fraction(20))
    #expect(sets["twenty"]?.weights[.output] == Fraction(40))
  }

  static func ruleFile(_ name: String, rate: Int, output: Int) -> String {
    """
    {"name": "\(name)", "bands": {"优": 90, "良": 80, "中": 60},
     "weights": {"产出": \(output), "效益": 30, "满意度": 10, "执行率": \(rate)},
     "tiers": {"达成": [80, 100], "部分达成": [60, 80], "未达成": [0, 60]}}
    """
  }

  @Test func foldersAddAndReplaceInOrder() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("jx-rules-\(UUID().uuidString)")
    let user = root.appendingPathComponent("user")
    let explicit = root.appendingPathComponent("explicit")
    try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: explicit, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try Self.ruleFile("twenty", rate: 30, output: 30).write(to: user.appendingPathComponent("t.json"), atomically: true, encoding: .utf8)
    try Self.ruleFile("local", rate: 15, output: 45).write(to: user.appendingPathComponent("local.json"), atomically: true, encoding: .utf8)
    try Self.ruleFile("local", rate: 5, output: 55).write(to: explicit.appendingPathComponent("l.json"), atomically: true, encoding: .utf8)

    let sets = try RuleLoader.load(folders: [user.path, root.appendingPathComponent("absent").path], explicit: explicit.path)
    #expect(sets.keys.sorted() == ["local", "national", "twenty"])
    #expect(sets["twenty"]?.weights[.execution] == Fraction(30))  // the user's folder replaced the built-in set
    #expect(sets["local"]?.weights[.execution] == Fraction(5))  // --rules, read last, replaced the user's
    #expect(sets["national"]?.weights[.execution] == Fraction(10))

    // A folder named with --rules must exist; the standard ones need not.
    #expect(throws: LoadError.self) { try RuleLoader.load(folders: [], explicit: root.appendingPathComponent("absent").path) }
  }

  @Test func standardFolders() {
    #expect(RuleLoader.folders(environment: ["XDG_CONFIG_HOME": "/c", "HOME": "/h"]) == ["/c/jixiao/rules", "rules"])
    #expect(RuleLoader.folders(environment: ["XDG_CONFIG_HOME": "c", "HOME": "/h"]) == ["/h/.config/jixiao/rules", "rules"])
    #expect(RuleLoader.folders(environment: [:]) == ["rules"])
  }
}
