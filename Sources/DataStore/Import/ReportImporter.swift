import Foundation
import Scoring

/// Reads a department self-evaluation report's text (部门整体绩效自评工作报告), as copied
/// from Word or a web page, into a dataset: the stated department figures, the budget
/// books, and the project table.
///
/// Reports are prose with figures inside set phrases (年初预算安排 1009.62万元，年中调整后
/// 预算数为1249.58元…), so the reader looks for those phrases sentence by sentence and keeps
/// each figure exactly as printed, unit slips included. The project table may come one
/// cell per line (as Word copies it), one row per line with tabs, or as a pipe table.
public enum ReportImporter {
  /// What was read, and what could not be read or looks wrong.
  public struct Result: Sendable {
    public var store: Store
    /// One line per figure or table read, for the user to compare with the report.
    public var read: [String]
    /// Figures that could not be read and things that look wrong.
    public var problems: [String]
  }

  /// The kinds of file a report is read from.
  public static let extensions = ["txt", "text", "docx", "pdf"]

  /// `interrupted` is asked every few thousand lines; true stops the import.
  public static func load(_ path: String, encoding: TextEncoding = .auto, interrupted: @escaping @Sendable () -> Bool = { false }) throws(ImportError) -> Result {
    try parse(text: text(of: path, encoding: encoding), file: path, interrupted: interrupted)
  }

  /// A report's text: a text file as it is; a Word document's paragraphs one per line
  /// and its tables one row per line with tabs; a PDF through `pdftotext -layout`.
  public static func text(of path: String, encoding: TextEncoding = .auto) throws(ImportError) -> String {
    switch (path as NSString).pathExtension.lowercased() {
    case "docx":
      var lines: [String] = []
      for block in try WordDocumentReader.blocks(path) {
        switch block {
        case .paragraph(let p): lines.append(p)
        case .table(let rows):
          lines.append("")
          lines += rows.map { $0.map { $0.replacing("\n", with: " ").replacing("\t", with: " ") }.joined(separator: "\t") }
          lines.append("")
        }
      }
      return lines.joined(separator: "\n")
    case "pdf":
      return PDFText.reportText(try PDFText.text(path))
    default:
      // Read as dataset files are: a pipe is refused, not waited on; a change while reading is seen.
      let raw: Data
      do {
        raw = try FileBytes.contents(path, limit: DatasetLoader.byteLimit)
      } catch {
        throw ImportError(file: error.file, message: error.message)
      }
      guard let data = encoding.utf8(raw) else {
        throw ImportError(file: path, message: "neither UTF-8 nor GB18030 text")
      }
      return String(decoding: data, as: UTF8.self)
    }
  }

  /// The reports in a folder and its subfolders, in path order; nil when `path` is not a folder.
  public static func files(in path: String) -> [String]? {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue,
      let walker = FileManager.default.enumerator(atPath: path)
    else { return nil }
    var files: [String] = []
    for case let relative as String in walker {
      let name = (relative as NSString).lastPathComponent
      if extensions.contains((relative as NSString).pathExtension.lowercased()), !name.hasPrefix("~$"), !name.hasPrefix(".") {
        files.append((path as NSString).appendingPathComponent(relative))
      }
    }
    return files.sorted()
  }

