import DataStore
import Glibc

/// Writes results to the file named by `.output` or `.once`, as a shell's `>` would
/// (OutputFile has the rules). A write that fails is remembered, not retried: the
/// session reports it once and sends results back to the screen.
final class FileSink: TextSink {
  let path: String
  private var descriptor: Int32
  /// Why writing stopped (strerror text), once it has.
  private(set) var failure: String?
  /// `.output /dev/tty` is a terminal and gets colours; a file never does.
  let isTerminal: Bool

  /// Opens (and empties, when it is a regular file) `path`.
  init(path: String, protected: ProtectedFiles) throws(WriteError) {
    self.path = path
    descriptor = try OutputFile.open(path, protected: protected)
    isTerminal = isatty(descriptor) == 1
  }

  func write(_ text: String) {
    guard descriptor >= 0, failure == nil else { return }
    if let error = Descriptor.writeAll(descriptor, text) {
      failure = String(cString: strerror(error))
    }
  }

  var writeFailure: String? { failure }

  func close() {
    guard descriptor >= 0 else { return }
    // close can report a delayed write error (NFS, a full disk on some file systems).
    if Glibc.close(descriptor) != 0 && failure == nil && errno != EINTR {
      failure = String(cString: strerror(errno))
    }
    descriptor = -1
  }

  deinit { close() }
}
