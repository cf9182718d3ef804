import DataStore
import QueryEngine
import QuerySyntax

extension Session {
  /// The projects columns that `commands` (the text of `-c` options, run in a fresh
  /// session) read, so that the load before them keeps only those. Anything not read
  /// as plain statements (a `.read` of a script, text that does not parse) asks for
  /// every column; other dot-commands and comments read no data.
  public static func projectColumns(read commands: [String]) -> ProjectColumnSet {
    var set: ProjectColumnSet = []
    for command in commands {
      var text = ""
      for line in command.split(separator: "\n", omittingEmptySubsequences: false) {
        let start = line.drop(while: \.isWhitespace)
        if start.hasPrefix(".read") { return .all }
        if start.hasPrefix(".") || REPL.isComment(String(line)) { continue }
        text += line + "\n"
      }
      guard let statements = try? Parser.parse(text) else { return .all }
      set.formUnion(StatementColumns.projectColumns(statements))
    }
    return set
  }
}
