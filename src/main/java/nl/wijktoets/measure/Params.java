package nl.wijktoets.measure;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.wijktoets.exact.Fraction;

/**
 * A criterion's measure parameters as written in the rubric: exact numbers ({@code 7/20}, {@code
 * 0.35}), lists of them, words and lists of words. A missing parameter takes the measure's default.
 */
public record Params(Map<String, Object> values) {

  public static final Params NONE = new Params(Map.of());

  public Params {
    values = Map.copyOf(values);
  }

  public Fraction fraction(String name, Fraction fallback) {
    Object v = values.get(name);
    return v instanceof Fraction f ? f : fallback;
  }

  public int integer(String name, int fallback) {
    Object v = values.get(name);
    return v instanceof Fraction f && f.isInteger() ? f.numerator().intValueExact() : fallback;
  }

  @SuppressWarnings("unchecked")
  public List<Fraction> fractions(String name, List<Fraction> fallback) {
    Object v = values.get(name);
    if (v instanceof List<?> l && l.stream().allMatch(x -> x instanceof Fraction)) {
      return (List<Fraction>) l;
    }
    return fallback;
  }

  @SuppressWarnings("unchecked")
  public List<String> words(String name, List<String> fallback) {
    Object v = values.get(name);
    if (v instanceof List<?> l && l.stream().allMatch(x -> x instanceof String)) {
      return (List<String>) l;
    }
    return fallback;
  }

  public Optional<Object> raw(String name) {
    return Optional.ofNullable(values.get(name));
  }
}
