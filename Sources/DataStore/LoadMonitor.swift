/// What a load reports its progress to and asks whether to stop: one hook for Ctrl-C and
/// for a progress display, so both see the load at the same points (between files and
/// every 65536 records). The loader only reports; drawing is the caller's.
public struct LoadMonitor: Sendable {
  /// How far a load is: bytes of all its files parsed so far, of their total, and rows read.
  public struct Progress: Equatable, Sendable {
    public var bytes: Int
    public var total: Int
    public var rows: Int

    public init(bytes: Int, total: Int, rows: Int) {
      self.bytes = bytes
      self.total = total
      self.rows = rows
    }
  }

  /// Told the progress; answers true to stop the load.
  public var report: @Sendable (Progress) -> Bool

  public init(_ report: @escaping @Sendable (Progress) -> Bool) {
    self.report = report
  }

  /// A monitor that only answers whether to stop.
  public init(interrupted: @escaping @Sendable () -> Bool) {
    report = { _ in interrupted() }
  }

  /// Neither shows nor stops anything.
  public static let silent = LoadMonitor { _ in false }
}
