/// Why a dataset file did not load; it names the file, line and column, and what was expected.
public struct LoadError: Error, Equatable, Sendable, CustomStringConvertible {
  public var file: String
  /// 1-based; 0 when the problem concerns the whole file.
  public var line: Int
  /// The column's header as written in the file, if the problem is in one cell.
  public var column: String?
  /// 1-based field position of that column.
  public var field: Int?
  public var message: String

  public init(file: String, line: Int = 0, column: String? = nil, field: Int? = nil, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.field = field
    self.message = message
  }

  /// `file:line: column 'budget' (field 6): message`
  public var description: String {
    var text = file
    if line > 0 { text += ":\(line)" }
    text += ": "
    if let column {
      text += "column '\(column)'"
      if let field { text += " (field \(field))" }
      text += ": "
    }
    return text + message
  }
}
