package nl.wijktoets.measure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a measure found: the level 0-4, the named values it measured (used in reports and advice
 * texts), the evidence it read, and, when a cap lowered the level, the level before the cap and the
 * cap's name.
 */
public record MeasureResult(
    int level,
    Map<String, MeasuredValue> values,
    List<Evidence> evidence,
    Integer uncappedLevel,
    String cap) {

  public MeasureResult {
    if (level < 0 || level > 4) {
      throw new IllegalArgumentException("level out of range: " + level);
    }
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    evidence = List.copyOf(evidence);
  }
}
