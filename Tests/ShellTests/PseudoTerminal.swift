import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program on a pseudo-terminal so tests can type at it like a person: the line
/// editor only switches on (raw mode, completion, history, Ctrl-C) when stdin is a tty.
///
/// Every wait has a deadline, so a hung child fails the test instead of blocking it, and
/// the child is killed when the terminal goes away.
final class PseudoTerminal {
  /// Expected output never came: the program ended, or the deadline passed.
  struct Missing: Error, CustomStringConvertible {
    let waitingFor: String
    let ended: Bool
    let received: String
    var description: String {
      (ended ? "the program ended before printing " : "timed out waiting for ")
        + "\(waitingFor.debugDescription); unread output: \(received.debugDescription)"
    }
  }

  struct LaunchFailure: Error, CustomStringConvertible {
    let description: String
  }

  let pid: pid_t
  private var master: Int32
  /// Everything the program wrote; `consumed` marks how far `expect` has read.
  private var output: [UInt8] = []
  private var consumed = 0
  private var exitStatus: Int32?
  /// Set once reading fails for good: the child closed the terminal (it exited).
  private var closed = false

  /// Starts `executable` with exactly `environment` on a terminal of the given size.
  init(
    executable: String, arguments: [String], environment: [String: String],
    columns: UInt16 = 200, rows: UInt16 = 50
  ) throws {
    // Build every C string before forking: between fork and exec the child may only
    // make async-signal-safe calls (the test process has other threads).
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    // Test threads (Swift concurrency, dispatch) block signals, and a blocked mask
    // survives exec: give the child a clean one so Ctrl-C reaches it as from a shell.
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var master: Int32 = -1
    let pid = forkpty(&master, nil, nil, &size)
    if pid == 0 {
      sigprocmask(SIG_SETMASK, &noSignals, nil)
      signal(SIGINT, SIG_DFL)
      execve(argv[0]!, argv, envp)
      _exit(127)
    }
    guard pid > 0 else {
      throw LaunchFailure(description: "forkpty failed: \(String(cString: strerror(errno)))")
    }
    // Keep this test's terminal out of children that other tests start concurrently.
    _ = fcntl(master, F_SETFD, FD_CLOEXEC)
    self.pid = pid
    self.master = master
  }

  deinit {
    terminate()
  }

  /// Resizes the terminal, as a window manager does: the kernel then sends SIGWINCH.
  func resize(columns: UInt16, rows: UInt16 = 50) {
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
  }

  /// Types `text` (UTF-8) as if from the keyboard.
  func send(_ text: String) {
    var bytes = Array(text.utf8)
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        return
      }
      bytes.removeFirst(written)
    }
  }

  /// Waits until `text` appears in unread output; returns the output up to and including
  /// it, and marks it read.
  @discardableResult
  func expect(_ text: String, timeout: Duration = .seconds(20)) throws -> String {
    let needle = Array(text.utf8)
    let deadline = ContinuousClock.now + timeout
    while true {
      if let end = Self.find(needle, in: output, from: consumed) {
        let chunk = String(decoding: output[consumed..<end], as: UTF8.self)
        consumed = end
        return chunk
      }
      guard ContinuousClock.now < deadline, pump(until: deadline) else {
        throw Missing(waitingFor: text, ended: closed, received: unread)
      }
    }
  }

  /// Waits until every one of `texts` appears in unread output, in any order; returns
  /// that output and marks it read.
  @discardableResult
  func expectAll(_ texts: [String], timeout: Duration = .seconds(20)) throws -> String {
    let deadline = ContinuousClock.now + timeout
    while true {
      let ends = texts.map { Self.find(Array($0.utf8), in: output, from: consumed) }
      if ends.allSatisfy({ $0 != nil }) {
        let end = ends.compactMap { $0 }.max() ?? consumed
        let chunk = String(decoding: output[consumed..<end], as: UTF8.self)
        consumed = end
        return chunk
      }
      guard ContinuousClock.now < deadline, pump(until: deadline) else {
        throw Missing(waitingFor: texts.joined(separator: ", "), ended: closed, received: unread)
      }
    }
  }

  /// Reads until nothing more arrives for `quiet`, and marks it all read: for output
  /// that may come once or twice (a redraw after each of two signals).
  func settle(quiet: Duration = .milliseconds(300)) {
    var last = output.count
    var deadline = ContinuousClock.now + quiet
    while ContinuousClock.now < deadline, pump(until: deadline) {
      if output.count != last {
        last = output.count
        deadline = ContinuousClock.now + quiet
      }
    }
    consumed = output.count
  }

  /// Output not yet matched by `expect`.
  var unread: String {
    String(decoding: output[consumed...], as: UTF8.self)
  }

  /// Whether the program is still running.
  var isRunning: Bool {
    reap(blocking: false)
    return exitStatus == nil
  }

  /// Waits for the program to end; returns its exit code, or nil if it did not end in
  /// time or was killed by a signal.
  func waitForExit(timeout: Duration = .seconds(10)) -> Int32? {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      reap(blocking: false)
      if let status = exitStatus { return Self.exitCode(status) }
      // Drain output so the child never blocks writing to a full terminal buffer.
      _ = pump(until: min(deadline, ContinuousClock.now + .milliseconds(50)))
    }
    return nil
  }

  /// Kills the program if it still runs, reaps it and closes the terminal.
  func terminate() {
    if exitStatus == nil {
      reap(blocking: false)
      if exitStatus == nil {
        kill(pid, SIGKILL)
        reap(blocking: true)
      }
    }
    if master >= 0 {
      Glibc.close(master)
      master = -1
    }
  }

  // MARK: Private

  /// Reads whatever arrives before `deadline` (at most one poll). Returns false once the
  /// terminal is closed and nothing more can come.
  private func pump(until deadline: ContinuousClock.Instant) -> Bool {
    let remaining = ContinuousClock.now.duration(to: deadline)
    let milliseconds = max(0, min(Int32(remaining.components.seconds * 1000
      + remaining.components.attoseconds / 1_000_000_000_000_000), 200))
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    let ready = poll(&descriptor, 1, milliseconds)
    if ready < 0 { return errno == EINTR }
    if ready == 0 { return true }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
    if count > 0 {
      output += buffer[0..<count]
      return true
    }
    if count < 0 && errno == EINTR { return true }
    // EIO (or 0): the child closed its side (it exited); nothing more will arrive.
    closed = true
    return false
  }

  private func reap(blocking: Bool) {
    guard exitStatus == nil else { return }
    var status: Int32 = 0
    let result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
    if result == pid { exitStatus = status }
  }

  private static func exitCode(_ status: Int32) -> Int32? {
    // WIFEXITED / WEXITSTATUS are macros Swift does not import.
    (status & 0x7F) == 0 ? (status >> 8) & 0xFF : nil
  }

  private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard !needle.isEmpty, haystack.count - start >= needle.count else { return nil }
    var index = start
    while index + needle.count <= haystack.count {
      if haystack[index] == needle[0],
        haystack[index..<index + needle.count].elementsEqual(needle)
      {
        return index + needle.count
      }
      index += 1
    }
    return nil
  }
}
