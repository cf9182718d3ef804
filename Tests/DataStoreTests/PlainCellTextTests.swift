import Scoring
import Testing

@testable import DataStore

/// Cells read by their bytes (trimming, an indicator's number and sign) against the same
/// cells read by Characters, on random text that mixes plain characters with combining
/// and prepended marks, so both the byte path and the Character fallback are met.
@Suite struct PlainCellTextTests {
  /// The target's SplitMix64, so a failing case can be replayed.
  typealias Generator = ProjectPiecesTests.Generator

  /// Pieces of cells: digits and points (most often), signs, spaces, units, separators,
  /// and characters that join a neighbour (U+0301 after it, U+0600 before it).
  static let pieces: [String] = [
    "0", "1", "5", "9", "3", ".", ".", "42", "7.25", ",", "，", " ", " ", "\u{3000}", "\t", "≥", "≤", "≦", "≧", ">", "<", "=",
    "＞", "＜", "＝", "个", "万元", "人", "%", "％", "-", "+", "a", "X", "\u{0301}", "\u{0600}", "é", "㎡", "、", "完成", "\"",
  ]

  static func cell(_ g: inout Generator) -> String {
    (0..<Int.random(in: 0...8, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
  }

  @Test func bareNumbersAndSignsAgreeWithTheCharacterReading() {
    var g = Generator(state: 11)
    for _ in 0..<40_000 {
      let t = Self.cell(&g)
      #expect(PlainCellText.bareNumber(t) == DecimalText.parse(Indicator.bareNumber(t)), "\(t.unicodeScalars.map { $0.value })")
      let first = t.trimmingPrefix { $0 == " " || $0 == "\u{3000}" }.first
      let sign = PlainCellText.leadingSign(t)
      let less: Set<Character> = ["≤", "<", "＜", "≦"]
      let more: Set<Character> = ["≥", ">", "＞", "≧"]
      #expect(sign.map(IndicatorCells.lessSigns.contains) ?? false == first.map(less.contains) ?? false, "\(t.unicodeScalars.map { $0.value })")
      #expect(sign.map(IndicatorCells.moreSigns.contains) ?? false == first.map(more.contains) ?? false, "\(t.unicodeScalars.map { $0.value })")
    }
  }

  @Test func cellsTrimAsTheirTextTrims() {
    var g = Generator(state: 12)
    for _ in 0..<40_000 {
      let t = Self.cell(&g)
      // Quotes doubled by their bytes: by Characters a quote joined to a mark is not one.
      let line: [UInt8] = [0x22] + t.utf8.flatMap { $0 == 0x22 ? [$0, $0] : [$0] } + [0x22, 0x0A]
      line.withUnsafeBufferPointer { bytes in
        var reader = DelimitedReader(bytes: bytes)
        guard (try? reader.next()) == true else {
          Issue.record("no record in \(line)")
          return
        }
        #expect(reader.text(0) == String(decoding: Array(t.utf8), as: UTF8.self).trimmingSpaces(), "\(t.unicodeScalars.map { $0.value })")
        if let parsed = reader.withTrimmedBytes(0, { DecimalText.parse($0) }) {
          #expect(parsed == DecimalText.parse(reader.text(0)), "\(t.unicodeScalars.map { $0.value })")
        }
      }
    }
  }

  /// Tiers as they were read before the byte prefixes: lowercased, by Characters.
  static func referenceTier(_ text: String) -> Tier? {
    let t = text.lowercased()
    if t.hasPrefix("未达成") || t == "not achieved" || t == "notachieved" { return .notAchieved }
    if t.hasPrefix("部分达成") || t == "partly achieved" || t == "partlyachieved" || t == "partly" { return .partlyAchieved }
    if t.hasPrefix("达成") || t == "achieved" { return .achieved }
    return nil
  }

  @Test func tiersReadAsTheCharacterReadingOnRandomText() {
    var g = Generator(state: 13)
    let parts = ["未", "达成", "部分", "年度指标", "\u{0301}", "\u{0600}", "Achieved", "partly", " ", "NOT achieved", "A", "é", "，"]
    for _ in 0..<20_000 {
      let t = (0..<Int.random(in: 0...4, using: &g)).map { _ in parts.randomElement(using: &g)! }.joined()
      #expect(Tier(t) == Self.referenceTier(t), "\(t.unicodeScalars.map { $0.value })")
    }
  }

  @Test func kindsAndTiersReadAsBefore() {
    #expect(IndicatorKind("正向") == .positive)
    #expect(IndicatorKind("定量反向") == .negative)
    #expect(IndicatorKind("Qualitative") == .qualitative)
    #expect(IndicatorKind("正向\u{0301}") == nil)
    #expect(Tier("未达成年度指标且效果较差") == .notAchieved)
    #expect(Tier("部分达成") == .partlyAchieved)
    #expect(Tier("达成年度指标") == .achieved)
    #expect(Tier("Partly Achieved") == .partlyAchieved)
    #expect(Tier("成") == nil)
  }
}
