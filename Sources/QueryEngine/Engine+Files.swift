import DataStore
import QuerySyntax
import Scoring

extension Engine {
  func option(_ options: [Option], _ name: String) -> Option? { options.first { $0.name.text == name } }

  func encoding(_ options: [Option]) throws(EvaluationError) -> TextEncoding {
    guard let o = option(options, "--encoding"), let value = o.value else { return .auto }
    guard let e = TextEncoding(name: value.text) else {
      throw EvaluationError(range: value.range, message: "unknown encoding '\(value.text)'", suggestion: "utf-8, gb18030 (also gbk) or auto")
    }
    return e
  }

  static func failure(_ path: Name, _ error: LoadError) -> EvaluationError {
    EvaluationError(range: path.range, message: error.description, suggestion: "nothing was loaded; the data is as it was")
  }

  /// Adds a loaded part to the session, or throws and leaves the data exactly as it was.
  mutating func add(_ part: Store, from path: Name) throws(EvaluationError) {
    do {
      try DatasetLoader.checkClashes(part, against: store, file: path.text)
    } catch {
      throw Engine.failure(path, error)
    }
    // Joining reads a snapshot's columns whole, so their damage shows here at the latest.
    var merged = store
    merged.merge(part)
    if let damage = merged.projects.damage { throw Engine.failure(path, damage) }
    store = merged
    loadedMerge(part)
  }

  /// Adds loaded data to what `reset data` returns to. What `undo` remembered is of the
  /// data before it, so it is forgotten.
  mutating func loadedMerge(_ part: Store) {
    var base = loaded
    base.merge(part)
    loaded = base
    history = []
  }

  static func summary(_ part: Store) -> String {
    var parts: [String] = []
    if part.projects.count > 0 { parts.append("\(part.projects.count) project\(part.projects.count == 1 ? "" : "s")") }
    if !part.departments.isEmpty { parts.append("\(part.departments.count) department row\(part.departments.count == 1 ? "" : "s")") }
    if !part.funds.isEmpty { parts.append("\(part.funds.count) budget-book line\(part.funds.count == 1 ? "" : "s")") }
    if !part.indicators.isEmpty { parts.append("\(part.indicators.count) indicator\(part.indicators.count == 1 ? "" : "s")") }
    let years = part.years.map(String.init).joined(separator: ", ")
    return (parts.isEmpty ? "nothing" : parts.joined(separator: ", ")) + (years.isEmpty ? "" : " (\(years))")
  }

  /// `load PATH`: every dataset file under a folder, or one file (CSV, .xlsx, .json, .md).
  mutating func load(_ path: Name, _ options: [Option]) throws(EvaluationError) -> String {
    let enc = try encoding(options)
    let part: Store
    do {
      let lower = path.text.lowercased()
      if lower.hasSuffix(".xlsx") || lower.hasSuffix(".json") || lower.hasSuffix(".md") {
        part = try TableImporter.load(path.text, encoding: enc)
      } else {
        let interrupted = interrupted
        let progress = loadProgress
        part = try DatasetLoader.load(
          paths: [path.text], encoding: enc,
          monitor: LoadMonitor { p in
            progress(p)
            return interrupted()
          })
      }
    } catch {
      loadProgress(nil)
      throw Engine.failure(path, error)
    }
    loadProgress(nil)
    try add(part, from: path)
    let warnings = DatasetLoader.orphanIndicatorWarnings(part, in: store).map { "\nwarning: " + $0 }
    return "loaded \(Engine.summary(part)) from \(path.text)" + warnings.joined()
  }

