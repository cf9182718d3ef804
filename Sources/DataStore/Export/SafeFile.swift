import Foundation
import Glibc

/// The one way this program replaces files (export, save, import --save, the history).
///
/// Each target is checked first; then each gets a temporary file created beside it with
/// O_CREAT|O_EXCL, written, flushed with fsync and closed; only when every temporary
/// file is complete are they renamed over their targets, one after another with stop
/// signals held off, and a rename that fails puts back the files renamed before it. So
/// a reader sees the old set of files or the new one, an error or Ctrl-C leaves
/// everything as it was, and no temporary file outlives the call. `.output` writes
/// through to a file instead (like a shell's `>`); its checks are in `OutputFile`.
public enum SafeFile {
  /// One file to write: where, and its bytes (or a function that writes them).
  public struct Target {
    public var path: String
    public var body: Body

    public init(path: String, data: Data) {
      self.path = path
      self.body = .data(data)
    }

    public init(path: String, writer: @escaping (Int32) -> Bool) {
      self.path = path
      self.body = .writer(writer)
    }
  }

  public enum Body {
    case data(Data)
    /// Writes to the descriptor it is given (without closing it); false on failure, with errno set.
    case writer((Int32) -> Bool)
  }

  /// What a write may do to what is already there.
  public struct Options: Sendable {
    /// Replace an existing regular file (`--force`); otherwise an existing file is refused.
    public var replace = false
    /// Files and folders of the loaded data: never replaced, whatever `replace` says.
    public var protected = ProtectedFiles()
    /// Exact permissions for the new file; nil keeps the replaced file's, or gives a new
    /// one 0666 less the umask, as any program creating a file would.
    public var mode: mode_t?
    /// A symbolic link at the target is refused (nil) or followed to the file it names.
    public var followSymlinks = false
    /// Asked between chunks; true stops the write and removes the temporary files.
    public var interrupted: @Sendable () -> Bool = { false }

    public init(replace: Bool = false, protected: ProtectedFiles = ProtectedFiles(), mode: mode_t? = nil, followSymlinks: Bool = false, interrupted: @escaping @Sendable () -> Bool = { false }) {
      self.replace = replace
      self.protected = protected
      self.mode = mode
      self.followSymlinks = followSymlinks
      self.interrupted = interrupted
    }
  }

  /// Bytes handed to write(2) at once, so Ctrl-C is noticed within a moment.
  static let chunk = 1 << 20

  /// Writes one file.
  public static func write(_ data: Data, to path: String, options: Options) throws(WriteError) {
    try write([Target(path: path, data: data)], options: options)
  }

  /// Writes every target, or none of them.
  public static func write(_ targets: [Target], options: Options) throws(WriteError) {
    var plans: [Plan] = []
    for target in targets {
      plans.append(try check(target, options))
    }
    var seen = Set<String>()
    for plan in plans where !seen.contains(plan.folder) {
      seen.insert(plan.folder)
      TemporaryFiles.removeStale(in: plan.folder)
    }
    var temporaries: [String] = []
    func abandon() {
      for t in temporaries { TemporaryFiles.remove(t) }
    }
    for (i, target) in targets.enumerated() {
      do {
        temporaries.append(try writeTemporary(target.body, plans[i], options))
      } catch {
        abandon()
        throw error
      }
    }
    if options.interrupted() {
      abandon()
      throw .interrupted(plans.first?.shown ?? "")
    }
    if let failure = commit(plans, temporaries) {
      abandon()
      throw failure
    }
    for folder in seen {
      let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      if fd >= 0 {
        fsync(fd)  // the renames themselves reach the disk
        close(fd)
      }
    }
  }

  /// Refuses, as `write` would, a target that may not be written; for checking before
  /// the work of producing the bytes.
  public static func check(_ path: String, options: Options) throws(WriteError) {
    _ = try check(Target(path: path, data: Data()), options)
  }

  /// A checked target.
  struct Plan {
    /// The path as the user gave it, for messages.
    var shown: String
    /// The path renamed over (a followed link's target).
    var path: String
    var folder: String
    /// Permissions of the file being replaced, if any.
    var existingMode: mode_t?
  }

