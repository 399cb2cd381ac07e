package nl.wijktoets.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.proposal.Proposal;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.rubric.RubricException;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.source.Finding;
import nl.wijktoets.testutil.TestProposals;
import org.junit.jupiter.api.Test;

/** Scoring's edges: the last band as a fallback, waivers that are ignored or warned about. */
class ScorerEdgesTest {

  private static final String MIDDLE_UP_DOWN_WAIVED =
      """
      waivers:
        - {criterion: cross-sector-partners, reason: x}
        - {criterion: partner-commitment, reason: x}
        - {criterion: connector, reason: x}
        - {criterion: resident-led-with-backing, reason: x}
        - {criterion: dependency-spread, reason: x}
        - {criterion: community-assets, reason: x}
      """;

  @Test
  void whenNoBandHoldsTheLastOneIsTheBand() throws RubricException {
    String builtin = new String(RubricLoader.builtinBytes(), StandardCharsets.UTF_8);
    String text =
        builtin.replace("  - id: D\n    min_total: 0\n", "  - id: D\n    min_total: 10\n");
    assertThat(text).isNotEqualTo(builtin);
    Rubric rubric = RubricLoader.load("d10.yaml", text.getBytes(StandardCharsets.UTF_8));
    Assessment a =
        new Assessor(rubric)
            .assess("t.yaml", TestProposals.HEADER.getBytes(StandardCharsets.UTF_8), null)
            .assessment();
    assertThat(a.total().isZero()).isTrue();
    assertThat(a.uncappedBand().id()).isEqualTo("D");
    assertThat(a.band().id()).isEqualTo("D");
  }

  @Test
  void waiversThatWouldEmptyALessonAreIgnoredWhenScoring() {
    Proposal p = TestProposals.read(MIDDLE_UP_DOWN_WAIVED);
    Rubric rubric = RubricLoader.builtin();
    assertThat(DomainChecks.validWaivers(p, rubric)).containsOnlyKeys("community-assets");
    assertThat(DomainChecks.check(p, rubric))
        .extracting(Finding::rule)
        .contains("waiver/empties-lesson");
    Assessment a = new Scorer(rubric).score(p, Language.EN, List.of(), Scorer.Detail.FULL);
    assertThat(a.lessons().get(1).criteria()).noneMatch(Assessment.CriterionResult::waived);
    assertThat(a.criterion("community-assets").orElseThrow().waived()).isTrue();
  }

  @Test
  void aWaiverOfACriterionWithDataIsWarnedAbout() throws IOException {
    String moerwijk = Files.readString(Path.of("examples/moerwijk.yaml"), StandardCharsets.UTF_8);
    Assessor.Outcome withData =
        new Assessor(RubricLoader.builtin())
            .assess(
                "w.yaml",
                (moerwijk + "waivers:\n  - criterion: community-assets\n    reason: buiten\n")
                    .getBytes(StandardCharsets.UTF_8),
                null);
    assertThat(withData.warnings())
        .filteredOn(f -> f.rule().equals("waiver/has-data"))
        .singleElement()
        .satisfies(f -> assertThat(f.message(Language.EN)).contains("community-assets", "assets"));
    Assessor.Outcome withoutData =
        TestProposals.assess("waivers:\n  - criterion: community-assets\n    reason: buiten\n");
    assertThat(withoutData.findings()).noneMatch(f -> f.rule().equals("waiver/has-data"));
    assertThat(withoutData.scored()).isTrue();
  }

  @Test
  void findingsComeInFileOrderAndWarningsHoldNoErrors() {
    Assessor.Outcome o =
        TestProposals.assess(
            "waivers:\n  - criterion: public-task-revenue\n    reason: x\nzzz_unknown: 1\n");
    assertThat(o.scored()).isFalse();
    assertThat(o.errors()).extracting(Finding::rule).contains("waiver/not-waivable");
    assertThat(o.warnings()).isNotEmpty().noneMatch(Finding::isError);
    assertThat(o.errors()).allMatch(Finding::isError);
    assertThat(o.findings()).hasSize(o.errors().size() + o.warnings().size());
    assertThat(o.findings()).isSortedAccordingTo(Finding.IN_FILE_ORDER);
    Assessor.Outcome checked =
        new Assessor(RubricLoader.builtin())
            .check(
                "t.yaml",
                (TestProposals.HEADER + "waivers: [{criterion: connector, reason: x}]\n")
                    .getBytes(StandardCharsets.UTF_8));
    assertThat(checked.findings()).isNotEmpty().isSortedAccordingTo(Finding.IN_FILE_ORDER);
    assertThat(checked.assessment()).isNull();
  }
}
