import DataStore
import Foundation
import QueryEngine
import Scoring

/// `export html`: one self-contained page for handing out or printing, built from the
/// result as data (findings, an explanation, a table, a chart).
///
/// Everything is in the one file: the style sheet inline, charts as inline SVG, no
/// script, no font, image or link to fetch, so the page reads the same offline and in
/// ten years. The print style fits A4: tables take the page's width and wrap long text,
/// header rows repeat, rows are not split, and each part starts on a new page.
public enum HandoutWriter {
  /// What a handout shows.
  public enum Subject: Sendable, Equatable {
    case table(ResultTable)
    case findings(CheckResult)
    case explanation(ScoreExplanation)
    case chart(Chart)

    /// The rows the page lists (findings, steps, rows, bars), for the confirmation.
    var count: Int {
      switch self {
      case .table(let t): t.rows.count
      case .findings(let r): r.findings.count
      case .explanation(let e): e.sections.reduce(0) { $0 + $1.steps.count }
      case .chart(let c): c.bars.count
      }
    }
  }

  /// Writes the page through SafeFile (whole or not at all, never over loaded data);
  /// returns the rows it lists.
  static func write(
    _ subject: Subject, _ request: ExportRequest, labels: HandoutLabels = .english, protected: ProtectedFiles = ProtectedFiles()
  ) throws(WriteError) -> Int {
    let options = SafeFile.Options(replace: request.force, protected: protected)
    try SafeFile.check(request.path, options: options)
    try SafeFile.write(Data(page(subject, labels: labels).utf8), to: request.path, options: options)
    return subject.count
  }

  /// The whole page.
  public static func page(_ subject: Subject, labels: HandoutLabels = .english) -> String {
    let (title, meta, parts): (String, String?, [String])
    switch subject {
    case .findings(let r): (title, meta, parts) = findings(labels.words.translated(r), labels)
    case .explanation(let e): (title, meta, parts) = explanation(labels.words.translated(e), labels)
    case .table(let t): (title, meta, parts) = (labels.result, nil, [table(t, labels)])
    case .chart(let c): (title, meta, parts) = (labels.words(c.title), nil, [chart(c, labels)])
    }
    var out = "<!DOCTYPE html>\n<html lang=\"\(esc(labels.language))\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<title>\(esc(title))</title>\n<style>\n\(style)</style>\n</head>\n<body>\n"
    out += "<header>\n<h1>\(esc(title))</h1>\n" + (meta.map { "<p class=\"meta\">\(esc($0))</p>\n" } ?? "") + "</header>\n"
    for part in parts { out += "<section class=\"part\">\n" + part + "</section>\n" }
    return out + "</body>\n</html>\n"
  }

  static func esc(_ s: String) -> String { HTMLText.escaped(s) }

  /// A4 with room for a binding margin; 9pt tables so that a note of a hundred
  /// characters takes two or three lines, not a page.
  static let style = """
    @page { size: A4; margin: 14mm 14mm 16mm 14mm; }
    html { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 10pt; color: #111; background: #fff; }
    body { margin: 0; }
    @media screen { body { max-width: 182mm; margin: 8mm auto; } }
    h1 { font-size: 15pt; margin: 0 0 1mm; }
    h2 { font-size: 12pt; margin: 5mm 0 2mm; break-after: avoid; }
    h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
    p { margin: 1mm 0; }
    .meta { color: #444; margin-bottom: 4mm; }
    section.part + section.part { break-before: page; }
    table { width: 100%; border-collapse: collapse; font-size: 9pt; margin: 1mm 0 2mm; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    th, td { border: 0.5pt solid #999; padding: 0.8mm 1.4mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
    th { background: #eee; font-weight: 600; }
    th.num, td.num { text-align: right; overflow-wrap: break-word; font-variant-numeric: tabular-nums; }
    table.fixed { table-layout: fixed; }
    tr.marked td { background: #fff2c2; }
    td.mark { border: none; width: 1em; }
    .figures { display: flex; flex-wrap: wrap; gap: 3mm; margin: 2mm 0 3mm; }
    .figure { border: 0.5pt solid #999; border-radius: 1mm; padding: 1.5mm 3mm; }
    .figure b { font-size: 15pt; display: block; }
    .holds { color: #17612b; } .wrong { color: #a61b1b; } .attention { color: #8a5a00; }
    table.bars td { border: none; padding: 0.6mm 1.4mm; vertical-align: middle; }
    table.bars td.bar { width: 55%; }
    svg { display: block; width: 100%; }
    svg.stack { height: 5mm; margin: 1mm 0 3mm; }
    svg.bar { height: 3.6mm; }
    svg.spark { height: 12mm; margin: 2mm 0; }
    .notes { color: #333; }

    """

