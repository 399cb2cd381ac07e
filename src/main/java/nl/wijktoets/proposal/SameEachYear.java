package nl.wijktoets.proposal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.wijktoets.exact.Fraction;

/**
 * A revenue line's amounts per year when the amount is the same in each of a run of consecutive
 * years (a flat batch row's revenue: one steady year, repeated over the plan years). Read-only, in
 * ascending order of year, and equal to any other map with the same years and amounts.
 *
 * <p>Written out rather than a {@link TreeMap}: batch builds one such map for every revenue line of
 * a million rows and scoring looks years up in it several times per line; here a look-up is a range
 * check and the map is one small object.
 */
public final class SameEachYear extends AbstractMap<Integer, Fraction>
    implements SortedMap<Integer, Fraction> {

  private final int first;
  private final int count;
  private final Fraction amount;

  private SameEachYear(int first, int count, Fraction amount) {
    this.first = first;
    this.count = count;
    this.amount = amount;
  }

  /**
   * The map of {@code count} years from {@code first}, each with {@code amount}.
   *
   * @throws IllegalArgumentException when count is below 1 or the years would run past int
   */
  public static SortedMap<Integer, Fraction> of(int first, int count, Fraction amount) {
    if (count < 1 || first > Integer.MAX_VALUE - (count - 1)) {
      throw new IllegalArgumentException("years " + first + " + " + count);
    }
    if (amount == null) {
      throw new IllegalArgumentException("amount is null");
    }
    return new SameEachYear(first, count, amount);
  }

  private boolean has(Object key) {
    // the distance as a long: y - first overflows an int for far-apart years
    return key instanceof Integer y && y >= first && (long) y - first < count;
  }

  @Override
  public Fraction get(Object key) {
    return has(key) ? amount : null;
  }

  @Override
  public boolean containsKey(Object key) {
    return has(key);
  }

  @Override
  public int size() {
    return count;
  }

  @Override
  public boolean isEmpty() {
    return false;
  }

  @Override
  public Set<Entry<Integer, Fraction>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<Integer, Fraction>> iterator() {
        return new Iterator<>() {
          private int i;

          @Override
          public boolean hasNext() {
            return i < count;
          }

          @Override
          public Entry<Integer, Fraction> next() {
            if (i >= count) {
              throw new NoSuchElementException();
            }
            return new SimpleImmutableEntry<>(first + i++, amount);
          }
        };
      }

      @Override
      public int size() {
        return count;
      }
    };
  }

  @Override
  public Comparator<? super Integer> comparator() {
    return null; // natural order
  }

  @Override
  public Integer firstKey() {
    return first;
  }

  @Override
  public Integer lastKey() {
    return first + count - 1;
  }

  // views of a part of the map: rare (no scoring path asks for one), so made as a plain copy

  @Override
  public SortedMap<Integer, Fraction> subMap(Integer fromKey, Integer toKey) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this).subMap(fromKey, toKey));
  }

  @Override
  public SortedMap<Integer, Fraction> headMap(Integer toKey) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this).headMap(toKey));
  }

  @Override
  public SortedMap<Integer, Fraction> tailMap(Integer fromKey) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this).tailMap(fromKey));
  }
}
