import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs `$PAGER` (default `less -FRSX`: quit at once when the text fits one screen, keep
/// colours, do not wrap long lines, leave the screen as it was) with a result on its
/// standard input, on the same terminal.
enum Pager {
  /// False when there is no pager to run (`PAGER` set empty) or it could not be started;
  /// the caller then writes the text itself.
  static func show(_ text: String, environment: [String: String]) -> Bool {
    let command = environment["PAGER"] ?? "less -FRSX"
    guard !command.trimmingCharacters(in: .whitespaces).isEmpty else { return false }
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { return false }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
    posix_spawn_file_actions_addclose(&actions, fds[1])
    var pid: pid_t = 0
    let words: [String] = ["/bin/sh", "-c", command]
    let argv = words.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let started = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ) == 0
    close(fds[0])
    guard started else {
      close(fds[1])
      return false
    }
    // A pager that quits early closes the pipe: the rest is dropped (EPIPE, not a signal).
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        break
      }
      bytes = bytes.dropFirst(written)
    }
    close(fds[1])
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return true
  }
}
