import Foundation
import Scoring
import Testing

@testable import DataStore

/// JSON values as dataset cells: true is not 1, and no number is rounded to fit.
@Suite struct JSONNumbersTests {
  static func load(_ budget: String) throws(LoadError) -> Store {
    let json = #"[{"year": 2023, "unit": "U", "seq": 1, "name": "N", "budget": \#(budget)}]"#
    let grid: Grid
    do {
      grid = try Grid.json(Data(json.utf8), file: "projects.json")
    } catch {
      throw LoadError(file: error.file, message: error.message)
    }
    return try TableImporter.parseText(grid.csv, label: "projects.json", kind: .projects)
  }

  static func error(_ budget: String) -> String? {
    Support.loadError { () throws(LoadError) in try load(budget) }?.description
  }

  /// `true` used to load as an amount of 1.
  @Test func trueIsNotANumber() {
    #expect(
      Self.error("true")
        == "projects.json:2: column 'budget' (field 5): 'true' is not an amount; expected 万元 with up to 4 decimals, e.g. 228.764")
    #expect(Grid.cellText(NSNumber(value: false)) == "false")
  }

  /// Numbers were printed with `%.4f`: 1.23456 loaded as 1.2346.
  @Test func moreThanFourDecimalsAreRefused() {
    for text in ["1.23456", "228.76400000000001", "12.3400000000000000001", "1.5e-7"] {
      #expect(Self.error(text)?.hasSuffix("has more than 4 decimals; expected an amount in 万元 with up to 4 decimals, e.g. 228.764") == true)
    }
    #expect(
      Self.error("1.23456")
        == "projects.json:2: column 'budget' (field 5): '1.23456' has more than 4 decimals; expected an amount in 万元 with up to 4 decimals, e.g. 228.764")
  }

  @Test(arguments: [
    ("228.764", 2_287_640), ("1.50000", 15_000), ("1E3", 10_000_000), ("999999999999.9999", 9_999_999_999_999_999),
    ("12", 120_000), ("0.0001", 1),
  ] as [(String, Int64)])
  func numbersLoadExactly(_ text: String, _ tenThousandths: Int64) throws {
    #expect(try Self.load(text).projects[0].budget == Money(tenThousandths: tenThousandths))
  }

  @Test func aNumberTooLargeSaysSo() {
    #expect(
      Self.error("12345678901234567890")
        == "projects.json:2: column 'budget' (field 5): '12345678901234567890' is too large; the largest amount accepted is 1000000000000")
    #expect(
      Self.error("1.5e20")
        == "projects.json:2: column 'budget' (field 5): '150000000000000000000' is too large; the largest amount accepted is 1000000000000")
  }
}
