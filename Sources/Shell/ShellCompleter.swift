import DataStore
import Foundation
import QueryEngine
import QuerySyntax
import Scoring

/// Tab completion that knows where it is: statements at the start, fields after
/// `where`/`by`/`sort by`/`show`, and the loaded data's own values after a comparison
/// (`grade = ` offers 优 良 中 差, `name contains ` offers project names), a sort
/// direction after a sort key, file names where a statement or dot-command takes a path.
public final class ShellCompleter: Completer {
  private unowned let session: Session

  public init(session: Session) {
    self.session = session
  }

  /// The clause words a statement takes (from the keyword table), then the connectives.
  static func clauseKeywords(after statement: String?) -> [String] {
    let clauses = statement.flatMap(Keywords.statement)?.clauses ?? Set(Clause.allCases)
    return Clause.allCases.filter(clauses.contains).map(\.rawValue) + ["and", "or", "not", "contains"]
  }

  /// The words each dot-command takes, for `.mode ` and the like; nil for file names.
  static func dotArguments(_ command: String) -> [String]? {
    switch command {
    case ".mode": OutputFormat.allCases.map(\.rawValue)
    case ".width": BorderStyle.allCases.map(\.rawValue)
    case ".timer", ".echo", ".pager": ["on", "off"]
    case ".theme": ["dark", "light", "none"]
    case ".numbers": ["grouped", "plain"]
    case ".lang": Language.allCases.map(\.rawValue)
    case ".nullvalue", ".maxrows", ".exit", ".help", ".quit", ".last": []
    default: nil
    }
  }

