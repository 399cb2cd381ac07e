package nl.wijktoets.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.source.Finding;
import nl.wijktoets.testutil.TestProposals;
import org.junit.jupiter.api.Test;

/** Waivers (rescaling, errors, warnings) and the warnings about missing blocks and years. */
class DomainChecksTest {

  private static String moerwijk() throws IOException {
    return Files.readString(Path.of("examples/moerwijk.yaml"), StandardCharsets.UTF_8);
  }

  private static Assessor.Outcome assess(String yaml) {
    return new Assessor(RubricLoader.builtin())
        .assess("w.yaml", yaml.getBytes(StandardCharsets.UTF_8), null);
  }

  @Test
  void aWaivedCriterionDropsOutAndTheOthersAreRescaled() throws IOException {
    Assessor.Outcome o =
        assess(
            moerwijk()
                + "waivers:\n  - criterion: community-assets\n    reason: Wij werken buiten.\n");
    assertThat(o.errors()).isEmpty();
    Assessment a = o.assessment();
    Assessment.LessonResult pt = a.lessons().get(2);
    // remaining weights 9 + 7 + 7 + 6 = 29; points 9 + 7 + 5.25 + 6 = 27.25
    Fraction rescale = Fraction.of(35, 29);
    assertThat(pt.score()).isEqualTo(Fraction.parse("27.25").times(rescale));
    assertThat(pt.score()).isEqualTo(Fraction.of(3815, 116));
    Assessment.CriterionResult assets = a.criterion("community-assets").orElseThrow();
    assertThat(assets.waived()).isTrue();
    assertThat(assets.waiverReason()).isEqualTo("Wij werken buiten.");
    assertThat(assets.contribution()).isEqualTo(Fraction.ZERO);
    Assessment.CriterionResult governance = a.criterion("resident-governance").orElseThrow();
    assertThat(governance.points()).isEqualTo(Fraction.of(9));
    assertThat(governance.contribution()).isEqualTo(Fraction.of(315, 29));
    // the other lessons are untouched
    assertThat(a.lessons().get(0).score()).isEqualTo(Fraction.of(35));
    assertThat(a.lessons().get(1).score()).isEqualTo(Fraction.of(26));
    assertThat(a.total()).isEqualTo(Fraction.of(61).plus(Fraction.of(3815, 116)));
    // next steps: no waived criterion; gains after rescaling
    assertThat(a.nextSteps())
        .extracting(s -> s.criterion().criterion().id())
        .doesNotContain("community-assets");
    Assessment.NextStep involvement =
        a.nextSteps().stream()
            .filter(s -> s.criterion().criterion().id().equals("resident-involvement"))
            .findFirst()
            .orElseThrow();
    assertThat(involvement.gain()).isEqualTo(Fraction.of(245, 116));
    assertThat(a.nextSteps().get(0)).isSameAs(involvement);
    // the proposal does give data for it: allowed, with a warning
    assertThat(o.warnings())
        .filteredOn(f -> f.rule().equals("waiver/has-data"))
        .singleElement()
        .satisfies(f -> assertThat(f.args().get(0)).isEqualTo("community-assets"));
  }

  @Test
  void aWaiverWithoutDataHasNoWarning() {
    Assessor.Outcome o =
        TestProposals.assess(
            "waivers:\n  - criterion: community-assets\n    reason: Geen gebouw nodig.\n");
    assertThat(o.errors()).isEmpty();
    assertThat(o.warnings()).extracting(Finding::rule).doesNotContain("waiver/has-data");
    assertThat(o.assessment().criterion("community-assets").orElseThrow().waived()).isTrue();
  }

  @Test
  void waiverErrors() {
    for (String heart :
        List.of("public-task-revenue", "jobs-for-residents", "resident-governance")) {
      Assessor.Outcome o =
          TestProposals.assess("waivers:\n  - criterion: " + heart + "\n    reason: past niet\n");
      assertThat(o.scored()).isFalse();
      assertThat(o.errors())
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.rule()).isEqualTo("waiver/not-waivable");
                assertThat(f.location().line()).isEqualTo(5);
              });
    }
    Assessor.Outcome unknown =
        TestProposals.assess("waivers:\n  - criterion: community-asset\n    reason: x\n");
    assertThat(unknown.scored()).isFalse();
    assertThat(unknown.errors())
        .extracting(Finding::rule)
        .containsExactly("waiver/unknown-criterion");
    Assessor.Outcome noReason = TestProposals.assess("waivers:\n  - criterion: community-assets\n");
    assertThat(noReason.scored()).isFalse();
    assertThat(noReason.errors()).extracting(Finding::rule).containsExactly("waiver/no-reason");
  }

  @Test
  void eachMissingBlockIsOneWarningNamingTheCriteriaThatScoreZero() throws IOException {
    byte[] duindorp = Files.readAllBytes(Path.of("examples/duindorp.yaml"));
    Assessor.Outcome o =
        new Assessor(RubricLoader.builtin()).assess("examples/duindorp.yaml", duindorp, null);
    List<Finding> missing =
        o.warnings().stream().filter(f -> f.rule().equals("proposal/missing-block")).toList();
    assertThat(missing)
        .extracting(Finding::path)
        .containsExactlyInAnyOrder("budget", "governance", "assets", "impact_indicators");
    Finding governance =
        missing.stream().filter(f -> f.path().equals("governance")).findFirst().orElseThrow();
    assertThat(String.join(" ", governance.args())).contains("connector", "resident-governance");
    Finding budget =
        missing.stream().filter(f -> f.path().equals("budget")).findFirst().orElseThrow();
    assertThat(String.join(" ", budget.args())).contains("financial-continuity");
    assertThat(o.warnings())
        .filteredOn(f -> f.rule().equals("money/years-from-revenue"))
        .singleElement()
        .satisfies(f -> assertThat(f.args()).containsExactly("2026"));
  }

  @Test
  void aCompleteProposalHasNoWarnings() throws IOException {
    assertThat(assess(moerwijk()).findings()).isEmpty();
  }

  @Test
  void aPartnerWithoutCommitmentIsAWarning() {
    Assessor.Outcome o = TestProposals.assess("partners:\n  - name: P\n    sector: welfare\n");
    assertThat(o.warnings())
        .filteredOn(f -> f.rule().equals("evidence/missing-commitment"))
        .singleElement()
        .satisfies(f -> assertThat(f.location().line()).isEqualTo(5));
  }
}
