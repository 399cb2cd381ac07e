package nl.wijktoets.proposal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Compares names (resident groups, counterparties) as the rubric says: after Unicode NFC, case
 * folding, removing accents and collapsing white space.
 */
public final class Names {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private Names() {}

  private static boolean isPlainAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * The key of a plain ASCII name without regular expressions (batch compares a counterparty and
   * group names per row): lower case, each run of white space one space, none at the ends.
   */
  private static String asciiKey(String name) {
    if (isAsciiKey(name)) {
      return name; // the usual case: nothing to change, nothing to copy
    }
    StringBuilder out = new StringBuilder(name.length());
    boolean inSpace = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (isSpace(c)) {
        if (!inSpace) {
          out.append(' ');
        }
        inSpace = true;
      } else {
        out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        inSpace = false;
      }
    }
    return out.toString().strip();
  }

  /** Whether a plain ASCII name is its own key already. */
  private static boolean isAsciiKey(String s) {
    int n = s.length();
    if (n > 0 && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(n - 1)))) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        return false;
      }
      if (isSpace(c) && (c != ' ' || s.charAt(i - 1) == ' ')) {
        return false;
      }
    }
    return true;
  }

  /**
   * White space as the regular expression {@code \s} means it: space, tab, line ends, form feed.
   */
  private static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  public static String key(String name) {
    if (isPlainAscii(name)) { // no accents to remove, nothing to normalise: the common case
      return asciiKey(name);
    }
    String s = Normalizer.normalize(name, Normalizer.Form.NFC);
    s = Normalizer.normalize(s, Normalizer.Form.NFD);
    s = MARKS.matcher(s).replaceAll("");
    s = s.toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    s = SPACE.matcher(s).replaceAll(" ").strip();
    return Normalizer.normalize(s, Normalizer.Form.NFC);
  }
}
