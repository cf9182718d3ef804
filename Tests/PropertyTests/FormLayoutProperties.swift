import Foundation
import Scoring
import Testing

@testable import DataStore

/// Damaged forms: the 廊坊 form's cells blanked, replaced, moved and repeated at random.
/// Every one is read whole or refused with a place and a reason; none crashes, and what is
/// read holds together.
@Suite struct FormLayoutProperties {
  static let langfang = PropertySupport.root + "/Tests/ShellTests/Fixtures/forms/xlsx/langfang-2019.xlsx"
  static let vocabulary = [
    "", "总分", "项目名称", "实施单位", "年初预算数", "三级指标", "一级指标", "分值", "得分", "执行率", "—", "0", "10", "-3", "86%", "0.86",
    "≥95%", "≤1.2元/人", "及时", "达成", "未达成", "432000元", "43.2万元", "1e9", "99999999999999999", "自评等级：优", "产出指标（50分）", "（2019年度）",
  ]

  @Test func damagedFormsAreReadWholeOrRefused() throws {
    let rows = try WorkbookReader.sheets(Self.langfang)[0].grid.rows
    var rng = SplitMix64(seed: 16)
    var read = 0
    var refused = 0
    for _ in 0..<2000 {
      var grid = rows
      for _ in 0..<Int.random(in: 1...6, using: &rng) {
        let r = Int.random(in: 0..<grid.count, using: &rng)
        switch Int.random(in: 0..<5, using: &rng) {
        case 0:
          if !grid[r].isEmpty { grid[r][Int.random(in: 0..<grid[r].count, using: &rng)] = "" }
        case 1:
          if !grid[r].isEmpty { grid[r][Int.random(in: 0..<grid[r].count, using: &rng)] = Self.vocabulary.randomElement(using: &rng)! }
        case 2:
          if grid.count > 1 { grid.remove(at: r) }
        case 3: grid.insert(grid[r], at: Int.random(in: 0...grid.count, using: &rng))
        default: grid[r] = Array(grid[r].dropFirst())
        }
      }
      let form = FormGrid(rows: grid, placeWord: "row")
      do {
        let f = try FormLayout.read(form, file: "damaged.xlsx")
        read += 1
        #expect(!f.project.name.isEmpty && !f.project.unit.isEmpty)
        #expect(!f.indicators.isEmpty)
        #expect(f.indicators.allSatisfy { $0.weight >= 0 && ($0.points ?? 0) >= 0 })
        #expect(f.indicators.count == f.deviationNotes.count && f.indicators.count == f.actualsAsWritten.count)
      } catch {
        refused += 1
        #expect(!error.message.isEmpty)
      }
    }
    // Both outcomes occur: the damage is neither always harmless nor always fatal.
    #expect(read > 100 && refused > 100)
  }

  /// Laid-out text of any shape becomes a grid with a place for every row.
  @Test func anyLaidOutTextBecomesAGrid() {
    var rng = SplitMix64(seed: 61)
    let pieces = ["年初预算数", "三级指标", "  ", "     ", "\u{0C}", "\n", "43.2", "项目名称", "　", "产出指标", "\t"]
    for _ in 0..<2000 {
      let text = (0..<Int.random(in: 0...40, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
      let grid = PDFText.grid(text)
      #expect(grid.rows.count == grid.places.count)
      _ = PDFText.reportText(text)
    }
  }
}
