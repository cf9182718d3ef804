import QueryEngine
import Scoring

extension Renderer {
  /// `check`'s findings in the chosen format: the drawn table (table, markdown, line),
  /// a JSON array of findings, or CSV with one typed column per field.
  public func render(_ result: CheckResult) -> String {
    switch format {
    case .json: return findingsJSON(result)
    case .csv: return csv(Renderer.findingsData(result))
    case .table, .markdown, .line: return render(findingsTable(result))
    }
  }

  /// The findings as drawn: figure, reported, computed, the verdict's mark, note (year and
  /// unit first when several are audited), and the counts underneath. The mark column
  /// has no header in a bordered table, where it is one character wide.
  func findingsTable(_ result: CheckResult) -> ResultTable {
    var columns: [ResultTable.Column] = result.several ? [.init("year", numeric: true), .init("unit", numeric: false)] : []
    columns += [
      .init("figure", numeric: false), .init("reported", numeric: true), .init("computed", numeric: true),
      .init(format == .table ? "" : "verdict", numeric: false), .init("note", numeric: false),
    ]
    var table = ResultTable(
      columns: columns,
      rows: result.findings.map { f in
        (result.several ? [Value.integer(f.year), .text(f.unit)] : [])
          + [.text(f.figure), .text(f.reported.description), .text(f.computed.description), .text(f.verdict.rawValue), .text(f.note)]
      })
    table.showsRowCount = false
    table.notes = [Renderer.findingsSummary(result)]
    return table
  }

  /// "17 ✓ hold, 4 ✗ contradict …", naming the unit's year and the rules when one was audited.
  static func findingsSummary(_ result: CheckResult) -> String {
    let counts =
      "\(result.count(.holds)) ✓ hold, \(result.count(.wrong)) ✗ contradict the report's own data, \(result.count(.attention)) ! need a look"
    guard !result.several, let year = result.year, let unit = result.unit else { return counts }
    return "\(year) \(unit), rules \(result.rules): " + counts
  }

  /// The data form, for CSV and spreadsheets: year, unit, figure, reported, computed,
  /// verdict (a word), note; amounts in 万元, a percentage in percent points.
  static func findingsData(_ result: CheckResult) -> ResultTable {
    var table = ResultTable(
      columns: [
        .init("year", numeric: true), .init("unit", numeric: false), .init("figure", numeric: false), .init("reported", numeric: true),
        .init("computed", numeric: true), .init("verdict", numeric: false), .init("note", numeric: false),
      ],
      rows: result.findings.map { f in
        [.integer(f.year), .text(f.unit), .text(f.figure), f.reported.cell, f.computed.cell, .text(f.verdict.word), .text(f.note)]
      })
    table.showsRowCount = false
    return table
  }

  /// One object per finding. A figure is a JSON number where it is one (a percentage in
  /// percent points) with its printed unit beside it ("%", "元", "万元", else null), a
  /// string for a grade or text, null when there is none; the verdict is a word and a mark.
  func findingsJSON(_ result: CheckResult) -> String {
    if result.findings.isEmpty { return "[]\n" }
    var out = "[\n"
    for (i, f) in result.findings.enumerated() {
      let fields: [(String, String)] = [
        ("year", String(f.year)), ("unit", Renderer.jsonString(f.unit)), ("figure", Renderer.jsonString(f.figure)),
        ("reported", Renderer.json(f.reported)), ("reported_unit", f.reported.unit.map(Renderer.jsonString) ?? "null"),
        ("computed", Renderer.json(f.computed)), ("computed_unit", f.computed.unit.map(Renderer.jsonString) ?? "null"),
        ("verdict", Renderer.jsonString(f.verdict.word)), ("mark", Renderer.jsonString(f.verdict.rawValue)), ("note", Renderer.jsonString(f.note)),
      ]
      out += "  {" + fields.map { Renderer.jsonString($0.0) + ": " + $0.1 }.joined(separator: ", ")
      out += i == result.findings.count - 1 ? "}\n" : "},\n"
    }
    return out + "]\n"
  }

  static func json(_ figure: FigureValue) -> String {
    if let n = figure.number { return n }
    switch figure {
    case .grade(let g): return jsonString(g.description)
    case .text(let s): return jsonString(s)
    default: return "null"
    }
  }
}

extension FigureValue {
  /// The figure as a result cell: money in 万元, a percentage in percent points with the
  /// decimals it is shown with.
  var cell: Value {
    switch self {
    case .money(let m, _): .money(m)
    case .percent(let ratio, let places): places.map { .number(ratio * Fraction.hundred, places: $0) } ?? .exact(ratio * Fraction.hundred)
    case .count(let n): .integer(n)
    case .points(let f, let places): places.map { .number(f, places: $0) } ?? .exact(f)
    case .grade(let g): .grade(g)
    case .text(let s): .text(s)
    case .unknown, .none: .missing
    }
  }
}
