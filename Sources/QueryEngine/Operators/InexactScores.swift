import Scoring

/// The recomputed scores with more than four decimals (ratios of indicator values), by
/// row, with each rounded to hundredths as it is shown.
///
/// Nearly every project with indicators has one, and `recompute` looks up every listed
/// row: a place per row in flat arrays instead of a hash table keyed by row, which was
/// a fifth of the listing (hashing, probing, and growing the table as the pieces merged).
struct InexactScores: Sendable {
  /// For each row, its place in `values`, or -1; empty when no row has an inexact score.
  private var place: [Int32] = []
  private var values: [Fraction] = []
  private var rounded: [Int128] = []

  /// What one piece of the rows found, in row order.
  struct Piece: Sendable {
    var rows: [Int32] = []
    var values: [Fraction] = []
    var rounded: [Int128] = []

    mutating func append(_ row: Int, _ value: Fraction, hundredths: Int128) {
      rows.append(Int32(row))
      values.append(value)
      rounded.append(hundredths)
    }
  }

  init() {}

  /// The pieces' scores together, for a table of `count` rows.
  init(_ pieces: [Piece], count: Int) {
    let total = pieces.reduce(0) { $0 + $1.rows.count }
    guard total > 0 else { return }
    place = [Int32](repeating: -1, count: count)
    values.reserveCapacity(total)
    rounded.reserveCapacity(total)
    for piece in pieces {
      for (k, r) in piece.rows.enumerated() { place[Int(r)] = Int32(values.count + k) }
      values += piece.values
      rounded += piece.rounded
    }
  }

  var isEmpty: Bool { values.isEmpty }

  /// The exact score of `row`, when it has more than four decimals.
  subscript(row: Int) -> Fraction? {
    guard !place.isEmpty, place[row] >= 0 else { return nil }
    return values[Int(place[row])]
  }

  /// The score of `row` rounded to hundredths, when it has more than four decimals.
  func hundredths(_ row: Int) -> Int128? {
    guard !place.isEmpty, place[row] >= 0 else { return nil }
    return rounded[Int(place[row])]
  }
}
