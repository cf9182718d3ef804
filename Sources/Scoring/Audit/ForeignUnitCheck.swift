/// Paragraphs copied from another unit's report: the text speaks as a unit of another
/// kind (我乡, 全乡, 乡政府 in a 镇's report, or the reverse), or names another place as the
/// one its work is for (建设…美丽新八道河 in 双山子镇's). Each is worth a look, with its line.
public struct ForeignUnitCheck: AuditRule {
  public init() {}

  /// The words a 乡 or a 镇 uses of itself.
  static func selfWords(_ level: Character) -> [String] {
    ["我", "本", "全"].map { "\($0)\(level)" } + ["政府", "党委", "人大", "纪委"].map { "\(level)\($0)" }
  }

  /// Phrases that end in the name of the place the work is for.
  static let visionPhrases = ["美丽新", "和谐新", "幸福新", "魅力新"]

  public func findings(_ input: AuditInput) -> [Finding] {
    guard let report = input.report else { return [] }
    let (place, level) = Self.place(input.unit)
    var out: [Finding] = []
    for line in report.prose {
      if let level {
        let other: Character = level == "乡" ? "镇" : "乡"
        for word in Self.selfWords(other)
        // 乡镇, 城乡, 乡村, 村镇 and 城镇 are words of their own, not a unit speaking.
        where ReportWords.occurs(word, in: line.text, accept: { before, after in
          word.hasPrefix(String(other)) ? !["城", "村", "乡", "镇"].contains(before) : !["村", "镇", "乡"].contains(after)
        }) {
          out.append(
            input.finding(
              line: line.number, "copied text", .text(word), .text(word.replacing(String(other), with: String(level))),
              "\(word) — this is the report of \(input.unit), a \(level), not a \(other): a paragraph from another unit's report?"))
        }
      }
      for phrase in Self.visionPhrases {
        var rest = line.text[...]
        while let r = rest.firstRange(of: phrase) {
          let name = String(rest[r.upperBound...].prefix { !"的，。、；：“”（）() ,.".contains($0) }.prefix(6))
          rest = rest[r.upperBound...]
          guard !name.isEmpty, place.isEmpty || (!name.contains(place) && !place.contains(name)) else { continue }
          out.append(
            input.finding(
              line: line.number, "copied text", .text(name), place.isEmpty ? .none : .text(place),
              "\(phrase)\(name): the work is said to be for \(name), but the report is \(input.unit)'s: a paragraph from another unit's report?"))
        }
      }
    }
    return out
  }

  /// The unit's place name and whether it is a 乡 or a 镇: 双山子镇人民政府 → (双山子, 镇).
  static func place(_ unit: String) -> (String, Character?) {
    let name = unit.firstRange(of: "人民政府").map { String(unit[..<$0.lowerBound]) } ?? unit
    guard let last = name.last, last == "乡" || last == "镇" else { return (name, nil) }
    return (String(name.dropLast()), last)
  }
}
