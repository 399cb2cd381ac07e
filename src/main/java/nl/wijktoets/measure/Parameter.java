package nl.wijktoets.measure;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import nl.wijktoets.exact.Fraction;

/**
 * A parameter a rubric may set for a measure, declared once: its name, its kind (the record type),
 * its typed default and, for a list of thresholds, its length and order. The rubric loader checks a
 * rubric's values against it ({@link #problem}), {@code explain --measures} lists it, and the
 * measure reads the resolved value through {@link Params#get}.
 *
 * @param <T> the type a measure reads: {@link Fraction}, {@link Integer}, a list of fractions or a
 *     list of words
 */
public sealed interface Parameter<T>
    permits Parameter.Exact, Parameter.Whole, Parameter.Thresholds, Parameter.Words {

  /** The kinds of parameter, named in messages and in {@code explain --measures}. */
  enum Kind {
    FRACTION,
    INTEGER,
    FRACTIONS,
    WORDS;

    /** The kind's word in message keys and in the rubric check's message ({@code fraction}). */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Why a rubric value cannot be a parameter's value. */
  enum Problem {
    /** Not of the parameter's kind. */
    KIND,
    /** A list of thresholds with the wrong number of values. */
    COUNT,
    /** Thresholds that do not go up (or, for a descending list, down) strictly. */
    ORDER,
    /** A whole number larger than {@link Whole#MAX}. */
    RANGE
  }

  /** The order of a list of thresholds. */
  enum Order {
    ASCENDING,
    DESCENDING
  }

  String name();

  T defaultValue();

  Kind kind();

  /**
   * What is wrong with a value read from a rubric (an exact number as {@link Fraction}, a word as
   * {@link String}, a list as a {@link List} of those), or null when it is a valid value.
   */
  Problem problem(Object value);

  /** The typed value of a rubric value that has no {@link #problem}. */
  T typed(Object value);

  /** The default as a rubric writes it: {@code 1/2}, {@code 2}, {@code [1/10, 1/5, 7/20]}. */
  default String defaultText() {
    return text(defaultValue());
  }

  /** A value as a rubric writes it: a list in brackets, separated by a comma and a space. */
  static String text(Object value) {
    if (value instanceof List<?> list) {
      return "[" + String.join(", ", list.stream().map(Parameter::text).toList()) + "]";
    }
    return String.valueOf(value);
  }

  /** An exact number, such as {@code 1/2} or {@code 0.35}. */
  static Exact exact(String name, Fraction defaultValue) {
    return new Exact(name, defaultValue);
  }

  /** A whole number of 0 or more. */
  static Whole whole(String name, int defaultValue) {
    return new Whole(name, defaultValue);
  }

  /** Thresholds that go up strictly; a rubric must give as many as the default has. */
  static Thresholds ascending(String name, Fraction... defaultValue) {
    return new Thresholds(name, List.of(defaultValue), Order.ASCENDING);
  }

  /** Thresholds that go down strictly; a rubric must give as many as the default has. */
  static Thresholds descending(String name, Fraction... defaultValue) {
    return new Thresholds(name, List.of(defaultValue), Order.DESCENDING);
  }

  /** A list of words of any length. */
  static Words words(String name, String... defaultValue) {
    return new Words(name, List.of(defaultValue));
  }

  /** An exact number. */
  record Exact(String name, Fraction defaultValue) implements Parameter<Fraction> {
    @Override
    public Kind kind() {
      return Kind.FRACTION;
    }

    @Override
    public Problem problem(Object value) {
      return value instanceof Fraction ? null : Problem.KIND;
    }

    @Override
    public Fraction typed(Object value) {
      return (Fraction) value;
    }
  }

  /**
   * A whole number from 0 up to {@link #MAX} (10^9): far beyond any sensible rubric value, and
   * small enough that no measure's arithmetic on it can overflow.
   */
  record Whole(String name, Integer defaultValue) implements Parameter<Integer> {
    /** The largest whole number a rubric may give. */
    public static final int MAX = 1_000_000_000;

    private static final BigInteger BIG_MAX = BigInteger.valueOf(MAX);

    public Whole {
      if (defaultValue < 0) {
        throw new IllegalArgumentException(name + ": a whole number of 0 or more");
      }
    }

    @Override
    public Kind kind() {
      return Kind.INTEGER;
    }

    @Override
    public Problem problem(Object value) {
      if (!(value instanceof Fraction f) || !f.isInteger() || f.signum() < 0) {
        return Problem.KIND;
      }
      return f.numerator().compareTo(BIG_MAX) <= 0 ? null : Problem.RANGE;
    }

    @Override
    public Integer typed(Object value) {
      return ((Fraction) value).numerator().intValueExact();
    }
  }

  /**
   * A fixed number of exact thresholds in strict order. The default's length is the number a rubric
   * must give.
   */
  record Thresholds(String name, List<Fraction> defaultValue, Order order)
      implements Parameter<List<Fraction>> {
    public Thresholds {
      defaultValue = List.copyOf(defaultValue);
      if (defaultValue.isEmpty() || !inOrder(defaultValue, order)) {
        throw new IllegalArgumentException(name + ": default thresholds out of order");
      }
    }

    /** How many thresholds a rubric must give. */
    public int length() {
      return defaultValue.size();
    }

    @Override
    public Kind kind() {
      return Kind.FRACTIONS;
    }

    @Override
    public Problem problem(Object value) {
      if (!(value instanceof List<?> list)
          || list.isEmpty()
          || !list.stream().allMatch(Fraction.class::isInstance)) {
        return Problem.KIND;
      }
      if (list.size() != length()) {
        return Problem.COUNT;
      }
      return inOrder(typed(value), order) ? null : Problem.ORDER;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Fraction> typed(Object value) {
      return List.copyOf((List<Fraction>) value);
    }

    private static boolean inOrder(List<Fraction> list, Order order) {
      for (int i = 1; i < list.size(); i++) {
        int cmp = list.get(i).compareTo(list.get(i - 1));
        if (order == Order.ASCENDING ? cmp <= 0 : cmp >= 0) {
          return false;
        }
      }
      return true;
    }
  }

  /** A list of words (vocabulary values such as statuses or themes). */
  record Words(String name, List<String> defaultValue) implements Parameter<List<String>> {
    public Words {
      defaultValue = List.copyOf(defaultValue);
    }

    @Override
    public Kind kind() {
      return Kind.WORDS;
    }

    @Override
    public Problem problem(Object value) {
      return value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)
          ? null
          : Problem.KIND;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> typed(Object value) {
      return List.copyOf((List<String>) value);
    }
  }

  /** The names of declared parameters, in order (for messages). */
  static List<String> names(List<? extends Parameter<?>> parameters) {
    return parameters.stream().map(Parameter::name).toList();
  }
}
