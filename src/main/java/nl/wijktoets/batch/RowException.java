package nl.wijktoets.batch;

/** A row that cannot be scored: the column at fault and what is wrong (a message key). */
public final class RowException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String column;
  private final String key;
  private final transient Object[] args;

  public RowException(String column, String key, Object... args) {
    super(column + ": " + key, null, false, false);
    this.column = column;
    this.key = key;
    this.args = args;
  }

  public String column() {
    return column;
  }

  public String key() {
    return key;
  }

  public Object[] args() {
    return args;
  }
}
