package nl.wijktoets.measure;

import java.util.List;

/**
 * One condition of a criterion's next level that a proposal does not meet yet: a stable id (such as
 * {@code profit-reinvested}), the YAML paths to fill or change ({@code
 * governance.profit_reinvested}, {@code activities[0].added_value}; {@code []} stands for "an entry
 * of this list", a list's own path for "add an entry"), and where a value is involved, the value
 * now and the value needed. Reports turn the id into words ({@code condition.ID} in the message
 * bundles, with {@code {0}} the needed value, {@code {1}} the value now and {@code {2}} the {@link
 * #about} word, such as an activity's name).
 *
 * <p>A condition on a single field ({@link #singleField}) names that field and the value it needs
 * ({@code now} and {@code needed} are that field's values): setting the field to {@code needed}
 * never lowers the level and, when it is the only condition missing, raises it (a property test
 * checks this for every measure). A condition on a derived quantity (a share, a mean, a count of
 * entries) names the fields it is made of, and {@code now}/{@code needed} are that quantity's
 * values.
 */
public record Gap(
    String id,
    List<String> fields,
    MeasuredValue now,
    MeasuredValue needed,
    String about,
    boolean singleField) {

  public Gap {
    fields = List.copyOf(fields);
    if (id == null || id.isBlank() || fields.isEmpty()) {
      throw new IllegalArgumentException("a gap needs an id and a field");
    }
    if (singleField && (fields.size() != 1 || needed == null || fields.get(0).contains("[]"))) {
      throw new IllegalArgumentException(id + ": a single-field condition names one field");
    }
  }

  /** A condition without values: an entry to add, text to write, one of several fields. */
  public static Gap of(String id, List<String> fields) {
    return new Gap(id, fields, null, null, null, false);
  }

  /** A condition without values on these fields. */
  public static Gap of(String id, String... fields) {
    return of(id, List.of(fields));
  }

  /**
   * A condition on a derived quantity (a share, a mean, a count), with its value now and needed.
   */
  public static Gap derived(
      String id, MeasuredValue now, MeasuredValue needed, List<String> fields) {
    return new Gap(id, fields, now, needed, null, false);
  }

  /** A condition on one field: setting it to {@code needed} meets it ({@code now} may be null). */
  public static Gap set(String id, String field, MeasuredValue now, MeasuredValue needed) {
    return new Gap(id, List.of(field), now, needed, null, true);
  }

  /** This gap about something named (an activity, a payer), for its words. */
  public Gap about(String what) {
    return new Gap(id, fields, now, needed, what, singleField);
  }
}
