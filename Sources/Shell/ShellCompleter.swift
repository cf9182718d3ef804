import DataStore
import QueryEngine
import QuerySyntax
import Scoring

/// Tab completion that knows where it is: statements at the start, fields after
/// `where`/`by`/`sort by`/`show`, and the loaded data's own values after a comparison
/// (`grade = ` offers 优 良 中 差, `name contains ` offers project names).
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

  public func complete(beforeCursor text: String) -> Completion {
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
    let candidates = Self.filter(candidatesAfter(words, partial: partial), partial)
    let replacing = text.count - head.count
    return Completion(replacing: replacing, candidates: candidates.map(Self.quoteIfNeeded))
  }

  func candidatesAfter(_ words: [Token], partial: String) -> [String] {
    let store = session.engine.store
    let fields = Field.allCases.map(\.rawValue)
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
    if lastWord == "sort" { return ["by"] }
    if lastWord == "help" { return HelpTopics.names }
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
