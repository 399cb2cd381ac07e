package nl.wijktoets.report;

import java.util.List;
import nl.wijktoets.source.Finding;

/**
 * The findings of one input file of {@code validate}, or the reason it could not be read at all
 * ({@code unreadable}, null when it was read); {@code parsed} says whether its text could be read
 * as a proposal at all (not after a YAML syntax error, say), so the checks after that one ran.
 */
public record FileFindings(String file, List<Finding> findings, String unreadable, boolean parsed) {

  /** The findings of a file; parsed unless it could not be read. */
  public FileFindings(String file, List<Finding> findings, String unreadable) {
    this(file, findings, unreadable, unreadable == null);
  }

  /** The findings that count as errors: every finding when {@code strict}. */
  public long errors(boolean strict) {
    return findings.stream().filter(f -> f.isError() || strict).count();
  }
}