  public static func parse(text: String, file: String = "report", interrupted: () -> Bool = { false }) throws(ImportError) -> Result {
    let normalized = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n").replacing("\u{3000}", with: " ")
    var read: [String] = []
    var problems: [String] = []
    guard let year = findYear(normalized) else {
      throw ImportError(file: file, message: "no year found; expected a heading such as 2023年度部门整体绩效自评工作报告")
    }
    guard let table = ProjectTableText.parse(normalized, year: year, interrupted: interrupted) else { throw .interrupted(file) }
    problems += table.problems
    let heading = normalized.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
      .map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
    let tableUnits = Set(table.projects.map(\.unit))
    let unit = tableUnits.count == 1 ? tableUnits.first! : heading
    guard !unit.isEmpty else { throw ImportError(file: file, message: "no unit found: the report has no heading and no table") }
    if table.projects.isEmpty {
      problems.append("no project table found (expected the headers 序号, 主管部门（单位）, 项目名称, 预算金额（调整后）, 自评分, 自评级)")
    } else {
      let total = table.projects.reduce(Money.zero) { $0 + ($1.budget ?? .zero) }
      read.append("project table: \(table.projects.count) rows, Σ 预算金额 \(total), layout: \(table.layout)")
    }
    var d = Department(year: year, unit: unit)
    var funds: [FundLine] = []
    let sentences = normalized.split(whereSeparator: { $0 == "。" || $0 == "\n" || $0 == "；" || $0 == ";" }).map(String.init)
    for (n, s) in sentences.enumerated() {
      if n & 0xFFF == 0xFFF, interrupted() { throw .interrupted(file) }
      if s.contains("项目支出共计") {
        d.projectCount = Phrase.count(after: "项目支出共计", in: s)
        d.projectInitial = Phrase.money(after: "年初预算安排", in: s)
        d.projectBudget = Phrase.money(after: "调整后预算数为", in: s) ?? Phrase.money(after: "调整后预算", in: s)
        d.projectSpent = Phrase.money(after: "决算数", in: s)
        d.projectRate = Phrase.percent(after: "支出率达", in: s) ?? Phrase.percent(after: "支出率", in: s)
      } else if s.contains("年初预算安排") && d.initial == nil {
        d.initial = Phrase.money(after: "年初预算安排", in: s)
        d.budget = Phrase.money(after: "调整后预算数为", in: s) ?? Phrase.money(after: "调整后预算", in: s)
        d.spent = Phrase.money(after: "决算数", in: s)
        d.rate = Phrase.percent(after: "支出率达", in: s) ?? Phrase.percent(after: "支出率", in: s)
      }
      if s.contains("内设机构") { d.internalUnits = Phrase.count(after: "内设机构", in: s) }
      if s.contains("在职人员") { d.staff = Phrase.count(after: "在职人员", in: s) }
      if s.contains("预算单位"), let n = Phrase.count(after: "局属预算单位", in: s) ?? Phrase.count(after: "所属预算单位", in: s) {
        d.budgetUnits = n
      }
      if s.contains("涉及项目") {
        d.evaluatedCount = Phrase.count(after: "涉及项目", in: s)
        d.evaluatedBudget = Phrase.money(after: "预算资金", in: s)
      }
      for fund in Fund.allCases where s.contains(fund.description + "项目") {
        let key = fund.description + "项目"
        var line = FundLine(year: year, unit: unit, fund: fund)
        line.projectCount = Phrase.count(after: key, in: s)
        line.budget = Phrase.money(after: "共涉及资金", in: s)
        line.share = Phrase.percent(after: "总额的", in: s)
        if line.projectCount != nil, !funds.contains(where: { $0.fund == fund }) { funds.append(line) }
      }
      for g in Grade.allCases {
        for quote in ["“\(g)”项目", "\"\(g)\"项目", "「\(g)」项目"] where s.contains(quote) {
          d.gradeCounts[g] = Phrase.count(after: quote, in: s)
        }
      }
      if s.contains("评优率") { d.excellentRate = Phrase.percent(after: "评优率为", in: s) ?? Phrase.percent(after: "评优率", in: s) }
      if s.contains("自评结果得分") || s.contains("整体绩效自评得分") {
        let key = s.contains("自评结果得分") ? "自评结果得分" : "整体绩效自评得分"
        if let m = Phrase.number(after: key, in: s), case .success(let v) = DecimalText.parse(m.text) { d.score = v }
        if let g = Phrase.grade(after: "评价等级为", in: s) { d.grade = g }
      }
    }
    // Projects take their budget book from the breakdown when it names a single one.
    let books = funds.filter { ($0.projectCount ?? 0) > 0 }
    var projects = table.projects
    if books.count == 1, books[0].projectCount == projects.count {
      for i in projects.indices { projects[i].fund = books[0].fund }
    }
    // Report what was read and what was not.
    let figures: [(String, String?)] = [
      ("年初预算", d.initial?.description), ("调整后预算", d.budget?.description), ("决算数", d.spent?.description),
      ("支出率", d.rate?.description), ("项目个数", d.projectCount.map(String.init)),
      ("项目年初预算", d.projectInitial?.description), ("项目调整后预算", d.projectBudget?.description),
      ("项目决算数", d.projectSpent?.description), ("项目支出率", d.projectRate?.description),
      ("自评项目个数", d.evaluatedCount.map(String.init)), ("自评预算资金", d.evaluatedBudget?.description),
      ("评优率", d.excellentRate?.description), ("部门整体得分", d.score.map(DecimalText.format)),
      ("部门整体等级", d.grade?.description), ("在职人员", d.staff.map(String.init)), ("内设机构", d.internalUnits.map(String.init)),
      ("预算单位", d.budgetUnits.map(String.init)),
    ]
    read.append("\(year) \(unit): " + figures.compactMap { label, value in value.map { "\(label) \($0)" } }.joined(separator: ", "))
    if !d.gradeCounts.isEmpty {
      read.append("grade counts: " + Grade.allCases.compactMap { g in d.gradeCounts[g].map { "\(g) \($0)" } }.joined(separator: ", "))
    }
    if !funds.isEmpty {
      read.append("budget books: " + funds.map { "\($0.fund) \($0.projectCount ?? 0)个 \($0.budget?.description ?? "?")" }.joined(separator: ", "))
    }
    let missing = figures.filter { $0.1 == nil }.map(\.0)
    if !missing.isEmpty { problems.append("not found in the text: " + missing.joined(separator: ", ")) }
    for (label, stated) in [("年初预算", d.initial), ("调整后预算", d.budget), ("决算数", d.spent), ("项目调整后预算", d.projectBudget), ("自评预算资金", d.evaluatedBudget)] {
      if let stated, stated.unit == .yuan {
        problems.append("\(label) is printed as \(stated) — in 元, where the report counts in 万元; kept as printed, read as \(stated.amount)万元")
      }
    }
    if let n = d.projectCount, !projects.isEmpty, n != projects.count {
      problems.append("the text says \(n) projects, the table has \(projects.count) rows")
    }
    for g in Grade.allCases {
      if let n = d.gradeCounts[g], !projects.isEmpty {
        let counted = projects.filter { $0.grade == g }.count
        if n != counted { problems.append("the text says \(n) projects graded \(g), the table has \(counted)") }
      }
    }
    var store = Store()
    store.files = [file]
    var seen = Set<Int>()
    for p in projects {
      // The table keeps seq in 32 bits, as the CSV loader does.
      guard (1...Int(Int32.max)).contains(p.seq) else {
        problems.append("row #\(p.seq): 序号 is not a row number from 1 to \(Int32.max); the row is left out")
        continue
      }
      if !seen.insert(p.seq).inserted {
        problems.append("row #\(p.seq) occurs twice in the table; the second is left out")
        continue
      }
      store.projects.append(p)
    }
    store.departments = [d]
    store.funds = funds
    // The text itself, for the narrative checks of `check`; lines numbered as in the file.
    let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { ReportText.Line(number: $0.offset + 1, text: String($0.element)) }
    store.reports = [ReportText(year: year, unit: unit, heading: heading, lines: lines)]
    return Result(store: store, read: read, problems: problems)
  }

