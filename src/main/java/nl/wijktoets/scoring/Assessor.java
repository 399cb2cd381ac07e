package nl.wijktoets.scoring;

import java.util.ArrayList;
import java.util.List;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.proposal.Proposal;
import nl.wijktoets.proposal.ProposalReader;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.source.Finding;

/**
 * The whole flow for one proposal file, usable as a library: read (decoding, YAML, format), check
 * (domain rules that need the rubric), and score. A file with any error-level finding is not
 * scored.
 */
public final class Assessor {

  private final Rubric rubric;
  private final Scorer scorer;

  public Assessor(Rubric rubric) {
    this.rubric = rubric;
    this.scorer = new Scorer(rubric);
  }

  public Rubric rubric() {
    return rubric;
  }

  /**
   * The assessment (null when the file has errors) and every finding, errors and warnings, in file
   * order.
   */
  public record Outcome(Assessment assessment, Proposal proposal, List<Finding> findings) {
    public boolean scored() {
      return assessment != null;
    }

    public List<Finding> errors() {
      return findings.stream().filter(Finding::isError).toList();
    }

    public List<Finding> warnings() {
      return findings.stream().filter(f -> !f.isError()).toList();
    }
  }

  /** Reads and checks a proposal without scoring it. */
  public Outcome check(String file, byte[] bytes) {
    ProposalReader.Result read = ProposalReader.read(file, bytes);
    List<Finding> findings = new ArrayList<>(read.findings());
    if (read.proposal() != null) {
      findings.addAll(DomainChecks.check(read.proposal(), rubric));
    }
    findings.sort(Finding.IN_FILE_ORDER);
    return new Outcome(null, read.proposal(), List.copyOf(findings));
  }

  /**
   * Reads, checks and scores a proposal.
   *
   * @param language the report language; null means the proposal's own, else Dutch
   */
  public Outcome assess(String file, byte[] bytes, Language language) {
    Outcome checked = check(file, bytes);
    if (checked.proposal() == null || !checked.errors().isEmpty()) {
      return checked;
    }
    return new Outcome(
        score(checked.proposal(), language, checked.warnings()),
        checked.proposal(),
        checked.findings());
  }

  /** Scores a proposal that has been read and checked, with every measured value and evidence. */
  public Assessment score(Proposal proposal, Language language, List<Finding> warnings) {
    return score(proposal, language, warnings, Scorer.Detail.FULL);
  }

  /**
   * Scores a proposal that has been read and checked.
   *
   * @param detail {@link Scorer.Detail#LEVELS} for levels, points and next steps alone (what a
   *     results CSV shows), {@link Scorer.Detail#FULL} for reports
   */
  public Assessment score(
      Proposal proposal, Language language, List<Finding> warnings, Scorer.Detail detail) {
    Language lang =
        language != null
            ? language
            : proposal.language() != null ? proposal.language() : Language.NL;
    return scorer.score(proposal, lang, warnings, detail);
  }
}
