package nl.wijktoets.report;

import java.util.List;
import nl.wijktoets.scoring.Assessment;

/** The advice report in Markdown, rendered from the {@code report.md.ftl} template. */
public final class MarkdownReport {

  /** The template's name. */
  public static final String TEMPLATE = "report.md.ftl";

  /** How several reports are separated on standard output. */
  public static final String SEPARATOR = "\n---\n\n";

  private final Templates templates;
  private final String config;

  public MarkdownReport(Templates templates) {
    this(templates, null);
  }

  /**
   * @param config the project settings file the run used, named in the footer; null for none
   */
  public MarkdownReport(Templates templates, String config) {
    this.templates = templates;
    this.config = config;
  }

  public String render(Assessment a, int top) throws ReportException {
    String text =
        templates.render(
            TEMPLATE, ReportModel.of(a, top, config), MarkdownOutputFormat.INSTANCE, a.language());
    return normalise(text);
  }

  public String renderAll(List<Assessment> all, int top) throws ReportException {
    StringBuilder out = new StringBuilder();
    for (Assessment a : all) {
      if (out.length() > 0) {
        out.append(SEPARATOR);
      }
      out.append(render(a, top));
    }
    return out.toString();
  }

  /** At most one blank line in a row, no trailing spaces, one final newline. */
  static String normalise(String text) {
    String s =
        text.replace("\r\n", "\n").replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n");
    return s.strip() + "\n";
  }
}
