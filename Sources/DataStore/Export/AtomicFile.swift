import Foundation

/// Writes files whole or not at all: a temporary file beside the target, then a rename,
/// so a reader never sees half a file and a failure leaves the old file untouched.
public enum AtomicFile {
  /// Writes `data` to `path`; refuses to replace an existing file unless `force`.
  public static func write(_ data: Data, to path: String, force: Bool) throws(ImportError) {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
      if isDirectory.boolValue { throw ImportError(file: path, message: "is a folder") }
      if !force { throw ImportError(file: path, message: "already exists; add --force to replace it") }
    }
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw ImportError(file: path, message: "the folder \(folder.path) does not exist")
    }
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      try data.write(to: temporary)
      // rename(2) replaces the target in one step: readers see the old file or the new.
      guard rename(temporary.path, path) == 0 else {
        throw ImportError(file: path, message: "cannot be written: \(String(cString: strerror(errno)))")
      }
    } catch let e as ImportError {
      try? fm.removeItem(at: temporary)
      throw e
    } catch {
      try? fm.removeItem(at: temporary)
      throw ImportError(file: path, message: "cannot be written: \(error.localizedDescription)")
    }
  }
}
