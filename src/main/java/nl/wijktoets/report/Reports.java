package nl.wijktoets.report;

import java.util.List;
import nl.wijktoets.scoring.Assessment;

/** Renders assessments in any {@link ReportFormat}. */
public final class Reports {

  private final MarkdownReport markdown;
  private final HtmlReport html;

  public Reports(Templates templates) {
    this.markdown = new MarkdownReport(templates);
    this.html = new HtmlReport(templates);
  }

  /** One report. */
  public String render(ReportFormat format, Assessment a, int top) throws ReportException {
    return switch (format) {
      case md -> markdown.render(a, top);
      case html -> html.render(a, top);
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
