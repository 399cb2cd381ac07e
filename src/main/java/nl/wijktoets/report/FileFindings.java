package nl.wijktoets.report;

import java.util.List;
import nl.wijktoets.source.Finding;

/**
 * The findings of one input file of {@code validate}, or the reason it could not be read at all
 * ({@code unreadable}, null when it was read).
 */
public record FileFindings(String file, List<Finding> findings, String unreadable) {

  /** The findings that count as errors: every finding when {@code strict}. */
  public long errors(boolean strict) {
    return findings.stream().filter(f -> f.isError() || strict).count();
  }
}
