#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the file system says about a path, in words a person can act on.
///
/// `stat` follows symbolic links, so a link that points nowhere or loops is told apart
/// from a pipe or a missing file here, with `lstat`, instead of being taken for one.
enum FilePath {
  /// `stat` of the path, links followed; throws a message naming the path.
  static func status(_ path: String) throws(LoadError) -> stat {
    var info = stat()
    if stat(path, &info) == 0 { return info }
    throw error(path, opening: errno)
  }

  /// Whether the path names a folder (links followed); false when it cannot be seen.
  static func isFolder(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
  }

  /// The error for a path that could not be looked at or opened as a file.
  static func error(_ path: String, opening code: Int32) -> LoadError {
    var link = stat()
    let isLink = lstat(path, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK
    switch code {
    case ELOOP:
      return LoadError(file: path, message: "is a symbolic link that loops back on itself; point it at a dataset file or folder")
    case ENOENT where isLink:
      let target = linkTarget(path).map { " to \($0)" } ?? ""
      return LoadError(file: path, message: "is a symbolic link\(target), which does not exist")
    case ENOENT:
      return LoadError(file: path, message: "no such file or folder")
    case EACCES, EPERM:
      return LoadError(file: path, message: "cannot be read: permission denied")
    default:
      return LoadError(file: path, message: "cannot be read: \(reason(code))")
    }
  }

  /// The error for a folder that could not be listed.
  static func error(folder path: String, code: Int32) -> LoadError {
    switch code {
    case EACCES, EPERM:
      return LoadError(file: path, message: "this folder cannot be read or entered: permission denied")
    case ELOOP, ENOENT:
      return error(path, opening: code)
    default:
      return LoadError(file: path, message: "this folder cannot be read: \(reason(code))")
    }
  }

  static func reason(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text).lowercased()
  }

  static func linkTarget(_ path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink(path, &buffer, buffer.count - 1)
    guard n > 0 else { return nil }
    return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// A directory entry's name, read in place up to its NUL: a record may be shorter than
  /// the declared 256-byte name field (the last one of readdir's buffer ends where its
  /// name does), so the field is never copied whole.
  static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
    withUnsafeMutablePointer(to: &entry.pointee.d_name) { field in
      field.withMemoryRebound(to: UInt8.self, capacity: 1) { String(cString: $0) }
    }
  }

  /// The entries of a folder (not `.` and `..`), or the errno that stopped listing it.
  static func entries(_ path: String) -> Result<[(name: String, isFolder: Bool)], FolderError> {
    guard let dir = opendir(path) else { return .failure(FolderError(code: errno)) }
    defer { closedir(dir) }
    var out: [(name: String, isFolder: Bool)] = []
    while true {
      errno = 0
      guard let entry = readdir(dir) else {
        if errno != 0 { return .failure(FolderError(code: errno)) }
        break
      }
      let name = entryName(entry)
      if name == "." || name == ".." { continue }
      let full = path.hasSuffix("/") ? path + name : path + "/" + name
      // A link to a folder is not walked into (it could loop); a link to a file counts.
      var info = stat()
      let isFolder = lstat(full, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
      out.append((name, isFolder))
    }
    return .success(out)
  }

  /// The errno of a folder that could not be listed.
  struct FolderError: Error {
    var code: Int32
  }
}
