import Foundation
import Scoring

/// Writes a store back out as dataset CSVs, in the columns the loader reads, so that
/// `save` then `load` gives the same data to the last decimal.
public enum DatasetWriter {
  /// The CSV text of each non-empty kind of data.
  public static func files(_ store: Store) -> [(DatasetKind, String)] {
    var out: [(DatasetKind, String)] = []
    if store.projects.count > 0 { out.append((.projects, projects(store.projects))) }
    if !store.departments.isEmpty { out.append((.departments, departments(store.departments))) }
    if !store.funds.isEmpty { out.append((.funds, funds(store.funds))) }
    if !store.indicators.isEmpty { out.append((.indicators, indicators(store.indicators))) }
    return out
  }

  /// Writes `projects.csv`, `departments.csv`, … into `folder` (created if missing);
  /// refuses to replace files unless `force`. Returns the paths written.
  public static func save(_ store: Store, to folder: String, force: Bool) throws(ImportError) -> [String] {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    if fm.fileExists(atPath: folder, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else { throw ImportError(file: folder, message: "is a file, not a folder") }
    } else {
      do {
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw ImportError(file: folder, message: "cannot be created: \(error.localizedDescription)")
      }
    }
    let files = files(store)
    let paths = files.map { (folder as NSString).appendingPathComponent("\($0.0.rawValue).csv") }
    if !force, let existing = paths.first(where: { fm.fileExists(atPath: $0) }) {
      throw ImportError(file: existing, message: "already exists; add --force to replace the dataset files")
    }
    for ((_, text), path) in zip(files, paths) {
      try AtomicFile.write(Data(text.utf8), to: path, force: force)
    }
    return paths
  }

  static func row(_ cells: [String]) -> String { cells.map(CSVField.quoted).joined(separator: ",") + "\n" }

  static func fixed(_ v: Int64?) -> String { v.map(DecimalText.format) ?? "" }

  static func projects(_ t: ProjectTable) -> String {
    var out = row(DatasetKind.projects.columns.map(\.key))
    for i in 0..<t.count {
      let p = t[i]
      out += row([
        String(p.year), p.unit, String(p.seq), p.name, p.fund?.description ?? "", p.budget?.description ?? "",
        p.initial?.description ?? "", p.spent?.description ?? "", fixed(p.score), p.grade?.description ?? "",
        fixed(p.ratePoints),
      ])
    }
    return out
  }

  static func departments(_ list: [Department]) -> String {
    var out = row(DatasetKind.departments.columns.map(\.key))
    for d in list {
      let count: (Int?) -> String = { $0.map(String.init) ?? "" }
      out += row([
        String(d.year), d.unit, d.initial?.description ?? "", d.budget?.description ?? "", d.spent?.description ?? "",
        d.rate?.description ?? "", count(d.projectCount), d.projectInitial?.description ?? "",
        d.projectBudget?.description ?? "", d.projectSpent?.description ?? "", d.projectRate?.description ?? "",
        count(d.evaluatedCount), d.evaluatedBudget?.description ?? "", count(d.gradeCounts[.excellent]),
        count(d.gradeCounts[.good]), count(d.gradeCounts[.fair]), count(d.gradeCounts[.poor]),
        d.excellentRate?.description ?? "", fixed(d.score), d.grade?.description ?? "", count(d.staff),
        count(d.internalUnits), count(d.budgetUnits),
      ])
    }
    return out
  }

  static func funds(_ list: [FundLine]) -> String {
    var out = row(DatasetKind.funds.columns.map(\.key))
    for f in list {
      out += row([
        String(f.year), f.unit, f.fund.description, f.projectCount.map(String.init) ?? "", f.budget?.description ?? "",
        f.share?.description ?? "",
      ])
    }
    return out
  }

  static func indicators(_ list: [Indicator]) -> String {
    var out = row(DatasetKind.indicators.columns.map(\.key))
    for i in list {
      out += row([
        String(i.year), i.unit, String(i.seq), i.level1, i.level2, i.name, i.kind.description, i.targetText,
        i.actualText, DecimalText.format(i.weight), fixed(i.points),
      ])
    }
    return out
  }
}
