import Synchronization

/// A value made once, by the first thread to ask; then read by any without waiting.
final class ColumnSlot<Value: Sendable>: @unchecked Sendable {
  private let filled = Atomic<Bool>(false)
  private let making = Mutex(())
  /// Written once under `making`, before `filled`; read only after `filled`.
  private nonisolated(unsafe) var value: Value?

  func get(_ make: () -> Value) -> Value {
    if filled.load(ordering: .acquiring), let value { return value }
    return making.withLock { _ in
      if let value { return value }
      let made = make()
      value = made
      filled.store(true, ordering: .releasing)
      return made
    }
  }
}
