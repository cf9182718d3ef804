import Foundation
import Testing

@testable import DataStore

/// Indicator rows the rules cannot score are refused at load, with file, line and
/// column; the same rows loaded twice are refused like repeated projects; rows whose
/// project is not loaded are kept with a warning.
@Suite struct IndicatorGuardTests {
  static let header = "year,unit,seq,level1,level2,name,kind,target,actual,weight,points\n"
  static var fixtures: String { Support.repositoryRoot.appendingPathComponent("Tests/ShellTests/Fixtures").path }

  static func error(_ rows: String) -> String? {
    Support.loadError { () throws(LoadError) -> Store in
      try Support.parse(header + rows, kind: .indicators, file: "indicators.csv")
    }?.description
  }

  /// 50 × min(−100 ÷ 60, 1) was −83.33 points and the total −33.33.
  @Test func aNegativeActualIsRefused() {
    #expect(
      Self.error("2021,单位,1,产出,数量,完成数量,正向,≥60,50,50,50\n2021,单位,1,产出,数量,完成数量2,正向,≥60,-100,50,0\n")
        == "indicators.csv:3: column 'actual' (field 9): '-100' is negative; the rules define points only for actual values of 0 or more")
  }

  @Test func aNegativeTargetIsRefused() {
    #expect(
      Self.error("2021,单位,1,产出,成本,单位成本,反向,≤-5,3,50,50\n")
        == "indicators.csv:2: column 'target' (field 8): '≤-5' is negative; the rules define points only for targets of 0 or more")
  }

  @Test func aTargetWhoseSignContradictsTheKindIsRefused() {
    #expect(
      Self.error("2021,单位,1,产出,数量,完成数量,正向,≤50,40,50,40\n")
        == "indicators.csv:2: column 'target' (field 8): '≤50' says at most, but the indicator is 正向 (more is better); write the target as ≥ X, or make the kind 反向")
    #expect(
      Self.error("2021,单位,1,产出,成本,单位成本,≤,＞15,16,10,9\n")
        == "indicators.csv:2: column 'target' (field 8): '＞15' says at least, but the indicator is 反向 (less is better); write the target as ≤ X, or make the kind 正向")
    // A sign that agrees, or none, loads.
    #expect(Self.error("2021,单位,1,产出,数量,完成数量,正向,≥50,40,50,40\n2021,单位,1,产出,成本,单位成本,反向,15,16,10,9\n") == nil)
  }

  /// Loading the fixture's indicators twice doubled every row; now the second file is
  /// refused at its first row, as a repeated project is.
  @Test func theSameIndicatorsLoadedTwiceAreRefused() throws {
    let file = Self.fixtures + "/guardrails/indicators-guardrails.csv"
    let error = Support.loadError { () throws(LoadError) -> Store in try DatasetLoader.load(paths: [file, file]) }
    #expect(
      error?.description
        == "\(file):2: column 'name': duplicate indicator: year 2021, unit 示例核查单位, seq 1, 产出指标 · 数量指标 · 完成数量 is already loaded from another file; expected each project's indicators to be loaded once")
    // The same check refuses a copy loaded into a session (a folder holding it).
    let store = try DatasetLoader.load(paths: [Self.fixtures + "/guardrails"])
    let part = try DatasetLoader.load(paths: [file])
    let again = Support.loadError { () throws(LoadError) -> Store in
      try DatasetLoader.checkClashes(part, against: store, file: file)
      return part
    }
    #expect(again?.line == 2)
  }

  /// Rows for seq 99, which no loaded project has, load with one warning naming their
  /// first line; the row for #1 does not warn.
  @Test func rowsWithoutTheirProjectWarn() throws {
    let store = try DatasetLoader.load(paths: [Self.fixtures + "/guardrails/projects-guardrails.csv"])
    let file = Self.fixtures + "/guardrails-orphan/indicators-orphan.csv"
    let part = try DatasetLoader.load(paths: [file])
    var all = store
    all.merge(part)
    #expect(
      DatasetLoader.orphanIndicatorWarnings(part, in: all)
        == ["\(file):3: 2 indicator rows are for year 2021, unit 示例核查单位, seq 99, which is not a loaded project; no score uses them"])
    #expect(DatasetLoader.orphanIndicatorWarnings(store, in: store).isEmpty)
  }
}
