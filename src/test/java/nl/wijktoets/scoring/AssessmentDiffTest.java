package nl.wijktoets.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.source.YamlNode;
import nl.wijktoets.source.YamlTreeReader;
import nl.wijktoets.testutil.TestProposals;
import org.junit.jupiter.api.Test;

/**
 * Two versions of a proposal: lesson and criterion changes, and per changed criterion the fields
 * that changed in the blocks it reads, never a founder's name or contact details.
 */
class AssessmentDiffTest {

  private static final String BEFORE =
      """
      residents:
        involved: 10
      governance:
        connector: {role: x, hours_per_week: 4}
      founders:
        - {name: Anna de Vries, lives_in_neighbourhood: false}
      contact: {email: a@example.org}
      """;

  private static final String AFTER =
      """
      residents:
        involved: 40
        consultations:
          - {type: survey, participants: 60}
      governance:
        connector: {role: x, hours_per_week: 20, paid: true}
      founders:
        - {name: Anna Jansen, lives_in_neighbourhood: true}
      contact: {email: b@example.org}
      """;

  private static AssessmentDiff diff(String before, String after) {
    return AssessmentDiff.of(
        TestProposals.assess(before).assessment(),
        tree(before),
        TestProposals.assess(after).assessment(),
        tree(after));
  }

  private static YamlNode tree(String body) {
    return new YamlTreeReader(YamlTreeReader.Limits.PROPOSAL)
        .read("t.yaml", (TestProposals.HEADER + body).getBytes(StandardCharsets.UTF_8))
        .root();
  }

  private static AssessmentDiff.CriterionChange criterion(AssessmentDiff d, String id) {
    return d.criteria().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void changedCriteriaNameTheFieldsBehindThem() {
    AssessmentDiff d = diff(BEFORE, AFTER);
    assertThat(d.criteria()).hasSize(15);
    assertThat(d.lessons())
        .extracting(AssessmentDiff.LessonChange::id)
        .containsExactly("social-tendering", "middle-up-down", "participation-trends");

    AssessmentDiff.CriterionChange connector = criterion(d, "connector");
    assertThat(connector.lessonId()).isEqualTo("middle-up-down");
    assertThat(connector.levelBefore()).isEqualTo(1);
    assertThat(connector.levelAfter()).isEqualTo(3);
    assertThat(connector.changed()).isTrue();
    assertThat(connector.delta()).isEqualTo(connector.after().minus(connector.before()));
    assertThat(connector.delta().signum()).isPositive();
    assertThat(connector.fields())
        .containsExactly(
            new AssessmentDiff.FieldChange("governance.connector.hours_per_week", "4", "20"),
            new AssessmentDiff.FieldChange("governance.connector.paid", null, "true"));

    AssessmentDiff.CriterionChange involvement = criterion(d, "resident-involvement");
    assertThat(involvement.fields())
        .containsExactly(
            new AssessmentDiff.FieldChange("residents.consultations[0].participants", null, "60"),
            new AssessmentDiff.FieldChange("residents.consultations[0].type", null, "survey"),
            new AssessmentDiff.FieldChange("residents.involved", "10", "40"));

    // nothing under founders or contact shows, though it changed (privacy, no exemptions)
    AssessmentDiff.CriterionChange led = criterion(d, "resident-led-with-backing");
    assertThat(led.fields()).isEmpty();
    assertThat(d.criteria())
        .flatExtracting(AssessmentDiff.CriterionChange::fields)
        .noneMatch(f -> f.path().startsWith("contact") || f.path().startsWith("founders"));

    // a criterion whose blocks did not change has no fields and no change
    AssessmentDiff.CriterionChange assets = criterion(d, "community-assets");
    assertThat(assets.fields()).isEmpty();
    assertThat(assets.changed()).isFalse();
    assertThat(assets.delta()).isEqualTo(Fraction.ZERO);

    Fraction lessons = Fraction.ZERO;
    for (AssessmentDiff.LessonChange l : d.lessons()) {
      assertThat(l.delta()).isEqualTo(l.after().minus(l.before()));
      assertThat(l.title()).isNotBlank();
      lessons = lessons.plus(l.delta());
    }
    assertThat(d.totalDelta())
        .isEqualTo(lessons)
        .isEqualTo(d.after().total().minus(d.before().total()));
    assertThat(d.totalDelta().signum()).isPositive();
  }

  @Test
  void theSameProposalTwiceHasNoChanges() {
    AssessmentDiff d = diff(AFTER, AFTER);
    assertThat(d.totalDelta()).isEqualTo(Fraction.ZERO);
    assertThat(d.criteria()).noneMatch(AssessmentDiff.CriterionChange::changed);
    assertThat(d.criteria()).allMatch(c -> c.fields().isEmpty());
    assertThat(d.lessons()).allMatch(l -> l.delta().isZero());
  }

  @Test
  void aChangeOfContributionAloneIsAChange() {
    AssessmentDiff.CriterionChange c =
        new AssessmentDiff.CriterionChange(
            "x", "l", 2, 2, Fraction.of(1), Fraction.of(2), List.of());
    assertThat(c.changed()).isTrue();
    assertThat(
            new AssessmentDiff.CriterionChange(
                    "x", "l", 2, 3, Fraction.of(1), Fraction.of(1), List.of())
                .changed())
        .isTrue();
  }

  @Test
  void flattenKeepsEveryScalarByPathAndSkipsNulls() {
    Map<String, String> flat =
        AssessmentDiff.flatten(tree("residents:\n  involved: 5\n  members:\nrisks: [{risk: a}]\n"));
    assertThat(flat)
        .containsEntry("residents.involved", "5")
        .containsEntry("risks[0].risk", "a")
        .containsEntry("version", "1")
        .doesNotContainKey("residents.members")
        .doesNotContainKey("residents");
    assertThat(AssessmentDiff.flatten(null)).isEmpty();
  }

  @Test
  void aBlockNameIsNotAPrefixOfAnother() {
    // `risks` is read by impact-measurement; a field `risks_extra` is not in that block
    AssessmentDiff d = diff("risks: [{risk: a}]\n", "risks: [{risk: b}]\nrisks_extra: 1\n");
    assertThat(criterion(d, "impact-measurement").fields())
        .containsExactly(new AssessmentDiff.FieldChange("risks[0].risk", "a", "b"));
  }
}
