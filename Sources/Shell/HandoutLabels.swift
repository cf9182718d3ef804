/// Every word a handout prints that is not data, in one place, so that a translation
/// is one more value of this type rather than edits across the writer.
public struct HandoutLabels: Sendable {
  /// The page's language tag (`lang`), for hyphenation and fonts.
  public var language = "en"
  public var check = "Check"
  public var explain = "Score explained"
  public var result = "Result"
  public var rules = "rules"
  public var rows = "rows"
  public var row = "row"
  public var figure = "figure"
  public var reported = "reported"
  public var computed = "computed"
  public var verdict = "verdict"
  public var note = "note"
  public var year = "year"
  public var unit = "unit"
  public var holds = "hold"
  public var wrong = "contradict the report's own data"
  public var attention = "need a look"
  public var noFindings = "none"
  public var summary = "Summary"
  public var section = "section"
  public var step = "step"
  public var formula = "formula"
  public var points = "points"
  public var maximum = "max"
  public var total = "总分"
  public var grade = "grade"
  public var recorded = "recorded"
  public var working = "Working"
  public var pointsPerSection = "Points per section"
  public var label = "label"
  public var value = "value"
  public var unknown = "unknown"
  public var edited = "* edited for this session"
  public var marked = "← changed"

  /// The shell's words, for headers, notes and the sentences of results.
  public var words = Phrasebook.english

  public init() {}

  /// The labels in the phrasebook's language.
  public init(_ words: Phrasebook) {
    self.words = words
    guard words.language != .en else { return }
    language = words.language == .zh ? "zh-CN" : words.language.rawValue
    for path in HandoutLabels.texts { self[keyPath: path] = words.cell(self[keyPath: path]) }
  }

  /// Every label that is text to translate.
  static var texts: [WritableKeyPath<HandoutLabels, String>] { [
    \.check, \.explain, \.result, \.rules, \.rows, \.row, \.figure, \.reported, \.computed, \.verdict, \.note, \.year, \.unit,
    \.holds, \.wrong, \.attention, \.noFindings, \.summary, \.section, \.step, \.formula, \.points, \.maximum, \.grade,
    \.recorded, \.working, \.pointsPerSection, \.label, \.value, \.unknown, \.edited, \.marked,
  ] }

  /// The labels in English, the shell's default language.
  public static let english = HandoutLabels()
}
