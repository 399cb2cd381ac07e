package nl.wijktoets.scoring;

import java.math.BigDecimal;
import nl.wijktoets.exact.Fraction;

/**
 * The CI gates {@code --min-score} (the total, 0-100) and {@code --min-lesson} (every lesson's
 * percentage of its weight), compared with the exact scores: a lesson at exactly 50% passes {@code
 * --min-lesson 50}.
 */
public record Gates(Fraction minTotal, Fraction minLessonShare) {

  /** No gates. */
  public static final Gates NONE = new Gates(null, null);

  /**
   * Gates from the command line's numbers (either may be null).
   *
   * @throws IllegalArgumentException when a number is outside 0-100 or has more than 6 decimals
   */
  public static Gates of(BigDecimal minScore, BigDecimal minLessonPercent) {
    return new Gates(
        minScore == null ? null : Fraction.of(checked(minScore, "--min-score")),
        minLessonPercent == null
            ? null
            : Fraction.of(checked(minLessonPercent, "--min-lesson")).dividedBy(100));
  }

  /** Whether a gate's number is allowed: from 0 to 100, with at most 6 decimals. */
  public static boolean valid(BigDecimal value) {
    return value.scale() <= 6
        && value.signum() >= 0
        && value.compareTo(BigDecimal.valueOf(100)) <= 0;
  }

  private static BigDecimal checked(BigDecimal value, String option) {
    if (!valid(value)) {
      throw new IllegalArgumentException(option);
    }
    return value;
  }

  public boolean totalBelow(Assessment a) {
    return minTotal != null && a.total().lessThan(minTotal);
  }

  public boolean lessonBelow(Assessment.LessonResult l) {
    return minLessonShare != null && l.share().lessThan(minLessonShare);
  }

  /** Whether the assessment fails any gate. */
  public boolean failed(Assessment a) {
    if (totalBelow(a)) {
      return true;
    }
    // a loop, not a stream: this runs once per row of a batch, and a stream pipeline here gave
    // the JIT compiler large shared code to compile and recompile
    for (Assessment.LessonResult l : a.lessons()) {
      if (lessonBelow(l)) {
        return true;
      }
    }
    return false;
  }
}
