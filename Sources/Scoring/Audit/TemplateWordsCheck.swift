/// Words of the report template that were never filled in: the choices 我局（办、委） and
/// 科室（单位）, the template's guidance (内容主要包括…), placeholders (××), a 局's words in
/// a report that is not a 局's (局属预算单位), and the finance bureau of another kind of
/// place (区财政局 where the unit is in a 县). Each is worth a look, with its line.
public struct TemplateWordsCheck: AuditRule {
  public init() {}

  /// Template text and why it is one; longer entries first, so that a word inside one
  /// already found is not reported again.
  static let words: [(String, String)] = [
    ("我局（办、委）", "the template's 我局（办、委） was never replaced by the unit"),
    ("我局(办、委)", "the template's 我局(办、委) was never replaced by the unit"),
    ("科室（单位）", "the template's choice 科室（单位） was left as it is"),
    ("内容主要包括", "the template's guidance on what the section should say was left in"),
    ("××", "a placeholder (××) was never filled in"),
    ("XXX", "a placeholder (XXX) was never filled in"),
  ]

  public func findings(_ input: AuditInput) -> [Finding] {
    guard let report = input.report else { return [] }
    var out: [Finding] = []
    let bureau = input.unit.hasSuffix("局")
    let county = Self.county(report.heading)
    for line in report.prose {
      var text = line.text
      for (word, why) in Self.words where text.contains(word) {
        out.append(input.finding(line: line.number, "template words", .text(word), .none, why))
        text = text.replacing(word, with: " ")
      }
      if !bureau {
        for word in ["局属", "我局"] where text.contains(word) {
          out.append(input.finding(line: line.number, "template words", .text(word), .none, "\(word) is a 局's word; the report is \(input.unit)'s"))
          text = text.replacing(word, with: " ")
        }
      }
      if let (name, kind) = county {
        let other = kind == "县" ? "区" : "县"
        if text.contains("\(other)财政局") {
          out.append(
            input.finding(
              line: line.number, "template words", .text("\(other)财政局"), .text("\(kind)财政局"),
              "the unit is in \(name), a \(kind): its finance bureau is the \(kind)财政局; \(other)财政局 is the template's"))
        }
      }
    }
    return out
  }

  /// The 县 or 区 the heading names: 青龙满族自治县双山子镇人民政府 → (青龙满族自治县, 县).
  static func county(_ heading: String) -> (String, Character)? {
    for kind: Character in ["县", "区"] {
      if let i = heading.firstIndex(of: kind), !heading[heading.index(after: i)...].contains(kind == "县" ? "区" : "县") {
        return (String(heading[...i]), kind)
      }
    }
    return nil
  }
}
