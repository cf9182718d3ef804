import DataStore
import Synchronization
import Testing

@testable import Shell

/// The progress line of a long load: drawn in place on a terminal, erased at the end,
/// never written elsewhere.
@Suite struct LoadProgressLineTests {
  @Test func text() {
    #expect(LoadProgressLine.text(.init(bytes: 1_048_576, total: 2_621_440, rows: 3)) == "loading: 1.0 of 2.5 MiB (40%), 3 rows")
    #expect(LoadProgressLine.text(.init(bytes: 0, total: 0, rows: 0)) == "loading: 0.0 of 0.0 MiB (100%), 0 rows")
    #expect(Language.zh.phrasebook("loading: 1.0 of 2.5 MiB (40%), 3 rows") == "正在加载：1.0 / 2.5 MiB（40%），3 行")
  }

  /// The first report starts the clock; with no delay, later ones draw over the same line.
  @Test func drawsInPlaceAndErases() {
    let written = Mutex<[String]>([])
    let line = LoadProgressLine(isTerminal: true, words: Language.en.phrasebook, delay: .zero, interval: .zero) { text in
      written.withLock { $0.append(text) }
    }
    line.update(.init(bytes: 0, total: 2_097_152, rows: 0))
    line.update(.init(bytes: 1_048_576, total: 2_097_152, rows: 10))
    line.update(nil)
    #expect(written.withLock { $0 } == ["\rloading: 1.0 of 2.0 MiB (50%), 10 rows\u{1B}[K", "\r\u{1B}[K"])
  }

  /// A load that ends within the delay leaves nothing on the screen, not even an erase.
  @Test func aQuickLoadShowsNothing() {
    let written = Mutex<[String]>([])
    let line = LoadProgressLine(isTerminal: true, words: Language.en.phrasebook) { text in written.withLock { $0.append(text) } }
    line.update(.init(bytes: 0, total: 10, rows: 0))
    line.update(.init(bytes: 10, total: 10, rows: 1))
    line.update(nil)
    #expect(written.withLock { $0 }.isEmpty)
  }

  @Test func neverWhenNotATerminal() {
    let written = Mutex<[String]>([])
    let line = LoadProgressLine(isTerminal: false, words: Language.en.phrasebook, delay: .zero, interval: .zero) { text in
      written.withLock { $0.append(text) }
    }
    for bytes in 0...3 { line.update(.init(bytes: bytes, total: 3, rows: bytes)) }
    line.update(nil)
    #expect(written.withLock { $0 }.isEmpty)
  }
}
