package nl.wijktoets.measure;

import java.util.List;
import nl.wijktoets.exact.Fraction;

/** Helpers that measures of more than one lesson share. */
final class MeasureSupport {

  private MeasureSupport() {}

  /** A numeric value a measure recorded, or zero when it recorded none. */
  static Fraction value(MeasureResult r, String name) {
    MeasuredValue v = r.values().get(name);
    return v != null && v.isNumeric() ? v.fraction() : Fraction.ZERO;
  }

  /** A word as a value, or null for none. */
  static MeasuredValue word(String s) {
    return s == null || s.isBlank() ? null : MeasuredValue.text(s);
  }

  /** The paths of some entries with a field appended, or the generic path when there are none. */
  static List<String> paths(List<String> entries, String field, String generic) {
    return entries.isEmpty() ? List.of(generic) : entries.stream().map(e -> e + field).toList();
  }

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
