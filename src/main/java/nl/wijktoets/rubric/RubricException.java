package nl.wijktoets.rubric;

import java.util.List;
import nl.wijktoets.source.Finding;

/** A rubric that cannot be used, with every located problem found in it. */
public final class RubricException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Finding> findings;

  public RubricException(List<Finding> findings) {
    super(findings.isEmpty() ? "invalid rubric" : findings.get(0).toString());
    this.findings = List.copyOf(findings);
  }

  public List<Finding> findings() {
    return findings;
  }
}