  static func check(_ target: Target, _ options: Options) throws(WriteError) -> Plan {
    let shown = target.path
    guard !shown.isEmpty else { throw WriteError(file: shown, message: "no file name given") }
    var path = shown
    var status = stat()
    if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
      guard options.followSymlinks, let resolved = realpath(path, nil) else {
        throw WriteError(
          file: shown, message: "is a symbolic link; it is not replaced or written through",
          suggestion: "name the file it points to, or remove the link")
      }
      path = String(cString: resolved)
      free(resolved)
    }
    let folder = Paths.folder(of: path)
    var folderStatus = stat()
    guard stat(folder, &folderStatus) == 0 else {
      throw WriteError(file: shown, message: "the folder \(folder) does not exist", suggestion: "create it first, or check the path")
    }
    guard folderStatus.st_mode & S_IFMT == S_IFDIR else {
      throw WriteError(file: shown, message: "\(folder) is not a folder")
    }
    var existingMode: mode_t?
    if stat(path, &status) == 0 {
      switch status.st_mode & S_IFMT {
      case S_IFDIR:
        throw WriteError(file: shown, message: "is a folder")
      case S_IFREG:
        if let loaded = options.protected.file(FileIdentity(status)) {
          throw WriteError(
            file: shown, message: "is part of the loaded data (loaded as \(loaded)); it is never replaced",
            suggestion: "write to another file")
        }
        guard options.replace else {
          throw WriteError(file: shown, message: "already exists", suggestion: "add --force to replace it")
        }
        existingMode = status.st_mode & 0o7777
      default:
        throw WriteError(
          file: shown, message: "is not a regular file (a device, pipe or socket); only regular files are replaced",
          suggestion: "use .output to write results to a device or pipe")
      }
    } else if errno != ENOENT {
      throw WriteError(file: shown, message: "cannot be checked: \(Paths.describe(errno))")
    }
    return Plan(shown: shown, path: path, folder: folder, existingMode: existingMode)
  }

  /// Creates, fills, syncs and closes one temporary file; returns its path.
  static func writeTemporary(_ body: Body, _ plan: Plan, _ options: Options) throws(WriteError) -> String {
    let created: (path: String, descriptor: Int32)
    switch TemporaryFiles.create(beside: plan.path) {
    case .success(let c): created = c
    case .failure(let error):
      throw WriteError(file: plan.shown, message: "cannot be written: \(Paths.describe(error.code))", suggestion: error.code == EACCES ? "check that the folder is writable" : nil)
    }
    let fd = created.descriptor
    func fail(_ error: Int32) -> WriteError {
      close(fd)
      TemporaryFiles.remove(created.path)
      return WriteError(file: plan.shown, message: "cannot be written: \(Paths.describe(error))")
    }
    switch body {
    case .data(let data):
      var failure: Int32?
      var interrupted = false
      data.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
          if options.interrupted() {
            interrupted = true
            return
          }
          let end = min(raw.count, offset + chunk)
          if let error = Descriptor.writeAll(fd, UnsafeRawBufferPointer(rebasing: raw[offset..<end])) {
            failure = error
            return
          }
          offset = end
        }
      }
      if interrupted {
        close(fd)
        TemporaryFiles.remove(created.path)
        throw .interrupted(plan.shown)
      }
      if let failure { throw fail(failure) }
    case .writer(let write):
      guard write(fd) else { throw fail(errno) }
    }
    let mode = options.mode ?? plan.existingMode ?? (0o666 & ~currentUmask)
    // fchmod, not the mode given to open: the umask may only remove bits, and a replaced
    // file keeps the permissions it had.
    guard fchmod(fd, mode) == 0 else { throw fail(errno) }
    guard fsync(fd) == 0 || errno == EINVAL else { throw fail(errno) }
    guard close(fd) == 0 else {
      let error = errno
      TemporaryFiles.remove(created.path)
      throw WriteError(file: plan.shown, message: "cannot be written: \(Paths.describe(error))")
    }
    return created.path
  }

  /// Renames every temporary file over its target; on a failure, puts back the targets
  /// already renamed (from hard-link copies of the old files) and returns the error.
  static func commit(_ plans: [Plan], _ temporaries: [String]) -> WriteError? {
    TemporaryFiles.committing { () -> (result: WriteError?, done: [String]) in
      // With several files, keep a link to each old one so a late failure can undo.
      var backups: [String?] = Array(repeating: nil, count: plans.count)
      if plans.count > 1 {
        for (i, plan) in plans.enumerated() where plan.existingMode != nil {
          let backup = plan.folder + "/" + TemporaryFiles.prefix + "\(getpid()).\(TemporaryFiles.randomTag()).old"
          if link(plan.path, backup) == 0 { backups[i] = backup }
        }
      }
      var failure: WriteError?
      var renamed = 0
      for (i, plan) in plans.enumerated() {
        if rename(temporaries[i], plan.path) != 0 {
          failure = WriteError(file: plan.shown, message: "cannot be written: \(Paths.describe(errno))")
          break
        }
        renamed += 1
      }
      if failure != nil {
        for i in 0..<renamed {
          if let backup = backups[i] {
            rename(backup, plans[i].path)
          } else {
            unlink(plans[i].path)
          }
        }
        for i in renamed..<plans.count { unlink(temporaries[i]) }
      }
      for backup in backups { if let backup { unlink(backup) } }
      return (failure, temporaries)
    }
  }

  /// The process umask, read once (reading it means setting it).
  static let currentUmask: mode_t = {
    let old = umask(0o022)
    umask(old)
    return old
  }()
}
