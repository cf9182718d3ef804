/// A project's identity across tables: year, unit and seq.
struct ProjectKey: Hashable {
  var year: Int
  var unit: String
  var seq: Int
}
