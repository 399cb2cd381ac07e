package nl.wijktoets.report;

import java.util.ArrayList;
import java.util.Collections;
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
 * histogram of each lesson's share, the best and the weakest proposals, how often each criterion is
 * at level 0 or 1, the rows that failed and the rows below a gate (the first {@link #LISTED} of
 * each), and, with a group column, counts per band and the mean score per group.
 *
 * <p>Batch adds every row here on the one thread that writes the results, so the counts are kept in
 * arrays by the rubric's order rather than in maps.
 */
public final class Overview {

  /** Buckets of the lesson histograms: 0-10%, 10-20%, ..., 90-100%. */
  public static final int BUCKETS = 10;

  /** How many proposals the ranking shows at the top and at the bottom. */
  public static final int RANKED = 10;

  /** How many failed rows, and rows below a gate, the overview lists (it counts them all). */
  public static final int LISTED = 100;

  /** How many groups are kept apart; rows of further groups are counted under {@link #OTHER}. */
  public static final int MAX_GROUPS = 200;

  /** The group of rows beyond {@link #MAX_GROUPS} groups. */
  public static final String OTHER = "\u2026";

  /** One ranked proposal. */
  public record Ranked(int row, String id, String name, Fraction total, String band) {}

  /** A row that could not be scored: its list line, id, the column at fault and why. */
  public record Failed(int line, String id, String column, String message) {}

  /** A row below --min-score or --min-lesson. */
  public record BelowGate(int row, int line, String id, String name, Fraction total, String band) {}

  /** The rows of one value of the group column: counts per band (rubric order), mean score. */
  public static final class Group {
    private final String name;
    private final long[] bands;
    private long scored;
    private long errors;
    private Fraction sum = Fraction.ZERO;

    Group(String name, int bandCount) {
      this.name = name;
      this.bands = new long[bandCount];
    }

    public String name() {
      return name;
    }

    /** Rows scored, per band in the rubric's order. */
    public long[] bands() {
      return bands.clone();
    }

    public long scored() {
      return scored;
    }

    public long errors() {
      return errors;
    }

    /** The mean total of the group's scored rows (0 without any). */
    public Fraction meanTotal() {
      return scored == 0 ? Fraction.ZERO : sum.dividedBy(scored);
    }
  }

  private final Rubric rubric;
  private final List<Rubric.Band> bandList;
  private final List<Rubric.Criterion> criteria;
  private final Fraction[] bucketFloors;
  private long rows;
  private long ok;
  private long errors;
  private long blank;
  private long gateFailures;
  private Fraction totalSum = Fraction.ZERO;
  private final long[] bands;
  private final long[][] histograms;
  private final long[] belowFloor;
  private final long[] weak;
  private final PriorityQueue<Ranked> top;
  private final PriorityQueue<Ranked> bottom;
  private final List<Failed> failed = new ArrayList<>();
  private final List<BelowGate> belowGate = new ArrayList<>();
  private String groupColumn;
  private final Map<String, Group> groups = new LinkedHashMap<>();

  private static final Comparator<Ranked> BEST_FIRST =
      Comparator.comparing(Ranked::total).reversed().thenComparingInt(Ranked::row);
  private static final Comparator<Ranked> WORST_FIRST =
      Comparator.comparing(Ranked::total).thenComparingInt(Ranked::row);

  public Overview(Rubric rubric) {
    this.rubric = rubric;
    this.bandList = rubric.bands();
    this.criteria = rubric.criteria().toList();
    bands = new long[bandList.size()];
    histograms = new long[rubric.lessons().size()][BUCKETS];
    belowFloor = new long[rubric.lessons().size()];
    weak = new long[criteria.size()];
    bucketFloors = new Fraction[BUCKETS];
    for (int i = 0; i < BUCKETS; i++) {
      bucketFloors[i] = Fraction.of(i, BUCKETS);
    }
    // keep the worst of the best at the head (to drop), and the best of the worst
    top = new PriorityQueue<>(BEST_FIRST.reversed());
    bottom = new PriorityQueue<>(WORST_FIRST.reversed());
  }

  /** Groups the rows by the value of a column (named as the list's header writes it). */
  public Overview groupBy(String column) {
    this.groupColumn = column;
    return this;
  }

  /** The column rows are grouped by, or null. */
  public String groupColumn() {
    return groupColumn;
  }

  /** A row that could not be scored, without details (tests and callers that have none). */
  public void error() {
    rows++;
    errors++;
  }

  /** A row that could not be scored: counted, and listed while fewer than {@link #LISTED} are. */
  public void error(int line, String id, String column, String message, String group) {
    error();
    if (failed.size() < LISTED) {
      failed.add(new Failed(line, id, column == null ? "" : column, message));
    }
    if (groupColumn != null) {
      group(group).errors++;
    }
  }

  /** Blank rows (all cells empty) skipped in the list. */
  public void blank(long count) {
    blank = count;
  }

  public void gateFailed() {
    gateFailures++;
  }

  /** A row below a gate: counted, and listed while fewer than {@link #LISTED} are. */
  public void gateFailed(int row, int line, String id, Assessment a) {
    gateFailed();
    if (belowGate.size() < LISTED) {
      belowGate.add(new BelowGate(row, line, id, a.proposal().name(), a.total(), a.band().id()));
    }
  }

  public void add(int row, String id, Assessment a) {
    add(row, id, a, null);
  }

  /** A scored row, with its value of the group column (ignored without --group-by). */
  public void add(int row, String id, Assessment a, String group) {
    add(row, id, entry(a), group);
  }

  /**
   * What one scored row adds to the overview, worked out from its assessment: its band, the bucket
   * of each lesson's share, the lessons below the floor, the criteria at level 0 or 1 (one bit
   * each, in rubric order), and what the ranking shows.
   *
   * <p>Batch makes the entry on the thread that scored the row, while the assessment is still in
   * that core's cache; the thread that writes the results then only adds counts. Reading the
   * assessments there, one after another from other cores, took 40% of that thread's time (measured
   * with JFR on three million rows).
   */
  public record Entry(
      int band,
      byte[] buckets,
      boolean[] belowFloor,
      long[] weak,
      Fraction total,
      String name,
      String bandId) {}

  /** A row's entry; any thread may make one (it reads only the rubric and the assessment). */
  public Entry entry(Assessment a) {
    List<Assessment.LessonResult> lessons = a.lessons();
    byte[] buckets = new byte[lessons.size()];
    boolean[] below = new boolean[lessons.size()];
    long[] weakBits = new long[(criteria.size() + 63) / 64];
    int c = 0;
    for (int l = 0; l < lessons.size(); l++) {
      Assessment.LessonResult lesson = lessons.get(l);
      buckets[l] = (byte) bucket(lesson.share());
      below[l] = lesson.belowFloor();
      for (Assessment.CriterionResult r : lesson.criteria()) {
        if (!r.waived() && r.level() <= 1) {
          weakBits[c >>> 6] |= 1L << c;
        }
        c++;
      }
    }
    return new Entry(
        bandIndex(a.band()),
        buckets,
        below,
        weakBits,
        a.total(),
        a.proposal().name(),
        a.band().id());
  }

  /** A scored row by its entry, with its value of the group column (ignored without --group-by). */
  public void add(int row, String id, Entry e, String group) {
    rows++;
    ok++;
    totalSum = totalSum.plus(e.total());
    bands[e.band()]++;
    for (int l = 0; l < e.buckets().length; l++) {
      histograms[l][e.buckets()[l]]++;
      if (e.belowFloor()[l]) {
        belowFloor[l]++;
      }
    }
    long[] weakBits = e.weak();
    for (int w = 0; w < weakBits.length; w++) {
      long bits = weakBits[w];
      while (bits != 0) {
        weak[w * 64 + Long.numberOfTrailingZeros(bits)]++;
        bits &= bits - 1;
      }
    }
    rank(row, id, e);
    if (groupColumn != null) {
      Group g = group(group);
      g.scored++;
      g.bands[e.band()]++;
      g.sum = g.sum.plus(e.total());
    }
  }

  /** The bucket of a share: the last i with share ≥ i/10 (shares run from 0 to 1). */
  private int bucket(Fraction share) {
    int i = BUCKETS - 1;
    while (i > 0 && share.lessThan(bucketFloors[i])) {
      i--;
    }
    return i;
  }

  private int bandIndex(Rubric.Band band) {
    for (int i = 0; i < bandList.size(); i++) {
      if (bandList.get(i) == band || bandList.get(i).id().equals(band.id())) {
        return i;
      }
    }
    throw new IllegalArgumentException("band of another rubric: " + band.id());
  }

  /** Keeps the row if it is among the best or the weakest so far. */
  private void rank(int row, String id, Entry e) {
    Fraction total = e.total();
    boolean best = top.size() < RANKED || total.greaterThan(top.peek().total());
    boolean worst = bottom.size() < RANKED || total.lessThan(bottom.peek().total());
    if (!best && !worst) {
      return; // rows come in order: a tie never displaces an earlier row
    }
    Ranked r = new Ranked(row, id, e.name(), total, e.bandId());
    if (best) {
      top.add(r);
      if (top.size() > RANKED) {
        top.poll();
      }
    }
    if (worst) {
      bottom.add(r);
      if (bottom.size() > RANKED) {
        bottom.poll();
      }
    }
  }

  private Group group(String value) {
    String name = value == null || value.isBlank() ? "" : value.strip();
    Group g = groups.get(name);
    if (g == null) {
      if (groups.size() >= MAX_GROUPS) {
        name = OTHER;
        g = groups.get(name);
      }
      if (g == null) {
        g = new Group(name, bandList.size());
        groups.put(name, g);
      }
    }
    return g;
  }

  public Rubric rubric() {
    return rubric;
  }

  /** Rows read: scored and failed (blank rows not counted). */
  public long rows() {
    return rows;
  }

  public long ok() {
    return ok;
  }

  public long errors() {
    return errors;
  }

  /** Blank rows skipped. */
  public long blank() {
    return blank;
  }

  public long gateFailures() {
    return gateFailures;
  }

  /** The mean total of the scored rows (0 without any). */
  public Fraction meanTotal() {
    return ok == 0 ? Fraction.ZERO : totalSum.dividedBy(ok);
  }

  /** Scored rows per band, in the rubric's order. */
  public Map<String, Long> bands() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < bandList.size(); i++) {
      m.put(bandList.get(i).id(), bands[i]);
    }
    return m;
  }

  /** How many scored proposals each lesson has below the floor. */
  public long belowFloor(String lessonId) {
    List<Rubric.Lesson> lessons = rubric.lessons();
    for (int i = 0; i < lessons.size(); i++) {
      if (lessons.get(i).id().equals(lessonId)) {
        return belowFloor[i];
      }
    }
    return 0;
  }

  public Map<String, long[]> histograms() {
    Map<String, long[]> m = new LinkedHashMap<>();
    List<Rubric.Lesson> lessons = rubric.lessons();
    for (int i = 0; i < lessons.size(); i++) {
      m.put(lessons.get(i).id(), histograms[i].clone());
    }
    return m;
  }

  /** Criteria by how many rows have them at level 0-1, most first (ties in rubric order). */
  public List<Map.Entry<String, Long>> weaknesses() {
    List<Map.Entry<String, Long>> list = new ArrayList<>();
    for (int i = 0; i < criteria.size(); i++) {
      list.add(Map.entry(criteria.get(i).id(), weak[i]));
    }
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

  /** The first {@link #LISTED} rows that failed, in list order. */
  public List<Failed> failed() {
    return Collections.unmodifiableList(failed);
  }

  /** The first {@link #LISTED} rows below a gate, in list order. */
  public List<BelowGate> belowGate() {
    return Collections.unmodifiableList(belowGate);
  }

  /** The groups in the order their first row came, {@link #OTHER} last when there is one. */
  public List<Group> groups() {
    List<Group> list = new ArrayList<>(groups.values());
    list.sort(Comparator.comparing((Group g) -> g.name().equals(OTHER)));
    return list;
  }
}
