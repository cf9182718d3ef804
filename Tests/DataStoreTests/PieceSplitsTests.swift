import Foundation
import Synchronization
import Testing

@testable import DataStore

/// Pieces split while they are read: every record is read once, by the piece it starts
/// in, in file order, however the threads happen to run.
@Suite struct PieceSplitsTests {
  typealias Generator = ProjectPiecesTests.Generator

  /// Reads piece `k` as a streamed piece does: records (lines) that start below its
  /// claimed bytes, claiming more at their end; the starts of the records it read.
  static func read(_ bytes: [UInt8], _ k: Int, from: Int, splits: PieceSplits<[Int]>, pause: Int) -> [Int] {
    var records: [Int] = []
    var position = from
    var limit = splits.claim(k, from: from) ?? from
    while true {
      if position >= limit {
        guard let more = splits.claim(k, from: position) else { break }
        limit = more
        continue
      }
      records.append(position)
      while position < bytes.count, bytes[position] != 0x0A { position += 1 }
      position += 1
      if pause > 0, records.count % pause == 0 { usleep(20) }
    }
    return records
  }

  @Test(arguments: 0..<12)
  func everyRecordIsReadOnceInOrder(seed: Int) throws {
    var g = Generator(state: UInt64(seed) &* 7919 &+ 5)
    var bytes: [UInt8] = []
    var starts: [Int] = []
    for _ in 0..<g.int(1...2000) {
      starts.append(bytes.count)
      bytes += [UInt8](repeating: UInt8(ascii: "x"), count: g.int(0...40)) + [0x0A]
    }
    // First pieces cut at record starts, as `cuts` does.
    let first = g.int(1...4)
    var cuts = [0]
    for _ in 1..<first {
      if let next = starts.first(where: { $0 > cuts[cuts.count - 1] + bytes.count / first }) { cuts.append(next) }
    }
    let ends = Array(cuts.dropFirst()) + [bytes.count]
    let splits = PieceSplits<[Int]>(starts: cuts, ends: ends, grain: g.int(1...64), least: g.int(2...200))
    let pauses = (0..<cuts.count).map { _ in g.int(0...30) }
    let made = Atomic<Int>(0)
    func cut(_ target: Int, _ limit: Int) -> Int? {
      var i = target
      while i < limit, bytes[i] != 0x0A { i += 1 }
      return i + 1 < limit ? i + 1 : nil
    }
    Threads.run(cuts.count) { k in
      splits.finish(k, Self.read(bytes, k, from: cuts[k], splits: splits, pause: pauses[k]))
      while let (piece, from, _) = splits.split(cut: cut) {
        made.add(1, ordering: .relaxed)
        splits.finish(piece, Self.read(bytes, piece, from: from, splits: splits, pause: 0))
      }
    }
    let pieces = splits.finished()
    #expect(pieces.count == cuts.count + made.load(ordering: .relaxed))
    #expect(pieces.flatMap(\.outcome) == starts)
    for (i, p) in pieces.enumerated() {
      #expect(p.outcome.allSatisfy { $0 >= p.start && $0 < p.end })
      #expect(p.end == (i + 1 < pieces.count ? pieces[i + 1].start : bytes.count))
    }
  }

  /// A piece is split only past what its reader has claimed, and not below `least`.
  @Test func splitsLeaveClaimedBytesAlone() {
    let splits = PieceSplits<Int>(starts: [0], ends: [1000], grain: 100, least: 300)
    #expect(splits.claim(0, from: 0) == 100)
    let made = splits.split { target, _ in target }
    #expect(made?.from == 550)
    #expect(made?.to == 1000)
    #expect(splits.claim(0, from: 100) == 200)
    #expect(splits.claim(0, from: 550) == nil)
    // 350 bytes left in piece 0, 450 in piece 1: piece 1 is split.
    #expect(splits.split { target, _ in target }?.from == 775)
    // 350 left in piece 0, 225 in each half of piece 1: piece 0.
    #expect(splits.split { target, _ in target }?.from == 375)
    #expect(splits.split { target, _ in target } == nil)
  }
}
