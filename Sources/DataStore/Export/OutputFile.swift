import Glibc

/// Opens the file `.output` and `.once` write to, the way a shell's `>` does: an
/// existing file is emptied and written in place (same inode, owner and permissions, a
/// symbolic link is followed), a device or pipe is written to as it is, and nothing is
/// ever unlinked or replaced. Unlike `>`, a file of the loaded data is refused.
public enum OutputFile {
  /// An open descriptor for `path`, emptied when it is a regular file.
  public static func open(_ path: String, protected: ProtectedFiles) throws(WriteError) -> Int32 {
    guard !path.isEmpty else { throw WriteError(file: path, message: "no file name given") }
    // Not O_TRUNC: the file is emptied only after fstat shows it is not loaded data, and
    // checking the open descriptor (not the path again) leaves no gap to swap the file.
    // Opening a pipe waits for a reader, as `>` does; Ctrl-C ends the wait (EINTR).
    let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOCTTY, 0o666)
    guard fd >= 0 else {
      let error = errno
      switch error {
      case ENOENT:
        throw WriteError(file: path, message: "the folder \(Paths.folder(of: path)) does not exist", suggestion: "create it first, or check the path")
      case EISDIR:
        throw WriteError(file: path, message: "is a folder")
      case EINTR:
        throw WriteError(file: path, message: "interrupted (Ctrl-C) while opening; nothing was written", interrupted: true)
      default:
        throw WriteError(file: path, message: "cannot be written: \(Paths.describe(error))", suggestion: error == EACCES ? "check that the file and folder are writable" : nil)
      }
    }
    var status = stat()
    guard fstat(fd, &status) == 0 else {
      let error = errno
      close(fd)
      throw WriteError(file: path, message: "cannot be written: \(Paths.describe(error))")
    }
    if status.st_mode & S_IFMT == S_IFREG {
      if let loaded = protected.file(FileIdentity(status)) {
        close(fd)
        throw WriteError(
          file: path, message: "is part of the loaded data (loaded as \(loaded)); .output would empty it",
          suggestion: "send the results to another file")
      }
      guard ftruncate(fd, 0) == 0 else {
        let error = errno
        close(fd)
        throw WriteError(file: path, message: "cannot be emptied: \(Paths.describe(error))")
      }
    }
    return fd
  }
}
