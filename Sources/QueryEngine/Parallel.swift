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
