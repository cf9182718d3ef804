import DataStore
import Scoring

/// Orders positions by one or more keys. Every key becomes one Int64 per position that
/// orders like its values (grades by merit, text by code points, exact numbers by
/// value); missing values sort last in either direction and ties keep their order. With a
/// small limit only the first `limit` are kept, without sorting the rest.
enum SortOperator {
  static func order(count: Int, keys: [(vector: Vector, descending: Bool)], limit: Int?) -> [Int] {
    let ranks = keys.map { rank($0.vector) }
    let descending = keys.map(\.descending)
    let missing = Int64.min
    func before(_ a: Int, _ b: Int) -> Bool {
      for k in ranks.indices {
        let x = ranks[k][a]
        let y = ranks[k][b]
        if x == y { continue }
        if x == missing { return false }
        if y == missing { return true }
        return descending[k] ? x > y : x < y
      }
      return a < b
    }
    if let limit, limit < 1024, limit * 8 < count {
      var best: [Int] = []
      best.reserveCapacity(limit + 1)
      for i in 0..<count {
        if best.count == limit, let last = best.last, !before(i, last) { continue }
        var lo = 0
        var hi = best.count
        while lo < hi {
          let mid = (lo + hi) / 2
          if before(best[mid], i) { lo = mid + 1 } else { hi = mid }
        }
        best.insert(i, at: lo)
        if best.count > limit { best.removeLast() }
      }
      return best
    }
    var all = Array(0..<count).sorted(by: before)
    if let limit, all.count > limit { all.removeLast(all.count - limit) }
    return all
  }

  /// Each text's place when the texts are ordered by code point (ties keep their order):
  /// how text keys and text sort keys are ranked, the dictionary sorted once.
  static func places(_ values: [String]) -> [Int] {
    var place = [Int](repeating: 0, count: values.count)
    for (p, code) in values.indices.sorted(by: { values[$0] < values[$1] }).enumerated() { place[code] = p }
    return place
  }

  /// Integers that order like the vector's values; `Int64.min` for missing.
  static func rank(_ v: Vector) -> [Int64] {
    let missing = Int64.min
    switch v {
    case .fixed(let x), .whole(let x):
      return x
    case .grades(let codes):
      return codes.map { $0 == ProjectTable.missingCode ? missing : Int64(3 - Int($0)) }
    case .funds(let codes):
      return codes.map { $0 == ProjectTable.missingCode ? missing : Int64($0) }
    case .text(let codes, let values):
      let place = places(values)
      return codes.map { $0 == Vector.noText ? missing : Int64(place[Int($0)]) }
    case .exact(let x):
      let order = x.indices.filter { x[$0] != nil }.sorted { x[$0]! < x[$1]! }
      var out = [Int64](repeating: missing, count: x.count)
      var place: Int64 = 0
      for (i, r) in order.enumerated() {
        if i > 0, x[r]! != x[order[i - 1]]! { place += 1 }
        out[r] = place
      }
      return out
    case .constant(let s, let n):
      return [Int64](repeating: s.isMissing ? missing : 0, count: n)
    }
  }
}
