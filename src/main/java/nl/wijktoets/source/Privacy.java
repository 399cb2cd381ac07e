package nl.wijktoets.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must never be printed: everything under {@code founders} and {@code contact}, keys and
 * values alike, with no exemptions. A founder's name written as a key ({@code - Fatima Bakkali:
 * voorzitter}) or a phone number as a key ({@code 0612345678: bellen na 18u}) is as private as a
 * value.
 *
 * <p>Privacy by construction: every {@link Finding} at a private path is passed through here when
 * it is made, so no message, no JSON {@code path} and no SARIF {@code yamlPath} can echo private
 * data, whoever made the finding:
 *
 * <ul>
 *   <li>its path shows only the keys the schema knows ({@link #FOUNDER_KEYS}, {@link
 *       #CONTACT_KEYS}) and list positions; any other key is {@code <key>} ({@link #shownPath});
 *   <li>its message arguments keep only what cannot come from the file: message references, the
 *       known keys, small numbers (a line, a count); anything else, a value or a key, becomes
 *       {@code …} or {@code <key>} ({@link #shownArgs}).
 * </ul>
 */
public final class Privacy {

  /** The keys the schema knows in a founder's entry: the only founder keys ever shown. */
  public static final Set<String> FOUNDER_KEYS = Set.of("name", "role", "lives_in_neighbourhood");

  /** The keys the schema knows under {@code contact}: the only contact keys ever shown. */
  public static final Set<String> CONTACT_KEYS = Set.of("name", "email", "phone");

  /** How a private key the schema does not know is shown. */
  public static final String KEY = "<key>";

  /** How a private value is shown. */
  public static final String VALUE = "…";

  private static final Pattern PRIVATE = Pattern.compile("^(contact|founders)([.\\[].*)?$");

  /** A list position or a key, in the rest of a path. */
  private static final Pattern SEGMENT = Pattern.compile("\\[\\d+]|\\.([^.\\[]*)");

  /** An argument that cannot be private: a line, column or count from the schema. */
  private static final Pattern SMALL_NUMBER = Pattern.compile("\\d{1,6}");

  private Privacy() {}

  /** Whether the key or value at a YAML path is private: anything under contact or founders. */
  public static boolean isPrivate(String path) {
    return path != null && PRIVATE.matcher(path).matches();
  }

  /** The value as it may be shown for a path: itself, or {@code …} for private data. */
  public static String shown(String path, String value) {
    return isPrivate(path) ? VALUE : value;
  }

  /**
   * The path as it may be shown: a private path keeps its list positions and the keys the schema
   * knows there, every other key is {@code <key>} ({@code founders[0].<key>}).
   */
  public static String shownPath(String path) {
    if (!isPrivate(path)) {
      return path;
    }
    boolean contact = path.startsWith("contact");
    String root = contact ? "contact" : "founders";
    Set<String> known = contact ? CONTACT_KEYS : FOUNDER_KEYS;
    String rest = path.substring(root.length());
    StringBuilder b = new StringBuilder(root);
    Matcher m = SEGMENT.matcher(rest);
    int at = 0;
    while (m.find()) {
      if (m.start() != at) {
        b.append('.').append(KEY); // a piece that is neither: never shown
      }
      if (m.group(1) == null) {
        b.append(m.group());
      } else {
        b.append('.').append(known.contains(m.group(1)) ? m.group(1) : KEY);
      }
      at = m.end();
    }
    if (at != rest.length()) {
      b.append('.').append(KEY);
    }
    return b.toString();
  }

  /**
   * The message arguments of a finding at a private path as they may be shown: a key of the path
   * that is not shown is {@code <key>}; what cannot come from the file (a message reference
   * {@code @key}, a known key or a list of them, a small number, a path as {@link #shownPath} shows
   * it) stays; anything else is {@code …}.
   */
  public static List<String> shownArgs(String path, List<String> args) {
    if (!isPrivate(path)) {
      return args;
    }
    Set<String> known = path.startsWith("contact") ? CONTACT_KEYS : FOUNDER_KEYS;
    List<String> hidden = hiddenKeys(path, known);
    List<String> shown = new ArrayList<>(args.size());
    for (String a : args) {
      if (hidden.contains(a)) {
        shown.add(KEY);
      } else if (a.startsWith("@")
          || a.equals(KEY)
          || a.equals(VALUE)
          || a.equals("contact")
          || a.equals("founders")
          || SMALL_NUMBER.matcher(a).matches()
          || allKnown(a, known)
          || isPrivate(a) && shownPath(a).equals(a) && !a.contains("..")) {
        shown.add(a);
      } else {
        shown.add(VALUE);
      }
    }
    return shown;
  }

  /** The keys in a private path that are not shown. */
  private static List<String> hiddenKeys(String path, Set<String> known) {
    List<String> hidden = new ArrayList<>();
    Matcher m = SEGMENT.matcher(path.substring(path.startsWith("contact") ? 7 : 8));
    while (m.find()) {
      if (m.group(1) != null && !known.contains(m.group(1))) {
        hidden.add(m.group(1));
      }
    }
    return hidden;
  }

  /** A known key, or a list of known keys ({@code name, role, lives_in_neighbourhood}). */
  private static boolean allKnown(String arg, Set<String> known) {
    if (arg.isEmpty()) {
      return false;
    }
    for (String part : arg.split(",\\s*")) {
      if (!known.contains(part.replace("`", "").strip())) {
        return false;
      }
    }
    return true;
  }
}
