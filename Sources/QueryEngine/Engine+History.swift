import DataStore
import QuerySyntax
import Scoring

extension Engine {
  /// `undo`: takes back the newest rule change or edit still remembered.
  mutating func undo() -> String {
    guard let last = history.popLast() else { return "nothing to undo: no rule change or edit in this session" }
    switch last {
    case .rules(let r, let b, let said):
      rules = r
      baseRules = b
      return "undone: \(said); rules \(rulesLabel)"
    case .edit(let row, let project, let previous, let said):
      store.replaceProject(row, with: project)
      edits = previous
      return "undone: \(said); \(edits.count + indicatorEdits.count) edit\(edits.count + indicatorEdits.count == 1 ? "" : "s") in force"
    case .indicator(let index, let indicator, let previous, let said):
      store.replaceIndicator(index, with: indicator)
      indicatorEdits = previous
      return "undone: \(said); \(edits.count + indicatorEdits.count) edit\(edits.count + indicatorEdits.count == 1 ? "" : "s") in force"
    case .data(let s, let e, let i, let said):
      store = s
      edits = e
      indicatorEdits = i
      return "undone: \(said); \(edits.count + indicatorEdits.count) edit\(edits.count + indicatorEdits.count == 1 ? "" : "s") in force"
    }
  }

  /// `edits`: every cell a what-if edit changed, as loaded and now.
  func editsTable() -> ResultTable {
    let t = store.projects
    let numeric = edits.keys.allSatisfy { $0.field.isNumericColumn }
    let keys = edits.keys.sorted { ($0.row, Field.allCases.firstIndex(of: $0.field) ?? 0) < ($1.row, Field.allCases.firstIndex(of: $1.field) ?? 0) }
    var table = ResultTable(
      columns: [
        .init("year", numeric: true), .init("unit", numeric: false), .init("seq", numeric: true), .init("name", numeric: false),
        .init("field", numeric: false), .init("loaded", numeric: numeric), .init("now", numeric: numeric),
      ],
      rows: keys.map { k in
        [
          .integer(Int(t.year[k.row])), .text(t.units[t.unit[k.row]]), .integer(Int(t.seq[k.row])), .text(t.names[t.name[k.row]]),
          .text(k.field.rawValue), edits[k] ?? .missing, value(k.field, k.row),
        ]
      })
    for index in indicatorEdits.keys.sorted() {
      guard let original = indicatorEdits[index] else { continue }
      let now = store.indicators[index]
      let projectName = store.rows(seq: now.seq, year: now.year, unit: now.unit).first.map { t.names[t.name[$0]] } ?? ""
      let changes: [(String, String, String)] = [
        ("actual", original.actualText, now.actualText), ("target", original.targetText, now.targetText),
        ("weight", DecimalText.format(original.weight), DecimalText.format(now.weight)),
        ("kind", original.kind.description, now.kind.description),
      ].filter { $0.1 != $0.2 }
      for (field, was, becomes) in changes {
        table.rows.append([
          .integer(now.year), .text(now.unit), .integer(now.seq), .text(projectName), .text("\(now.name).\(field)"),
          .text(was.isEmpty ? "missing" : was), .text(becomes.isEmpty ? "missing" : becomes),
        ])
      }
    }
    if !indicatorEdits.isEmpty {
      table.columns[5].numeric = false
      table.columns[6].numeric = false
    }
    if table.rows.isEmpty { table.notes = ["no edits: the data is as loaded"] }
    if !history.isEmpty { table.notes.append("undo takes back: \(history.last?.said ?? "")") }
    return table
  }
}
