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
      return "undone: \(said); \(edits.count) edit\(edits.count == 1 ? "" : "s") in force"
    case .data(let s, let e, let said):
      store = s
      edits = e
      return "undone: \(said); \(edits.count) edit\(edits.count == 1 ? "" : "s") in force"
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
    if keys.isEmpty { table.notes = ["no edits: the data is as loaded"] }
    if !history.isEmpty { table.notes.append("undo takes back: \(history.last?.said ?? "")") }
    return table
  }
}
