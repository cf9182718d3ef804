import Synchronization

/// The columns of a projects load that kept only some of them (`ProjectColumnSet`): the
/// kept ones as loaded, any other made by loading the same files again, whole, the first
/// time a statement asks for it.
///
/// A one-shot question names the columns it reads, and the load keeps only those; this is
/// what makes a wrong guess cost time, never a wrong answer. The second load must give the
/// same rows (count, keys and units): a file changed in between is kept as damage, which
/// the engine turns into the statement's error, and its columns read as empty cells.
/// The same rows means the same count, units, and values in every column kept; a load
/// that left out the keys (and with them the unit texts) compares their `KeyPrint`.
final class PartialColumns: ProjectColumnSource {
  let kept: ProjectColumnSet
  let rows: Int
  /// The load as it was made, its columns not kept left empty.
  private let partial: ProjectTable
  private let file: String
  private let reload: @Sendable () throws(LoadError) -> ProjectTable
  private let whole = ColumnSlot<ProjectTable>()
  private let found = Mutex<LoadError?>(nil)
  private let reloads = Atomic<Int>(0)

  /// - Parameters:
  ///   - file: what the error of a changed file names.
  ///   - reload: loads the same files again with every column.
  init(_ partial: ProjectTable, kept: ProjectColumnSet, file: String, reload: @escaping @Sendable () throws(LoadError) -> ProjectTable) {
    self.partial = partial
    // A load asked to leave the keys out keeps them when they came out of order.
    self.kept = partial.keyPrint == nil ? kept.union(.key) : kept.keysWhole
    self.rows = partial.count
    self.file = file
    self.reload = reload
  }

  var damage: LoadError? { found.withLock { $0 } }

  /// How many times the files were loaded again (at most once).
  var reloadCount: Int { reloads.load(ordering: .relaxed) }

  /// Every column, from loading the files again.
  private var full: ProjectTable {
    whole.get {
      reloads.add(1, ordering: .relaxed)
      let problem: LoadError
      do throws(LoadError) {
        let t = try reload()
        if t.count == rows, sameKeptColumns(t) { return t }
        problem = LoadError(file: file, message: "changed since it was loaded; load it again")
      } catch {
        problem = error
      }
      found.withLock { $0 = $0 ?? problem }
      return harmless
    }
  }

  /// Whether a table loaded again has the kept columns as they were loaded.
  private func sameKeptColumns(_ t: ProjectTable) -> Bool {
    func same<T: Equatable>(_ c: ProjectColumnSet, _ column: KeyPath<ProjectTable, [T]>) -> Bool {
      !kept.contains(c) || t[keyPath: column] == partial[keyPath: column]
    }
    // Without the keys, the load kept no unit texts either: the print covers them.
    let keys = partial.keyPrint.map { $0 == KeyPrint(year: t.year, unit: t.unit, units: t.units, seq: t.seq) } ?? (t.units.values == partial.units.values)
    return keys && same(.year, \.year) && same(.unit, \.unit) && same(.seq, \.seq)
      && same(.name, \.name) && (!kept.contains(.name) || t.names.values == partial.names.values)
      && same(.fund, \.fund) && same(.budget, \.budget) && same(.initial, \.initial) && same(.spent, \.spent)
      && same(.score, \.score) && same(.grade, \.grade) && same(.ratePoints, \.ratePoints)
  }

  /// The kept columns, and empty cells (the first text) for the others.
  private var harmless: ProjectTable {
    var t = partial
    if !kept.keepsKeys {
      t.year = [Int32](repeating: 0, count: rows)
      t.unit = [UInt32](repeating: 0, count: rows)
      t.seq = [Int32](repeating: 0, count: rows)
    }
    var names = TextDictionary()
    let empty = names.code(for: "")
    t.name = [UInt32](repeating: empty, count: rows)
    t.names = names
    t.fund = [UInt8](repeating: ProjectTable.missingCode, count: rows)
    t.grade = [UInt8](repeating: ProjectTable.missingCode, count: rows)
    for keep in [\ProjectTable.budget, \.initial, \.spent, \.score, \.ratePoints] as [WritableKeyPath<ProjectTable, [Int64]>] {
      t[keyPath: keep] = [Int64](repeating: ProjectTable.missing, count: rows)
    }
    return t
  }

  var yearColumn: [Int32] { kept.keepsKeys ? partial.year : full.year }
  var unitColumn: [UInt32] { kept.keepsKeys ? partial.unit : full.unit }
  var unitTexts: TextDictionary { kept.keepsKeys ? partial.units : full.units }
  var seqColumn: [Int32] { kept.keepsKeys ? partial.seq : full.seq }
  var nameColumn: [UInt32] { kept.contains(.name) ? partial.name : full.name }
  var nameTexts: TextDictionary { kept.contains(.name) ? partial.names : full.names }
  var fundColumn: [UInt8] { kept.contains(.fund) ? partial.fund : full.fund }
  var budgetColumn: [Int64] { kept.contains(.budget) ? partial.budget : full.budget }
  var initialColumn: [Int64] { kept.contains(.initial) ? partial.initial : full.initial }
  var spentColumn: [Int64] { kept.contains(.spent) ? partial.spent : full.spent }
  var scoreColumn: [Int64] { kept.contains(.score) ? partial.score : full.score }
  var gradeColumn: [UInt8] { kept.contains(.grade) ? partial.grade : full.grade }
  var ratePointsColumn: [Int64] { kept.contains(.ratePoints) ? partial.ratePoints : full.ratePoints }
}
