package nl.wijktoets.rubric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.measure.Finances;
import nl.wijktoets.measure.Measure;
import nl.wijktoets.measure.MeasureResult;
import nl.wijktoets.measure.Params;
import nl.wijktoets.proposal.Proposal;

/**
 * A rubric: lessons with weights, each with criteria that name a measure and its exact parameters,
 * bands on the total, and the texts in Dutch and English. Loaded from YAML by {@link RubricLoader};
 * the built-in one is {@code builtin-rubric.yaml}.
 */
public record Rubric(
    String id,
    String version,
    String hash,
    Map<Language, String> title,
    Fraction lessonFloor,
    String floorCap,
    List<Band> bands,
    List<Lesson> lessons) {

  public Stream<Criterion> criteria() {
    return lessons.stream().flatMap(l -> l.criteria().stream());
  }

  public Optional<Criterion> criterion(String id) {
    return criteria().filter(c -> c.id().equals(id)).findFirst();
  }

  public Optional<Lesson> lessonOf(String criterionId) {
    return lessons.stream()
        .filter(l -> l.criteria().stream().anyMatch(c -> c.id().equals(criterionId)))
        .findFirst();
  }

  /**
   * A band: reached when the total is at least {@code minTotal} and, if set, every lesson's share
   * is at least {@code minLessonShare}.
   */
  public record Band(
      String id, Fraction minTotal, Fraction minLessonShare, Map<Language, String> label) {}

  public record Lesson(
      String id, Fraction weight, Map<Language, LessonTexts> texts, List<Criterion> criteria) {
    public LessonTexts text(Language lang) {
      return texts.getOrDefault(lang, texts.values().iterator().next());
    }
  }

  public record LessonTexts(String title, String why, Map<String, String> verdicts) {}

  /**
   * A criterion with its resolved measure, the measure's typed parameters (the rubric's values,
   * else the declared defaults) and the measure bound to them, so that scoring a proposal is one
   * call with no look-up by name and no parameter to read: a loaded rubric is the plan a batch run
   * reuses for every proposal.
   */
  public record Criterion(
      String id,
      Fraction weight,
      boolean waivable,
      Measure measure,
      Params params,
      Measure.Bound bound,
      Map<Language, CriterionTexts> texts) {

    /** A criterion whose measure is bound to its parameters here. */
    public Criterion(
        String id,
        Fraction weight,
        boolean waivable,
        Measure measure,
        Params params,
        Map<Language, CriterionTexts> texts) {
      this(id, weight, waivable, measure, params, measure.bind(params), texts);
    }

    /** The criterion's measure of a proposal. */
    public MeasureResult apply(Proposal proposal, Finances finances) {
      return bound.apply(proposal, finances);
    }

    public CriterionTexts text(Language lang) {
      return texts.getOrDefault(lang, texts.values().iterator().next());
    }
  }

  /**
   * A criterion's texts in one language: title, why it matters, how the measured value is shown,
   * what each level 0-4 requires, and the advice: per condition of the measure that a proposal
   * still misses ({@code advice_by_condition}), else per level, else one text.
   */
  public record CriterionTexts(
      String title,
      String why,
      String measured,
      List<String> levels,
      String advice,
      Map<Integer, String> adviceByLevel,
      Map<String, String> adviceByCondition) {

    public CriterionTexts {
      adviceByLevel = Map.copyOf(adviceByLevel);
      adviceByCondition = Collections.unmodifiableMap(new LinkedHashMap<>(adviceByCondition));
    }

    /** Texts without advice per condition. */
    public CriterionTexts(
        String title,
        String why,
        String measured,
        List<String> levels,
        String advice,
        Map<Integer, String> adviceByLevel) {
      this(title, why, measured, levels, advice, adviceByLevel, Map.of());
    }

    public String adviceFor(int level) {
      return adviceByLevel.getOrDefault(level, advice);
    }
  }
}
