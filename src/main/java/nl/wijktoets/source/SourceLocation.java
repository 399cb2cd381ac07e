package nl.wijktoets.source;

/**
 * Where a value stands in an input file: 1-based line and column (columns count Unicode code
 * points, as SnakeYAML does).
 */
public record SourceLocation(String file, int line, int column) {

  public static SourceLocation start(String file) {
    return new SourceLocation(file, 1, 1);
  }

  /** {@code file:line:column}, the form every located message starts with. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
