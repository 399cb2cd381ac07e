package nl.wijktoets.measure;

import java.util.HashSet;
import java.util.Set;

/**
 * A set of the few words a measure collects for one proposal (its partners' sectors, its resident
 * groups' types, the themes its indicators cover): kept in a small array and compared one by one,
 * the way a proposal usually has two to five of them, with a hash set taken over past {@link
 * #SMALL}, so that a proposal with thousands of items stays linear. Hand-written rather than a
 * HashSet throughout: measures make four of these for every row of a batch, and a hash set's table
 * and entries were most of what those measures allocated.
 */
final class SmallSet {
  static final int SMALL = 16;

  private final String[] words = new String[SMALL];
  private int size;
  private Set<String> large;

  /** Adds a word (not null); false when it was there already. */
  boolean add(String word) {
    if (large != null) {
      return large.add(word);
    }
    if (contains(word)) {
      return false;
    }
    if (size == SMALL) {
      large = new HashSet<>(Set.of(words));
      return large.add(word);
    }
    words[size++] = word;
    return true;
  }

  boolean contains(String word) {
    if (large != null) {
      return large.contains(word);
    }
    for (int i = 0; i < size; i++) {
      if (words[i].equals(word)) {
        return true;
      }
    }
    return false;
  }

  int size() {
    return large != null ? large.size() : size;
  }

  /** Whether any of the words is in {@code other}. */
  boolean anyIn(Set<String> other) {
    if (large != null) {
      return large.stream().anyMatch(other::contains);
    }
    for (int i = 0; i < size; i++) {
      if (other.contains(words[i])) {
        return true;
      }
    }
    return false;
  }
}
