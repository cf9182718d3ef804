/// The language the shell prints in. Data and what the user types are never translated;
/// the shell's own words (headers, notes, messages, help, errors) are.
public enum Language: String, CaseIterable, Sendable {
  case en, zh

  /// Chinese when the locale asks for it (LC_ALL, then LC_MESSAGES, then LANG, as the C
  /// library decides), English otherwise.
  public static func fromLocale(_ environment: [String: String]) -> Language {
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let value = environment[key], !value.isEmpty else { continue }
      return value.lowercased().hasPrefix("zh") ? .zh : .en
    }
    return .en
  }

  /// The words for this language.
  public var phrasebook: Phrasebook {
    switch self {
    case .en: .english
    case .zh: .chinese
    }
  }
}
