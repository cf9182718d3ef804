import QueryEngine

extension Phrasebook {
  /// The shell's words in Chinese: the form's own terms where it has them (预算执行率,
  /// 得分, 小计, 总分, 等级), units as the reports write them (万元, %, 分).
  public static let chinese = Phrasebook(
    language: .zh,
    entries: [fieldLabels, ChineseWords.results, ChineseWords.messages, ChineseWords.help])

  /// Field names as headers: the report's own labels.
  static var fieldLabels: String {
    Field.allCases.map { "\($0.rawValue) => \($0.chineseLabel)" }.joined(separator: "\n")
  }
}
