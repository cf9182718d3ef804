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
    Scoring
      recompute [YEAR] [changed] [where COND]   grades (and scores) under the rules in force
      explain SEQ | 'NAME' [in YEAR]   how a project's score and grade come about, step by step
      check [YEAR]                     every figure a report states, recomputed from its own rows
      indicators [where COND] [in YEAR] [sort by …] [limit N] [show …]
    Years
      use YEAR   compare Y1 Y2 [projects|grades]   chart AGGREGATE by FIELD   trend FIGURE
    Data in and out
      load PATH   import [report] FILE [--save DIR]   export csv|json|markdown|xlsx FILE [STATEMENT]   save DIR
    Rules and what-if
      rules [NAME]   set band 优 95   set weight 执行率 20, 产出 40   set tier 部分达成 50 80
      set negative ratio|linear   set basis budget|initial   reset rules
      let SEQ.FIELD = VALUE [in YEAR]   reset data
    Session
      help [TOPIC]   .help (settings)   quit

    Topics: help projects, where, sum, fields, grades, departments, years, recompute, explain,
            check, indicators, rules, set, let
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
    "recompute": """
      recompute [YEAR] [changed] [in YEAR] [where COND]
        Every project's grade under the rules in force beside the recorded one; where a
        project has indicators its score is recomputed too. Changed rows are marked ← and
        counted; with changed, only they are listed.
      Examples:
        set band 优 95
        recompute changed
        reset rules

      """,
    "explain": """
      explain SEQ [in YEAR] [where COND]     explain 'NAME'
        The derivation of one project's score and grade, each formula with its numbers.
        Without indicators it explains the grade from the recorded score and the bands.
      Examples:
        explain 3
        explain 村级组织运转经费-村级组织办公经费

      """,
    "check": """
      check [YEAR]
        Recomputes every department-level figure a report states from its own project rows:
        ✓ holds, ✗ contradicts the report's own data, ! needs a look.
      Example:
        check 2023

      """,
    "indicators": """
      indicators [where COND] [in YEAR] [sort by FIELD] [limit N] [show FIELD, …]
        Fields: year unit seq level1 level2 name kind target actual weight points
        (一级指标 二级指标 三级指标 指标性质 指标值 完成值 分值 得分).
      Example:
        indicators where kind = 定性 and seq = 5

      """,
    "rules": """
      rules            the rules in force
      rules NAME       switch to a rule set from rules/ (national, twenty)
      set band GRADE SCORE                  set band 优 95
      set weight LEVEL POINTS [, …]         set weight 执行率 20, 产出 40 (weights must add up to 100)
      set tier TIER LOW HIGH                set tier 部分达成 50 80
      set negative ratio|linear             the 反向 formula
      set basis budget|initial              what 执行率 divides by
      reset rules                           back to the named rule set
      A change that does not add up (weights not 100, overlapping bands) is refused with the reason.

      """,
    "let": """
      let SEQ.FIELD = VALUE [in YEAR] [where COND]
        Changes one value for this session only (budget, initial, spent, score, grade, fund,
        name); edited cells show a * everywhere. Files on disk never change.
      Examples:
        let 3.score = 91
        recompute
        reset data

      """,
    "compare": """
      use YEAR | use 2021..2023 | use all     scope every statement (the prompt shows it)
      compare Y1 Y2 [where COND]              department figures side by side, with change and % change
      compare Y1 Y2 projects [where COND]     projects matched by unit and name; new, gone, grade transitions
      compare Y1 Y2 grades [where COND]       how many matched projects went from each grade to each
      chart AGGREGATE [where COND] by FIELD   horizontal bars
      trend AGGREGATE | 优秀率 | 优良率 | 执行率   a figure across the years, with a sparkline
      A repeated name pairs by order, or by closest budget when it occurs a different number of times.
      Examples (two-year data: jixiao --data Tests/ShellTests/Fixtures/two-years):
        compare 2022 2023 projects
        chart sum budget by grade
        trend 优秀率

      """,
    "import": """
      load PATH [--encoding utf-8|gb18030]      a dataset folder or file (.csv, .xlsx, .json, .md)
      import report FILE [--save DIR]           a report's text: figures and project table, then check
      import FILE.xlsx [--save DIR]             a workbook's sheets of projects, departments, funds, indicators
        CSV in GB18030 (Chinese Excel) is detected; --encoding names it. A failed load
        changes nothing; data already loaded is never loaded twice.
      Examples:
        import report report.txt --save datasets/mine
        load samples/shili-training

      """,
    "export": """
      export csv|json|markdown|xlsx FILE [--force] [--bom] [STATEMENT]
        Writes the last result, or the statement's result, to FILE. A file is written
        whole or not at all and never replaced without --force; --bom lets Excel open
        Chinese CSV correctly.
      save DIR [--force]
        Writes the session's data, edits included, as dataset CSVs.
      Examples:
        export xlsx grades.xlsx sum budget, count by grade
        export csv good.csv --bom projects where grade = 良

      """,
    "grades": """
      Grades: 优 (≥ 90)  良 (≥ 80)  中 (≥ 60)  差 (< 60) under the national rules; rules shows the bands in force.
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

  static let aliases = ["count": "sum", "avg": "sum", "min": "sum", "max": "sum", "aggregate": "sum", "grade": "grades", "project": "projects", "department": "departments", "year": "years", "sort": "projects", "limit": "projects", "show": "projects", "contains": "where", "by": "sum", "set": "rules", "reset": "rules", "edit": "let", "what-if": "let", "indicator": "indicators", "audit": "check", "use": "compare", "compare": "compare", "chart": "compare", "trend": "compare", "load": "import", "save": "export", "report": "import"]

  /// Every topic `help` knows, for completion.
  static var names: [String] { (Array(topics.keys) + ["fields"]).sorted() }

  /// Whether `help WORD` has something to say.
  static func hasTopic(_ word: String) -> Bool {
    topics[aliases[word] ?? word] != nil
  }

  /// Help for a topic; an unknown topic gets the overview with a suggestion.
  static func text(for topic: String?) -> String {
    guard let topic = topic?.lowercased() else { return overview }
    if topic == "fields" || topic == "field" { return fieldsText() }
    let key = aliases[topic] ?? topic
    if let text = topics[key] { return text }
    let names = Array(topics.keys) + ["fields"]
    let hint = Suggestions.didYouMean(topic, in: names).map { " (\($0))" } ?? ""
    return "no help on '\(topic)'\(hint)\n\n" + overview
  }
}
