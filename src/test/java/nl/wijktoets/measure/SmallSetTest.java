package nl.wijktoets.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** A SmallSet answers as a HashSet does, below and past the size where it takes one over. */
class SmallSetTest {

  @Property(tries = 500, seed = "20261201")
  void answersAsAHashSet(
      @ForAll @Size(max = 60) List<@StringLength(max = 2) String> words,
      @ForAll @Size(max = 5) Set<@StringLength(max = 2) String> other) {
    SmallSet small = new SmallSet();
    Set<String> oracle = new HashSet<>();
    for (String w : words) {
      assertThat(small.add(w)).as("add %s", w).isEqualTo(oracle.add(w));
      assertThat(small.size()).isEqualTo(oracle.size());
    }
    for (String w : words) {
      assertThat(small.contains(w)).isTrue();
      assertThat(small.contains(w + "~")).isEqualTo(oracle.contains(w + "~"));
    }
    assertThat(small.anyIn(other)).isEqualTo(oracle.stream().anyMatch(other::contains));
  }
}
