package nl.wijktoets.report;

import java.util.List;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.source.Finding;

/**
 * Findings as GitHub workflow commands, {@code ::error
 * file=...,line=...,col=...,title=...::message}, which GitHub Actions shows as annotations; a file
 * that could not be read is an {@code ::error} on the file. At most five of one rule per file
 * ({@link FindingsCap}).
 */
public final class GithubFindingsWriter implements FindingsWriter {

  private final Language lang;
  private final boolean quiet;

  /**
   * @param quiet leave warnings out
   */
  public GithubFindingsWriter(Language lang, boolean quiet) {
    this.lang = lang;
    this.quiet = quiet;
  }

  @Override
  public String write(List<FileFindings> results) {
    StringBuilder out = new StringBuilder();
    for (FileFindings r : results) {
      if (r.unreadable() != null) {
        out.append("::error file=")
            .append(property(r.file()))
            .append("::")
            .append(data(r.unreadable()))
            .append('\n');
      }
      List<Finding> shown = r.findings().stream().filter(f -> f.isError() || !quiet).toList();
      for (Finding f : FindingsCap.capped(shown)) {
        out.append("::")
            .append(f.isError() ? "error" : "warning")
            .append(" file=")
            .append(property(f.location().file()))
            .append(",line=")
            .append(f.location().line())
            .append(",col=")
            .append(f.location().column())
            .append(",title=")
            .append(property(f.rule()))
            .append("::")
            .append(data(f.message(lang)))
            .append('\n');
      }
    }
    return out.toString();
  }

  /** Escapes the message of a workflow command. */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a property value of a workflow command. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
