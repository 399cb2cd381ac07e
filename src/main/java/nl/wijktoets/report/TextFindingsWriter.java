package nl.wijktoets.report;

import java.util.List;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.source.Finding;

/**
 * Findings as text: one {@code file:line:column: level: message [rule]} line each, at most five of
 * one rule per file ({@link FindingsCap}).
 */
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
      List<Finding> shown = r.findings().stream().filter(f -> f.isError() || !quiet).toList();
      for (Finding f : FindingsCap.capped(shown)) {
        out.append(f.format(lang)).append('\n');
      }
    }
    return out.toString();
  }
}
