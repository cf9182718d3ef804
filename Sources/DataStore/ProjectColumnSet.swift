/// Which stored columns of the projects table a load keeps.
///
/// Every cell of every row is read and checked whatever is kept: a file loads completely
/// or not at all. A column that is not kept is not stored (and names are not coded), so a
/// one-shot question that reads two columns of a 10 M-row file does not fill 600 MB of
/// columns it never looks at. The key columns (year, unit, seq) are kept together or not
/// at all: a load of one projects file whose keys come in order checks them for
/// duplicates without storing them (`ProjectColumnsBuilder`); any other load keeps them.
public struct ProjectColumnSet: OptionSet, Hashable, Sendable {
  public let rawValue: UInt16
  public init(rawValue: UInt16) { self.rawValue = rawValue }

  public static let year = ProjectColumnSet(rawValue: 1 << 0)
  public static let unit = ProjectColumnSet(rawValue: 1 << 1)
  public static let seq = ProjectColumnSet(rawValue: 1 << 2)
  public static let name = ProjectColumnSet(rawValue: 1 << 3)
  public static let fund = ProjectColumnSet(rawValue: 1 << 4)
  public static let budget = ProjectColumnSet(rawValue: 1 << 5)
  public static let initial = ProjectColumnSet(rawValue: 1 << 6)
  public static let spent = ProjectColumnSet(rawValue: 1 << 7)
  public static let score = ProjectColumnSet(rawValue: 1 << 8)
  public static let grade = ProjectColumnSet(rawValue: 1 << 9)
  public static let ratePoints = ProjectColumnSet(rawValue: 1 << 10)

  /// (year, unit, seq).
  public static let key: ProjectColumnSet = [.year, .unit, .seq]
  public static let all: ProjectColumnSet = [.key, .name, .fund, .budget, .initial, .spent, .score, .grade, .ratePoints]

  /// These columns, with all three key columns if any of them is one.
  var keysWhole: ProjectColumnSet { isDisjoint(with: .key) ? self : union(.key) }

  /// Whether the key columns are kept.
  var keepsKeys: Bool { isSuperset(of: .key) }
}
