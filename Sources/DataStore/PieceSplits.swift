import Foundation

/// The pieces of a streamed reading while they are read, so that a thread whose piece is
/// done takes over the second half of what another piece has left: pieces cut by bytes
/// take unequal times (one core was idle for the last 0.2 s of a 1.3 s load of 10 M rows),
/// and a file of records cannot be cut at a line end found only once its bytes are read.
///
/// A piece's reader reads `grain` bytes at a time (`claim`): a split only moves the
/// piece's limit beyond what its reader has claimed, so a reader never passes a limit
/// that moved under it. The pieces' outcomes are kept here, in file order at the end.
final class PieceSplits<Outcome>: @unchecked Sendable {
  private struct Piece {
    let start: Int
    /// No record of the piece starts at or after this.
    var limit: Int
    /// Where the piece's reader may read to before it claims again.
    var claimed: Int
    var outcome: Outcome?
  }

  private let lock = NSLock()
  private var pieces: [Piece]
  private let grain: Int
  private let least: Int

  /// - Parameters:
  ///   - grain: bytes a reader claims at a time.
  ///   - least: a piece with fewer bytes left than this is not split.
  init(starts: [Int], ends: [Int], grain: Int, least: Int) {
    pieces = zip(starts, ends).map { Piece(start: $0, limit: $1, claimed: $0, outcome: nil) }
    self.grain = max(1, grain)
    self.least = max(2, least)
  }

  /// The offset piece `k`'s reader may read to next, its reader standing at `offset`; nil
  /// when the piece has no records left there.
  func claim(_ k: Int, from offset: Int) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard offset < pieces[k].limit else { return nil }
    pieces[k].claimed = min(pieces[k].limit, max(pieces[k].claimed, offset) + grain)
    return pieces[k].claimed
  }

  /// Splits the piece with the most bytes left unclaimed at a record start near the middle
  /// of them, which `cut(target, limit)` finds (nil when it finds none); the new piece
  /// reads from there to the old limit. Nil when no piece has `least` bytes left.
  func split(cut: (_ target: Int, _ limit: Int) -> Int?) -> (piece: Int, from: Int, to: Int)? {
    lock.lock()
    defer { lock.unlock() }
    guard let k = pieces.indices.max(by: { pieces[$0].limit - pieces[$0].claimed < pieces[$1].limit - pieces[$1].claimed }) else {
      return nil
    }
    let left = pieces[k].limit - pieces[k].claimed
    guard left >= least, let at = cut(pieces[k].claimed + left / 2, pieces[k].limit), at > pieces[k].claimed, at < pieces[k].limit
    else { return nil }
    let end = pieces[k].limit
    pieces[k].limit = at
    pieces.append(Piece(start: at, limit: end, claimed: at, outcome: nil))
    return (pieces.count - 1, at, end)
  }

  /// Keeps piece `k`'s outcome.
  func finish(_ k: Int, _ outcome: Outcome) {
    lock.lock()
    defer { lock.unlock() }
    pieces[k].outcome = outcome
  }

  /// Every piece in file order: where it starts and ends, and its outcome; once every
  /// piece is finished.
  func finished() -> [(start: Int, end: Int, outcome: Outcome)] {
    lock.lock()
    defer { lock.unlock() }
    return pieces.sorted { $0.start < $1.start }.map { ($0.start, $0.limit, $0.outcome!) }
  }
}
