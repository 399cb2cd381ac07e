package nl.wijktoets.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.measure.MeasuredValue;
import nl.wijktoets.report.JsonReport;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.source.Finding;

/**
 * Invariants of scoring that hold for every proposal: bounds, exact sums, points per level, bands,
 * next steps, Dutch synonyms, determinism and waiver rescaling. Random proposals cover the main
 * blocks; the seed is fixed so a run is reproducible.
 */
class ScoringPropertiesTest {

  private static final Fraction FOUR = Fraction.of(4);
  private static final List<String> WAIVABLE =
      List.of(
          "challenge-fit",
          "earned-income-share",
          "financial-continuity",
          "cross-sector-partners",
          "partner-commitment",
          "connector",
          "resident-led-with-backing",
          "dependency-spread",
          "resident-groups",
          "community-assets",
          "resident-involvement",
          "impact-measurement");

  @Provide
  Arbitrary<RandomProposal> proposals() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 6))
        .as(RandomProposal::generate);
  }

  private static Assessor.Outcome assess(String file, String yaml) {
    Assessor.Outcome o =
        new Assessor(RubricLoader.builtin())
            .assess(file, yaml.getBytes(StandardCharsets.UTF_8), null);
    assertThat(o.errors().stream().map(Finding::toString).toList())
        .as("errors in a valid random proposal")
        .isEmpty();
    assertThat(o.scored()).isTrue();
    return o;
  }

  @Property(tries = 200, seed = "20260101")
  void scoresAddUpExactlyAndStayInBounds(@ForAll("proposals") RandomProposal p) {
    Assessment a = assess("random.yaml", p.canonical()).assessment();
    Rubric rubric = a.rubric();
    Fraction total = Fraction.ZERO;
    for (Assessment.LessonResult l : a.lessons()) {
      Fraction sum = Fraction.ZERO;
      for (Assessment.CriterionResult c : l.criteria()) {
        assertThat(c.level()).isBetween(0, 4);
        assertThat(c.waived()).isFalse();
        assertThat(c.points())
            .as(c.criterion().id())
            .isEqualTo(c.criterion().weight().times(Fraction.of(c.level())).dividedBy(FOUR));
        assertThat(c.contribution()).isEqualTo(c.points());
        if (c.measured().uncappedLevel() != null) {
          assertThat(c.measured().uncappedLevel()).isGreaterThan(c.level());
        }
        sum = sum.plus(c.contribution());
      }
      assertThat(l.score()).as(l.lesson().id()).isEqualTo(sum);
      assertThat(l.score().atLeast(Fraction.ZERO) && l.score().atMost(l.lesson().weight()))
          .isTrue();
      assertThat(l.share()).isEqualTo(l.score().dividedBy(l.lesson().weight()));
      assertThat(l.belowFloor()).isEqualTo(l.share().lessThan(Fraction.of(3, 10)));
      total = total.plus(l.score());
    }
    assertThat(a.total()).isEqualTo(total);
    assertThat(a.total().atLeast(Fraction.ZERO)).isTrue();
    assertThat(a.total().atMost(Fraction.of(100))).isTrue();
    assertThat(
            rubric.lessons().stream()
                .map(Rubric.Lesson::weight)
                .reduce(Fraction.ZERO, Fraction::plus))
        .isEqualTo(Fraction.of(100));
  }

  @Property(tries = 200, seed = "20260102")
  void theBandFollowsTheTotalTheLessonMinimumAndTheFloor(@ForAll("proposals") RandomProposal p) {
    Assessment a = assess("random.yaml", p.canonical()).assessment();
    boolean allHalf = a.lessons().stream().allMatch(l -> l.share().atLeast(Fraction.of(1, 2)));
    boolean anyBelowFloor =
        a.lessons().stream().anyMatch(l -> l.share().lessThan(Fraction.of(3, 10)));
    String uncapped =
        a.total().atLeast(Fraction.of(75)) && allHalf
            ? "A"
            : a.total().atLeast(Fraction.of(55))
                ? "B"
                : a.total().atLeast(Fraction.of(35)) ? "C" : "D";
    String band = anyBelowFloor && (uncapped.equals("A") || uncapped.equals("B")) ? "C" : uncapped;
    assertThat(a.uncappedBand().id()).isEqualTo(uncapped);
    assertThat(a.band().id()).isEqualTo(band);
    assertThat(a.capped()).isEqualTo(!band.equals(uncapped));
  }

  @Property(tries = 200, seed = "20260103")
  void nextStepsAreEveryCriterionBelowFourInOrder(@ForAll("proposals") RandomProposal p) {
    Assessment a = assess("random.yaml", p.canonical()).assessment();
    List<String> rubricOrder = a.rubric().criteria().map(Rubric.Criterion::id).toList();
    List<String> below =
        a.lessons().stream()
            .flatMap(l -> l.criteria().stream())
            .filter(c -> c.level() < 4)
            .map(c -> c.criterion().id())
            .toList();
    List<Assessment.NextStep> steps = a.nextSteps();
    assertThat(steps.stream().map(s -> s.criterion().criterion().id()).toList())
        .containsExactlyInAnyOrderElementsOf(below);
    for (Assessment.NextStep s : steps) {
      assertThat(s.gain()).isEqualTo(s.criterion().criterion().weight().dividedBy(FOUR));
      Assessment.LessonResult lesson =
          a.lessons().stream()
              .filter(l -> l.lesson().id().equals(s.lessonId()))
              .findFirst()
              .orElseThrow();
      assertThat(s.inLessonBelowFloor()).isEqualTo(lesson.belowFloor());
    }
    for (int i = 1; i < steps.size(); i++) {
      Assessment.NextStep prev = steps.get(i - 1);
      Assessment.NextStep next = steps.get(i);
      if (prev.inLessonBelowFloor() != next.inLessonBelowFloor()) {
        assertThat(prev.inLessonBelowFloor()).as("floor lessons first").isTrue();
        continue;
      }
      int byGain = prev.gain().compareTo(next.gain());
      assertThat(byGain).as("larger gain first").isGreaterThanOrEqualTo(0);
      if (byGain == 0) {
        assertThat(rubricOrder.indexOf(prev.criterion().criterion().id()))
            .as("ties in rubric order")
            .isLessThan(rubricOrder.indexOf(next.criterion().criterion().id()));
      }
    }
  }

  @Property(tries = 200, seed = "20260104")
  void dutchWordsScoreExactlyAsTheCanonicalValues(@ForAll("proposals") RandomProposal p) {
    Assessment canonical = assess("canonical.yaml", p.canonical()).assessment();
    Assessor.Outcome dutchOutcome = assess("dutch.yaml", p.dutch());
    Assessment dutch = dutchOutcome.assessment();
    assertThat(dutch.total()).isEqualTo(canonical.total());
    assertThat(levels(dutch)).isEqualTo(levels(canonical));
    assertThat(dutch.band().id()).isEqualTo(canonical.band().id());
    assertThat(dutch.referenceYears()).isEqualTo(canonical.referenceYears());
    assertThat(dutch.proposal().municipality()).isEqualTo("Den Haag");
    for (Assessment.CriterionResult c :
        canonical.lessons().stream().flatMap(l -> l.criteria().stream()).toList()) {
      Map<String, MeasuredValue> expected = c.measured().values();
      Map<String, MeasuredValue> actual =
          dutch.criterion(c.criterion().id()).orElseThrow().measured().values();
      // the numbers measured are the same (texts such as a payer's name may be written differently)
      assertThat(numeric(actual)).as(c.criterion().id()).isEqualTo(numeric(expected));
    }
  }

  @Property(tries = 100, seed = "20260105")
  void theSameInputGivesTheSameJson(@ForAll("proposals") RandomProposal p) {
    String yaml = p.canonical();
    String first = JsonReport.render(assess("same.yaml", yaml).assessment(), 3);
    String second = JsonReport.render(assess("same.yaml", yaml).assessment(), 3);
    assertThat(second).isEqualTo(first);
    String dutch = p.dutch();
    assertThat(JsonReport.render(assess("nl.yaml", dutch).assessment(), 3))
        .isEqualTo(JsonReport.render(assess("nl.yaml", dutch).assessment(), 3));
  }

  @Provide
  Arbitrary<List<String>> waivers() {
    return Arbitraries.of(WAIVABLE).list().ofMinSize(1).ofMaxSize(4).uniqueElements();
  }

  @Property(tries = 200, seed = "20260106")
  void waivedCriteriaDropOutAndTheLessonStillAddsUp(
      @ForAll("proposals") RandomProposal p, @ForAll("waivers") List<String> waived) {
    Assessor.Outcome outcome = assess("waived.yaml", p.withWaivers(waived).canonical());
    Assessment a = outcome.assessment();
    Assessment unwaived = assess("plain.yaml", p.canonical()).assessment();
    Fraction total = Fraction.ZERO;
    for (Assessment.LessonResult l : a.lessons()) {
      Fraction activeWeight =
          l.criteria().stream()
              .filter(c -> !waived.contains(c.criterion().id()))
              .map(c -> c.criterion().weight())
              .reduce(Fraction.ZERO, Fraction::plus);
      Fraction sum = Fraction.ZERO;
      for (Assessment.CriterionResult c : l.criteria()) {
        String id = c.criterion().id();
        // the measure is the same with or without the waiver
        assertThat(c.level()).isEqualTo(unwaived.criterion(id).orElseThrow().level());
        if (waived.contains(id)) {
          assertThat(c.waived()).as(id).isTrue();
          assertThat(c.waiverReason()).isEqualTo("past niet bij deze wijkonderneming");
          assertThat(c.contribution()).isEqualTo(Fraction.ZERO);
        } else {
          assertThat(c.waived()).isFalse();
          assertThat(c.points())
              .isEqualTo(c.criterion().weight().times(Fraction.of(c.level())).dividedBy(FOUR));
          assertThat(c.contribution())
              .as(id)
              .isEqualTo(c.points().times(l.lesson().weight()).dividedBy(activeWeight));
        }
        sum = sum.plus(c.contribution());
      }
      assertThat(l.score()).as(l.lesson().id()).isEqualTo(sum);
      assertThat(l.score().atMost(l.lesson().weight())).isTrue();
      total = total.plus(l.score());
    }
    assertThat(a.total()).isEqualTo(total);
    assertThat(a.total().atMost(Fraction.of(100))).isTrue();
    // waived criteria are never a next step; the others gain in rescaled points
    for (Assessment.NextStep s : a.nextSteps()) {
      assertThat(waived).doesNotContain(s.criterion().criterion().id());
    }
    // a waiver for which the proposal gives data is allowed, with a warning
    assertThat(outcome.errors()).isEmpty();
  }

  @Property(tries = 50, seed = "20260107")
  void waivingTheHeartOfALessonIsAnError(@ForAll("proposals") RandomProposal p) {
    for (String heart :
        List.of("public-task-revenue", "jobs-for-residents", "resident-governance")) {
      Assessor.Outcome o =
          new Assessor(RubricLoader.builtin())
              .assess(
                  "w.yaml",
                  p.withWaivers(List.of(heart)).canonical().getBytes(StandardCharsets.UTF_8),
                  null);
      assertThat(o.scored()).isFalse();
      assertThat(o.errors()).extracting(Finding::rule).contains("waiver/not-waivable");
    }
  }

  private static Map<String, Integer> levels(Assessment a) {
    return a.lessons().stream()
        .flatMap(l -> l.criteria().stream())
        .collect(
            Collectors.toMap(
                c -> c.criterion().id(),
                Assessment.CriterionResult::level,
                (x, y) -> x,
                LinkedHashMap::new));
  }

  private static Map<String, Fraction> numeric(Map<String, MeasuredValue> values) {
    Map<String, Fraction> out = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (v.isNumeric()) {
            out.put(k, v.fraction());
          }
        });
    return out;
  }

  @SuppressWarnings("unused")
  private static List<String> ids(List<Assessment.CriterionResult> cs) {
    List<String> out = new ArrayList<>();
    cs.forEach(c -> out.add(c.criterion().id()));
    return out;
  }
}
