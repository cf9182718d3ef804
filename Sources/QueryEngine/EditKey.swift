/// A project cell: row and field.
struct EditKey: Hashable, Sendable {
  var row: Int
  var field: Field
}
