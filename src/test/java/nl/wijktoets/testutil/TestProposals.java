package nl.wijktoets.testutil;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import nl.wijktoets.measure.Finances;
import nl.wijktoets.measure.MeasureResult;
import nl.wijktoets.measure.Missing;
import nl.wijktoets.proposal.Proposal;
import nl.wijktoets.proposal.ProposalReader;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.source.Finding;

/** Builds small proposals from YAML text and runs single measures of the built-in rubric. */
public final class TestProposals {

  public static final String HEADER = "version: 1\nname: Test\nneighbourhood: Testwijk\n";

  private TestProposals() {}

  public static Rubric rubric() {
    return RubricLoader.builtin();
  }

  /** Reads a proposal (the header is added); fails the test on any error-level finding. */
  public static Proposal read(String body) {
    ProposalReader.Result r =
        ProposalReader.read("test.yaml", (HEADER + body).getBytes(StandardCharsets.UTF_8));
    assertThat(r.findings().stream().filter(Finding::isError).map(Finding::toString).toList())
        .as("errors reading the test proposal")
        .isEmpty();
    assertThat(r.proposal()).isNotNull();
    return r.proposal();
  }

  /** Runs the built-in rubric's criterion (its measure with the rubric's parameters). */
  public static MeasureResult measure(String criterionId, String body) {
    Proposal p = read(body);
    Rubric.Criterion c = rubric().criterion(criterionId).orElseThrow();
    return c.apply(p, new Finances(p));
  }

  /** What the built-in rubric's criterion still needs for its next level (report-time work). */
  public static Missing missing(String criterionId, String body) {
    Proposal p = read(body);
    Rubric.Criterion c = rubric().criterion(criterionId).orElseThrow();
    Finances f = new Finances(p);
    return c.bound().missing(p, f, c.apply(p, f));
  }

  public static int level(String criterionId, String body) {
    return measure(criterionId, body).level();
  }

  /** Reads and scores a full proposal with the built-in rubric (header added). */
  public static Assessor.Outcome assess(String body) {
    return new Assessor(rubric())
        .assess("test.yaml", (HEADER + body).getBytes(StandardCharsets.UTF_8), null);
  }
}
