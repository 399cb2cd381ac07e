package nl.wijktoets.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.measure.Finances;
import nl.wijktoets.measure.MeasureResult;
import nl.wijktoets.proposal.Proposal;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.source.Finding;

/**
 * Scores a proposal against a rubric, exactly as the rubric defines: points per criterion, lessons,
 * total, bands with the floor cap, waivers, and the next steps in order.
 */
public final class Scorer {

  private static final Fraction FOUR = Fraction.of(4);

  private Scorer() {}

  /**
   * Scores a proposal. Run {@link DomainChecks#check} first: waivers that it reports as errors are
   * ignored here.
   *
   * @param language the report language (else the proposal's, else Dutch)
   * @param warnings the warnings found so far (reading, domain checks); kept in the assessment
   */
  public static Assessment score(
      Proposal proposal, Rubric rubric, Language language, List<Finding> warnings) {
    Finances finances = new Finances(proposal);
    Map<String, Proposal.Waiver> waivers = DomainChecks.validWaivers(proposal, rubric);
    List<Assessment.LessonResult> lessons = new ArrayList<>();
    for (Rubric.Lesson lesson : rubric.lessons()) {
      Fraction activeWeight = Fraction.ZERO;
      for (Rubric.Criterion c : lesson.criteria()) {
        if (!waivers.containsKey(c.id())) {
          activeWeight = activeWeight.plus(c.weight());
        }
      }
      Fraction rescale =
          activeWeight.isZero() ? Fraction.ZERO : lesson.weight().dividedBy(activeWeight);
      List<Assessment.CriterionResult> criteria = new ArrayList<>();
      Fraction score = Fraction.ZERO;
      for (Rubric.Criterion c : lesson.criteria()) {
        MeasureResult result = c.apply(proposal, finances);
        Proposal.Waiver waiver = waivers.get(c.id());
        Fraction points = c.weight().times(Fraction.of(result.level())).dividedBy(FOUR);
        Fraction contribution = waiver != null ? Fraction.ZERO : points.times(rescale);
        if (waiver != null) {
          points = Fraction.ZERO;
        }
        score = score.plus(contribution);
        criteria.add(
            new Assessment.CriterionResult(
                c,
                waiver != null,
                waiver == null ? null : waiver.reason(),
                result.level(),
                points,
                contribution,
                result));
      }
      Fraction share = lesson.weight().isZero() ? Fraction.ZERO : score.dividedBy(lesson.weight());
      lessons.add(
          new Assessment.LessonResult(
              lesson, score, share, share.lessThan(rubric.lessonFloor()), List.copyOf(criteria)));
    }
    Fraction total = Fraction.ZERO;
    for (Assessment.LessonResult l : lessons) {
      total = total.plus(l.score());
    }
    Rubric.Band uncapped = band(rubric, total, lessons);
    Rubric.Band band = uncapped;
    boolean belowFloor = lessons.stream().anyMatch(Assessment.LessonResult::belowFloor);
    if (belowFloor && rubric.floorCap() != null) {
      int capIndex = indexOf(rubric, rubric.floorCap());
      if (capIndex >= 0 && indexOf(rubric, band.id()) < capIndex) {
        band = rubric.bands().get(capIndex);
      }
    }
    return new Assessment(
        proposal,
        rubric,
        language,
        finances.years(),
        finances.yearsSource(),
        List.copyOf(lessons),
        total,
        band,
        uncapped,
        nextSteps(lessons, waivers),
        List.copyOf(warnings));
  }

  private static int indexOf(Rubric rubric, String bandId) {
    for (int i = 0; i < rubric.bands().size(); i++) {
      if (rubric.bands().get(i).id().equals(bandId)) {
        return i;
      }
    }
    return -1;
  }

  /** The first band (best first) whose total and per-lesson minimum hold. */
  static Rubric.Band band(Rubric rubric, Fraction total, List<Assessment.LessonResult> lessons) {
    for (Rubric.Band b : rubric.bands()) {
      boolean lessonsOk =
          b.minLessonShare() == null
              || lessons.stream().allMatch(l -> l.share().atLeast(b.minLessonShare()));
      if (total.atLeast(b.minTotal()) && lessonsOk) {
        return b;
      }
    }
    return rubric.bands().get(rubric.bands().size() - 1);
  }

  /**
   * Every criterion below level 4 that is not waived, with the points one level more would add:
   * criteria of lessons below the floor first, then by gain, ties in rubric order.
   */
  static List<Assessment.NextStep> nextSteps(
      List<Assessment.LessonResult> lessons, Map<String, Proposal.Waiver> waivers) {
    List<Assessment.NextStep> steps = new ArrayList<>();
    Map<Assessment.NextStep, Integer> order = new IdentityHashMap<>();
    int position = 0;
    for (Assessment.LessonResult l : lessons) {
      Fraction activeWeight = Fraction.ZERO;
      for (Assessment.CriterionResult c : l.criteria()) {
        if (!c.waived()) {
          activeWeight = activeWeight.plus(c.criterion().weight());
        }
      }
      for (Assessment.CriterionResult c : l.criteria()) {
        position++;
        if (c.waived() || c.level() >= 4 || activeWeight.isZero()) {
          continue;
        }
        Fraction gain =
            c.criterion()
                .weight()
                .dividedBy(FOUR)
                .times(l.lesson().weight())
                .dividedBy(activeWeight);
        Assessment.NextStep step =
            new Assessment.NextStep(c, l.lesson().id(), gain, l.belowFloor());
        steps.add(step);
        order.put(step, position);
      }
    }
    steps.sort(
        Comparator.comparing((Assessment.NextStep s) -> !s.inLessonBelowFloor())
            .thenComparing(Assessment.NextStep::gain, Comparator.reverseOrder())
            .thenComparing(order::get));
    return List.copyOf(steps);
  }
}