  /// `import [report] PATH`: a report's text, or a workbook/table file.
  mutating func importData(report: Bool, _ path: Name, _ options: [Option]) throws(EvaluationError) -> Outcome {
    let enc = try encoding(options)
    let lower = path.text.lowercased()
    let isReport = report || ReportImporter.extensions.contains { lower.hasSuffix("." + $0) }
    if report, let files = ReportImporter.files(in: path.text) {
      return try importReports(files, from: path, options)
    }
    // `import FILE` of a 项目支出绩效自评表 is `import forms FILE`: a form is neither a report
    // nor a table of a dataset.
    if !report, FormImporter.extensions.contains(where: { lower.hasSuffix("." + $0) }), (try? FormImporter.forms(in: path.text, encoding: enc)) != nil {
      return try importForms(path, options)
    }
    guard isReport else {
      let message = try load(path, options)
      if let save = option(options, "--save")?.value {
        return .text(message + "\n" + (try saveStore(store, to: save, force: false)))
      }
      return .text(message)
    }
    let result: ReportImporter.Result
    do {
      result = try ReportImporter.load(path.text, encoding: enc, interrupted: interrupted)
    } catch {
      throw EvaluationError(range: path.range, message: error.description, suggestion: "nothing was imported")
    }
    var lines = ["read from \(path.text):"] + result.read.map { "  " + $0 }
    if !result.problems.isEmpty {
      lines.append("could not read or looks wrong:")
      lines += result.problems.map { "  ! " + $0 }
    }
    if let save = option(options, "--save")?.value {
      lines.append(try saveStore(result.store, to: save, force: false))
    }
    var added = true
    do {
      try DatasetLoader.checkClashes(result.store, against: store, file: path.text)
    } catch {
      added = false
      lines.append("not added to this session: \(error.message) (start with --data of another folder to compare)")
    }
    guard added else { return .text(lines.joined(separator: "\n")) }
    store.merge(result.store)
    loadedMerge(result.store)
    lines.append("added \(Engine.summary(result.store)); the audit:")
    guard let d = result.store.departments.first else { return .text(lines.joined(separator: "\n")) }
    var clauses = Clauses()
    clauses.years = YearScope(first: d.year, last: d.year, range: path.range)
    return .several([.text(lines.joined(separator: "\n")), .findings(try ScoringEvaluator(session: snapshot).check(clauses, unit: d.unit))])
  }

  func saveStore(_ s: Store, to folder: Name, force: Bool) throws(EvaluationError) -> String {
    do {
      let paths = try DatasetWriter.save(s, to: folder.text, force: force, protected: ProtectedFiles(store), interrupted: interrupted)
      return "saved " + paths.joined(separator: ", ")
    } catch {
      throw EvaluationError(range: folder.range, message: error.description, suggestion: (error.suggestion.map { $0 + "; " } ?? "") + "nothing was written")
    }
  }

  /// `save DIR`: the session's datasets, edits included; `save --snapshot FILE`: one
  /// snapshot file of them, which `load` and `--data` open.
  func save(_ path: Name, _ options: [Option]) throws(EvaluationError) -> String {
    if option(options, "--snapshot") != nil {
      do {
        try SnapshotWriter.save(store, to: path.text, force: option(options, "--force") != nil, protected: ProtectedFiles(store), interrupted: interrupted)
      } catch {
        throw EvaluationError(range: path.range, message: error.description, suggestion: (error.suggestion.map { $0 + "; " } ?? "") + "nothing was written")
      }
      let n = store.projects.count
      return "saved a snapshot of \(n) project\(n == 1 ? "" : "s") to \(path.text)" + (edits.isEmpty ? "" : " (with \(edits.count) edited value\(edits.count == 1 ? "" : "s"))")
    }
    let message = try saveStore(store, to: path, force: option(options, "--force") != nil)
    return message + (edits.isEmpty ? "" : " (with \(edits.count) edited value\(edits.count == 1 ? "" : "s"))")
  }

  /// `export FORMAT PATH [STATEMENT]`: the shell writes the file; the engine answers the statement.
  mutating func export(_ format: Name, _ path: Name, _ options: [Option], _ inner: ParsedStatement?) throws(EvaluationError) -> ExportRequest {
    guard let f = ExportRequest.Format(rawValue: format.text.lowercased() == "md" ? "markdown" : format.text.lowercased()) else {
      throw EvaluationError(
        range: format.range, message: "unknown export format '\(format.text)'",
        suggestion: Suggestions.didYouMean(format.text, in: ExportRequest.Format.allCases.map(\.rawValue)) ?? "csv, json, markdown, xlsx or html")
    }
    var table: ResultTable?
    var structured: StructuredResult?
    var chart: Chart?
    if let inner {
      switch try execute(inner) {
      case .table(let t): table = t
      case .findings(let r): structured = .findings(r)
      case .explanation(let e): structured = .explanation(e)
      case .chart(let c):
        chart = c
        table = c.table
      default:
        throw EvaluationError(range: inner.range, message: "this statement has no table to export", suggestion: "export csv FILE projects where …")
      }
    }
    return ExportRequest(format: f, path: path.text, force: option(options, "--force") != nil, bom: f == .csv && option(options, "--no-bom") == nil, table: table, structured: structured, chart: chart)
  }
}

