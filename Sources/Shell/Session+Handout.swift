import DataStore
import QueryEngine

extension Session {
  /// `export html FILE [STATEMENT]`: the statement's result, or the last one shown, as a
  /// handout page; the chart itself when the result was one.
  func exportHandout(_ request: ExportRequest) throws(EvaluationError) {
    let subject: HandoutWriter.Subject
    if let chart = request.chart {
      subject = .chart(chart)
    } else if let structured = request.structured {
      subject = Self.subject(structured)
    } else if let table = request.table {
      subject = .table(table)
    } else if let structured = lastStructured {
      subject = Self.subject(structured)
    } else if let chart = lastChart {
      subject = .chart(chart)
    } else if let table = lastTable {
      subject = .table(table)
    } else {
      throw EvaluationError(range: nil, message: "there is no result to export yet", suggestion: "run a statement first, or name one: export html check.html check 2023")
    }
    do {
      let rows = try HandoutWriter.write(subject, request, labels: HandoutLabels(words), protected: ProtectedFiles(engine.store))
      reportWritten(rows, to: request.path)
    } catch {
      throw EvaluationError(range: nil, message: error.description + (error.suggestion.map { "; " + $0 } ?? ""), suggestion: nil)
    }
  }

  static func subject(_ structured: StructuredResult) -> HandoutWriter.Subject {
    switch structured {
    case .findings(let r): .findings(r)
    case .explanation(let e): .explanation(e)
    }
  }
}