  // MARK: check

  static func findings(_ r: CheckResult, _ l: HandoutLabels) -> (String, String?, [String]) {
    var title = l.check
    if !r.several, let year = r.year, let unit = r.unit { title += " · \(year) \(unit)" }
    let meta = "\(l.rules): \(r.rules)"
    let groups: [(Finding.Verdict, String)] = [(.wrong, l.wrong), (.attention, l.attention), (.holds, l.holds)]
    var summary = "<h2>\(esc(l.summary))</h2>\n<div class=\"figures\">\n"
    for (verdict, words) in [(Finding.Verdict.holds, l.holds), (.wrong, l.wrong), (.attention, l.attention)] {
      summary += "<div class=\"figure \(verdict.word)\"><b>\(r.count(verdict)) \(esc(verdict.rawValue))</b>\(esc(words))</div>\n"
    }
    summary += "</div>\n" + verdictStack(r)
    var parts: [String] = []
    for (verdict, words) in groups {
      let list = r.findings.filter { $0.verdict == verdict }
      var part = "<h2 class=\"\(verdict.word)\">\(esc(verdict.rawValue)) \(esc(words)) (\(list.count))</h2>\n"
      if list.isEmpty {
        part += "<p>\(esc(l.noFindings))</p>\n"
      } else {
        var columns: [ResultTable.Column] = r.several ? [.init(l.year, numeric: true), .init(l.unit, numeric: false)] : []
        columns += [.init(l.figure, numeric: false), .init(l.reported, numeric: true), .init(l.computed, numeric: true), .init(l.note, numeric: false)]
        var t = ResultTable(
          columns: columns,
          rows: list.map { f in
            (r.several ? [Value.integer(f.year), .text(f.unit)] : []) + [.text(f.figure), .text(f.reported.description), .text(f.computed.description), .text(f.note)]
          })
        t.showsRowCount = false
        part += table(t, l, widths: r.several ? [6, 14, 15, 10, 10, 45] : [18, 11, 11, 60])
      }
      // The contradictions share the first page with the summary.
      if parts.isEmpty { parts.append(summary + part) } else { parts.append(part) }
    }
    return (title, meta, parts)
  }

  // MARK: explain

  static func explanation(_ e: ScoreExplanation, _ l: HandoutLabels) -> (String, String?, [String]) {
    let title = "#\(e.seq) \(e.name)"
    let meta = "\(e.year) · \(e.unit) · \(l.rules): \(e.rules)"
    var summary = "<h2>\(esc(l.summary))</h2>\n<div class=\"figures\">\n"
    summary += "<div class=\"figure\"><b>\(esc(e.total?.shown(outOf: .hundred) ?? l.unknown))</b>\(esc(l.total))</div>\n"
    summary += "<div class=\"figure\"><b>\(esc(e.grade?.description ?? l.unknown))</b>\(esc(l.grade))</div>\n"
    if let recorded = e.sections.flatMap(\.steps).first(where: { $0.kind == .recordedScore }) {
      let figures = recorded.operands.map(\.value.display).joined(separator: " ")
      let mark = recorded.verdict.map { " " + $0.rawValue } ?? ""
      summary += "<div class=\"figure \(recorded.verdict?.word ?? "")\"><b>\(esc(figures + mark))</b>\(esc(l.recorded))</div>\n"
    }
    summary += "</div>\n"
    // Points per scored section against what it is worth.
    let scored = e.sections.filter { [.execution, .output, .benefit, .satisfaction, .other].contains($0.kind) }
    let largest = scored.compactMap(\.maximum).max() ?? .zero
    if !scored.isEmpty {
      summary += "<h3>\(esc(l.pointsPerSection))</h3>\n<table class=\"bars\">\n"
      for section in scored {
        let points = section.steps.last { $0.kind == .subtotal || $0.kind == .ratePoints }?.points
        let figure = (points?.shown(outOf: section.maximum) ?? l.unknown) + " / " + Renderer.weight(section.maximum)
        summary += "<tr><td>\(esc(section.title))</td><td class=\"bar\">\(bar(points, of: section.maximum, largest: largest))</td><td class=\"num\">\(esc(figure))</td></tr>\n"
      }
      summary += "</table>\n"
    }
    // The result lines read as the shell prints them.
    for section in e.sections where section.kind == .result || section.kind == .recorded {
      if let remark = section.remark, section.kind == .recorded { summary += "<p>\(esc(remark))</p>\n" }
      for step in section.steps {
        for line in Renderer.stepLines(step, rules: e.rules).map({ l.words($0) }) {
          let verdict = step.verdict.map { " class=\"\($0.word)\"" } ?? ""
          summary += "<p\(verdict)>\(esc(line.trimmingCharacters(in: .whitespaces)))</p>\n"
        }
      }
    }
    var working = "<h2>\(esc(l.working))</h2>\n"
    for section in e.sections {
      var heading = section.title
      if let m = section.maximum { heading += " (\(Renderer.weight(m)) 分)" }
      if let remark = section.remark { heading += (l.words.language == .en ? ": " : "：") + remark }
      working += "<h3>\(esc(heading))</h3>\n"
      var one = e
      one.sections = [section]
      var t = Renderer.explanationData(one)
      t.rows = t.rows.mapRows { Array($0.dropFirst()) }
      t.columns = [.init(l.step, numeric: false), .init(l.formula, numeric: false), .init(l.points, numeric: true), .init(l.maximum, numeric: true), .init(l.note, numeric: false)]
      working += table(t, l, widths: [27, 33, 9, 7, 24])
    }
    return (title, meta, [summary, working])
  }

