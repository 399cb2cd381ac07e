package nl.wijktoets.report;

import java.util.List;
import nl.wijktoets.scoring.Assessment;

/** Renders assessments in any {@link ReportFormat}. */
public final class Reports {

  private final MarkdownReport markdown;

  public Reports(Templates templates) {
    this.markdown = new MarkdownReport(templates);
  }

  /** One report. */
  public String render(ReportFormat format, Assessment a, int top) throws ReportException {
    return switch (format) {
      case md -> markdown.render(a, top);
      case json -> JsonReport.render(a, top);
    };
  }

  /** Several reports for standard output: Markdown separated by {@code ---}, JSON as an array. */
  public String renderAll(ReportFormat format, List<Assessment> all, int top)
      throws ReportException {
    if (all.size() == 1) {
      return render(format, all.get(0), top);
    }
    return switch (format) {
      case md -> markdown.renderAll(all, top);
      case json -> JsonReport.renderAll(all, top);
    };
  }
}
