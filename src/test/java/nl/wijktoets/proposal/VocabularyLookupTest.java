package nl.wijktoets.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Every vocabulary finds a word as its definition says (a canonical value or a synonym, compared
 * after {@link Vocabulary#normalise}), whether the quick table or the map answers: the oracle here
 * is built from the lists alone.
 */
class VocabularyLookupTest {

  private static Map<String, String> oracle(Vocabulary v) {
    Map<String, String> m = new HashMap<>();
    v.canonical().forEach(c -> m.put(Vocabulary.normalise(c), c));
    v.synonyms().forEach((word, c) -> m.put(Vocabulary.normalise(word), c));
    return m;
  }

  private static List<String> words() {
    List<String> all = new ArrayList<>();
    for (Vocabulary v : Vocabulary.values()) {
      all.addAll(v.canonical());
      all.addAll(v.synonyms().keySet());
    }
    return all;
  }

  @Provide
  Arbitrary<String> written() {
    Arbitrary<String> word = Arbitraries.of(words());
    Arbitrary<Integer> change = Arbitraries.integers().between(0, 6);
    Arbitrary<Integer> at = Arbitraries.integers().between(0, 40);
    return Combinators.combine(word, change, at)
        .as(
            (w, c, i) ->
                switch (c) {
                  case 0 -> w;
                  case 1 -> w.toUpperCase(Locale.ROOT);
                  case 2 -> " " + w + " ";
                  case 3 -> w.substring(0, Math.min(i, w.length()));
                  case 4 -> w + "x";
                  case 5 -> w.replace('-', ' ');
                  default -> w.isEmpty() ? w : w.charAt(w.length() - 1) + w.substring(1);
                });
  }

  @Property(tries = 4000, seed = "20261201")
  void findsWhatTheListsSay(@ForAll("written") String written) {
    for (Vocabulary v : Vocabulary.values()) {
      String expected = oracle(v).get(Vocabulary.normalise(written));
      assertThat(v.canonicalise(written).orElse(null))
          .as("%s: '%s'", v, written)
          .isEqualTo(expected);
    }
  }

  /** A word found inside a cell (batch's items) gives what the word on its own gives. */
  @Property(tries = 2000, seed = "20261201")
  void findsAWordInsideACellAsOnItsOwn(
      @ForAll("written") String written, @ForAll("written") String before) {
    String cell = before + ";" + written + ":x";
    int from = before.length() + 1;
    int to = from + written.length();
    for (Vocabulary v : Vocabulary.values()) {
      assertThat(v.canonicalise(cell, from, to))
          .as("%s: '%s' in '%s'", v, written, cell)
          .isEqualTo(v.canonicalise(written).orElse(null));
    }
  }

  @Test
  void everyWordOfEveryVocabulary() {
    for (Vocabulary v : Vocabulary.values()) {
      oracle(v).forEach((key, c) -> assertThat(v.canonicalise(key)).as("%s", key).contains(c));
      v.canonical().forEach(c -> assertThat(v.canonicalise(c)).as("%s", c).contains(c));
    }
  }

  @Test
  void booleansAsWritten() {
    for (String yes : List.of("yes", "ja", "true", "waar", " Ja ", "YES", "True")) {
      assertThat(Vocabulary.bool(yes)).as(yes).contains(Boolean.TRUE);
    }
    for (String no : List.of("no", "nee", "false", "onwaar", " Nee", "NO", "False")) {
      assertThat(Vocabulary.bool(no)).as(no).contains(Boolean.FALSE);
    }
    assertThat(Vocabulary.bool("jawel")).isEmpty();
    assertThat(Vocabulary.bool("")).isEmpty();
  }
}
