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

  public static String key(String name) {
    if (isPlainAscii(name)) { // no accents to remove, nothing to normalise: the common case
      return SPACE.matcher(name.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
    String s = Normalizer.normalize(name, Normalizer.Form.NFC);
    s = Normalizer.normalize(s, Normalizer.Form.NFD);
    s = MARKS.matcher(s).replaceAll("");
    s = s.toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    s = SPACE.matcher(s).replaceAll(" ").strip();
    return Normalizer.normalize(s, Normalizer.Form.NFC);
  }
}
