package nl.wijktoets.scoring;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.measure.Finances;
import nl.wijktoets.measure.MeasureResult;
import nl.wijktoets.proposal.Proposal;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.source.Finding;

/**
 * Scores proposals against one rubric, exactly as the rubric defines: points per criterion,
 * lessons, total, bands with the floor cap, waivers, and the next steps in order.
 *
 * <p>Everything that depends on the rubric alone is worked out once, when the scorer is made: a
 * {@link Plan} of each criterion's points and contribution per level, each lesson's floor, and the
 * order of the next steps by gain. A proposal without waivers (every flat batch row) is scored with
 * that plan; a proposal with waivers gets a plan for its own waiver set.
 */
public final class Scorer {

  /** What an assessment holds besides levels, points and next steps. */
  public enum Detail {
    /** The measured values and evidence of every criterion: for reports. */
    FULL,
    /** Levels only (the criteria's results hold no values or evidence): batch's score-only path. */
    LEVELS
  }

  private static final Fraction FOUR = Fraction.of(4);

  private final Rubric rubric;
  private final Plan plain;

  public Scorer(Rubric rubric) {
    this.rubric = rubric;
    this.plain = new Plan(rubric, Set.of());
  }

  public Rubric rubric() {
    return rubric;
  }

  /**
   * Scores a proposal. Run {@link DomainChecks#check} first: waivers that it reports as errors are
   * ignored here.
   *
   * @param language the report language
   * @param warnings the warnings found so far (reading, domain checks); kept in the assessment
   */
  public Assessment score(
      Proposal proposal, Language language, List<Finding> warnings, Detail detail) {
    Finances finances = new Finances(proposal, detail == Detail.FULL);
    Map<String, Proposal.Waiver> waivers = DomainChecks.validWaivers(proposal, rubric);
    Plan plan = waivers.isEmpty() ? plain : new Plan(rubric, waivers.keySet());
    int lessonCount = plan.lessons.length;
    Assessment.LessonResult[] lessons = new Assessment.LessonResult[lessonCount];
    Assessment.CriterionResult[][] results = new Assessment.CriterionResult[lessonCount][];
    Fraction total = Fraction.ZERO;
    long totalNumerator = 0;
    boolean anyBelowFloor = false;
    for (int l = 0; l < lessonCount; l++) {
      Rubric.Lesson lesson = plan.lessons[l];
      Rubric.Criterion[] criteria = plan.criteria[l];
      Assessment.CriterionResult[] lessonResults = new Assessment.CriterionResult[criteria.length];
      Fraction score = Fraction.ZERO;
      long numerator = 0;
      for (int c = 0; c < criteria.length; c++) {
        Rubric.Criterion criterion = criteria[c];
        MeasureResult result = criterion.apply(proposal, finances);
        int level = result.level();
        Proposal.Waiver waiver = plan.waived[l][c] ? waivers.get(criterion.id()) : null;
        Fraction contribution = plan.contribution[l][c][level];
        if (plan.numerators != null) {
          numerator += plan.numerators[l][c][level];
        } else {
          score = score.plus(contribution);
        }
        lessonResults[c] =
            waiver == null && result == MeasureResult.levelOnly(level)
                ? plan.shared[l][c][level]
                : new Assessment.CriterionResult(
                    criterion,
                    waiver != null,
                    waiver == null ? null : waiver.reason(),
                    level,
                    plan.points[l][c][level],
                    contribution,
                    result);
      }
      if (plan.numerators != null) {
        score = Fraction.of(numerator, plan.denominator); // one reduction per lesson
        totalNumerator += numerator;
      }
      Fraction share = lesson.weight().isZero() ? Fraction.ZERO : score.dividedBy(lesson.weight());
      boolean belowFloor = share.lessThan(rubric.lessonFloor());
      anyBelowFloor |= belowFloor;
      results[l] = lessonResults;
      lessons[l] =
          new Assessment.LessonResult(lesson, score, share, belowFloor, List.of(lessonResults));
      if (plan.numerators == null) {
        total = total.plus(score);
      }
    }
    if (plan.numerators != null) {
      total = Fraction.of(totalNumerator, plan.denominator);
    }
    List<Assessment.LessonResult> lessonList = List.of(lessons);
    Rubric.Band uncapped = band(rubric, total, lessonList);
    Rubric.Band band = uncapped;
    if (anyBelowFloor && plan.capIndex >= 0 && plan.bandIndex(band) < plan.capIndex) {
      band = rubric.bands().get(plan.capIndex);
    }
    return new Assessment(
        proposal,
        rubric,
        language,
        finances.years(),
        finances.yearsSource(),
        lessonList,
        total,
        band,
        uncapped,
        plan.nextSteps(lessons, results),
        List.copyOf(warnings));
  }

