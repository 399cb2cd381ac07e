package nl.wijktoets.report;

import java.math.BigDecimal;
import java.util.List;
import nl.wijktoets.scoring.Assessment;

/** Renders assessments in any {@link ReportFormat}. */
public final class Reports {

  private final MarkdownReport markdown;
  private final HtmlReport html;
  private final BigDecimal minLesson;
  private final String config;

  /**
   * @param minLesson the --min-lesson gate (percent) that JUnit test cases fail under, or null
   */
  public Reports(Templates templates, BigDecimal minLesson) {
    this(templates, minLesson, null);
  }

  /**
   * @param minLesson the --min-lesson gate (percent) that JUnit test cases fail under, or null
   * @param config the project settings file the run used, as the user knows it ({@code
   *     .wijktoets.yaml}); every report names it so the score can be reproduced. Null for none:
   *     then they say nothing about it.
   */
  public Reports(Templates templates, BigDecimal minLesson, String config) {
    this.markdown = new MarkdownReport(templates, config);
    this.html = new HtmlReport(templates, config);
    this.minLesson = minLesson;
    this.config = config;
  }

  /** One report. */
  public String render(ReportFormat format, Assessment a, int top) throws ReportException {
    return switch (format) {
      case md -> markdown.render(a, top);
      case html -> html.render(a, top);
      case json -> JsonReport.render(a, top, config);
      case junit -> JunitReport.render(List.of(a), minLesson, config);
    };
  }

  /** Several reports for standard output: Markdown separated by {@code ---}, JSON as an array. */
  public String renderAll(ReportFormat format, List<Assessment> all, int top)
      throws ReportException {
    return switch (format) {
      case md -> markdown.renderAll(all, top);
      case json -> JsonReport.renderAll(all, top, config);
      case junit -> JunitReport.render(all, minLesson, config);
      case html ->
          throw new IllegalArgumentException(
              "several HTML pages cannot share one output: use -o DIR/");
    };
  }
}
