import DataStore
import Synchronization

/// A long load's progress on a terminal, redrawn in place: nothing for the first second
/// (most loads are done by then), then bytes of the total and rows a few times a second,
/// erased when the load ends so the answer starts on a clean line. Only for a terminal:
/// a log or pipe would fill with carriage returns.
public final class LoadProgressLine: Sendable {
  private struct State {
    var started: ContinuousClock.Instant?
    var drawn: ContinuousClock.Instant?
  }

  private let state = Mutex(State())
  private let write: @Sendable (String) -> Void
  private let words: Phrasebook
  private let delay: Duration
  private let interval: Duration

  /// - Parameters:
  ///   - write: writes to the terminal (stderr); never called when `isTerminal` is false.
  public init(
    isTerminal: Bool, words: Phrasebook, delay: Duration = .seconds(1), interval: Duration = .milliseconds(250),
    write: @escaping @Sendable (String) -> Void
  ) {
    self.words = words
    self.delay = delay
    self.interval = interval
    if isTerminal {
      self.write = write
    } else {
      self.write = { _ in }
    }
  }

  /// The text of one state of the line.
  public static func text(_ p: LoadMonitor.Progress) -> String {
    let mib = { (n: Int) -> String in
      let tenths = n * 10 / 1_048_576
      return "\(tenths / 10).\(tenths % 10)"
    }
    let percent = p.total > 0 ? p.bytes * 100 / p.total : 100
    return "loading: \(mib(p.bytes)) of \(mib(p.total)) MiB (\(percent)%), \(p.rows) rows"
  }

  /// Takes one report from the loader (nil: the load has ended, erase the line).
  public func update(_ p: LoadMonitor.Progress?) {
    guard let p else { return end() }
    show(p)
  }

  /// Takes one report from the loader; draws when the load has run long enough.
  public func show(_ p: LoadMonitor.Progress) {
    let now = ContinuousClock.now
    let draw = state.withLock { s -> Bool in
      guard let started = s.started else {
        s.started = now
        return false
      }
      guard now - started >= delay, s.drawn.map({ now - $0 >= interval }) ?? true else { return false }
      s.drawn = now
      return true
    }
    if draw { write("\r" + words(Self.text(p)) + "\u{1B}[K") }
  }

  /// Erases the line if it was drawn; ready for the next load.
  public func end() {
    let drawn = state.withLock { s -> Bool in
      defer { s = State() }
      return s.drawn != nil
    }
    if drawn { write("\r\u{1B}[K") }
  }
}
