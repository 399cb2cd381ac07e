package nl.wijktoets.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A measure's parameters, resolved and typed: for each of its declared {@link Parameter}s, in
 * declaration order, the value a rubric gave or else the declared default. Built once when a rubric
 * is loaded; a measure reads it through {@link #get} when it is bound, never while scoring.
 */
public final class Params {

  private final List<Parameter<?>> declared;
  private final Object[] values;

  private Params(List<Parameter<?>> declared, Object[] values) {
    this.declared = List.copyOf(declared);
    this.values = values;
  }

  /** Every parameter at its declared default. */
  public static Params defaults(List<Parameter<?>> declared) {
    return resolve(declared, Map.of());
  }

  /**
   * The parameters with the given values read from a rubric (by name; each must have no {@link
   * Parameter#problem}); every other parameter takes its default.
   */
  public static Params resolve(List<Parameter<?>> declared, Map<String, Object> given) {
    Object[] values = new Object[declared.size()];
    for (int i = 0; i < values.length; i++) {
      Parameter<?> p = declared.get(i);
      Object v = given.get(p.name());
      if (v != null && p.problem(v) != null) {
        throw new IllegalArgumentException("invalid value for " + p.name() + ": " + v);
      }
      values[i] = v == null ? p.defaultValue() : p.typed(v);
    }
    return new Params(declared, values);
  }

  /** The declared parameters, in order. */
  public List<Parameter<?>> declared() {
    return declared;
  }

  /** A parameter's value; the parameter must be one of the declared ones. */
  public <T> T get(Parameter<T> parameter) {
    // a scan by identity over at most a handful of parameters, done when a measure is bound
    for (int i = 0; i < values.length; i++) {
      if (declared.get(i) == parameter) {
        @SuppressWarnings("unchecked")
        T value = (T) values[i];
        return value;
      }
    }
    throw new IllegalArgumentException("not a parameter of this measure: " + parameter.name());
  }

  /** A parameter's value as a rubric writes it ({@code 7/20}, {@code [3, 6, 10]}). */
  public String text(Parameter<?> parameter) {
    return Parameter.text(get(parameter));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Params p
        && declared.equals(p.declared)
        && List.of(values).equals(List.of(p.values));
  }

  @Override
  public int hashCode() {
    return declared.hashCode() * 31 + List.of(values).hashCode();
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      parts.add(declared.get(i).name() + "=" + Parameter.text(values[i]));
    }
    return "Params" + parts;
  }
}
