package nl.wijktoets.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import nl.wijktoets.exact.Fraction;
import org.junit.jupiter.api.Test;

/** The compact map of a flat row's revenue reads exactly as the TreeMap it replaces. */
class SameEachYearTest {

  private static SortedMap<Integer, Fraction> tree(int first, int count, Fraction amount) {
    SortedMap<Integer, Fraction> map = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      map.put(first + i, amount);
    }
    return map;
  }

  @Property(tries = 500, seed = "20261201")
  void readsAsATreeMap(
      @ForAll @IntRange(min = 1990, max = 2100) int first,
      @ForAll @IntRange(min = 1, max = 10) int count,
      @ForAll @IntRange(min = 0, max = 1_000_000) int amount,
      @ForAll @IntRange(min = 1980, max = 2120) int probe) {
    Fraction a = Fraction.of(amount, 4);
    SortedMap<Integer, Fraction> expected = tree(first, count, a);
    SortedMap<Integer, Fraction> actual = SameEachYear.of(first, count, a);
    assertThat(actual).isEqualTo(expected);
    assertThat(expected).isEqualTo(actual);
    assertThat(actual.hashCode()).isEqualTo(expected.hashCode());
    assertThat(actual.toString()).isEqualTo(expected.toString());
    assertThat(new ArrayList<>(actual.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
    assertThat(new ArrayList<>(actual.values())).isEqualTo(new ArrayList<>(expected.values()));
    assertThat(actual.size()).isEqualTo(expected.size());
    assertThat(actual.get(probe)).isEqualTo(expected.get(probe));
    assertThat(actual.getOrDefault(probe, Fraction.ZERO))
        .isEqualTo(expected.getOrDefault(probe, Fraction.ZERO));
    assertThat(actual.containsKey(probe)).isEqualTo(expected.containsKey(probe));
    assertThat(actual.firstKey()).isEqualTo(expected.firstKey());
    assertThat(actual.lastKey()).isEqualTo(expected.lastKey());
    assertThat(actual.headMap(probe)).isEqualTo(expected.headMap(probe));
    assertThat(actual.tailMap(probe)).isEqualTo(expected.tailMap(probe));
    int to = Math.max(probe, first + 2);
    assertThat(actual.subMap(Math.min(probe, to), to))
        .isEqualTo(expected.subMap(Math.min(probe, to), to));
  }

  @Test
  void keysOfAnotherTypeAreAbsent() {
    SortedMap<Integer, Fraction> map = SameEachYear.of(2027, 3, Fraction.ONE);
    assertThat(map.get("2027")).isNull();
    assertThat(map.get(2027L)).isNull();
    assertThat(map.containsKey(null)).isFalse();
    assertThat(map.comparator()).isNull();
  }

  @Test
  void isReadOnly() {
    SortedMap<Integer, Fraction> map = SameEachYear.of(2027, 3, Fraction.ONE);
    assertThatThrownBy(() -> map.put(2030, Fraction.ONE))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.remove(2027)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.headMap(2029).put(2027, Fraction.ZERO))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(map).hasSize(3);
  }

  @Test
  void aYearFarAboveTheRunIsAbsentEvenWhenTheDistanceOverflowsAnInt() {
    // y - first overflowed to a negative number, which is below count: the year was "present"
    SortedMap<Integer, Fraction> map = SameEachYear.of(-2_000_000_000, 3, Fraction.ONE);
    SortedMap<Integer, Fraction> expected = tree(-2_000_000_000, 3, Fraction.ONE);
    for (int y : new int[] {2_000_000_000, Integer.MAX_VALUE, 147_483_648, 147_483_650}) {
      assertThat(map.get(y)).as("get %d", y).isEqualTo(expected.get(y));
      assertThat(map.containsKey(y)).as("containsKey %d", y).isEqualTo(expected.containsKey(y));
    }
    assertThat(SameEachYear.of(Integer.MIN_VALUE, 1, Fraction.ONE).get(Integer.MAX_VALUE)).isNull();
  }

  @Test
  void refusesAnEmptyRunNullAndOverflow() {
    assertThatThrownBy(() -> SameEachYear.of(2027, 0, Fraction.ONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SameEachYear.of(2027, 1, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SameEachYear.of(Integer.MAX_VALUE, 2, Fraction.ONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SameEachYear.of(Integer.MAX_VALUE, 1, Fraction.ONE).lastKey())
        .isEqualTo(Integer.MAX_VALUE);
    List<Integer> keys = new ArrayList<>(SameEachYear.of(-2, 3, Fraction.ONE).keySet());
    assertThat(keys).containsExactly(-2, -1, 0);
  }
}