  public func complete(beforeCursor text: String) -> Completion {
    // A dot-command's argument: its words, or a file name. Dot-commands do not lex.
    let trimmed = text.drop { $0 == " " || $0 == "\t" }
    if trimmed.hasPrefix("."), let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) {
      let command = trimmed[..<space].lowercased()
      var partial = String(trimmed[space...].drop { $0 == " " || $0 == "\t" })
      if partial.contains(" ") { return Completion(replacing: 0, candidates: []) }
      let replacing = partial.count
      if partial.hasPrefix("'") || partial.hasPrefix("\"") { partial.removeFirst() }
      if let words = Self.dotArguments(command) {
        return Completion(replacing: replacing, candidates: Self.filter(words, partial))
      }
      guard DotCommand.names.contains(command) else { return Completion(replacing: 0, candidates: []) }
      return Completion(replacing: replacing, candidates: Self.fileNames(startingWith: partial).map(Self.quoteIfNeeded))
    }
    // The partial word: everything after the last delimiter.
    let delimiters: Set<Character> = [" ", "\t", "=", "<", ">", "(", ")", ",", ";", "，", "\u{3000}", "!"]
    var partial = ""
    for ch in text.reversed() {
      if delimiters.contains(ch) { break }
      partial.insert(ch, at: partial.startIndex)
    }
    let head = String(text.dropLast(partial.count))
    if partial.hasPrefix("'") || partial.hasPrefix("\"") { partial.removeFirst() }
    guard let tokens = try? Lexer.tokenize(head) else { return Completion(replacing: 0, candidates: []) }
    var words = tokens.filter { $0.kind != .end }
    if let lastSemicolon = words.lastIndex(where: { $0.kind == .semicolon }) {
      words = Array(words[(lastSemicolon + 1)...])
    }
    if Self.takesPath(words) {
      let report = words.count == 1 && Keywords.statement(words[0].text)?.name == "import" && "report".hasPrefix(partial) ? ["report"] : []
      return Completion(replacing: text.count - head.count, candidates: report + Self.fileNames(startingWith: partial).map(Self.quoteIfNeeded))
    }
    let candidates = Self.filter(candidatesAfter(words, partial: partial), partial)
    let replacing = text.count - head.count
    return Completion(replacing: replacing, candidates: candidates.map(Self.quoteIfNeeded))
  }

  /// Whether the word being typed is a path: after `load`, `import`, `import report`, `import forms`, or
  /// an option that takes a folder (`--save`), after `export FORMAT` and `save`.
  static func takesPath(_ words: [Token]) -> Bool {
    guard let first = words.first.flatMap({ Keywords.statement($0.text) })?.name else { return false }
    let last = words.last?.text.lowercased() ?? ""
    switch first {
    case "load": return words.count == 1
    case "import": return words.count == 1 || (words.count == 2 && (last == "report" || last == "forms")) || last == "--save"
    case "export": return words.count == 2
    case "save": return words.count == 1
    default: return false
    }
  }

  /// Entries of the folder a partial path names whose names start with its last part;
  /// folders end in `/` so Tab can go on into them. Hidden entries only when asked for.
  static func fileNames(startingWith partial: String) -> [String] {
    let slash = partial.lastIndex(of: "/")
    let folder = slash.map { String(partial[...$0]) } ?? ""
    let stem = slash.map { String(partial[partial.index(after: $0)...]) } ?? partial
    let expanded = folder.hasPrefix("~/") ? NSHomeDirectory() + folder.dropFirst() : folder
    let manager = FileManager.default
    guard let entries = try? manager.contentsOfDirectory(atPath: expanded.isEmpty ? "." : expanded) else { return [] }
    return entries.filter { $0.hasPrefix(stem) && (stem.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().map { entry in
      var isFolder: ObjCBool = false
      let exists = manager.fileExists(atPath: (expanded.isEmpty ? "" : expanded) + entry, isDirectory: &isFolder)
      return folder + entry + (exists && isFolder.boolValue ? "/" : "")
    }
  }

  /// Field names; once a letter is typed, their Chinese labels and aliases too, so
  /// `where 预` finds 预算 without listing every alias on an empty Tab.
  static func fieldWords(_ partial: String) -> [String] {
    let names = Field.allCases.map(\.rawValue)
    guard !partial.isEmpty else { return names }
    var seen = Set(names)
    return names + Field.allCases.flatMap(\.aliases).filter { seen.insert($0).inserted }
  }

  func candidatesAfter(_ words: [Token], partial: String) -> [String] {
    let store = session.engine.store
    let fields = Self.fieldWords(partial)
    guard let last = words.last else {
      if partial.hasPrefix(".") { return DotCommand.names }
      return Keywords.statementWords
    }
    let lastWord = last.text.lowercased()
    // A value after a comparison or `contains`: the field is the token before it.
    if last.kind == .comparison || lastWord == "contains" {
      guard words.count >= 2, let field = Field(named: words[words.count - 2].text) else { return [] }
      return values(of: field, in: store)
    }
    if lastWord == "in" || lastWord == "use" || lastWord == "compare" || (words.first?.text.lowercased() == "compare") {
      return store.years.map(String.init)
    }
    if ["where", "and", "or", "not", "by", "show", "sum", "avg", "min", "max"].contains(lastWord) || last.kind == .comma || last.kind == .leftParen {
      return fields
    }
    if lastWord == "sort" || lastWord == "order" { return ["by"] }
    if lastWord == "help" || lastWord == "?" || lastWord == "帮助" { return HelpTopics.names }
    if words.count == 1, Keywords.statement(last.text)?.name == "explain" {
      let seqs = Set(store.projects.seq).sorted().map(String.init)
      return seqs + store.projects.names.values
    }
    // After a sort key (`sort by budget `): its direction, or the next clause.
    let clauseStarts = words.indices.filter { i in
      guard words[i].kind == .word, let clause = Keywords.clauseWords[words[i].text.lowercased()] else { return false }
      // The `by` of `sort by` belongs to the sort clause.
      return !(clause == .by && i > 0 && Keywords.clauseWords[words[i - 1].text.lowercased()] == .sort)
    }
    if let clause = clauseStarts.last,
      Keywords.clauseWords[words[clause].text.lowercased()] == .sort, clause + 2 < words.count,
      !["desc", "asc", "descending", "ascending", "by"].contains(lastWord), last.kind != .comma
    {
      return ["desc", "asc"] + Self.clauseKeywords(after: words.first?.text).filter { $0 != "sort" && !["and", "or", "not", "contains"].contains($0) }
    }
    if lastWord == "limit" { return [] }
    if Field(named: last.text) != nil, words.count >= 2,
      ["where", "and", "or", "not", "("].contains(words[words.count - 2].text.lowercased())
    {
      return ["contains", "is"]
    }
    return Self.clauseKeywords(after: words.first?.text)
  }

  /// The values a field takes in the loaded data, in a useful order.
  func values(of field: Field, in store: Store) -> [String] {
    let t = store.projects
    switch field {
    case .grade, .newGrade: return Grade.allCases.map(\.description)
    case .fund: return Fund.allCases.map(\.description)
    case .name: return t.names.values
    case .unit: return t.units.values
    case .year: return store.years.map(String.init)
    case .seq, .budget, .initial, .spent, .rate, .score, .ratePoints, .newScore: return []
    }
  }

  /// Candidates starting with the partial word; failing that, ones containing it.
  static func filter(_ candidates: [String], _ partial: String) -> [String] {
    guard !partial.isEmpty else { return candidates }
    let p = partial.lowercased()
    let prefixed = candidates.filter { $0.lowercased().hasPrefix(p) }
    if !prefixed.isEmpty { return prefixed }
    return candidates.filter { $0.lowercased().contains(p) }
  }

  /// Values with spaces or punctuation are offered quoted, so they parse as one value.
  static func quoteIfNeeded(_ s: String) -> String {
    let special: Set<Character> = [" ", "=", "<", ">", "(", ")", ",", ";", "'", "\"", "!", "，"]
    guard s.contains(where: { special.contains($0) }) else { return s }
    return "'" + s.replacing("'", with: "''") + "'"
  }
}
