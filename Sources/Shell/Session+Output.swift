extension Session {
  /// After a statement: reports, once, output that could not be written.
  ///
  /// A `.output` file that failed (a full disk, /dev/full) is closed and results go to
  /// the screen again (`.failed`). Standard output that failed ends the run (`.quit`
  /// after the error is counted), since nothing more can be shown; one whose reader went
  /// away (`| head`) ends it quietly, as a closed pipe ends any writer.
  func checkOutput() -> RunResult {
    if let sink = out as? FileSink, sink !== terminal, let failure = sink.failure {
      sink.close()
      out = terminal
      restoreAfterOnce = nil
      report("cannot write to \(sink.path): \(failure); results go to the screen again")
      return .failed
    }
    if terminal.readerGone { return .quit }
    if let failure = terminal.writeFailure {
      if !outputFailureReported {
        outputFailureReported = true
        report("cannot write the results to standard output: \(failure)")
      }
      return .quit
    }
    return .ok
  }
}

extension Session {
  /// "wrote 19 rows to FILE", after any export.
  func reportWritten(_ rows: Int, to path: String) {
    emit(words("wrote \(rows) row\(rows == 1 ? "" : "s") to \(path)") + "\n")
  }
}
