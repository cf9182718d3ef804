import Foundation
import Scoring

/// Reads rule sets from JSON files (rules/*.json), refusing one that does not add up.
public enum RuleLoader {
  /// The JSON shape of a rule file; see docs/RULES.md.
  struct File: Decodable {
    var name: String
    var title: String?
    var bands: [String: Double]
    var weights: [String: Double]
    var rate_basis: String?
    var negative: String?
    var tiers: [String: [Double]]
  }

  /// Every rule set in a folder, by name.
  public static func load(folder: String) throws(LoadError) -> [String: RuleSet] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
    } catch {
      throw LoadError(file: folder, message: "cannot read this rules folder")
    }
    var sets: [String: RuleSet] = [:]
    for name in names {
      let path = (folder as NSString).appendingPathComponent(name)
      let set = try load(file: path)
      sets[set.name] = set
    }
    return sets
  }

  public static func load(file: String) throws(LoadError) -> RuleSet {
    guard let data = FileManager.default.contents(atPath: file) else {
      throw LoadError(file: file, message: "cannot be read")
    }
    return try load(data: data, file: file)
  }

  /// The rule sets compiled into the program (rules/*.json as shipped), by name.
  public static func bundled() throws(LoadError) -> [String: RuleSet] {
    var sets: [String: RuleSet] = [:]
    for (name, json) in BundledRules.files {
      let set = try load(data: Data(json.utf8), file: "rules/" + name + " (built in)")
      sets[set.name] = set
    }
    return sets
  }

  /// The folders read at start, in order, each adding rule sets or replacing the ones of
  /// the same name: the user's (`$XDG_CONFIG_HOME/jixiao/rules`, else
  /// `~/.config/jixiao/rules`), then `./rules`. `--rules` names one more, read last.
  public static func folders(environment: [String: String]) -> [String] {
    var folders: [String] = []
    // The XDG spec says relative values are invalid and must be ignored.
    if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
      folders.append(config + "/jixiao/rules")
    } else if let home = environment["HOME"], !home.isEmpty {
      folders.append(home + "/.config/jixiao/rules")
    }
    folders.append("rules")
    return folders
  }

  /// The built-in rule sets, then those of each of `folders` that exists, then those of
  /// `explicit` (which must exist); a later set replaces an earlier one of the same name.
  public static func load(folders: [String], explicit: String?) throws(LoadError) -> [String: RuleSet] {
    var sets = try bundled()
    for folder in folders where FileManager.default.fileExists(atPath: folder) {
      sets.merge(try load(folder: folder)) { $1 }
    }
    if let explicit { sets.merge(try load(folder: explicit)) { $1 } }
    return sets
  }

  static func load(data: Data, file: String) throws(LoadError) -> RuleSet {
    let decoded: File
    do {
      decoded = try JSONDecoder().decode(File.self, from: data)
    } catch {
      throw LoadError(file: file, message: "not a rule file: \(describe(error)); see docs/RULES.md")
    }
    return try ruleSet(from: decoded, file: file)
  }

  /// JSON numbers arrive as binary floating point; rules have at most 4 decimals, so
  /// rounding to ten-thousandths recovers the written value exactly.
  static func exact(_ d: Double, _ key: String, file: String) throws(LoadError) -> Fraction {
    let scaled = (d * 10_000).rounded()
    guard abs(d * 10_000 - scaled) < 1e-6, abs(d) <= 1_000 else {
      throw LoadError(file: file, message: "\(key): \(d) has more than 4 decimals or is out of range")
    }
    return Fraction(Int128(scaled), 10_000)
  }

  static func ruleSet(from f: File, file: String) throws(LoadError) -> RuleSet {
    var bands: [Grade: Fraction] = [:]
    for (key, value) in f.bands {
      guard let g = Grade(key), g != .poor else {
        throw LoadError(file: file, message: "bands: '\(key)' is not 优, 良 or 中")
      }
      guard bands[g] == nil else { throw LoadError(file: file, message: "bands: \(g) is given twice") }
      bands[g] = try exact(value, "bands.\(key)", file: file)
    }
    var weights: [IndicatorLevel: Fraction] = [:]
    for (key, value) in f.weights {
      guard let level = IndicatorLevel(key) else {
        throw LoadError(file: file, message: "weights: '\(key)' is not 产出, 效益, 满意度 or 执行率")
      }
      guard weights[level] == nil else { throw LoadError(file: file, message: "weights: \(level) is given twice") }
      weights[level] = try exact(value, "weights.\(key)", file: file)
    }
    var tiers: [Tier: ClosedRange<Fraction>] = [:]
    for (key, value) in f.tiers {
      guard let tier = Tier(key), value.count == 2, value[0] <= value[1] else {
        throw LoadError(file: file, message: "tiers: '\(key)' needs a tier name (达成, 部分达成, 未达成) and [low, high]")
      }
      guard tiers[tier] == nil else { throw LoadError(file: file, message: "tiers: \(tier) is given twice") }
      tiers[tier] = try exact(value[0], "tiers.\(key)", file: file)...exact(value[1], "tiers.\(key)", file: file)
    }
    guard let basis = RateBasis(rawValue: (f.rate_basis ?? "budget").lowercased()) else {
      throw LoadError(file: file, message: "rate_basis: expected budget or initial")
    }
    guard let negative = NegativeFormula(rawValue: (f.negative ?? "ratio").lowercased()) else {
      throw LoadError(file: file, message: "negative: expected ratio or linear")
    }
    let set = RuleSet(
      name: f.name, title: f.title ?? f.name, bands: bands, weights: weights, rateBasis: basis, negative: negative,
      tiers: tiers)
    let problems = set.problems()
    if !problems.isEmpty || bands.count != 3 || tiers.count != 3 {
      throw LoadError(file: file, message: "refused: " + (problems.isEmpty ? "it needs three bands (优 良 中) and three tiers" : problems.joined(separator: "; ")))
    }
    return set
  }

  static func describe(_ error: Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, _): "missing key '\(key.stringValue)'"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
    case DecodingError.dataCorrupted(let context): context.debugDescription
    default: "\(error)"
    }
  }
}
