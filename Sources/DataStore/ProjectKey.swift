/// A project's identity across tables: year, unit and seq.
public struct ProjectKey: Hashable, Sendable {
  public var year: Int
  public var unit: String
  public var seq: Int

  public init(year: Int, unit: String, seq: Int) {
    self.year = year
    self.unit = unit
    self.seq = seq
  }
}
