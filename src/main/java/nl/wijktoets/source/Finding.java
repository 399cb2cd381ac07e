package nl.wijktoets.source;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.i18n.MarkedText;
import nl.wijktoets.i18n.Messages;

/**
 * One problem found in an input file: a stable rule id, a level, where it is, and a message (a key
 * into the message bundles with its arguments, so it can be told in Dutch or English).
 *
 * <p>The message marks code in its pattern: an argument between backticks ({@code key `{0}` is
 * missing}) is a key, path or value and shows as code in Markdown ({@code `name`}) and HTML ({@code
 * <code>name</code>}), as plain text in text, SARIF, JUnit, GitHub and JSON output. Write every new
 * message that way; see {@link MarkedText}.
 *
 * <p>{@code detail} is what a library said about the problem in its own words (the YAML parser's
 * "while scanning a simple key ..."), or null: never part of the message, shown only with {@code
 * --verbose}.
 */
public record Finding(
    String rule,
    Level level,
    SourceLocation location,
    String path,
    String messageKey,
    List<String> args,
    String detail) {

  /** A finding without a library's own words. */
  public Finding(
      String rule,
      Level level,
      SourceLocation location,
      String path,
      String messageKey,
      List<String> args) {
    this(rule, level, location, path, messageKey, args, null);
  }

  /** This finding with a library's own words about it (shown only with --verbose). */
  public Finding withDetail(String words) {
    return new Finding(rule, level, location, path, messageKey, args, words);
  }

  public enum Level {
    ERROR,
    WARNING;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A finding at a private path ({@link Privacy}: under founders or contact) shows neither the
   * private keys of its path nor any private value in its message, whoever made it.
   */
  public Finding {
    args = List.copyOf(Privacy.shownArgs(path, args));
    path = Privacy.shownPath(path);
  }

  public static Finding error(
      String rule, SourceLocation at, String path, String key, Object... args) {
    return new Finding(rule, Level.ERROR, at, path, key, strings(args));
  }

  public static Finding warning(
      String rule, SourceLocation at, String path, String key, Object... args) {
    return new Finding(rule, Level.WARNING, at, path, key, strings(args));
  }

  private static List<String> strings(Object[] args) {
    return Arrays.stream(args).map(a -> cut(visible(String.valueOf(a)))).toList();
  }

  /** A value quoted in a message is at most 500 characters (lists of allowed words fit). */
  private static String cut(String s) {
    return s.length() <= 500 ? s : s.substring(0, 499) + "…";
  }

  /**
   * Text from an input file as it may appear in a one-line message: line breaks and other control
   * characters are shown escaped ({@code \n}, {@code \u0001}), so a finding is always one line and
   * cannot start a CI workflow command of its own.
   */
  static String visible(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String replacement =
          switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default ->
                Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    ? String.format("\\u%04X", (int) c)
                    : null;
          };
      if (replacement != null && out == null) {
        out = new StringBuilder(s.substring(0, i));
      }
      if (out != null) {
        out.append(replacement != null ? replacement : String.valueOf(c));
      }
    }
    return out == null ? s : out.toString();
  }

  public boolean isError() {
    return level == Level.ERROR;
  }

  /** The message in the given language, in plain text (code marks left out). */
  public String message(Language lang) {
    return Messages.get(lang, messageKey, resolved(lang));
  }

  /**
   * The message in the given language with its code marks: keys, paths and values the message marks
   * as code (between backticks in the bundle, see {@link MarkedText}) come out as code spans, the
   * other arguments as values. For the Markdown and HTML reports.
   */
  public MarkedText marked(Language lang) {
    return Messages.marked(lang, messageKey, resolved(lang));
  }

  /** The arguments, with {@code @key} arguments translated (words of the message's own). */
  private Object[] resolved(Language lang) {
    return args.stream()
        // "@expect.year" is a word of the message's own; "@buurt" is what a user wrote
        .map(
            a ->
                a.startsWith("@") && Messages.has(lang, a.substring(1))
                    ? (Object) Messages.marked(lang, a.substring(1))
                    : a)
        .toArray();
  }

  /** {@code file:line:col: level: message [rule]}: the one-line form for terminals and CI. */
  public String format(Language lang) {
    return location
        + ": "
        + Messages.get(lang, "level." + level.id())
        + ": "
        + message(lang)
        + " ["
        + rule
        + "]";
  }

  /** Findings in file order: by line, column, then rule. */
  public static final Comparator<Finding> IN_FILE_ORDER =
      Comparator.comparing((Finding f) -> f.location().file())
          .thenComparingInt(f -> f.location().line())
          .thenComparingInt(f -> f.location().column())
          .thenComparing(Finding::rule);
}
