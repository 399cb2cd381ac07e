package nl.wijktoets.report;

import java.util.List;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.source.Finding;

/** Findings as text: one {@code file:line:column: level: message [rule]} line each. */
public final class TextFindingsWriter implements FindingsWriter {

  private final Language lang;
  private final boolean quiet;

  /**
   * @param quiet leave warnings out
   */
  public TextFindingsWriter(Language lang, boolean quiet) {
    this.lang = lang;
    this.quiet = quiet;
  }

  @Override
  public String write(List<FileFindings> files) {
    StringBuilder out = new StringBuilder();
    for (FileFindings r : files) {
      for (Finding f : r.findings()) {
        if (f.isError() || !quiet) {
          out.append(f.format(lang)).append('\n');
        }
      }
    }
    return out.toString();
  }
}
