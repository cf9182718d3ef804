import QueryEngine
import QuerySyntax

/// The texts `help` shows: an overview, and per topic the syntax with examples that
/// run on the bundled data.
enum HelpTopics {
  static let overview = """
    jixiao answers questions about budget performance self-evaluations (预算绩效自评).
    Amounts are 万元. Keywords are English; fields also take their Chinese names.

    Listing
      projects [where COND] [in YEAR] [sort by FIELD [desc]] [limit N] [show FIELD, …]
      departments [in YEAR]      the department-level figures as the report states them
      years                      what is loaded, year by year
    Aggregates
      count | sum F | avg F | min F | max F   [, …] [where COND] [in YEAR] [by FIELD, …]
    Session
      help [TOPIC]   quit

    Topics: help projects, help where, help sum, help fields, help grades, help departments, help years
    Try:    projects where grade = 良
            sum budget by grade

    """

  static let topics: [String: String] = [
    "projects": """
      projects [where COND] [in YEAR] [sort by FIELD [asc|desc], …] [limit N] [show FIELD, … | show *]
        Lists projects. Without show: year, unit, seq, name, budget, spent, score, grade.
      Examples:
        projects where grade = 良
        projects sort by budget desc limit 5
        projects where name contains 村级 show seq, name, budget

      """,
    "where": """
      where COND — conditions on fields:
        FIELD = != < <= > >= VALUE      grade = 良, budget > 50, year = 2023
        FIELD contains TEXT             name contains 村级
        FIELD is missing / is not missing
        and, or, not, ( … )
      Text needs no quotes unless it has spaces or punctuation: name = 党建工作经费, name = 'a b'.
      A missing value matches no comparison; use is missing to find it.
      Examples:
        projects where budget > 50 and name contains 村级
        projects where not (grade = 优)

      """,
    "sum": """
      count | sum FIELD | avg FIELD | min FIELD | max FIELD  [, …] [where COND] [in YEAR] [by FIELD, …]
        sum and avg take budget, initial, spent, score; min and max any field; count counts projects.
      Examples:
        sum budget
        sum budget, count by grade
        avg score where name contains 村级

      """,
    "departments": """
      departments [in YEAR]
        The department-level figures exactly as each report states them, wrong ones included.
      Example:
        departments in 2023

      """,
    "years": """
      years
        Each loaded year with its units, projects, total budget, department rows and indicators.

      """,
    "grades": """
      Grades: 优 (≥ 90)  良 (≥ 80)  中 (≥ 60)  差 (< 60)
      Also written A B C D, excellent good fair poor, you liang zhong cha.
      Grades compare by merit: grade >= 良 means 优 or 良.
      Example:
        count by grade

      """,
  ]

  static func fieldsText() -> String {
    var out = "Fields of projects (English name, Chinese names):\n"
    for f in Field.allCases {
      out += "  " + DisplayWidth.pad(f.rawValue, to: 12) + ([f.chineseLabel] + f.aliases.filter { $0 != f.chineseLabel }.prefix(3)).joined(separator: ", ") + "\n"
    }
    return out + "Example:\n  projects where 等级 = 良 show 序号, 项目名称, 预算\n\n"
  }

  /// Help for a topic; an unknown topic gets the overview with a suggestion.
  static func text(for topic: String?) -> String {
    guard let topic = topic?.lowercased() else { return overview }
    if topic == "fields" || topic == "field" { return fieldsText() }
    let aliases = ["count": "sum", "avg": "sum", "min": "sum", "max": "sum", "aggregate": "sum", "grade": "grades", "project": "projects", "department": "departments", "year": "years", "sort": "projects", "limit": "projects", "show": "projects", "contains": "where", "by": "sum"]
    let key = aliases[topic] ?? topic
    if let text = topics[key] { return text }
    let names = Array(topics.keys) + ["fields"]
    let hint = Suggestions.didYouMean(topic, in: names).map { " (\($0))" } ?? ""
    return "no help on '\(topic)'\(hint)\n\n" + overview
  }
}
