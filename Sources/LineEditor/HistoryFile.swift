import DataStore
import Glibc

/// Where the history lives on disk, whether it is safe to load, and how it is written.
///
/// The file holds every statement the user typed, budget figures included, so it is kept
/// private (directory 0700, file 0600) and replaced atomically: a crash mid-save leaves
/// the previous file, never a truncated one.
struct HistoryFile {
  /// libedit's first line; a file without it was not written by libedit.
  static let cookie = "_HiStOrY_V2_"
  /// Larger files are refused rather than read into memory at startup.
  static let maximumBytes = 16 << 20

  let path: String

  /// What was found at `path`.
  enum State: Equatable {
    /// Nothing there yet (first run), or an empty file.
    case absent
    /// A libedit history file whose every line decodes to UTF-8.
    case loadable
    /// Something that must be neither loaded nor overwritten, with the reason.
    case unusable(String)
  }

  /// `$XDG_STATE_HOME/jixiao/history`, else `~/.local/state/jixiao/history`; nil when
  /// neither a state directory nor a home directory is known.
  static func defaultPath(environment: (String) -> String? = HistoryFile.environment) -> String? {
    // The XDG spec says relative values are invalid and must be ignored.
    if let state = environment("XDG_STATE_HOME"), state.hasPrefix("/") {
      return state + "/jixiao/history"
    }
    if let home = environment("HOME"), !home.isEmpty {
      return home + "/.local/state/jixiao/history"
    }
    if let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir {
      let home = String(cString: directory)
      if !home.isEmpty { return home + "/.local/state/jixiao/history" }
    }
    return nil
  }

  /// The process environment, read through libc to avoid a Foundation dependency.
  static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  /// Checks the file without trusting it: libedit's loader crashes on some damaged
  /// files, so only a file that fully decodes is handed to it.
  func inspect() -> State {
    // O_NONBLOCK so a FIFO planted at the path cannot hang startup.
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    if fd < 0 {
      let error = errno
      return error == ENOENT ? .absent : .unusable(Self.describe(error))
    }
    defer { close(fd) }

    var status = stat()
    guard fstat(fd, &status) == 0 else { return .unusable(Self.describe(errno)) }
    guard status.st_mode & S_IFMT == S_IFREG else { return .unusable("it is not a regular file") }
    guard status.st_size <= Self.maximumBytes else { return .unusable("it is larger than 16 MiB") }

    let bytes: [UInt8]
    switch Descriptor.readAll(fd, limit: Self.maximumBytes) {
    case .success(let b): bytes = b
    case .failure(let e): return .unusable(Self.describe(e.code))
    }
    if bytes.isEmpty { return .absent }

    var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    guard let first = lines.first, Array(first) == Array(Self.cookie.utf8) else {
      return .unusable("it is not a libedit history file")
    }
    for (index, line) in lines.enumerated().dropFirst() {
      guard let decoded = VisDecoder.decode(line), !decoded.contains(0),
        String(validating: decoded, as: UTF8.self) != nil
      else {
        return .unusable("line \(index + 1) is damaged")
      }
    }
    return .loadable
  }

  /// Replaces the file with what `write` puts into a fresh private stream, through the
  /// program's one safe writer (a temporary file, fsync, rename; 0600 whatever the umask;
  /// a symbolic link at the path is followed, so a linked history file stays linked).
  /// - Returns: nil on success, else why the history could not be saved.
  func save(_ write: (UnsafeMutablePointer<FILE>) -> Bool) -> String? {
    let directory = Self.directory(of: path)
    if let problem = Self.makePrivateDirectory(directory) { return problem }
    return withoutActuallyEscaping(write) { write -> String? in
      let target = SafeFile.Target(path: path) { fd in
        // The stream gets its own descriptor: SafeFile closes the one it lent.
        let copy = dup(fd)
        guard copy >= 0 else { return false }
        guard let stream = fdopen(copy, "w") else {
          close(copy)
          return false
        }
        var ok = write(stream)
        ok = fflush(stream) == 0 && ok
        ok = fclose(stream) == 0 && ok
        return ok
      }
      let saved = Result { () throws(WriteError) in
        try SafeFile.write([target], options: SafeFile.Options(replace: true, mode: 0o600, followSymlinks: true))
      }
      if case .failure(let error) = saved { return error.message }
      return nil
    }
  }

  /// Creates `directory` and any missing parents as 0700, leaving existing ones alone.
  static func makePrivateDirectory(_ directory: String) -> String? {
    var status = stat()
    if stat(directory, &status) == 0 {
      return status.st_mode & S_IFMT == S_IFDIR ? nil : "\(directory) is not a directory"
    }
    let parent = Self.directory(of: directory)
    if parent != directory, let problem = makePrivateDirectory(parent) { return problem }
    if mkdir(directory, 0o700) != 0 && errno != EEXIST {
      return "cannot create \(directory): \(describe(errno))"
    }
    chmod(directory, 0o700)
    return nil
  }

  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  static func describe(_ error: Int32) -> String {
    String(cString: strerror(error))
  }
}
