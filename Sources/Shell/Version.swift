/// The release this build is: the one place that holds it, shown by `--version`.
public enum Version {
  public static let text = "0.1.0"
}
