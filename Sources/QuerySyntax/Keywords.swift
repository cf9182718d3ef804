/// The one table of the language's statement words: what each is called (in English and
/// Chinese), which clauses it takes, and its line in `help`. The parser dispatches and
/// refuses clauses from it, and the shell's completer and help list from it, so the
/// three cannot drift apart.
public enum Keywords {
  /// A statement: its words and the clauses it accepts after its own arguments.
  public struct Entry: Sendable {
    /// The canonical English word.
    public let name: String
    /// Other spellings, Chinese included, accepted at the start of a statement.
    public let aliases: [String]
    public let clauses: Set<Clause>
    /// The help topic that describes it.
    public let topic: String
  }

  static let listing: Set<Clause> = [.where, .in, .sort, .limit, .show]
  static let grouped: Set<Clause> = [.where, .in, .by, .having, .sort, .limit]

  public static let statements: [Entry] = [
    .init(name: "projects", aliases: ["project", "项目", "项目列表"], clauses: listing, topic: "projects"),
    .init(name: "count", aliases: ["计数"], clauses: grouped, topic: "sum"),
    .init(name: "sum", aliases: ["合计", "求和"], clauses: grouped, topic: "sum"),
    .init(name: "avg", aliases: ["平均"], clauses: grouped, topic: "sum"),
    .init(name: "min", aliases: ["最小"], clauses: grouped, topic: "sum"),
    .init(name: "max", aliases: ["最大"], clauses: grouped, topic: "sum"),
    .init(name: "pct", aliases: ["占比"], clauses: grouped, topic: "sum"),
    .init(name: "distinct", aliases: ["去重"], clauses: [.where, .in, .sort, .limit], topic: "sum"),
    .init(name: "departments", aliases: ["department", "部门"], clauses: [.in], topic: "departments"),
    .init(name: "years", aliases: ["年度"], clauses: [], topic: "years"),
    .init(name: "indicators", aliases: ["indicator", "指标"], clauses: listing, topic: "indicators"),
    .init(name: "recompute", aliases: ["重算"], clauses: [.where, .in, .sort, .limit], topic: "recompute"),
    .init(name: "explain", aliases: ["解释"], clauses: [.where, .in], topic: "explain"),
    .init(name: "check", aliases: ["核查", "检查"], clauses: [.in], topic: "check"),
    .init(name: "rules", aliases: ["规则"], clauses: [], topic: "rules"),
    .init(name: "set", aliases: ["设置"], clauses: [], topic: "rules"),
    .init(name: "reset", aliases: ["重置"], clauses: [], topic: "rules"),
    .init(name: "let", aliases: [], clauses: [.where, .in], topic: "let"),
    .init(name: "edits", aliases: ["修改"], clauses: [], topic: "let"),
    .init(name: "undo", aliases: ["撤销"], clauses: [], topic: "let"),
    .init(name: "use", aliases: ["使用"], clauses: [], topic: "compare"),
    .init(name: "compare", aliases: ["比较", "对比"], clauses: [.where], topic: "compare"),
    .init(name: "chart", aliases: ["图表"], clauses: grouped, topic: "compare"),
    .init(name: "trend", aliases: ["趋势"], clauses: [.where, .in], topic: "compare"),
    .init(name: "load", aliases: ["加载"], clauses: [], topic: "import"),
    .init(name: "import", aliases: ["导入"], clauses: [], topic: "import"),
    .init(name: "export", aliases: ["导出"], clauses: [], topic: "export"),
    .init(name: "save", aliases: ["保存"], clauses: [], topic: "export"),
    .init(name: "sql", aliases: [], clauses: [], topic: "export"),
    .init(name: "help", aliases: ["?", "帮助"], clauses: [], topic: "help"),
    .init(name: "quit", aliases: ["exit", "退出"], clauses: [], topic: "help"),
  ]

  /// The statement a word starts, by name or alias, ignoring case.
  public static func statement(_ word: String) -> Entry? {
    let lower = word.lowercased()
    return statements.first { $0.name == lower || $0.aliases.contains(lower) }
  }

  /// The statement's clauses, for the parser.
  static func clauses(of name: String) -> Set<Clause> {
    statements.first { $0.name == name }?.clauses ?? []
  }

  /// Every word that starts a statement, for suggestions and completion.
  public static var statementWords: [String] {
    statements.map(\.name) + ["exit"]
  }

  /// The words that start a clause (`order` is `sort`), for the parser and completion.
  public static let clauseWords: [String: Clause] = [
    "where": .where, "in": .in, "sort": .sort, "order": .sort, "limit": .limit, "show": .show, "by": .by,
    "having": .having,
  ]

  /// Words that cannot be bare text values because they carry meaning where a value may
  /// stand; quoting them makes them text.
  public static let reserved: Set<String> = [
    "and", "or", "not", "where", "sort", "order", "limit", "show", "by", "having", "as", "in", "desc", "asc",
    "weighted", "bands", "contains", "is",
  ]

  /// How a clause is written in messages.
  static func spelling(_ clause: Clause) -> String {
    clause == .sort ? "sort by" : clause.rawValue
  }
}
