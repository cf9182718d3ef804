import Dispatch

/// Splitting a scan over the cores: only worth it for large tables, where the
/// scan takes longer than waking a second thread (tens of microseconds).
public enum Parallel {
  /// Rows below which a scan stays on one thread. Tests lower it (`withValue`) so the
  /// split operators run on small tables too.
  @TaskLocal public static var threshold = 200_000
  /// The most pieces a scan is cut into; tests raise it to split on one core too.
  @TaskLocal public static var maximumChunks = max(1, System.activeProcessorCount)

  /// How many pieces to cut a scan of `rows` rows into.
  static func chunks(for rows: Int) -> Int {
    let threshold = Swift.max(Parallel.threshold, 2)
    return rows < threshold ? 1 : min(maximumChunks, max(1, rows / (threshold / 2)))
  }

  /// Runs `body(0..<chunks)`, in parallel when chunks > 1.
  static func run(_ chunks: Int, _ body: (Int) -> Void) {
    if chunks == 1 {
      body(0)
      return
    }
    withoutActuallyEscaping(body) { body in
      let box = UnsafeSendable(body)
      DispatchQueue.concurrentPerform(iterations: chunks) { c in box.value(c) }
    }
  }
}

/// Hands a value to the threads of one `Parallel.run`; each thread writes only its
/// own chunk, so nothing is shared mutably.
struct UnsafeSendable<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}

enum System {
  static var activeProcessorCount: Int {
    #if canImport(Glibc)
      Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    #else
      1
    #endif
  }
}

#if canImport(Glibc)
  import Glibc
#endif