  static func findYear(_ text: String) -> Int? {
    for marker in ["年度", "年"] {
      var rest = Substring(text)
      while let r = rest.range(of: marker) {
        let before = rest[..<r.lowerBound].suffix(4)
        if before.count == 4, before.allSatisfy(\.isASCII), let y = Int(before), (1990...2100).contains(y) { return y }
        rest = rest[r.upperBound...]
      }
    }
    return nil
  }
}

/// Reading a figure that follows a set phrase: 年初预算安排 1009.62万元, 在职人员 76人.
enum Phrase {
  /// The number after `key` (spaces and 为/达/: skipped) and the unit printed after it.
  static func number(after key: String, in s: String) -> (text: String, unit: String)? {
    guard let r = s.range(of: key) else { return nil }
    var i = r.upperBound
    let skip: Set<Character> = [" ", "\t", "为", "达", "：", ":", "是"]
    while i < s.endIndex, skip.contains(s[i]) { i = s.index(after: i) }
    var digits = ""
    while i < s.endIndex, s[i].isASCII, s[i].isNumber || s[i] == "." || s[i] == "," {
      if s[i] != "," { digits.append(s[i]) }
      i = s.index(after: i)
    }
    guard !digits.isEmpty, digits.first != "." else { return nil }
    while i < s.endIndex, s[i] == " " { i = s.index(after: i) }
    var unit = ""
    for candidate in ["万元", "元", "%", "％", "个", "人", "分"] where s[i...].hasPrefix(candidate) {
      unit = candidate
      break
    }
    return (digits, unit)
  }

  static func money(after key: String, in s: String) -> StatedMoney? {
    guard let n = number(after: key, in: s), case .success(let v) = DecimalText.parse(n.text) else { return nil }
    let unit: PrintedUnit = n.unit == "万元" ? .wanYuan : n.unit == "元" ? .yuan : .none
    return StatedMoney(amount: Money(tenThousandths: v), unit: unit == .wanYuan ? .none : unit)
  }

  static func percent(after key: String, in s: String) -> StatedPercent? {
    guard let n = number(after: key, in: s), n.unit == "%" || n.unit == "％",
      case .success(let v) = DecimalText.parse(n.text)
    else { return nil }
    return StatedPercent(tenThousandths: v)
  }

  static func count(after key: String, in s: String) -> Int? {
    guard let n = number(after: key, in: s), !n.text.contains(".") else { return nil }
    return Int(n.text)
  }

  static func grade(after key: String, in s: String) -> Grade? {
    guard let r = s.range(of: key) else { return nil }
    let rest = s[r.upperBound...].drop { $0 == " " || $0 == "“" || $0 == "\"" }
    return rest.first.flatMap { Grade(String($0)) }
  }
}
