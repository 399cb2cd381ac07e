package nl.wijktoets.report;

import java.math.BigDecimal;
import java.util.List;
import nl.wijktoets.scoring.Assessment;

/** Renders assessments in any {@link ReportFormat}. */
public final class Reports {

  private final MarkdownReport markdown;
  private final HtmlReport html;
  private final BigDecimal minLesson;

  /**
   * @param minLesson the --min-lesson gate (percent) that JUnit test cases fail under, or null
   */
  public Reports(Templates templates, BigDecimal minLesson) {
    this.markdown = new MarkdownReport(templates);
    this.html = new HtmlReport(templates);
    this.minLesson = minLesson;
  }

  /** One report. */
  public String render(ReportFormat format, Assessment a, int top) throws ReportException {
    return switch (format) {
      case md -> markdown.render(a, top);
      case html -> html.render(a, top);
      case json -> JsonReport.render(a, top);
      case junit -> JunitReport.render(List.of(a), minLesson);
    };
  }

  /** Several reports for standard output: Markdown separated by {@code ---}, JSON as an array. */
  public String renderAll(ReportFormat format, List<Assessment> all, int top)
      throws ReportException {
    return switch (format) {
      case md -> markdown.renderAll(all, top);
      case json -> JsonReport.renderAll(all, top);
      case junit -> JunitReport.render(all, minLesson);
      case html ->
          throw new IllegalArgumentException(
              "several HTML pages cannot share one output: use -o DIR/");
    };
  }
}
