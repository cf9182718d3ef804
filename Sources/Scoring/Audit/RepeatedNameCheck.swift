/// Project names that occur more than once: a name alone does not identify a project.
public struct RepeatedNameCheck: AuditRule {
  public init() {}

  public func findings(_ input: AuditInput) -> [Finding] {
    var seqs: [String: [Int]] = [:]
    var order: [String] = []
    for p in input.projects {
      if seqs[p.name] == nil { order.append(p.name) }
      seqs[p.name, default: []].append(p.seq)
    }
    return order.compactMap { name in
      guard let list = seqs[name], list.count > 1 else { return nil }
      let where_ = list.map { "#\($0)" }.joined(separator: "/")
      return input.finding("repeated name", .text(where_), .none, .attention, "\(name) occurs \(list.count) times (\(where_)); refer to these projects by seq")
    }
  }
}
