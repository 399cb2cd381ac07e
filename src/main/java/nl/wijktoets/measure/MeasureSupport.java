package nl.wijktoets.measure;

import java.util.List;
import nl.wijktoets.exact.Fraction;

/** Helpers that measures of more than one lesson share. */
final class MeasureSupport {

  private MeasureSupport() {}

  /** How many thresholds the value reaches (value >= threshold). */
  static int countAtLeast(Fraction value, List<Fraction> thresholds) {
    int n = 0;
    for (Fraction t : thresholds) {
      if (value.atLeast(t)) {
        n++;
      }
    }
    return n;
  }
}
