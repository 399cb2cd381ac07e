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
    values = values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    evidence = List.copyOf(evidence);
  }

  private static final MeasureResult[] LEVEL_ONLY = {
    new MeasureResult(0, Map.of(), List.of(), null, null),
    new MeasureResult(1, Map.of(), List.of(), null, null),
    new MeasureResult(2, Map.of(), List.of(), null, null),
    new MeasureResult(3, Map.of(), List.of(), null, null),
    new MeasureResult(4, Map.of(), List.of(), null, null)
  };

  /**
   * A result with the level alone, no values or evidence: what a measure returns on the score-only
   * path (see {@link Finances#detailed()}). Shared, since it holds nothing else.
   */
  public static MeasureResult levelOnly(int level) {
    if (level < 0 || level > 4) {
      throw new IllegalArgumentException("level out of range: " + level);
    }
    return LEVEL_ONLY[level];
  }
}
