/// The errors long reads stop with when the user presses Ctrl-C: loaders, importers and
/// writers take an `interrupted` question (`@Sendable () -> Bool`, asked between steps)
/// and, when it answers true, give up without changing anything.
extension LoadError {
  static func interrupted(_ file: String) -> LoadError {
    LoadError(file: file, message: "interrupted (Ctrl-C); nothing was loaded")
  }
}

extension ImportError {
  static func interrupted(_ file: String) -> ImportError {
    ImportError(file: file, message: "interrupted (Ctrl-C); nothing was imported")
  }
}
