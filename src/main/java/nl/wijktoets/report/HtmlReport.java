package nl.wijktoets.report;

import freemarker.core.HTMLOutputFormat;
import nl.wijktoets.scoring.Assessment;

/**
 * The advice report as one self-contained HTML page, rendered from {@code report.html.ftl} with
 * HTML auto-escaping on whatever the template's file name.
 */
public final class HtmlReport {

  public static final String TEMPLATE = "report.html.ftl";

  private final Templates templates;
  private final String config;

  public HtmlReport(Templates templates) {
    this(templates, null);
  }

  /**
   * @param config the project settings file the run used, named in the footer; null for none
   */
  public HtmlReport(Templates templates, String config) {
    this.templates = templates;
    this.config = config;
  }

  public String render(Assessment a, int top) throws ReportException {
    String text =
        templates.render(
            TEMPLATE, ReportModel.of(a, top, config), HTMLOutputFormat.INSTANCE, a.language());
    return MarkdownReport.normalise(text);
  }
}
