package nl.wijktoets.measure;

import java.util.List;

/**
 * What a criterion's next level still needs: the conditions of that level the proposal does not
 * meet ({@link Gap}), and whether all of them are needed or any one of them is enough ({@code
 * oneOf}, as for the four points of {@code challenge-fit}, where one more point is the next level).
 * Empty at level 4. Measures compute it only when a report asks, never while scoring.
 */
public record Missing(List<Gap> gaps, boolean oneOf) {

  public static final Missing NONE = new Missing(List.of(), false);

  public Missing {
    gaps = List.copyOf(gaps);
  }

  /** All of these conditions are needed. */
  public static Missing all(List<Gap> gaps) {
    return new Missing(gaps, false);
  }

  /** Any one of these conditions is enough. */
  public static Missing anyOne(List<Gap> gaps) {
    return new Missing(gaps, gaps.size() > 1);
  }

  public boolean isEmpty() {
    return gaps.isEmpty();
  }
}
