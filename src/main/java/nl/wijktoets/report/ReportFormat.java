package nl.wijktoets.report;

/** The formats an assessment can be written in. */
public enum ReportFormat {
  /** The advice report in Markdown (the default). */
  md("md"),
  /** The advice report as one self-contained HTML page. */
  html("html"),
  /** The whole assessment as JSON. */
  json("json"),
  /** JUnit XML for CI dashboards: a test case per criterion. */
  junit("xml");

  private final String extension;

  ReportFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }
}
