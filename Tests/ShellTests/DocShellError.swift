/// A documentation command line that `DocShell` cannot run: a shell form it does not
/// support, or a command that could not be started. `column` counts characters of the
/// command line from 1 (0 when the problem is not at one place).
struct DocShellError: Error, Equatable, CustomStringConvertible {
  var column: Int
  var message: String

  var description: String { column > 0 ? "column \(column): \(message)" : message }
}
