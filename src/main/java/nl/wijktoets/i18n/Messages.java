package nl.wijktoets.i18n;

import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import nl.wijktoets.util.OutputFiles;

/**
 * Messages for users, from the bundles {@code nl/wijktoets/i18n/messages_*.properties} (UTF-8).
 * Placeholders {@code {0}}, {@code {1}} are replaced literally: no locale-dependent formatting and
 * no quoting rules, so Dutch apostrophes ('s-Gravenhage) need no escaping. A stretch between
 * backticks is code ({@link MarkedText} tells how a message marks code); {@link #get} leaves the
 * marks out, {@link #marked} keeps them for Markdown and HTML.
 */
public final class Messages {

  private static final Map<Language, ResourceBundle> BUNDLES = new EnumMap<>(Language.class);

  static {
    for (Language lang : Language.values()) {
      BUNDLES.put(
          lang,
          ResourceBundle.getBundle(
              "nl.wijktoets.i18n.messages",
              lang.locale(),
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES)));
    }
  }

  private Messages() {}

  /** {@code cannot write PATH: reason}, the path as the user gave it. */
  public static String cannotWrite(Language lang, OutputFiles.WriteError e) {
    String reason = e.reasonKey() != null ? get(lang, e.reasonKey()) : e.detail();
    return get(lang, "error.write", e.path(), reason);
  }

  /**
   * The message in plain text: code marks (backticks, see {@link MarkedText}) left out, arguments
   * replaced literally. For text on a terminal, SARIF, JUnit, GitHub and JSON output.
   */
  public static String get(Language lang, String key, Object... args) {
    String pattern = pattern(lang, key);
    if (pattern.indexOf('`') < 0) {
      return fill(pattern, args); // no code marks: the quick way
    }
    return MarkedText.fill(pattern, args).plain();
  }

  /**
   * The message with its marks: the pattern's words, code between backticks (fixed words or
   * arguments) and arguments as values. For Markdown and HTML, which show code as code.
   */
  public static MarkedText marked(Language lang, String key, Object... args) {
    return MarkedText.fill(pattern(lang, key), args);
  }

  private static String pattern(Language lang, String key) {
    try {
      return BUNDLES.get(lang).getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  public static boolean has(Language lang, String key) {
    return BUNDLES.get(lang).containsKey(key);
  }

  /** Replaces {@code {0}}..{@code {n}} by the arguments, as plain text (no code marks). */
  static String fill(String pattern, Object... args) {
    if (args.length == 0) {
      return pattern;
    }
    StringBuilder out = new StringBuilder(pattern.length() + 32);
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '{') {
        int close = pattern.indexOf('}', i);
        if (close > i + 1) {
          String idx = pattern.substring(i + 1, close);
          if (idx.chars().allMatch(Character::isDigit) && idx.length() < 3) {
            int n = Integer.parseInt(idx);
            if (n < args.length) {
              out.append(args[n]);
              i = close + 1;
              continue;
            }
          }
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }
}
