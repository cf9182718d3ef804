import Glibc

/// A file as the kernel knows it (device and inode), so two spellings of one path, a
/// symbolic link or a hard link compare equal where path text would not.
public struct FileIdentity: Hashable, Sendable {
  public var device: UInt64
  public var inode: UInt64

  /// The file at `path`, following symbolic links; nil when nothing is there.
  public static func of(_ path: String) -> FileIdentity? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return FileIdentity(status)
  }

  /// The file open on `descriptor`.
  public static func of(descriptor: Int32) -> FileIdentity? {
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return nil }
    return FileIdentity(status)
  }

  init(_ status: stat) {
    device = UInt64(status.st_dev)
    inode = UInt64(status.st_ino)
  }
}

/// The loaded data's files and folders, which no writer may replace or empty.
public struct ProtectedFiles: Sendable {
  /// Each loaded file with the path it was loaded from.
  public var files: [FileIdentity: String] = [:]
  /// The folders holding loaded files, with one such file for the message.
  public var folders: [FileIdentity: String] = [:]

  public init() {}

  /// The files of `store` as they are on disk now.
  public init(_ store: Store) {
    for path in store.files {
      if let id = FileIdentity.of(path) { files[id] = path }
      if let id = FileIdentity.of(Paths.folder(of: path)), folders[id] == nil { folders[id] = path }
    }
  }

  /// The loaded file at `identity`, if it is one.
  public func file(_ identity: FileIdentity?) -> String? { identity.flatMap { files[$0] } }
}

/// Path text helpers that need no Foundation.
enum Paths {
  /// The folder part of a path: "." for a bare name, "/" for a file at the root.
  static func folder(of path: String) -> String {
    var trimmed = path
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
  }

  /// The last component of a path.
  static func name(of path: String) -> String {
    var trimmed = path
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
    return String(trimmed[trimmed.index(after: slash)...])
  }

  /// strerror's text for an errno value.
  static func describe(_ error: Int32) -> String { String(cString: strerror(error)) }
}
