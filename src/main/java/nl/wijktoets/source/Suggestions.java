package nl.wijktoets.source;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * "Did you mean ...?": the known words nearest to a misspelt one.
 *
 * <p>Words are compared after folding: case, accents and the separators space, {@code -}, {@code _}
 * and {@code .} do not count ({@code woning corporatie} is {@code woningcorporatie}, {@code Coöp}
 * is {@code coop}), and what is left is compared by edit distance. Hand-written because no library
 * we use offers both the folding and a distance with transpositions (a swapped pair of letters is
 * one typo).
 */
public final class Suggestions {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-.]+");

  private Suggestions() {}

  /** The nearest candidate within a distance that still looks like a typo, or null. */
  public static String nearest(String written, Collection<String> candidates) {
    List<String> near = nearest(written, candidates, 1);
    return near.isEmpty() ? null : near.get(0);
  }

  /**
   * Up to {@code max} candidates near enough to be what was meant, nearest first: the nearest, and
   * others only when they are as near, or one edit further in a word of at least four letters per
   * edit. Candidates that fold to the same word count once; the order given breaks ties.
   */
  public static List<String> nearest(String written, Collection<String> candidates, int max) {
    String w = fold(written);
    record Near(String candidate, int distance, int order) {}
    List<Near> near = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    int order = 0;
    for (String c : candidates) {
      String folded = fold(c);
      if (!seen.add(folded)) {
        continue;
      }
      int d = distance(w, folded);
      int shorter = Math.min(w.length(), folded.length());
      int allowed = Math.max(2, shorter / 3);
      // a word that must change entirely (de -> nl) is no typo of the other
      if (d <= allowed && d < shorter) {
        near.add(new Near(c, d, order));
      }
      order++;
    }
    near.sort(Comparator.comparingInt(Near::distance).thenComparingInt(Near::order));
    List<String> out = new ArrayList<>();
    int best = near.isEmpty() ? 0 : near.get(0).distance();
    for (Near n : near) {
      // as near as the nearest, or one edit further in a word long enough for that to be small
      boolean asNear =
          n.distance() == best || (n.distance() == best + 1 && n.distance() * 4 <= w.length());
      if (out.size() >= max || !asNear) {
        break;
      }
      out.add(n.candidate());
    }
    return out;
  }

  /** A word as it is compared: no case, no accents, no separators. */
  static String fold(String word) {
    String s = Normalizer.normalize(word.strip(), Normalizer.Form.NFD);
    s = MARKS.matcher(s).replaceAll("");
    s = s.toLowerCase(Locale.ROOT);
    return SEPARATORS.matcher(s).replaceAll("");
  }

  /**
   * A value as a short message may quote it: at most {@code max} characters, cut with an ellipsis
   * (a message stays readable, and under 300 characters, whatever was written).
   */
  public static String shortened(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max - 1) + "…";
  }

  /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
  static int distance(String a, String b) {
    if (a.length() > 200 || b.length() > 200) {
      return Integer.MAX_VALUE / 2;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
