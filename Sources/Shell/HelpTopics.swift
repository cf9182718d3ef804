import QueryEngine
import QuerySyntax

/// The texts `help` shows: an overview, and per topic the syntax with examples that
/// run on the bundled data.
enum HelpTopics {
  /// The overview, its list of topics made from the topics themselves.
  static var overview: String {
    var lines: [String] = []
    var line = "Topics: help"
    for (i, name) in names.enumerated() {
      let piece = " " + name + (i == names.count - 1 ? "" : ",")
      if line.count + piece.count > 88 {
        lines.append(line)
        line = "       "
      }
      line += piece
    }
    lines.append(line)
    return overviewText.replacing("TOPICS", with: lines.joined(separator: "\n"))
  }

  static let overviewText = """
    jixiao answers questions about budget performance self-evaluations (预算绩效自评).
    Amounts are 万元. Keywords are English; fields also take their Chinese names.

    Listing
      projects [where COND] [in YEAR] [sort by FIELD [desc]] [limit N] [show FIELD, …]
      departments [in YEAR]      the department-level figures as the report states them
      years                      what is loaded, year by year
    Aggregates
      count | sum X | avg X | min X | max X | pct X   [, …] [where COND] [in YEAR] [by KEY, …] [having COND]
      distinct X                 the values of X; X may be arithmetic: budget - spent
    Scoring
      recompute [YEAR] [changed] [where COND]   grades (and scores) under the rules in force
      explain SEQ | 'NAME' [in YEAR]   how a project's score and grade come about, step by step
      check [YEAR]                     every figure a report states, recomputed from its own rows
      check forms [YEAR]               one row per imported form: its totals, findings, the worst
      indicators [where COND] [in YEAR] [sort by …] [limit N] [show …]
    Years
      use YEAR   compare Y1 Y2 [projects|grades]   chart AGGREGATE by FIELD   trend FIGURE
    Data in and out
      load PATH   import [report] FILE [--save DIR]   export csv|json|markdown|xlsx|html FILE [STATEMENT]   save DIR
    Rules and what-if
      rules [NAME]   set band 优 95   set weight 执行率 20, 产出 40   set tier 部分达成 50 80
      set negative ratio|linear   set basis budget|initial   reset rules
      let SEQ.FIELD = VALUE [in YEAR]   edits   undo   reset data
    Session
      help [TOPIC]   .help (settings)   quit

    TOPICS
    Try:    projects where grade = 良
            sum budget by grade

    """