  /** The first band (best first) whose total and per-lesson minimum hold. */
  static Rubric.Band band(Rubric rubric, Fraction total, List<Assessment.LessonResult> lessons) {
    for (Rubric.Band b : rubric.bands()) {
      if (!total.atLeast(b.minTotal())) {
        continue;
      }
      boolean lessonsOk = true;
      if (b.minLessonShare() != null) {
        for (Assessment.LessonResult l : lessons) {
          lessonsOk &= l.share().atLeast(b.minLessonShare());
        }
      }
      if (lessonsOk) {
        return b;
      }
    }
    return rubric.bands().get(rubric.bands().size() - 1);
  }

  /**
   * What scoring needs from the rubric for one set of waived criteria, worked out once: each
   * criterion's points ({@code weight × level / 4}, 0 when waived) and contribution (points
   * rescaled by the lesson's weight over its active weight) for each level 0-4, and the criteria
   * below level 4 in the order of their gain (ties in rubric order).
   */
  private static final class Plan {
    final Rubric.Lesson[] lessons;
    final Rubric.Criterion[][] criteria;
    final boolean[][] waived;
    final Fraction[][][] points;
    final Fraction[][][] contribution;

    /** Each lesson's index and each criterion's index in it, by gain (most first). */
    final int[][] byGain;

    final Fraction[][] gain;
    final int capIndex;

    /**
     * Every contribution as a whole numerator over one common {@link #denominator}, so that a row's
     * lesson scores and total are sums of longs with one reduction each, rather than a fraction
     * addition (and its greatest common divisor) per criterion; the values are exactly the same.
     * Null when the common denominator or the sums could leave the range of a long (a rubric with
     * unusual weights): scoring then adds the fractions.
     */
    final long[][][] numerators;

    final long denominator;
    private final List<Rubric.Band> bands;

    /**
     * The result of each criterion at each level when it holds nothing but the level (batch's
     * score-only path) and is not waived, and the step up from it (in a lesson below the floor and
     * not): the same immutable values for every row, made here once rather than fifteen results and
     * a dozen steps per row. Null for a waived criterion.
     */
    final Assessment.CriterionResult[][][] shared;

    final Assessment.NextStep[][][][] sharedSteps;