extension Engine {
  /// `import forms PATH`: every 项目支出绩效自评表 in a file or folder; the refused ones are
  /// named with why, and the others are added and summarised one line each.
  mutating func importForms(_ path: Name, _ options: [Option]) throws(EvaluationError) -> Outcome {
    let enc = try encoding(options)
    let result: FormImporter.Result
    do {
      result = try FormImporter.load(path.text, existing: store, encoding: enc, interrupted: interrupted)
    } catch {
      throw EvaluationError(range: path.range, message: error.description, suggestion: "nothing was imported")
    }
    var lines: [String] = []
    for form in result.forms {
      let p = form.project
      lines.append(
        "  #\(p.seq) \(p.year) \(p.unit) · \(p.name): \(form.indicators.count) indicator\(form.indicators.count == 1 ? "" : "s"), 总分 \(p.score.map { DecimalText.format($0) } ?? "—")"
          + (p.grade.map { " \($0)" } ?? "") + " (\(form.template) template) ← \(form.file)")
    }
    let files = Set(result.forms.map(\.file)).count
    var head = "read \(result.forms.count) form\(result.forms.count == 1 ? "" : "s") from \(files) file\(files == 1 ? "" : "s")"
    if !result.skipped.isEmpty { head += "; skipped \(result.skipped.count)" }
    lines.insert(head + ":", at: 0)
    if !result.skipped.isEmpty {
      lines.append("skipped:")
      lines += result.skipped.map { "  ✗ \($0.file): \($0.message)" }
    }
    guard !result.forms.isEmpty else {
      let first = result.skipped.first.map { "; \($0.file): \($0.message)" } ?? ""
      let more = result.skipped.count > 1 ? " (and \(result.skipped.count - 1) more)" : ""
      throw EvaluationError(
        range: path.range, message: "\(path.text): none of its \(result.skipped.count) form file\(result.skipped.count == 1 ? "" : "s") could be read\(first)\(more)",
        suggestion: "nothing was imported")
    }
    if let save = option(options, "--save")?.value {
      lines.append(try saveStore(result.store, to: save, force: false))
    }
    try add(result.store, from: path)
    lines.append("added \(Engine.summary(result.store)); check forms lists what each form gets wrong")
    return .text(lines.joined(separator: "\n"))
  }
}

extension Engine {
  /// `import report FOLDER`: every report in it, each added whole or skipped with why;
  /// then `check` of every unit imported.
  mutating func importReports(_ files: [String], from path: Name, _ options: [Option]) throws(EvaluationError) -> Outcome {
    let enc = try encoding(options)
    guard !files.isEmpty else {
      throw EvaluationError(range: path.range, message: "\(path.text): holds no reports (.txt, .docx or .pdf files)", suggestion: "nothing was imported")
    }
    var lines: [String] = []
    var skipped: [String] = []
    var part = Store()
    var units: [(year: Int, unit: String)] = []
    for file in files {
      try checkInterrupt()
      let result: ReportImporter.Result
      do {
        result = try ReportImporter.load(file, encoding: enc, interrupted: interrupted)
        try DatasetLoader.checkClashes(result.store, against: store, file: file)
      } catch let error as ImportError {
        skipped.append("  ✗ \(error.description)")
        continue
      } catch let error as LoadError {
        skipped.append("  ✗ \(file): \(error.message)")
        continue
      } catch {
        skipped.append("  ✗ \(file): \(error)")
        continue
      }
      // The same unit's year twice (a report as text and as Word): the first is kept.
      do {
        try DatasetLoader.checkClashes(result.store, against: part, file: file)
      } catch {
        let d = result.store.departments.first
        skipped.append("  ✗ \(file): " + (d.map { "\($0.year) \($0.unit) is already read from another report of this folder" } ?? error.message))
        continue
      }
      lines.append("read from \(file):")
      lines += result.read.map { "  " + $0 }
      lines += result.problems.map { "  ! " + $0 }
      part.merge(result.store)
      if let d = result.store.departments.first { units.append((d.year, d.unit)) }
    }
    if !skipped.isEmpty { lines += ["skipped:"] + skipped }
    guard !units.isEmpty else {
      throw EvaluationError(range: path.range, message: "\(path.text): none of its \(files.count) report\(files.count == 1 ? "" : "s") could be read\(skipped.first.map { ";" + $0.dropFirst(3) } ?? "")\(skipped.count > 1 ? " (and \(skipped.count - 1) more)" : "")",
        suggestion: "nothing was imported")
    }
    if let save = option(options, "--save")?.value {
      lines.append(try saveStore(part, to: save, force: false))
    }
    try add(part, from: path)
    lines.append("added \(Engine.summary(part)) from \(units.count) report\(units.count == 1 ? "" : "s"); the audit:")
    var outcomes: [Outcome] = [.text(lines.joined(separator: "\n"))]
    for u in units {
      var clauses = Clauses()
      clauses.years = YearScope(first: u.year, last: u.year, range: path.range)
      outcomes.append(.findings(try ScoringEvaluator(session: snapshot).check(clauses, unit: u.unit)))
    }
    return .several(outcomes)
  }
}