  // MARK: tables and charts

  /// A result table: numbers right-aligned, edited cells with `*`, changed rows marked.
  /// `widths` (percentages of the page) keeps the tables of one handout in step.
  static func table(_ t: ResultTable, _ l: HandoutLabels, widths: [Int]? = nil) -> String {
    let marks = !t.marked.isEmpty
    var out = "<table>\n"
    if let widths, widths.count == t.columns.count {
      out = "<table class=\"fixed\">\n<colgroup>" + widths.map { "<col style=\"width: \($0)%\">" }.joined() + "</colgroup>\n"
    }
    out += "<thead><tr>"
    for c in t.columns {
      let name = l.words(c.name)
      out += c.numeric ? "<th class=\"num\">\(esc(name))</th>" : "<th>\(esc(name))</th>"
    }
    out += (marks ? "<th class=\"mark\"></th>" : "") + "</tr></thead>\n<tbody>\n"
    for (r, row) in t.rows.enumerated() {
      out += t.marked.contains(r) ? "<tr class=\"marked\">" : "<tr>"
      for (k, v) in row.enumerated() {
        var text = v.display
        if case .text(let s) = v { text = l.words.cell(s) }
        if case .change(_, .points) = v { text = l.words.cell(v.display) }
        if t.edited.contains(.init(row: r, column: k)) { text += "*" }
        let numeric = k < t.columns.count ? t.columns[k].numeric : v.isNumeric
        out += numeric ? "<td class=\"num\">\(esc(text))</td>" : "<td>\(esc(text))</td>"
      }
      out += (marks ? "<td class=\"mark\">\(t.marked.contains(r) ? "←" : "")</td>" : "") + "</tr>\n"
    }
    out += "</tbody>\n</table>\n"
    var notes = t.notes
    if t.showsRowCount { notes.insert("\(t.rows.count) \(t.rows.count == 1 ? l.row : l.rows)", at: 0) }
    if !t.edited.isEmpty { notes.append(l.edited) }
    if marks { notes.append(l.marked) }
    return out + notes.map { "<p class=\"notes\">\(esc(l.words($0)))</p>\n" }.joined()
  }

  /// A chart: one row per bar (label, bar, figure), a trend line under a sparkline
  /// chart, the notes.
  static func chart(_ c: Chart, _ l: HandoutLabels) -> String {
    let largest = c.bars.compactMap { $0.magnitude.map(Renderer.magnitude) }.max() ?? .zero
    var out = "<table class=\"bars\">\n"
    for b in c.bars {
      let figure = b.value.display.isEmpty ? l.unknown : b.value.display
      out += "<tr><td>\(esc(b.label))</td><td class=\"bar\">\(bar(b.magnitude.map(Renderer.magnitude), of: nil, largest: largest))</td><td class=\"num\">\(esc(figure))</td></tr>\n"
    }
    out += "</table>\n"
    if c.sparkline, c.bars.count > 1 { out += trendLine(c.bars.map(\.magnitude)) }
    return out + c.notes.map { "<p class=\"notes\">\(esc(l.words($0)))</p>\n" }.joined()
  }
}
