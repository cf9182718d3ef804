/// Where a projects table's columns come from when it does not hold them itself: an
/// opened snapshot (`SnapshotColumns`), or a load that kept only some (`PartialColumns`).
/// Each column is made on first use; damage found meanwhile is kept, and the engine turns
/// it into the statement's error.
protocol ProjectColumnSource: AnyObject, Sendable {
  var rows: Int { get }
  var damage: LoadError? { get }
  var yearColumn: [Int32] { get }
  var unitColumn: [UInt32] { get }
  var unitTexts: TextDictionary { get }
  var seqColumn: [Int32] { get }
  var nameColumn: [UInt32] { get }
  var nameTexts: TextDictionary { get }
  var fundColumn: [UInt8] { get }
  var budgetColumn: [Int64] { get }
  var initialColumn: [Int64] { get }
  var spentColumn: [Int64] { get }
  var scoreColumn: [Int64] { get }
  var gradeColumn: [UInt8] { get }
  var ratePointsColumn: [Int64] { get }
}
