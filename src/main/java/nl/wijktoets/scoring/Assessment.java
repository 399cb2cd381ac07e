package nl.wijktoets.scoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.measure.Finances;
import nl.wijktoets.measure.MeasureResult;
import nl.wijktoets.measure.Missing;
import nl.wijktoets.proposal.Proposal;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.source.Finding;

/**
 * The result of scoring one proposal against a rubric: per lesson and criterion the level, points
 * and contribution with what was measured and where, the total and band, the ranked next steps, and
 * the warnings. Every output format is rendered from this.
 */
public record Assessment(
    Proposal proposal,
    Rubric rubric,
    Language language,
    List<Integer> referenceYears,
    Finances.YearsSource yearsSource,
    List<LessonResult> lessons,
    Fraction total,
    Rubric.Band band,
    Rubric.Band uncappedBand,
    List<NextStep> nextSteps,
    List<Finding> warnings) {

  /**
   * For each criterion below level 4 that is not waived, the conditions of its next level the
   * proposal does not meet yet, with the fields to change, in rubric order. Worked out on each
   * call, for reports: scoring never does this work.
   */
  public Map<String, Missing> missing() {
    Finances finances = new Finances(proposal);
    Map<String, Missing> out = new LinkedHashMap<>();
    for (LessonResult l : lessons) {
      for (CriterionResult c : l.criteria()) {
        if (!c.waived() && c.level() < 4 && c.criterion().bound() != null) {
          out.put(
              c.criterion().id(), c.criterion().bound().missing(proposal, finances, c.measured()));
        }
      }
    }
    return out;
  }

  /** Whether a lesson below the floor lowered the band. */
  public boolean capped() {
    return !band.id().equals(uncappedBand.id());
  }

  public Optional<CriterionResult> criterion(String id) {
    return lessons.stream()
        .flatMap(l -> l.criteria().stream())
        .filter(c -> c.criterion().id().equals(id))
        .findFirst();
  }

  /** One lesson: its score (sum of contributions), its share of its weight, and its criteria. */
  public record LessonResult(
      Rubric.Lesson lesson,
      Fraction score,
      Fraction share,
      boolean belowFloor,
      List<CriterionResult> criteria) {}

  /**
   * One criterion: level 0-4, points ({@code weight × level / 4}), contribution to the lesson
   * (points rescaled when a criterion of the lesson is waived), what was measured and where.
   */
  public record CriterionResult(
      Rubric.Criterion criterion,
      boolean waived,
      String waiverReason,
      int level,
      Fraction points,
      Fraction contribution,
      MeasureResult measured) {}

  /** A step up one level for a criterion, with the points it would add to the total. */
  public record NextStep(
      CriterionResult criterion, String lessonId, Fraction gain, boolean inLessonBelowFloor) {
    public int fromLevel() {
      return criterion.level();
    }

    public int toLevel() {
      return criterion.level() + 1;
    }
  }
}
