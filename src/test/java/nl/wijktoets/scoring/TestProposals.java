package nl.wijktoets.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import nl.wijktoets.proposal.Finding;
import nl.wijktoets.proposal.Proposal;
import nl.wijktoets.proposal.ProposalReader;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.rubric.RubricLoader;

/** Builds small proposals from YAML text and runs single measures of the built-in rubric. */
final class TestProposals {

  static final String HEADER = "version: 1\nname: Test\nneighbourhood: Testwijk\n";

  private TestProposals() {}

  static Rubric rubric() {
    return RubricLoader.builtin();
  }

  /** Reads a proposal (the header is added); fails the test on any error-level finding. */
  static Proposal read(String body) {
    ProposalReader.Result r =
        ProposalReader.read("test.yaml", (HEADER + body).getBytes(StandardCharsets.UTF_8));
    assertThat(r.findings().stream().filter(Finding::isError).map(Finding::toString).toList())
        .as("errors reading the test proposal")
        .isEmpty();
    assertThat(r.proposal()).isNotNull();
    return r.proposal();
  }

  /** Runs the built-in rubric's criterion (its measure with the rubric's parameters). */
  static MeasureResult measure(String criterionId, String body) {
    Proposal p = read(body);
    Rubric.Criterion c = rubric().criterion(criterionId).orElseThrow();
    return Measures.byName(c.measure()).orElseThrow().apply(p, c.params(), new Finances(p));
  }

  static int level(String criterionId, String body) {
    return measure(criterionId, body).level();
  }

  /** Reads and scores a full proposal with the built-in rubric (header added). */
  static Assessor.Outcome assess(String body) {
    return new Assessor(rubric())
        .assess("test.yaml", (HEADER + body).getBytes(StandardCharsets.UTF_8), null);
  }
}
