package nl.wijktoets.report;

import java.util.List;
import nl.wijktoets.scoring.Assessment;

/** Renders assessments in any {@link ReportFormat}. */
public final class Reports {

  private final MarkdownReport markdown;
  private final HtmlReport html;
  private final java.math.BigDecimal minLesson;

  public Reports(Templates templates) {
    this(templates, null);
  }

  /**
   * @param minLesson the --min-lesson gate (percent) that JUnit test cases fail under, or null
   */
  public Reports(Templates templates, java.math.BigDecimal minLesson) {
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
      case html -> {
        // pages cannot be joined into one document: several pages on stdout are separated as
        // Markdown reports are; use -o DIR/ for one file per proposal
        StringBuilder out = new StringBuilder();
        for (Assessment a : all) {
          if (out.length() > 0) {
            out.append(MarkdownReport.SEPARATOR);
          }
          out.append(html.render(a, top));
        }
        yield out.toString();
      }
    };
  }
}