  static let topics: [String: String] = [
    "projects": """
      projects [where COND] [in YEAR] [sort by EXPR [asc|desc], …] [limit N] [show EXPR [as NAME], … | show *]
        Lists projects. Without show: year, unit, seq, name, budget, spent, score, grade.
        EXPR is a field or arithmetic on fields: budget - spent, spent / budget (a percentage).
      Examples:
        projects where grade = 良
        projects sort by budget desc limit 5
        projects where name contains 村级 show seq, name, budget - spent as 结余

      """,
    "where": """
      where COND — conditions on fields and values:
        EXPR = != < <= > >= EXPR        grade = 良, budget > 50, spent / budget < 90%
        FIELD contains TEXT             name contains 村级
        EXPR is missing / is not missing
        and, or, not, ( … )
      Arithmetic: + - * / with spaces around them (budget - spent; budget-spent is one word).
      Amounts are 万元: 5, 5万 and 50000元 are the same. Full-width ＞ ＝ （ ） ５ work too.
      Text needs no quotes unless it has spaces or punctuation: name = 党建工作经费, name = 'a b'.
      A missing value matches no comparison (not even !=); use is missing to find it.
      Examples:
        projects where budget > 50 and name contains 村级
        projects where not (grade = 优)

      """,
    "sum": """
      count [distinct X] | sum X | avg X [weighted by W] | min X | max X | pct X  [as NAME] [, …]
          [where COND] [in YEAR] [by KEY, …] [having COND] [sort by …] [limit N]
        sum and avg take amounts and scores; min and max anything; count counts projects.
        pct X is a share: of the same years without where, or with by, of the selection.
        KEY is a field, an expression, or EXPR bands 5, 50, 100 (ranges [0,5) [5,50) …).
        having keeps groups: having count > 1, having sum(budget) > 300.
        distinct X lists the values of X.
      Examples:
        sum budget, count by grade
        pct budget where name contains 村级
        avg score weighted by budget
        count by name having count > 1 sort by count desc
        count by budget bands 5, 50, 100

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
      recompute [YEAR] [changed] [in YEAR] [where COND] [sort by …] [limit N]
        Every project's grade under the rules in force beside the recorded one; where a
        project has indicators its score is recomputed too. Changed rows are marked ← and
        counted; with changed, only they are listed. The same score and grade are the
        fields new_score and new_grade (重算得分, 重算等级).
      Examples:
        set band 优 95
        recompute changed
        count by new_grade
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
      check forms [YEAR]
        One row per imported form: 总分 recorded and recomputed, its ✗ and ! findings, the worst.
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
      reset rules                           back to the rules the session started with
      undo                                  takes back the last change
      compare rules A B [where COND]        each project under two rule sets (current: the rules in force)
      A change that does not add up (weights not 100, overlapping bands) is refused with the reason.

      """,
    "let": """
      let SEQ.FIELD = VALUE [in YEAR] [where COND]
        Changes one value for this session only (budget, initial, spent, score, grade, fund,
        name); edited cells show a * everywhere. Files on disk never change.
      let SEQ.INDICATOR.FIELD = VALUE   an indicator's actual, target, weight or kind;
                  INDICATOR is its number in explain SEQ or its name: let 1.1.actual = 40
      edits       the edits in force, each cell as loaded and now
      undo        takes back the last edit or rule change (set, rules NAME, reset), newest first
      reset data  undoes every edit; reset rules returns to the rules the session started with
      Examples:
        let 3.score = 91
        recompute
        undo
        reset data

      """,
    "compare": """
      use YEAR | use 2021..2023 | use all     scope every statement (the prompt shows it)
      compare Y1 Y2 [where COND]              department figures side by side, with change and % change
      compare Y1 Y2 projects [where COND]     projects matched by unit and name; new, gone, grade transitions
      compare Y1 Y2 grades [where COND]       how many matched projects went from each grade to each
      chart AGGREGATE [where COND] by FIELD   horizontal bars
      trend AGGREGATE | 优秀率 | 优良率 | 执行率   a figure across the years, with a sparkline
      Grades are as recorded; add recomputed for the grades under the rules in force:
        compare 2022 2023 grades recomputed, trend 优秀率 recomputed
      A repeated name pairs by order, or by closest budget when it occurs a different number of times.
      Examples (two-year data: jixiao --data Tests/ShellTests/Fixtures/two-years):
        compare 2022 2023 projects
        chart sum budget by grade
        trend 优秀率

      """,
    "import": """
      load PATH [--encoding utf-8|gb18030]      a dataset folder or file (.csv, .xlsx, .json, .md)
      import report FILE|DIR [--save DIR]       a report (.txt .docx .pdf) or a folder of them, then check
      import forms PATH [--save DIR]            项目支出绩效自评表 forms (.xlsx .docx .txt .pdf), a file or a folder
      import FILE.xlsx [--save DIR]             a workbook's sheets of projects, departments, funds, indicators
        CSV in GB18030 (Chinese Excel) is detected; --encoding names it. A failed load
        changes nothing; data already loaded is never loaded twice.
      Examples:
        import report report.txt --save datasets/mine
        import forms 自评表/2023; check forms
        load samples/shili-training

      """,
    "export": """
      export csv|json|markdown|xlsx|html FILE [--force] [--no-bom] [STATEMENT]
        Writes the last result, or the statement's result, to FILE. A file is written
        whole or not at all and never replaced without --force. A CSV starts with a byte
        order mark so Chinese Excel opens it as it is; --no-bom leaves it out. html is
        one self-contained page to print on A4 or hand out (check, explain, charts).
      save DIR [--force]
        Writes the session's data, edits included, as dataset CSVs.
      save --snapshot FILE [--force]
        The same as one binary snapshot, which --data FILE and load FILE open fast.
      sql STATEMENT
        Prints the SQL (DuckDB) asking the same question of the projects.csv that save writes.
      Examples:
        export xlsx grades.xlsx sum budget, count by grade
        export csv good.csv projects where grade = 良
        export html check.html check 2023
        sql sum budget by grade

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

  static let aliases = ["undo": "let", "edits": "let", "count": "sum", "avg": "sum", "min": "sum", "max": "sum", "aggregate": "sum", "grade": "grades", "project": "projects", "department": "departments", "year": "years", "sort": "projects", "limit": "projects", "show": "projects", "contains": "where", "by": "sum", "having": "sum", "pct": "sum", "distinct": "sum", "bands": "sum", "weighted": "sum", "set": "rules", "reset": "rules", "edit": "let", "what-if": "let", "indicator": "indicators", "audit": "check", "use": "compare", "compare": "compare", "chart": "compare", "trend": "compare", "load": "import", "save": "export", "sql": "export", "report": "import"]

  /// Every topic `help` knows, for completion.
  static var names: [String] { (Array(topics.keys) + ["fields"]).sorted() }

  /// Words whose help is the overview itself.
  static let overviewWords: Set<String> = ["help", "?", "quit", "exit"]

  /// Whether `help WORD` has something to say.
  static func hasTopic(_ word: String) -> Bool {
    topics[aliases[word] ?? word] != nil || overviewWords.contains(word)
  }

  /// Help for a topic; an unknown topic gets the overview with a suggestion.
  static func text(for topic: String?) -> String {
    guard let topic = topic?.lowercased(), !overviewWords.contains(topic) else { return overview }
    if topic == "fields" || topic == "field" { return fieldsText() }
    let key = aliases[topic] ?? topic
    if let text = topics[key] { return text }
    let names = Array(topics.keys) + ["fields"]
    let hint = Suggestions.didYouMean(topic, in: names).map { " (\($0))" } ?? ""
    return "no help on '\(topic)'\(hint)\n\n" + overview
  }
}
