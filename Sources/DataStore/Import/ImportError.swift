/// Why an import or export did not happen: which file, and what is wrong.
public struct ImportError: Error, Equatable, Sendable, CustomStringConvertible {
  public var file: String
  public var message: String

  public init(file: String, message: String) {
    self.file = file
    self.message = message
  }

  public var description: String { "\(file): \(message)" }
}
