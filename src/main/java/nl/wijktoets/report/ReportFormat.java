package nl.wijktoets.report;

/** The formats an assessment can be written in. */
public enum ReportFormat {
  JSON("json");

  private final String extension;

  ReportFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }
}
