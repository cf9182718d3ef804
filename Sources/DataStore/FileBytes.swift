import CMappedFile
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A dataset file's bytes: read with read(2) into memory the loader owns, or, for the
/// large projects files read as they are parsed, mapped.
///
/// Either way the memory is a mapping whose pages parsing has passed can be given back
/// (`PageRelease`), so a large file does not sit in memory beside its columns. A large
/// file is mapped because reading it cost more than parsing it: every page read into
/// is a fresh page the system zeroes first (at 10 M rows that was 31 % of a one-shot's
/// CPU time, against mapping and touching the 1.15 GB in 0.05–0.09 s). A mapped file
/// cut short while it is parsed would fault with SIGBUS and kill the process; its
/// mapping is guarded (`CMappedFile`), so such a page reads as zeros and the file is
/// reported as changed. The file stays open while it is parsed, so a change made
/// meanwhile (truncated, rewritten, appended to) is seen and reported.
final class FileBytes {
  let file: String
  /// Exactly the file's bytes.
  let bytes: UnsafeBufferPointer<UInt8>
  private let region: UnsafeMutableRawPointer?
  private let regionSize: Int
  private let descriptor: Int32
  private let opened: stat
  /// The guard's slot when the file is mapped, else -1.
  private let guardSlot: Int32

  private init(
    file: String, region: UnsafeMutableRawPointer?, regionSize: Int, count: Int, descriptor: Int32, opened: stat,
    guardSlot: Int32 = -1
  ) {
    self.file = file
    self.region = region
    self.regionSize = regionSize
    self.bytes = UnsafeBufferPointer(start: region?.assumingMemoryBound(to: UInt8.self), count: count)
    self.descriptor = descriptor
    self.opened = opened
    self.guardSlot = guardSlot
  }

  deinit {
    if let region { munmap(region, regionSize) }
    if guardSlot >= 0 { jixiao_unguard_mapping(guardSlot) }
    close(descriptor)
  }

  /// The file is mapped, not read.
  var isMapped: Bool { guardSlot >= 0 }

  /// A page of the mapped file faulted because the file was cut short: what was parsed
  /// may hold zeros where its bytes were.
  var wasCut: Bool { guardSlot >= 0 && jixiao_mapping_was_cut(guardSlot) != 0 }

  /// Opens and reads a regular file of at most `limit` bytes.
  static func read(_ file: String, limit: Int) throws(LoadError) -> FileBytes {
    let result = try open(file, limit: limit)
    try result.fill(0..<result.bytes.count)
    try result.checkNotGrown()
    return result
  }

  /// Opens a regular file of at most `limit` bytes, with room for its bytes but none read
  /// yet (they read as zeros until `fill`): a large file is then read piece by piece just
  /// ahead of its parse, and never sits whole in memory.
  static func open(_ file: String, limit: Int) throws(LoadError) -> FileBytes {
    let (fd, opened) = try openRegular(file, limit: limit)
    let size = Int(opened.st_size)
    var region: UnsafeMutableRawPointer?
    if size > 0 {
      let p = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
      guard let p, p != MAP_FAILED else {
        close(fd)
        throw LoadError(file: file, message: "does not fit in memory (\(size) bytes)")
      }
      // Huge pages where the system gives them on request: the file is copied into
      // this region once, and faulting it in 4 KiB at a time cost more than the copy.
      #if os(Linux)
        _ = madvise(p, size, MADV_HUGEPAGE)
      #endif
      region = p
    }
    return FileBytes(file: file, region: region, regionSize: size, count: size, descriptor: fd, opened: opened)
  }

  /// Opens a regular file of at most `limit` bytes mapped, its pages read from the
  /// system's cache as they are first touched; `fill` then only checks that the file
  /// still reaches the range. Where the mapping cannot be made or guarded, the file is
  /// opened as `open` opens it, to be read.
  static func map(_ file: String, limit: Int) throws(LoadError) -> FileBytes {
    let (fd, opened) = try openRegular(file, limit: limit)
    let size = Int(opened.st_size)
    if size > 0, let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED {
      let slot = jixiao_guard_mapping(p, size)
      if slot >= 0 {
        return FileBytes(file: file, region: p, regionSize: size, count: size, descriptor: fd, opened: opened, guardSlot: slot)
      }
      munmap(p, size)
    }
    close(fd)
    return try open(file, limit: limit)
  }

