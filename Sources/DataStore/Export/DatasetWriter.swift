import Foundation
import Scoring

/// Writes a store back out as dataset CSVs, in the columns the loader reads, so that
/// `save` then `load` gives the same data to the last decimal.
public enum DatasetWriter {
  /// The CSV text of each non-empty kind of data.
  public static func files(_ store: Store) -> [(DatasetKind, String)] {
    files(store, interrupted: { false }) ?? []
  }

  /// The CSV text of each non-empty kind of data; nil when `interrupted` said stop.
  public static func files(_ store: Store, interrupted: () -> Bool) -> [(DatasetKind, String)]? {
    var out: [(DatasetKind, String)] = []
    if store.projects.count > 0 {
      guard let text = projects(store.projects, interrupted: interrupted) else { return nil }
      out.append((.projects, text))
    }
    if !store.departments.isEmpty { out.append((.departments, departments(store.departments))) }
    if !store.funds.isEmpty { out.append((.funds, funds(store.funds))) }
    if !store.indicators.isEmpty {
      guard let text = indicators(store.indicators, interrupted: interrupted) else { return nil }
      out.append((.indicators, text))
    }
    return out
  }

  /// Writes `projects.csv`, `departments.csv`, … into `folder` (created if missing), all
  /// of them or none (SafeFile). Refuses to replace files unless `force`, and refuses
  /// the folder the data was loaded from: its own files and ours would then load as two
  /// copies of the same figures. Returns the paths written.
  public static func save(
    _ store: Store, to folder: String, force: Bool, protected: ProtectedFiles = ProtectedFiles(),
    interrupted: @escaping @Sendable () -> Bool = { false }
  ) throws(WriteError) -> [String] {
    guard !folder.isEmpty else { throw WriteError(file: folder, message: "no folder given") }
    var status = stat()
    let exists = stat(folder, &status) == 0
    if exists {
      guard status.st_mode & S_IFMT == S_IFDIR else { throw WriteError(file: folder, message: "is a file, not a folder") }
      if let loaded = protected.folders[FileIdentity(status)] {
        throw WriteError(
          file: folder, message: "holds the loaded data (\(loaded)); saving here would load as two copies of it",
          suggestion: "save into a new folder")
      }
    }
    guard let files = files(store, interrupted: interrupted) else { throw .interrupted(folder) }
    let paths = files.map { (folder.hasSuffix("/") ? folder : folder + "/") + "\($0.0.rawValue).csv" }
    // Check every target before creating anything, so a refusal leaves no new folder.
    let options = SafeFile.Options(replace: force, protected: protected, interrupted: interrupted)
    if exists {
      for path in paths { try SafeFile.check(path, options: options) }
    } else {
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw WriteError(file: folder, message: "cannot be created: \(error.localizedDescription)")
      }
    }
    do {
      try SafeFile.write(zip(files, paths).map { SafeFile.Target(path: $1, data: Data($0.1.utf8)) }, options: options)
    } catch {
      // A folder made for this save and left empty goes again.
      if !exists { rmdir(folder) }
      throw error
    }
    return paths
  }

  static func row(_ cells: [String]) -> String { cells.map(CSVField.quoted).joined(separator: ",") + "\n" }

  static func fixed(_ v: Int64?) -> String { v.map(DecimalText.format) ?? "" }

  static func projects(_ t: ProjectTable, interrupted: () -> Bool = { false }) -> String? {
    var out = row(DatasetKind.projects.columns.map(\.key))
    for i in 0..<t.count {
      if i & 0x3FFF == 0x3FFF, interrupted() { return nil }
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

  static func indicators(_ list: [Indicator], interrupted: () -> Bool = { false }) -> String? {
    var out = row(DatasetKind.indicators.columns.map(\.key))
    for (n, i) in list.enumerated() {
      if n & 0x3FFF == 0x3FFF, interrupted() { return nil }
      out += row([
        String(i.year), i.unit, String(i.seq), i.level1, i.level2, i.name, i.kind.description, i.targetText,
        i.actualText, DecimalText.format(i.weight), fixed(i.points),
      ])
    }
    return out
  }
}