    Plan(Rubric rubric, Set<String> waivedIds) {
      List<Rubric.Lesson> lessonList = rubric.lessons();
      int n = lessonList.size();
      lessons = lessonList.toArray(new Rubric.Lesson[0]);
      criteria = new Rubric.Criterion[n][];
      waived = new boolean[n][];
      points = new Fraction[n][][];
      contribution = new Fraction[n][][];
      gain = new Fraction[n][];
      List<int[]> steps = new ArrayList<>();
      for (int l = 0; l < n; l++) {
        Rubric.Lesson lesson = lessons[l];
        criteria[l] = lesson.criteria().toArray(new Rubric.Criterion[0]);
        int m = criteria[l].length;
        waived[l] = new boolean[m];
        points[l] = new Fraction[m][5];
        contribution[l] = new Fraction[m][5];
        gain[l] = new Fraction[m];
        Fraction activeWeight = Fraction.ZERO;
        for (int c = 0; c < m; c++) {
          waived[l][c] = waivedIds.contains(criteria[l][c].id());
          if (!waived[l][c]) {
            activeWeight = activeWeight.plus(criteria[l][c].weight());
          }
        }
        Fraction rescale =
            activeWeight.isZero() ? Fraction.ZERO : lesson.weight().dividedBy(activeWeight);
        for (int c = 0; c < m; c++) {
          Fraction weight = criteria[l][c].weight();
          for (int level = 0; level <= 4; level++) {
            Fraction p = weight.times(Fraction.of(level)).dividedBy(FOUR);
            points[l][c][level] = waived[l][c] ? Fraction.ZERO : p;
            contribution[l][c][level] = waived[l][c] ? Fraction.ZERO : p.times(rescale);
          }
          if (!waived[l][c] && !activeWeight.isZero()) {
            gain[l][c] = weight.dividedBy(FOUR).times(lesson.weight()).dividedBy(activeWeight);
            steps.add(new int[] {l, c});
          }
        }
      }
      shared = new Assessment.CriterionResult[n][][];
      sharedSteps = new Assessment.NextStep[n][][][];
      for (int l = 0; l < n; l++) {
        int m = criteria[l].length;
        shared[l] = new Assessment.CriterionResult[m][];
        sharedSteps[l] = new Assessment.NextStep[m][][];
        for (int c = 0; c < m; c++) {
          if (waived[l][c]) {
            continue;
          }
          shared[l][c] = new Assessment.CriterionResult[5];
          sharedSteps[l][c] = new Assessment.NextStep[5][];
          for (int level = 0; level <= 4; level++) {
            Assessment.CriterionResult r =
                new Assessment.CriterionResult(
                    criteria[l][c],
                    false,
                    null,
                    level,
                    points[l][c][level],
                    contribution[l][c][level],
                    MeasureResult.levelOnly(level));
            shared[l][c][level] = r;
            if (gain[l][c] != null) {
              String lessonId = lessons[l].id();
              sharedSteps[l][c][level] =
                  new Assessment.NextStep[] {
                    new Assessment.NextStep(r, lessonId, gain[l][c], false),
                    new Assessment.NextStep(r, lessonId, gain[l][c], true)
                  };
            }
          }
        }
      }
      // by gain, most first; ties in rubric order (the list is in rubric order, the sort stable)
      steps.sort(Comparator.comparing((int[] s) -> gain[s[0]][s[1]]).reversed());
      byGain = steps.toArray(new int[0][]);
      bands = rubric.bands();
      capIndex = rubric.floorCap() == null ? -1 : bandIndex(rubric.floorCap());
      long[][][] nums = null;
      long den = 1;
      try {
        BigInteger common = BigInteger.ONE;
        for (Fraction[][] lesson : contribution) {
          for (Fraction[] levels : lesson) {
            for (Fraction f : levels) {
              BigInteger d = f.denominator();
              common = common.divide(common.gcd(d)).multiply(d);
            }
          }
        }
        // the largest sum a row can reach stays far inside a long
        BigInteger bound = BigInteger.ZERO;
        BigInteger limit = BigInteger.ONE.shiftLeft(62);
        long[][][] whole = new long[contribution.length][][];
        for (int l = 0; l < contribution.length; l++) {
          whole[l] = new long[contribution[l].length][5];
          for (int c = 0; c < contribution[l].length; c++) {
            BigInteger most = BigInteger.ZERO;
            for (int level = 0; level <= 4; level++) {
              Fraction f = contribution[l][c][level];
              BigInteger v = f.numerator().multiply(common.divide(f.denominator()));
              if (v.abs().compareTo(limit) >= 0) {
                throw new ArithmeticException("too large");
              }
              whole[l][c][level] = v.longValueExact();
              most = most.max(v.abs());
            }
            bound = bound.add(most);
          }
        }
        if (common.compareTo(limit) < 0 && bound.compareTo(limit) < 0) {
          nums = whole;
          den = common.longValueExact();
        }
      } catch (ArithmeticException tooLarge) {
        nums = null; // add the fractions instead
      }
      numerators = nums;
      denominator = den;
    }

    int bandIndex(Rubric.Band band) {
      return bandIndex(band.id());
    }

    private int bandIndex(String id) {
      for (int i = 0; i < bands.size(); i++) {
        if (bands.get(i).id().equals(id)) {
          return i;
        }
      }
      return -1;
    }

    /**
     * Every criterion below level 4 that is not waived, with the points one level more would add:
     * criteria of lessons below the floor first, then by gain, ties in rubric order.
     */
    List<Assessment.NextStep> nextSteps(
        Assessment.LessonResult[] lessonResults, Assessment.CriterionResult[][] results) {
      Assessment.NextStep[] steps = new Assessment.NextStep[byGain.length];
      int count = 0;
      for (int pass = 0; pass < 2; pass++) {
        boolean belowFloor = pass == 0;
        for (int[] s : byGain) {
          Assessment.LessonResult lesson = lessonResults[s[0]];
          Assessment.CriterionResult c = results[s[0]][s[1]];
          if (lesson.belowFloor() == belowFloor && c.level() < 4) {
            Assessment.CriterionResult[] same = shared[s[0]][s[1]];
            steps[count++] =
                same != null && same[c.level()] == c
                    ? sharedSteps[s[0]][s[1]][c.level()][belowFloor ? 1 : 0]
                    : new Assessment.NextStep(
                        c, lesson.lesson().id(), gain[s[0]][s[1]], belowFloor);
          }
        }
      }
      return List.of(Arrays.copyOf(steps, count));
    }
  }
}
