#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Asks the system for 2 MiB pages under memory that a load, or a statement's column of
/// group numbers, fills front to back.
///
/// A column of a large file is reserved whole and written once; faulting it in 4 KiB at
/// a time was most of the kernel time of a 10 M-row load (each fault zeroes one page and
/// takes the process's memory lock, which the other core's faults wait on). Only advice:
/// where the system gives no huge pages, nothing changes.
public enum HugePages {
  /// The smallest reservation worth advising: a few huge pages.
  static let smallest = 8 << 20

  /// Advises the whole 2 MiB pages inside the storage `array` has reserved.
  public static func advise<T>(_ array: inout [T]) {
    let bytes = array.capacity * MemoryLayout<T>.stride
    array.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      advise(UnsafeMutableRawBufferPointer(start: base, count: bytes))
    }
  }

  /// Advises the whole 2 MiB pages inside `memory`.
  static func advise(_ memory: UnsafeMutableRawBufferPointer) {
    #if os(Linux)
      guard memory.count >= smallest, let base = memory.baseAddress else { return }
      let huge = UInt(2 << 20)
      let start = (UInt(bitPattern: base) + huge - 1) / huge * huge
      let end = (UInt(bitPattern: base) + UInt(memory.count)) / huge * huge
      guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
      _ = madvise(pointer, Int(end - start), MADV_HUGEPAGE)
    #endif
  }
}
