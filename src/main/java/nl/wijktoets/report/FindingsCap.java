package nl.wijktoets.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.wijktoets.source.Finding;

/**
 * The one rule for findings shown to a person (text on a terminal, GitHub annotations): the same
 * rule in the same file is shown {@value #PER_RULE} times, and then once more as "and N more of
 * this kind, up to line L" at the place of the first one left out. A file with a hundred aliases
 * gives six lines, not a hundred. Machine formats (SARIF, JSON, JUnit) keep every finding and do
 * not use this.
 */
public final class FindingsCap {

  /** How many findings of one rule in one file are shown before the rest is counted. */
  public static final int PER_RULE = 5;

  /**
   * The message key of the line that counts the findings left out ({@code .to-line} when they reach
   * further than the line of the first one).
   */
  public static final String MORE = "finding.more";

  private FindingsCap() {}

  /**
   * The findings as shown: in the order given, at most {@value #PER_RULE} per rule and file, the
   * rest of each replaced, at the place of the first one left out, by one finding of the same rule
   * and level that counts them ({@link #MORE}: the number left out and the line of the last one).
   */
  public static List<Finding> capped(List<Finding> findings) {
    Map<String, List<Finding>> byKind = new HashMap<>();
    for (Finding f : findings) {
      byKind.computeIfAbsent(kind(f), k -> new ArrayList<>()).add(f);
    }
    List<Finding> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Finding f : findings) {
      String kind = kind(f);
      int n = seen.merge(kind, 1, Integer::sum);
      if (n <= PER_RULE) {
        out.add(f);
      } else if (n == PER_RULE + 1) {
        List<Finding> all = byKind.get(kind);
        Finding last = all.get(all.size() - 1);
        int more = all.size() - PER_RULE;
        int lastLine = last.location().line();
        out.add(
            new Finding(
                f.rule(),
                f.level(),
                f.location(),
                f.path(),
                lastLine == f.location().line() ? MORE : MORE + ".to-line",
                List.of(String.valueOf(more), String.valueOf(lastLine))));
      }
    }
    return out;
  }

  private static String kind(Finding f) {
    return f.location().file() + "\u0000" + f.rule() + "\u0000" + f.level();
  }
}
