import Testing

@testable import QueryEngine

/// Rows built when read are the same rows as built cells: equal, sliced, mapped and
/// changed alike, and a change builds them first.
@Suite struct ResultRowsTests {
  static func cells(_ i: Int) -> [Value] { [.integer(i), .text("项目\(i)")] }

  @Test func lazyRowsAreTheirCells() {
    let lazy = ResultRows(count: 5) { Self.cells($0) }
    let built = ResultRows((0..<5).map(Self.cells))
    #expect(lazy == built)
    #expect(lazy.count == 5)
    #expect(lazy[3] == [.integer(3), .text("项目3")])
    #expect(lazy.rows(1..<3).cells == [Self.cells(1), Self.cells(2)])
    #expect(lazy.mapRows { Array($0.dropFirst()) }.cells == (0..<5).map { [.text("项目\($0)")] })
    #expect(lazy != ResultRows((0..<4).map(Self.cells)))
  }

  @Test func aChangeBuildsTheRows() {
    var rows = ResultRows(count: 3) { Self.cells($0) }
    rows[1] = [.missing]
    rows.append([.integer(9)])
    #expect(rows.cells == [Self.cells(0), [.missing], Self.cells(2), [.integer(9)]])
    rows += [[.integer(10)]]
    rows.removeFirst()
    #expect(rows.count == 4)
    #expect(rows.first == [.missing])
  }

  /// A listing of many rows comes back lazy and reads as the cells of each project.
  @Test func aListingBuildsTheRowsItShows() throws {
    let t = try table("projects show seq, budget * 2 as double sort by seq desc")
    #expect(t.rows.count == 19)
    #expect(t.rows.first?.map(\.display) == ["19", "6"])  // seq 19's budget is 3
    #expect(t.rows.map { $0[0] } == (1...19).reversed().map { .integer($0) })
  }
}
