package nl.wijktoets.report;

import java.util.List;

/**
 * Writes the findings of {@code validate} in one output format (one class per format, as Checkstyle
 * has one per output format). A writer is made with its options (language, strict, quiet) by {@link
 * FindingsFormat#writer}. Output is deterministic: no timestamps, files and findings in the order
 * given.
 */
public interface FindingsWriter {

  /** The whole output for these files, in the order given. */
  String write(List<FileFindings> files);
}
