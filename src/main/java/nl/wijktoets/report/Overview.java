package nl.wijktoets.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.scoring.Assessment;

/**
 * What the overview report shows, collected row by row in constant memory: counts per band, a
 * histogram of each lesson's share, the best and the weakest proposals, and how often each
 * criterion is at level 0 or 1.
 */
public final class Overview {

  /** Buckets of the lesson histograms: 0-10%, 10-20%, ..., 90-100%. */
  public static final int BUCKETS = 10;

  /** How many proposals the ranking shows at the top and at the bottom. */
  public static final int RANKED = 10;

  /** One ranked proposal. */
  public record Ranked(int row, String id, String name, Fraction total, String band) {}

  private final Rubric rubric;
  private long rows;
  private long ok;
  private long errors;
  private long gateFailures;
  private Fraction totalSum = Fraction.ZERO;
  private final Map<String, Long> bands = new LinkedHashMap<>();
  private final Map<String, long[]> histograms = new LinkedHashMap<>();
  private final Map<String, Long> belowFloor = new LinkedHashMap<>();
  private final Map<String, Long> weak = new LinkedHashMap<>();
  private final PriorityQueue<Ranked> top;
  private final PriorityQueue<Ranked> bottom;

  private static final Comparator<Ranked> BEST_FIRST =
      Comparator.comparing(Ranked::total).reversed().thenComparingInt(Ranked::row);
  private static final Comparator<Ranked> WORST_FIRST =
      Comparator.comparing(Ranked::total).thenComparingInt(Ranked::row);

  public Overview(Rubric rubric) {
    this.rubric = rubric;
    rubric.bands().forEach(b -> bands.put(b.id(), 0L));
    rubric.lessons().forEach(l -> histograms.put(l.id(), new long[BUCKETS]));
    rubric.criteria().forEach(c -> weak.put(c.id(), 0L));
    // keep the worst of the best at the head (to drop), and the best of the worst
    top = new PriorityQueue<>(BEST_FIRST.reversed());
    bottom = new PriorityQueue<>(WORST_FIRST.reversed());
  }

  public void error() {
    rows++;
    errors++;
  }

  public void gateFailed() {
    gateFailures++;
  }

  public void add(int row, String id, Assessment a) {
    rows++;
    ok++;
    totalSum = totalSum.plus(a.total());
    bands.merge(a.band().id(), 1L, Long::sum);
    for (Assessment.LessonResult l : a.lessons()) {
      int bucket = Math.min(BUCKETS - 1, l.share().times(Fraction.of(BUCKETS)).floor().intValue());
      histograms.get(l.lesson().id())[Math.max(0, bucket)]++;
      if (l.belowFloor()) {
        belowFloor.merge(l.lesson().id(), 1L, Long::sum);
      }
      for (Assessment.CriterionResult c : l.criteria()) {
        if (!c.waived() && c.level() <= 1) {
          weak.merge(c.criterion().id(), 1L, Long::sum);
        }
      }
    }
    Ranked r = new Ranked(row, id, a.proposal().name(), a.total(), a.band().id());
    top.add(r);
    if (top.size() > RANKED) {
      top.poll();
    }
    bottom.add(r);
    if (bottom.size() > RANKED) {
      bottom.poll();
    }
  }

  public Rubric rubric() {
    return rubric;
  }

  public long rows() {
    return rows;
  }

  public long ok() {
    return ok;
  }

  public long errors() {
    return errors;
  }

  public long gateFailures() {
    return gateFailures;
  }

  /** The mean total of the scored rows (0 without any). */
  public Fraction meanTotal() {
    return ok == 0 ? Fraction.ZERO : totalSum.dividedBy(ok);
  }

  public Map<String, Long> bands() {
    return bands;
  }

  /** How many scored proposals each lesson has below the floor. */
  public long belowFloor(String lessonId) {
    return belowFloor.getOrDefault(lessonId, 0L);
  }

  public Map<String, long[]> histograms() {
    return histograms;
  }

  /** Criteria by how many rows have them at level 0-1, most first (ties in rubric order). */
  public List<Map.Entry<String, Long>> weaknesses() {
    List<Map.Entry<String, Long>> list = new ArrayList<>(weak.entrySet());
    list.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    return list;
  }

  /** The best proposals, best first. */
  public List<Ranked> top() {
    List<Ranked> list = new ArrayList<>(top);
    list.sort(BEST_FIRST);
    return list;
  }

  /** The weakest proposals, weakest first. */
  public List<Ranked> bottom() {
    List<Ranked> list = new ArrayList<>(bottom);
    list.sort(WORST_FIRST);
    return list;
  }
}
