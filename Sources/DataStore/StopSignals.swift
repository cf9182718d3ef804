import Glibc
import Synchronization

/// Turns SIGTERM, SIGHUP and (outside the interactive prompt) SIGINT into a clean exit:
/// temporary files removed, the terminal restored, then the process ends by the signal
/// as it would have without us (exit status 128 + signal number).
///
/// The signals are blocked in every thread and received by one thread that waits for
/// them, so the clean-up runs as ordinary code, not inside a signal handler. Call
/// `start` first thing in `main`, before any other thread exists (threads inherit the
/// blocked set).
public enum StopSignals {
  static let state = Mutex<State>(State())

  struct State {
    var mainThread: pthread_t?
    /// Once the interactive prompt owns Ctrl-C, SIGINT is handed to the main thread,
    /// whose handler records it for the running statement to notice.
    var forwardInterrupts = false
    var restoreTerminal: (@Sendable () -> Void)?
  }

  /// Blocks the stop signals and starts the thread that waits for them.
  public static func start() {
    var set = signals()
    pthread_sigmask(SIG_BLOCK, &set, nil)
    state.withLock { $0.mainThread = pthread_self() }
    var thread = pthread_t()
    _ = pthread_create(&thread, nil, { _ in
      // Job-control and resize signals belong to the main thread, whose handlers wake
      // the line editor's wait; delivered here they would wake nothing.
      var others = sigset_t()
      sigemptyset(&others)
      for signal in [SIGTSTP, SIGCONT, SIGWINCH] { sigaddset(&others, signal) }
      pthread_sigmask(SIG_BLOCK, &others, nil)
      StopSignals.wait()
      return nil
    }, nil)
    pthread_detach(thread)
  }

  /// From now on Ctrl-C goes to the main thread (its SIGINT handler sets a flag that
  /// running statements check), with SIGINT unblocked there; `restoreTerminal` is run
  /// before a stop signal ends the process.
  public static func handInterruptsToMainThread(restoreTerminal: @escaping @Sendable () -> Void) {
    state.withLock {
      $0.forwardInterrupts = true
      $0.restoreTerminal = restoreTerminal
    }
  }

  static func signals() -> sigset_t {
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    sigaddset(&set, SIGTERM)
    sigaddset(&set, SIGHUP)
    return set
  }

  static func wait() {
    var set = signals()
    while true {
      var received: Int32 = 0
      guard sigwait(&set, &received) == 0 else { continue }
      let (forward, main, restore) = state.withLock { ($0.forwardInterrupts, $0.mainThread, $0.restoreTerminal) }
      if received == SIGINT && forward, let main {
        pthread_kill(main, SIGINT)
        continue
      }
      restore?()
      stop(received)
    }
  }

  /// Removes the temporary files and ends the process by `signal`, with the registry
  /// locked so that no commit (a set of renames) can be half done when it ends.
  static func stop(_ signal: Int32) -> Never {
    TemporaryFiles.removeAllForExit { die(signal) }
  }

  static func die(_ signal: Int32) -> Never {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = SIG_DFL
    sigemptyset(&action.sa_mask)
    sigaction(signal, &action, nil)
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, signal)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    raise(signal)
    _exit(128 + signal)
  }
}
