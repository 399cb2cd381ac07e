package nl.wijktoets.measure;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.proposal.Proposal;

/**
 * The rubric's shared money definitions for one proposal: the reference years Y, each revenue
 * line's yearly mean A(r) and evidence-weighted mean Aw(r), the revenue groups P (public task), T
 * (earned) and G (granted), and the income I.
 */
public final class Finances {

  /** Public-task revenue types (group P). */
  public static final Set<String> PUBLIC_TASK =
      Set.of("social-tender", "right-to-challenge", "municipal-contract", "housing-contract");

  /** Earned revenue types (group T, which also holds P). */
  public static final Set<String> EARNED =
      Set.of(
          "social-tender",
          "right-to-challenge",
          "municipal-contract",
          "housing-contract",
          "sales",
          "rent",
          "membership",
          "service-fee");

  /** Granted revenue types (group G). */
  public static final Set<String> GRANTED = Set.of("subsidy", "fund-grant", "donation", "other");

  /** Where the reference years came from. */
  public enum YearsSource {
    BUDGET,
    REVENUE,
    NONE
  }

  private final Proposal proposal;
  private final boolean detailed;
  private final List<Integer> years;
  private final YearsSource source;
  private final Fraction income;

  /** Aw(r) of each revenue line, by its position in the proposal's list. */
  private final Fraction[] weighted;

  /** How many years of Y each revenue line has a positive amount in, by position. */
  private final int[] yearsWithAmount;

  /** The finances of a proposal, for measures that record their values and evidence. */
  public Finances(Proposal proposal) {
    this(proposal, true);
  }

  /**
   * The finances of a proposal.
   *
   * @param detailed whether the measures that score with these finances record the values they
   *     measured and their evidence (for reports), or only their levels (batch's score-only path)
   */
  public Finances(Proposal proposal, boolean detailed) {
    this.proposal = proposal;
    this.detailed = detailed;
    // the three smallest distinct years, found with a small insertion (no sorted set per proposal:
    // this runs once for every row of a batch)
    int[] first = new int[3];
    int count = 0;
    if (proposal.budget() != null) {
      for (Proposal.BudgetLine b : proposal.budget()) {
        if (b.year() != null) {
          count = insertYear(first, count, b.year());
        }
      }
    }
    if (count > 0) {
      source = YearsSource.BUDGET;
    } else {
      for (Proposal.Revenue r : revenue()) {
        for (Integer y : r.perYear().keySet()) {
          count = insertYear(first, count, y);
        }
      }
      source = count == 0 ? YearsSource.NONE : YearsSource.REVENUE;
    }
    // one list class whatever the count (List.of has two), so that code reading the years of
    // proposals with one, two or three of them is not compiled again for each
    years = Collections.unmodifiableList(Arrays.asList(boxed(first, count)));
    List<Proposal.Revenue> lines = revenue();
    weighted = new Fraction[lines.size()];
    yearsWithAmount = new int[lines.size()];
    Fraction i = Fraction.ZERO;
    for (int k = 0; k < weighted.length; k++) {
      Proposal.Revenue r = lines.get(k);
      weighted[k] = mean(r).times(EvidenceFactors.ofStatus(r.status()));
      yearsWithAmount[k] = countYearsWithAmount(r);
      if (isIncome(r)) {
        i = i.plus(weighted[k]);
      }
    }
    income = i;
  }

  /** Whether measures record values and evidence, or only their levels. */
  public boolean detailed() {
    return detailed;
  }

  /**
   * Adds a year to the ascending array of the smallest distinct years seen so far (at most its
   * length), and returns the new count.
   */
  private static int insertYear(int[] smallest, int count, int year) {
    int i = 0;
    while (i < count && smallest[i] < year) {
      i++;
    }
    if (i < count && smallest[i] == year) {
      return count; // seen
    }
    if (i == smallest.length) {
      return count; // larger than the smallest three
    }
    int last = Math.min(count, smallest.length - 1);
    System.arraycopy(smallest, i, smallest, i + 1, last - i);
    smallest[i] = year;
    return Math.min(count + 1, smallest.length);
  }

  private static Integer[] boxed(int[] values, int count) {
    Integer[] out = new Integer[count];
    for (int i = 0; i < count; i++) {
      out[i] = values[i];
    }
    return out;
  }

  /** The reference years Y, ascending, at most three. */
  public List<Integer> years() {
    return years;
  }

  public YearsSource yearsSource() {
    return source;
  }

  /** The last year of Y, or null without years. */
  public Integer lastYear() {
    return years.isEmpty() ? null : years.get(years.size() - 1);
  }

  public List<Proposal.Revenue> revenue() {
    return proposal.revenue() == null ? List.of() : proposal.revenue();
  }

  /** I: the sum of Aw over the earned and granted lines. */
  public Fraction income() {
    return income;
  }

  public static boolean isPublicTask(Proposal.Revenue r) {
    return r.type() != null && PUBLIC_TASK.contains(r.type());
  }

  public static boolean isEarned(Proposal.Revenue r) {
    return r.type() != null && EARNED.contains(r.type());
  }

  public static boolean isIncome(Proposal.Revenue r) {
    return r.type() != null && (EARNED.contains(r.type()) || GRANTED.contains(r.type()));
  }

  /** A(r): the mean over Y of the line's yearly amounts (a missing year counts 0). */
  public Fraction mean(Proposal.Revenue r) {
    if (years.isEmpty()) {
      return Fraction.ZERO;
    }
    Fraction sum = Fraction.ZERO;
    for (int k = 0; k < years.size(); k++) {
      sum = sum.plus(r.perYear().getOrDefault(years.get(k), Fraction.ZERO));
    }
    return sum.dividedBy(years.size());
  }

  /** Aw(r) = A(r) × E(status). */
  public Fraction weightedMean(Proposal.Revenue r) {
    int k = worked(r);
    return k >= 0 ? weighted[k] : mean(r).times(EvidenceFactors.ofStatus(r.status()));
  }

  /**
   * Lines up to this position have their weighted mean and years with an amount looked up by a
   * search; past it they are worked out again, which costs a few map lookups, where a search would
   * make a proposal with thousands of lines take quadratic time.
   */
  private static final int SEARCHED = 16;

  /** The position of the line among the first {@link #SEARCHED}, or -1. */
  private int worked(Proposal.Revenue r) {
    List<Proposal.Revenue> lines = revenue();
    int n = Math.min(weighted.length, SEARCHED);
    for (int k = 0; k < n; k++) {
      if (lines.get(k) == r) {
        return k;
      }
    }
    return -1;
  }

  /** Whether the line has a positive amount in at least one year of Y. */
  public boolean hasAmountInYears(Proposal.Revenue r) {
    return yearsWithAmount(r) > 0;
  }

  /** How many years of Y the line has a positive amount in. */
  public long yearsWithAmount(Proposal.Revenue r) {
    int k = worked(r); // worked out once: several measures ask for every line
    return k >= 0 ? yearsWithAmount[k] : countYearsWithAmount(r);
  }

  private int countYearsWithAmount(Proposal.Revenue r) {
    int n = 0;
    for (int k = 0; k < years.size(); k++) {
      Fraction amount = r.perYear().get(years.get(k));
      if (amount != null && amount.signum() > 0) {
        n++;
      }
    }
    return n;
  }
}
