/// The rows of a result: built cells, or a count and a way to build row i on demand.
///
/// A long listing (`recompute changed` on ten million projects lists fifty thousand) is
/// drawn as its first and last rows; building every row's cells (a name's String, a
/// `Value` per cell) was most of such a statement, for rows no one sees. A lazy listing
/// builds a row when it is read; exporting reads them all, drawing reads those shown.
/// Any change to the rows builds them all first, so a changed listing is plain cells.
public struct ResultRows: Sendable {
  private enum Storage: Sendable {
    case built([[Value]])
    case lazy(count: Int, row: @Sendable (Int) -> [Value])
  }

  private var storage: Storage

  public init(_ rows: [[Value]]) {
    storage = .built(rows)
  }

  /// `count` rows, row i built by `row(i)` each time it is read.
  public init(count: Int, row: @escaping @Sendable (Int) -> [Value]) {
    storage = .lazy(count: count, row: row)
  }

  /// Every row as cells.
  public var cells: [[Value]] {
    switch storage {
    case .built(let rows): rows
    case .lazy(let count, let row): (0..<count).map(row)
    }
  }

  /// Each row changed by `transform`; a lazy listing stays lazy.
  public func mapRows(_ transform: @escaping @Sendable ([Value]) -> [Value]) -> ResultRows {
    switch storage {
    case .built(let rows): ResultRows(rows.map(transform))
    case .lazy(let count, let row): ResultRows(count: count) { transform(row($0)) }
    }
  }

  /// Rows `range`, lazy if these are.
  public func rows(_ range: Range<Int>) -> ResultRows {
    switch storage {
    case .built(let rows): ResultRows(Array(rows[range]))
    case .lazy(_, let row): ResultRows(count: range.count) { row(range.lowerBound + $0) }
    }
  }

  private mutating func build() -> [[Value]] {
    let rows = cells
    storage = .built([])  // held uniquely while the caller changes it
    return rows
  }
}

extension ResultRows: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
  public init() {
    storage = .built([])
  }

  public var startIndex: Int { 0 }

  public var endIndex: Int {
    switch storage {
    case .built(let rows): rows.count
    case .lazy(let count, _): count
    }
  }

  public subscript(i: Int) -> [Value] {
    get {
      switch storage {
      case .built(let rows): rows[i]
      case .lazy(_, let row): row(i)
      }
    }
    set {
      var rows = build()
      rows[i] = newValue
      storage = .built(rows)
    }
  }

  public mutating func replaceSubrange<C: Collection>(_ range: Range<Int>, with new: C) where C.Element == [Value] {
    var rows = build()
    rows.replaceSubrange(range, with: new)
    storage = .built(rows)
  }

  public mutating func reserveCapacity(_ n: Int) {
    var rows = build()
    rows.reserveCapacity(n)
    storage = .built(rows)
  }
}

extension ResultRows: Equatable, ExpressibleByArrayLiteral {
  public init(arrayLiteral rows: [Value]...) {
    self.init(rows)
  }

  public static func == (a: ResultRows, b: ResultRows) -> Bool {
    a.count == b.count && a.elementsEqual(b)
  }
}
