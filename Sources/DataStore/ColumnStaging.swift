/// Rows of a piece being read, in plain memory, before they join the table's columns.
///
/// An `Array.append` per cell (a uniqueness check through the runtime, the capacity, the
/// count, eleven times a row) was an eighth of loading a large file. Rows are written
/// here with plain stores and given to the columns `capacity` at a time.
final class ColumnStaging: @unchecked Sendable {
  /// Rows held before they are moved; lowered in tests so that a small file moves them
  /// many times.
  @TaskLocal static var rows = 4096
  let capacity = ColumnStaging.rows
  let year: UnsafeMutablePointer<Int32>
  let unit: UnsafeMutablePointer<UInt32>
  let seq: UnsafeMutablePointer<Int32>
  let name: UnsafeMutablePointer<UInt32>
  let fund: UnsafeMutablePointer<UInt8>
  let budget: UnsafeMutablePointer<Int64>
  let initial: UnsafeMutablePointer<Int64>
  let spent: UnsafeMutablePointer<Int64>
  let score: UnsafeMutablePointer<Int64>
  let grade: UnsafeMutablePointer<UInt8>
  let ratePoints: UnsafeMutablePointer<Int64>

  init() {
    year = .allocate(capacity: capacity)
    unit = .allocate(capacity: capacity)
    seq = .allocate(capacity: capacity)
    name = .allocate(capacity: capacity)
    fund = .allocate(capacity: capacity)
    budget = .allocate(capacity: capacity)
    initial = .allocate(capacity: capacity)
    spent = .allocate(capacity: capacity)
    score = .allocate(capacity: capacity)
    grade = .allocate(capacity: capacity)
    ratePoints = .allocate(capacity: capacity)
  }

  /// Appends the first `count` staged rows to `table`'s columns, those in `kept` only.
  func move(_ count: Int, to table: inout ProjectTable, kept: ProjectColumnSet) {
    func add<T>(_ column: inout [T], _ p: UnsafeMutablePointer<T>) { column.append(contentsOf: UnsafeBufferPointer(start: p, count: count)) }
    if kept.contains(.year) { add(&table.year, year) }
    if kept.contains(.unit) { add(&table.unit, unit) }
    if kept.contains(.seq) { add(&table.seq, seq) }
    if kept.contains(.name) { add(&table.name, name) }
    if kept.contains(.fund) { add(&table.fund, fund) }
    if kept.contains(.budget) { add(&table.budget, budget) }
    if kept.contains(.initial) { add(&table.initial, initial) }
    if kept.contains(.spent) { add(&table.spent, spent) }
    if kept.contains(.score) { add(&table.score, score) }
    if kept.contains(.grade) { add(&table.grade, grade) }
    if kept.contains(.ratePoints) { add(&table.ratePoints, ratePoints) }
  }

  deinit {
    year.deallocate()
    unit.deallocate()
    seq.deallocate()
    name.deallocate()
    fund.deallocate()
    budget.deallocate()
    initial.deallocate()
    spent.deallocate()
    score.deallocate()
    grade.deallocate()
    ratePoints.deallocate()
  }
}
