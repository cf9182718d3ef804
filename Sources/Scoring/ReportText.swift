/// The text of an imported report, line by line as the file has it, kept so that `check`
/// can audit the prose as well as the figures and name the line of each finding.
public struct ReportText: Hashable, Sendable {
  public struct Line: Hashable, Sendable {
    /// 1-based, as an editor counts lines.
    public var number: Int
    public var text: String

    public init(number: Int, text: String) {
      self.number = number
      self.text = text
    }
  }

  public var year: Int
  /// The unit as the report's table (or heading) names it, the one its figures belong to.
  public var unit: String
  /// The first line with text: the full name of the unit (青龙满族自治县双山子镇人民政府).
  public var heading: String
  public var lines: [Line]

  public init(year: Int, unit: String, heading: String, lines: [Line]) {
    self.year = year
    self.unit = unit
    self.heading = heading
    self.lines = lines
  }

  /// The lines of prose: not blank, and not a cell or row of the project table (a line
  /// with a tab, or a pipe-table row), whose project names are data, not wording.
  public var prose: [Line] {
    lines.filter { line in
      let t = line.text.trimmingSpaces
      return !t.isEmpty && !line.text.contains("\t") && !t.hasPrefix("|")
    }
  }
}

extension String {
  /// Without leading and trailing spaces (ASCII and ideographic), which set headings off.
  var trimmingSpaces: Substring {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }
    var s = Substring(self)
    while let c = s.first, isSpace(c) { s = s.dropFirst() }
    while let c = s.last, isSpace(c) { s = s.dropLast() }
    return s
  }
}
