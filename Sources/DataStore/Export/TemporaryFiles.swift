import Glibc
import Synchronization

/// The temporary files this process has open beside their targets, so that every way
/// out (an error, Ctrl-C, SIGTERM, SIGHUP) can remove them.
///
/// Names are `.jixiao-tmp.PID.RANDOM.NAME`: the dot hides them from dataset loading, the
/// prefix makes them recognisable, and the PID tells a later run whether the process
/// that made one is gone (kill -9 leaves them behind; nothing else does).
public enum TemporaryFiles {
  static let prefix = ".jixiao-tmp."

  /// Paths currently created and not yet renamed or removed. The lock is also held while
  /// a file is created and while a set of files is renamed into place, so a stop signal
  /// sees either none or all of a commit.
  static let registry = Mutex<Set<String>>([])

  /// Creates a fresh temporary file beside `target` with O_CREAT|O_EXCL (never through a
  /// file or link already there); returns its path and an open descriptor.
  static func create(beside target: String) -> Result<(path: String, descriptor: Int32), SystemCallError> {
    let folder = Paths.folder(of: target)
    let name = shortened(Paths.name(of: target))
    for _ in 0..<16 {
      let path = (folder == "/" ? "" : folder) + "/" + prefix + "\(getpid()).\(randomTag()).\(name)"
      let created: Result<(path: String, descriptor: Int32), SystemCallError>? = registry.withLock { set in
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if fd >= 0 {
          set.insert(path)
          return .success((path, fd))
        }
        let error = errno
        return error == EEXIST ? nil : .failure(SystemCallError(error))
      }
      if let created { return created }
    }
    return .failure(SystemCallError(EEXIST))
  }

  /// Removes a temporary file and forgets it.
  static func remove(_ path: String) {
    registry.withLock { set in
      unlink(path)
      set.remove(path)
    }
  }

  /// Runs `body` (the renames of a commit) with the registry locked; `body` returns the
  /// paths that are no longer temporary (renamed into place or removed).
  static func committing<T>(_ body: () -> (result: T, done: [String])) -> T {
    registry.withLock { set in
      let (result, done) = body()
      for path in done { set.remove(path) }
      return result
    }
  }

  /// Removes every registered file, then runs `exit` (which ends the process) with the
  /// lock still held: called once, from the thread that received a stop signal.
  static func removeAllForExit(then exit: () -> Never) -> Never {
    registry.withLock { set in
      for path in set { unlink(path) }
      set.removeAll()
      exit()
    }
  }

  /// Removes temporary files in `folder` left by processes that no longer exist (killed
  /// with SIGKILL, or a power cut). Files of live processes, other users' files and
  /// anything that is not a plain file are left alone.
  static func removeStale(in folder: String) {
    guard let directory = opendir(folder) else { return }
    defer { closedir(directory) }
    let me = getuid()
    while let entry = readdir(directory) {
      let name = FilePath.entryName(entry)
      guard name.hasPrefix(prefix) else { continue }
      let fields = name.dropFirst(prefix.count).split(separator: ".", maxSplits: 2)
      guard fields.count == 3, let pid = Int32(fields[0]), pid > 0, pid != getpid() else { continue }
      // kill(pid, 0) fails with ESRCH only when no such process exists.
      guard kill(pid, 0) != 0 && errno == ESRCH else { continue }
      let path = (folder == "/" ? "" : folder) + "/" + name
      var status = stat()
      guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_uid == me else { continue }
      unlink(path)
    }
  }

  /// Keeps the temporary name within NAME_MAX (255 bytes) whatever the target is called.
  static func shortened(_ name: String) -> String {
    var out = ""
    var bytes = 0
    for c in name {
      bytes += c.utf8.count
      if bytes > 160 { break }
      out.append(c)
    }
    return out
  }

  static func randomTag() -> String {
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
    return String((0..<8).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
  }
}
