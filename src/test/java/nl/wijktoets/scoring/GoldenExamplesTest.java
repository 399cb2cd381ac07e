package nl.wijktoets.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.measure.Finances;
import nl.wijktoets.measure.MeasuredValue;
import nl.wijktoets.rubric.RubricLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The five golden examples, transcribed from {@code shared/domain-examples/EXPECTED.md}: every
 * criterion's level and points, every lesson score, the total, the band, the cap, the reference
 * years, the income I and the first next steps with their gains, all exact.
 */
class GoldenExamplesTest {

  /** One example as EXPECTED.md states it. */
  record Expected(
      String file,
      String total,
      String band,
      boolean capped,
      String uncappedBand,
      List<Integer> years,
      Finances.YearsSource yearsSource,
      Fraction income,
      String criteria,
      String lessons,
      String steps) {
    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Arguments> examples() {
    return Stream.of(
        Arguments.of(
            new Expected(
                "examples/moerwijk.yaml",
                "92.75",
                "A",
                false,
                "A",
                List.of(2026, 2027, 2028),
                Finances.YearsSource.BUDGET,
                Fraction.of(683875, 3), // I = 227,958.33...
                """
                public-task-revenue        4 10
                challenge-fit              4 6
                jobs-for-residents         4 10
                earned-income-share        4 5
                financial-continuity       4 4
                cross-sector-partners      4 8
                partner-commitment         3 4.5
                connector                  4 6
                resident-led-with-backing  4 5
                dependency-spread          2 2.5
                resident-governance        4 9
                resident-groups            4 7
                community-assets           3 4.5
                resident-involvement       3 5.25
                impact-measurement         4 6
                """,
                """
                social-tendering      35
                middle-up-down        26
                participation-trends  31.75
                """,
                """
                resident-involvement  1.75
                partner-commitment    1.5
                community-assets      1.5
                dependency-spread     1.25
                """)),
        Arguments.of(
            new Expected(
                "examples/transvaal.yaml",
                "62",
                "B",
                false,
                "B",
                List.of(2026, 2027),
                Finances.YearsSource.BUDGET,
                Fraction.of(89375),
                """
                public-task-revenue        3 7.5
                challenge-fit              2 3
                jobs-for-residents         2 5
                earned-income-share        2 2.5
                financial-continuity       2 2
                cross-sector-partners      4 8
                partner-commitment         3 4.5
                connector                  3 4.5
                resident-led-with-backing  4 5
                dependency-spread          2 2.5
                resident-governance        2 4.5
                resident-groups            2 3.5
                community-assets           2 3
                resident-involvement       2 3.5
                impact-measurement         2 3
                """,
                """
                social-tendering      20
                middle-up-down        24.5
                participation-trends  17.5
                """,
                """
                public-task-revenue   2.5
                jobs-for-residents    2.5
                resident-governance   2.25
                """)),
        Arguments.of(
            new Expected(
                "examples/schilderswijk.yaml",
                "55.75",
                "C",
                true,
                "B",
                List.of(2026, 2027, 2028),
                Finances.YearsSource.BUDGET,
                Fraction.of(70875),
                """
                public-task-revenue        0 0
                challenge-fit              0 0
                jobs-for-residents         1 2.5
                earned-income-share        4 5
                financial-continuity       2 2
                cross-sector-partners      2 4
                partner-commitment         2 3
                connector                  2 3
                resident-led-with-backing  2 2.5
                dependency-spread          4 5
                resident-governance        4 9
                resident-groups            4 7
                community-assets           3 4.5
                resident-involvement       3 5.25
                impact-measurement         2 3
                """,
                """
                social-tendering      9.5
                middle-up-down        17.5
                participation-trends  28.75
                """,
                """
                public-task-revenue   2.5
                jobs-for-residents    2.5
                challenge-fit         1.5
                """)),
        Arguments.of(
            new Expected(
                "examples/bouwlust-vrederust.yaml",
                "59.75",
                "C",
                true,
                "B",
                List.of(2026, 2027, 2028),
                Finances.YearsSource.BUDGET,
                Fraction.of(270000),
                """
                public-task-revenue        4 10
                challenge-fit              4 6
                jobs-for-residents         4 10
                earned-income-share        4 5
                financial-continuity       4 4
                cross-sector-partners      3 6
                partner-commitment         3 4.5
                connector                  3 4.5
                resident-led-with-backing  0 0
                dependency-spread          0 0
                resident-governance        1 2.25
                resident-groups            0 0
                community-assets           2 3
                resident-involvement       0 0
                impact-measurement         3 4.5
                """,
                """
                social-tendering      35
                middle-up-down        15
                participation-trends  9.75
                """,
                """
                resident-governance   2.25
                resident-groups       1.75
                resident-involvement  1.75
                """)),
        Arguments.of(
            new Expected(
                "examples/duindorp.yaml",
                "20.25",
                "D",
                false,
                "D",
                List.of(2026),
                Finances.YearsSource.REVENUE,
                Fraction.of(10625),
                """
                public-task-revenue        2 5
                challenge-fit              1 1.5
                jobs-for-residents         1 2.5
                earned-income-share        2 2.5
                financial-continuity       0 0
                cross-sector-partners      0 0
                partner-commitment         1 1.5
                connector                  0 0
                resident-led-with-backing  2 2.5
                dependency-spread          1 1.25
                resident-governance        0 0
                resident-groups            1 1.75
                community-assets           0 0
                resident-involvement       1 1.75
                impact-measurement         0 0
                """,
                """
                social-tendering      11.5
                middle-up-down        5.25
                participation-trends  3.5
                """,
                """
                resident-governance   2.25
                cross-sector-partners 2
                resident-groups       1.75
                """)));
  }

  private static Assessment assess(String file) throws IOException {
    byte[] bytes = Files.readAllBytes(Path.of(file));
    Assessor.Outcome outcome = new Assessor(RubricLoader.builtin()).assess(file, bytes, null);
    assertThat(outcome.errors()).as("errors in %s", file).isEmpty();
    assertThat(outcome.scored()).isTrue();
    return outcome.assessment();
  }

  private static List<String[]> rows(String table) {
    List<String[]> rows = new ArrayList<>();
    for (String line : table.strip().split("\n")) {
      rows.add(line.strip().split("\\s+"));
    }
    return rows;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyCriterionHasTheExpectedLevelAndPoints(Expected e) throws IOException {
    Assessment a = assess(e.file());
    Map<String, String> actual = new LinkedHashMap<>();
    Map<String, String> expected = new LinkedHashMap<>();
    for (String[] row : rows(e.criteria())) {
      expected.put(row[0], "level " + row[1] + ", points " + Fraction.parse(row[2]));
    }
    a.lessons().stream()
        .flatMap(l -> l.criteria().stream())
        .forEach(
            c -> actual.put(c.criterion().id(), "level " + c.level() + ", points " + c.points()));
    // same criteria, same order (rubric order), same levels and exact points
    assertThat(actual).containsExactlyEntriesOf(expected);
    for (String[] row : rows(e.criteria())) {
      Assessment.CriterionResult c = a.criterion(row[0]).orElseThrow();
      assertThat(c.points()).isEqualTo(Fraction.parse(row[2]));
      assertThat(c.contribution()).as("no waivers: contribution = points").isEqualTo(c.points());
      assertThat(c.waived()).isFalse();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void lessonsTotalBandAndCap(Expected e) throws IOException {
    Assessment a = assess(e.file());
    List<String[]> lessons = rows(e.lessons());
    assertThat(a.lessons()).hasSize(3);
    for (int i = 0; i < lessons.size(); i++) {
      assertThat(a.lessons().get(i).lesson().id()).isEqualTo(lessons.get(i)[0]);
      assertThat(a.lessons().get(i).score())
          .as("score of %s", lessons.get(i)[0])
          .isEqualTo(Fraction.parse(lessons.get(i)[1]));
      assertThat(a.lessons().get(i).share())
          .isEqualTo(
              Fraction.parse(lessons.get(i)[1]).dividedBy(a.lessons().get(i).lesson().weight()));
    }
    assertThat(a.total()).isEqualTo(Fraction.parse(e.total()));
    assertThat(a.band().id()).isEqualTo(e.band());
    assertThat(a.uncappedBand().id()).isEqualTo(e.uncappedBand());
    assertThat(a.capped()).isEqualTo(e.capped());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void nextStepsInOrderWithTheirGains(Expected e) throws IOException {
    Assessment a = assess(e.file());
    List<String> expected = new ArrayList<>();
    for (String[] row : rows(e.steps())) {
      expected.add(row[0] + " +" + Fraction.parse(row[1]));
    }
    List<String> actual =
        a.nextSteps().stream()
            .limit(expected.size())
            .map(s -> s.criterion().criterion().id() + " +" + s.gain())
            .toList();
    assertThat(actual).containsExactlyElementsOf(expected);
    for (Assessment.NextStep s : a.nextSteps().subList(0, expected.size())) {
      assertThat(s.toLevel()).isEqualTo(s.fromLevel() + 1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void referenceYearsAndIncome(Expected e) throws IOException {
    Assessment a = assess(e.file());
    assertThat(a.referenceYears()).containsExactlyElementsOf(e.years());
    assertThat(a.yearsSource()).isEqualTo(e.yearsSource());
    MeasuredValue income =
        a.criterion("public-task-revenue").orElseThrow().measured().values().get("income");
    assertThat(income.kind()).isEqualTo(MeasuredValue.Kind.AMOUNT);
    assertThat(income.fraction()).isEqualTo(e.income());
  }

  // ----- the workings EXPECTED.md spells out, where a wrong definition would show

  @Test
  void moerwijkIncomeDoesNotTerminateAndSharesAreExact() throws IOException {
    Assessment a = assess("examples/moerwijk.yaml");
    Fraction income = Fraction.of(683875, 3);
    assertThat(income.round(2)).hasToString("227958.33");
    var ptr = a.criterion("public-task-revenue").orElseThrow().measured().values();
    // s = (72,000 + 63,750) / 227,958.33
    assertThat(ptr.get("public_income").fraction()).isEqualTo(Fraction.of(135750));
    assertThat(ptr.get("share").fraction()).isEqualTo(Fraction.of(135750).dividedBy(income));
    var earned = a.criterion("earned-income-share").orElseThrow().measured().values();
    assertThat(earned.get("earned_income").fraction()).isEqualTo(Fraction.of(179625));
    // municipality (Stadsdeel Escamp + Gemeente Den Haag) 112,000 / 227,958.33 = 0.491
    var dep = a.criterion("dependency-spread").orElseThrow().measured().values();
    assertThat(dep.get("share").fraction()).isEqualTo(Fraction.of(112000).dividedBy(income));
    // 2028: 209,125 / 205,000
    var fc = a.criterion("financial-continuity").orElseThrow().measured().values();
    assertThat(fc.get("coverage").fraction()).isEqualTo(Fraction.of(209125, 205000));
    // mean E = 5.5 / 6
    var pc = a.criterion("partner-commitment").orElseThrow().measured().values();
    assertThat(pc.get("commitment").fraction()).isEqualTo(Fraction.of(11, 12));
    // the fourth step
    Assessment.NextStep fourth = a.nextSteps().get(3);
    assertThat(fourth.criterion().criterion().id()).isEqualTo("dependency-spread");
    assertThat(fourth.gain()).isEqualTo(Fraction.parse("1.25"));
    assertThat(fourth.fromLevel()).isEqualTo(2);
    assertThat(a.nextSteps())
        .extracting(s -> s.criterion().criterion().id())
        .doesNotContain("public-task-revenue", "challenge-fit", "jobs-for-residents", "connector");
  }

  @Test
  void transvaalWorkings() throws IOException {
    Assessment a = assess("examples/transvaal.yaml");
    assertThat(
            a.criterion("public-task-revenue")
                .orElseThrow()
                .measured()
                .values()
                .get("share")
                .fraction())
        .isEqualTo(Fraction.of(27500, 89375));
    assertThat(
            a.criterion("earned-income-share")
                .orElseThrow()
                .measured()
                .values()
                .get("share")
                .fraction())
        .isEqualTo(Fraction.of(27500 + 16875, 89375));
    assertThat(
            a.criterion("dependency-spread")
                .orElseThrow()
                .measured()
                .values()
                .get("share")
                .fraction())
        .isEqualTo(Fraction.of(42500, 89375));
    assertThat(
            a.criterion("financial-continuity")
                .orElseThrow()
                .measured()
                .values()
                .get("coverage")
                .fraction())
        .isEqualTo(Fraction.of(83750, 110000));
    assertThat(
            a.criterion("jobs-for-residents")
                .orElseThrow()
                .measured()
                .values()
                .get("jobs")
                .fraction())
        .isEqualTo(Fraction.of(5));
    // participation trends exactly at 50%: band B (total 62), not below the floor
    Assessment.LessonResult pt = a.lessons().get(2);
    assertThat(pt.share()).isEqualTo(Fraction.of(1, 2));
    assertThat(pt.belowFloor()).isFalse();
    assertThat(a.nextSteps()).allMatch(s -> !s.inLessonBelowFloor());
  }

  @Test
  void schilderswijkCappedByTheSocialTenderingFloor() throws IOException {
    Assessment a = assess("examples/schilderswijk.yaml");
    assertThat(a.lessons().get(0).belowFloor()).isTrue();
    assertThat(a.lessons().get(0).share()).isEqualTo(Fraction.of(95, 350));
    assertThat(a.lessons().get(1).belowFloor()).isFalse();
    assertThat(a.lessons().get(2).belowFloor()).isFalse();
    Assessment.CriterionResult csp = a.criterion("cross-sector-partners").orElseThrow();
    assertThat(csp.measured().cap()).isEqualTo("no-government");
    assertThat(csp.measured().uncappedLevel()).isEqualTo(3);
    assertThat(
            a.criterion("earned-income-share")
                .orElseThrow()
                .measured()
                .values()
                .get("share")
                .fraction())
        .isEqualTo(Fraction.of(52500 + 5000 + 1125, 70875));
    assertThat(
            a.criterion("dependency-spread")
                .orElseThrow()
                .measured()
                .values()
                .get("share")
                .fraction())
        .isEqualTo(Fraction.of(10000, 70875));
    assertThat(
            a.criterion("jobs-for-residents")
                .orElseThrow()
                .measured()
                .values()
                .get("jobs")
                .fraction())
        .isEqualTo(Fraction.of(7, 3));
    // the capping lesson's criteria come first, even before a larger gain elsewhere
    assertThat(a.nextSteps().subList(0, 4)).allMatch(Assessment.NextStep::inLessonBelowFloor);
  }

  @Test
  void bouwlustCappedByTheParticipationFloor() throws IOException {
    Assessment a = assess("examples/bouwlust-vrederust.yaml");
    assertThat(a.proposal().municipality()).isEqualTo("Den Haag");
    assertThat(a.lessons().get(2).share()).isEqualTo(Fraction.of(975, 3500));
    assertThat(a.lessons().get(1).share()).isEqualTo(Fraction.of(1, 2));
    assertThat(
            a.criterion("dependency-spread")
                .orElseThrow()
                .measured()
                .values()
                .get("share")
                .fraction())
        .isEqualTo(Fraction.of(240000, 270000));
    assertThat(
            a.criterion("financial-continuity")
                .orElseThrow()
                .measured()
                .values()
                .get("coverage")
                .fraction())
        .isEqualTo(Fraction.of(270000, 265000));
  }

  @Test
  void duindorpEvidenceCapsAndTextAmounts() throws IOException {
    Assessment a = assess("examples/duindorp.yaml");
    assertThat(a.proposal().municipality()).isEqualTo("Den Haag");
    assertThat(a.proposal().revenue().get(0).perYear()).containsEntry(2026, Fraction.of(20000));
    assertThat(a.proposal().revenue().get(1).perYear()).containsEntry(2026, Fraction.of(12500));
    Assessment.CriterionResult ptr = a.criterion("public-task-revenue").orElseThrow();
    assertThat(ptr.measured().cap()).isEqualTo("evidence");
    assertThat(ptr.measured().uncappedLevel()).isEqualTo(3);
    assertThat(ptr.measured().values().get("share").fraction()).isEqualTo(Fraction.of(5000, 10625));
    Assessment.CriterionResult eis = a.criterion("earned-income-share").orElseThrow();
    assertThat(eis.measured().cap()).isEqualTo("evidence");
    assertThat(eis.measured().uncappedLevel()).isEqualTo(4);
    assertThat(
            a.criterion("dependency-spread")
                .orElseThrow()
                .measured()
                .values()
                .get("share")
                .fraction())
        .isEqualTo(Fraction.of(7500, 10625));
    assertThat(a.warnings())
        .extracting(f -> f.rule())
        .contains("amount/text", "money/years-from-revenue");
    assertThat(a.warnings().stream().filter(f -> f.rule().equals("amount/text")).count())
        .isEqualTo(2);
    // two lessons below 30%; the band is D either way, so not "capped"
    assertThat(a.lessons().get(1).belowFloor()).isTrue();
    assertThat(a.lessons().get(2).belowFloor()).isTrue();
    assertThat(a.lessons().get(0).belowFloor()).isFalse();
  }
}
