import Dispatch

/// Work split over the cores, for the loader's pieces and the engine's scans alike.
public enum Threads {
  /// Runs `body(0..<count)`, concurrently when count > 1; each call writes only its own index.
  public static func run(_ count: Int, _ body: (Int) -> Void) {
    if count == 1 {
      body(0)
      return
    }
    withoutActuallyEscaping(body) { body in
      let box = UnsafeSendable(body)
      DispatchQueue.concurrentPerform(iterations: count) { box.value($0) }
    }
  }
}

/// Hands values to the threads of one `Threads.run`; each thread writes only its own
/// index, so nothing is shared mutably.
public struct UnsafeSendable<T>: @unchecked Sendable {
  public let value: T
  public init(_ value: T) { self.value = value }
}
