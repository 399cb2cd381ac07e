package nl.wijktoets.report;

/** A report that could not be rendered: the template, line and column and what went wrong. */
public final class ReportException extends Exception {
  private static final long serialVersionUID = 1L;

  public ReportException(String message, Throwable cause) {
    super(message, cause);
  }
}