  /// Opens `file` for reading after checking it is a regular file of at most `limit` bytes.
  private static func openRegular(_ file: String, limit: Int) throws(LoadError) -> (Int32, stat) {
    // Refuse pipes, sockets and devices before opening: opening a pipe waits for a writer.
    let info = try FilePath.status(file)
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw LoadError(file: file, message: "is a folder, not a file")
    default: throw LoadError(file: file, message: "is not a regular file (a pipe, socket or device)")
    }
    // O_NONBLOCK: should the file be swapped for a pipe after the check, open still returns.
    let fd = Glibc.open(file, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { throw FilePath.error(file, opening: errno) }
    var opened = stat()
    guard fstat(fd, &opened) == 0 else {
      let code = errno
      close(fd)
      throw FilePath.error(file, opening: code)
    }
    guard opened.st_mode & S_IFMT == S_IFREG else {
      close(fd)
      throw LoadError(file: file, message: "is not a regular file (a pipe, socket or device)")
    }
    guard Int(opened.st_size) <= limit else {
      close(fd)
      let shown = limit >= 1 << 30 ? "\(limit >> 30) GiB" : "\(limit) bytes"
      throw LoadError(file: file, message: "larger than \(shown), the largest file accepted")
    }
    return (fd, opened)
  }

  /// Reads the bytes at `range` of the file into place; for a mapped file, checks that
  /// the file still reaches past `range`. Threads may fill disjoint ranges at once
  /// (pread keeps no shared offset).
  func fill(_ range: Range<Int>) throws(LoadError) {
    guard let region, !range.isEmpty else { return }
    if isMapped {
      var now = stat()
      if fstat(descriptor, &now) == 0, Int(now.st_size) < range.upperBound { throw changed() }
      return
    }
    var done = range.lowerBound
    while done < range.upperBound {
      // pread(2) returns at most about 2 GiB at a time.
      let n = pread(descriptor, region + done, min(range.upperBound - done, 1 << 30), off_t(done))
      if n < 0 {
        if errno == EINTR { continue }
        throw LoadError(file: file, message: "cannot be read: \(FilePath.reason(errno))")
      }
      if n == 0 { throw changed() }
      done += n
    }
  }

  /// Throws when the file has grown past the size it had when opened.
  func checkNotGrown() throws(LoadError) {
    var extra: UInt8 = 0
    while true {
      let n = pread(descriptor, &extra, 1, off_t(bytes.count))
      if n < 0, errno == EINTR { continue }
      if n > 0 { throw changed() }
      break
    }
  }

  /// Throws when the file is no longer as it was when opened (size or modification time).
  func checkUnchanged() throws(LoadError) {
    var now = stat()
    guard fstat(descriptor, &now) == 0 else { return }
    if now.st_size != opened.st_size || now.st_mtim.tv_sec != opened.st_mtim.tv_sec
      || now.st_mtim.tv_nsec != opened.st_mtim.tv_nsec
    {
      throw changed()
    }
  }

  func changed() -> LoadError {
    var sizes = "\(opened.st_size) bytes when opened"
    var now = stat()
    if fstat(descriptor, &now) == 0, now.st_size != opened.st_size { sizes += ", \(now.st_size) now" }
    return LoadError(
      file: file,
      message: "changed while it was being loaded (\(sizes)); load it again once it is complete")
  }
}

extension FileBytes {
  /// A whole file as `Data`, with the same checks (regular file, size, not changed while read).
  static func contents(_ file: String, limit: Int) throws(LoadError) -> Data {
    let read = try FileBytes.read(file, limit: limit)
    let data = Data(buffer: read.bytes)
    try read.checkUnchanged()
    return data
  }
}
