package nl.wijktoets.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.wijktoets.proposal.Proposal;
import nl.wijktoets.rubric.RubricLoader;

/**
 * Batch's score-only path ({@link Scorer.Detail#LEVELS}) gives the same levels, points, lessons,
 * total, band and next steps as a full assessment, and holds no measured values or evidence.
 */
class ScoreOnlyTest {

  private static final Assessor ASSESSOR = new Assessor(RubricLoader.builtin());

  @Provide
  Arbitrary<RandomProposal> proposals() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 6))
        .as(RandomProposal::generate);
  }

  @Property(tries = 150, seed = "20260115")
  void levelsOnlyScoresLikeTheFullAssessment(@ForAll("proposals") RandomProposal p) {
    same(p.canonical());
  }

  @Property(tries = 60, seed = "20260116")
  void withWaiversToo(@ForAll("proposals") RandomProposal p) {
    same(p.withWaivers(List.of("connector", "community-assets", "dependency-spread")).canonical());
  }

  private static void same(String yaml) {
    Proposal proposal = ASSESSOR.check("p.yaml", yaml.getBytes(StandardCharsets.UTF_8)).proposal();
    Assessment full = ASSESSOR.score(proposal, null, List.of(), Scorer.Detail.FULL);
    Assessment levels = ASSESSOR.score(proposal, null, List.of(), Scorer.Detail.LEVELS);
    assertThat(levels.total()).isEqualTo(full.total());
    assertThat(levels.band()).isEqualTo(full.band());
    assertThat(levels.uncappedBand()).isEqualTo(full.uncappedBand());
    for (int l = 0; l < full.lessons().size(); l++) {
      Assessment.LessonResult f = full.lessons().get(l);
      Assessment.LessonResult s = levels.lessons().get(l);
      assertThat(s.score()).isEqualTo(f.score());
      assertThat(s.share()).isEqualTo(f.share());
      assertThat(s.belowFloor()).isEqualTo(f.belowFloor());
      for (int c = 0; c < f.criteria().size(); c++) {
        Assessment.CriterionResult fc = f.criteria().get(c);
        Assessment.CriterionResult sc = s.criteria().get(c);
        assertThat(sc.level()).as(fc.criterion().id()).isEqualTo(fc.level());
        assertThat(sc.points()).isEqualTo(fc.points());
        assertThat(sc.contribution()).isEqualTo(fc.contribution());
        assertThat(sc.waived()).isEqualTo(fc.waived());
        assertThat(sc.waiverReason()).isEqualTo(fc.waiverReason());
        assertThat(sc.measured().level()).isEqualTo(fc.measured().level());
        assertThat(sc.measured().uncappedLevel()).isEqualTo(fc.measured().uncappedLevel());
        assertThat(sc.measured().cap()).isEqualTo(fc.measured().cap());
        assertThat(sc.measured().values()).isEmpty();
        assertThat(sc.measured().evidence()).isEmpty();
      }
    }
    assertThat(ids(levels.nextSteps())).isEqualTo(ids(full.nextSteps()));
    assertThat(levels.nextSteps().stream().map(Assessment.NextStep::gain).toList())
        .isEqualTo(full.nextSteps().stream().map(Assessment.NextStep::gain).toList());
    assertThat(levels.nextSteps().stream().map(ScoreOnlyTest::step).toList())
        .isEqualTo(full.nextSteps().stream().map(ScoreOnlyTest::step).toList());
  }

  /** What a step says apart from the measured values: its lesson, levels and floor. */
  private static String step(Assessment.NextStep s) {
    return s.lessonId() + " " + s.fromLevel() + ">" + s.toLevel() + " " + s.inLessonBelowFloor();
  }

  private static List<String> ids(List<Assessment.NextStep> steps) {
    return steps.stream().map(s -> s.criterion().criterion().id()).toList();
  }
}
