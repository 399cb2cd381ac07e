package nl.wijktoets.measure;

import static nl.wijktoets.exact.Fraction.of;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.proposal.Proposal;

/**
 * The measures of lesson 1, social tendering (maatschappelijk aanbesteden): income from public
 * tasks, readiness for the Right to Challenge, paid work for residents, earned income and financial
 * continuity. Each follows the rubric's definition to the letter, in exact fractions.
 */
final class SocialTendering {

  private SocialTendering() {}

  // The evidence cap, shared by public-task-revenue and earned-income-share.
  static final Parameter.Whole EVIDENCE_CAP = Parameter.whole("evidence_cap", 2);
  static final Parameter.Exact EVIDENCE_MIN = Parameter.exact("evidence_min", of(1, 2));

  // ---------------------------------------------------------------------------------------------
  // public-task-revenue

  static final Parameter.Thresholds PUBLIC_TASK_THRESHOLDS =
      Parameter.ascending("thresholds", of(1, 10), of(1, 5), of(7, 20));
  static final Parameter.Words LEVEL4_STATUSES =
      Parameter.words("level4_statuses", "letter-of-intent", "contract", "realised");
  static final Parameter.Whole LEVEL4_MIN_YEARS = Parameter.whole("level4_min_years", 2);

  static final Measure PUBLIC_TASK_REVENUE =
      new Measure(
          "public-task-revenue",
          List.of("revenue", "budget"),
          List.of(
              PUBLIC_TASK_THRESHOLDS,
              LEVEL4_STATUSES,
              LEVEL4_MIN_YEARS,
              EVIDENCE_CAP,
              EVIDENCE_MIN),
          SocialTendering::publicTaskRevenue);

  private static Measure.Bound publicTaskRevenue(Params params) {
    List<Fraction> t = params.get(PUBLIC_TASK_THRESHOLDS);
    Set<String> strong = Set.copyOf(params.get(LEVEL4_STATUSES));
    int minYears = params.get(LEVEL4_MIN_YEARS);
    EvidenceCap evidenceCap = EvidenceCap.of(params);
    return (p, f) -> {
      ResultBuilder r = new ResultBuilder(p, f);
      Fraction publicIncome = Fraction.ZERO;
      boolean strongLine = false;
      for (Proposal.Revenue line : f.revenue()) {
        if (Finances.isPublicTask(line)) {
          publicIncome = publicIncome.plus(f.weightedMean(line));
          r.evidence(line.path());
          if (line.status() != null
              && strong.contains(line.status())
              && f.yearsWithAmount(line) >= minYears) {
            strongLine = true;
          }
        }
      }
      Fraction income = f.income();
      Fraction s = income.isZero() ? Fraction.ZERO : publicIncome.dividedBy(income);
      r.value("share", MeasuredValue.share(s));
      r.value("public_income", MeasuredValue.amount(publicIncome));
      r.value("income", MeasuredValue.amount(income));
      int level;
      if (income.isZero() || s.isZero()) {
        level = 0;
      } else if (s.lessThan(t.get(0))) {
        level = 1;
      } else if (s.lessThan(t.get(1))) {
        level = 2;
      } else if (s.lessThan(t.get(2)) || !strongLine) {
        level = 3;
      } else {
        level = 4;
      }
      return evidenceCap.apply(r, level, f, Finances::isPublicTask);
    };
  }

  // ---------------------------------------------------------------------------------------------
  // challenge-fit

  static final Measure CHALLENGE_FIT =
      new Measure(
          "challenge-fit",
          List.of("activities"),
          List.of(),
          params -> SocialTendering::challengeFit);

  private static MeasureResult challengeFit(Proposal p, Finances f) {
    ResultBuilder r = new ResultBuilder(p, f);
    int best = 0;
    Proposal.Activity bestActivity = null;
    if (p.activities() != null) {
      for (Proposal.Activity a : p.activities()) {
        if (!Boolean.TRUE.equals(a.publicTask())) {
          continue;
        }
        r.evidence(a.path());
        int count = 0;
        if (a.currentProvider() != null && !a.currentProvider().isBlank()) {
          count++;
        }
        if (a.currentCost() != null) {
          count++;
        }
        if (a.proposedPrice() != null
            && a.currentCost() != null
            && a.proposedPrice().atMost(a.currentCost())) {
          count++;
        }
        if ((a.jobsForResidents() != null && a.jobsForResidents().signum() > 0)
            || (a.addedValue() != null && !a.addedValue().isBlank())) {
          count++;
        }
        if (bestActivity == null || count > best) { // the first of the best counts
          best = count;
          bestActivity = a;
        }
      }
    }
    r.value("checks", MeasuredValue.count(best));
    if (bestActivity != null && bestActivity.name() != null && best > 0) {
      r.value("activity", MeasuredValue.text(bestActivity.name()));
    }
    return r.level(best);
  }

  // ---------------------------------------------------------------------------------------------
  // jobs-for-residents

  static final Parameter.Exact ENTRY_JOB_FACTOR = Parameter.exact("entry_job_factor", of(1, 2));
  static final Parameter.Thresholds JOBS_THRESHOLDS =
      Parameter.ascending("thresholds", of(3), of(6), of(10));
  static final Parameter.Whole CAP_WITHOUT_GUIDANCE = Parameter.whole("cap_without_guidance", 2);

  static final Measure JOBS_FOR_RESIDENTS =
      new Measure(
          "jobs-for-residents",
          List.of("employment", "employment_support"),
          List.of(ENTRY_JOB_FACTOR, JOBS_THRESHOLDS, CAP_WITHOUT_GUIDANCE),
          SocialTendering::jobsForResidents);

  private static Measure.Bound jobsForResidents(Params params) {
    Fraction entryFactor = params.get(ENTRY_JOB_FACTOR);
    List<Fraction> t = params.get(JOBS_THRESHOLDS);
    int cap = params.get(CAP_WITHOUT_GUIDANCE);
    return (p, f) -> {
      ResultBuilder r = new ResultBuilder(p, f);
      List<Proposal.EmploymentLine> lines = p.employment() == null ? List.of() : p.employment();
      List<Integer> years = f.years();
      if (years.isEmpty()) {
        years =
            lines.stream()
                .map(Proposal.EmploymentLine::year)
                .filter(y -> y != null)
                .distinct()
                .sorted()
                .limit(3)
                .toList();
      }
      Fraction sum = Fraction.ZERO;
      for (Proposal.EmploymentLine line : lines) {
        if (line.year() != null && years.contains(line.year())) {
          r.evidence(line.path());
          Fraction hired = line.residentsHired() == null ? Fraction.ZERO : line.residentsHired();
          Fraction entry = line.entryJobs() == null ? Fraction.ZERO : line.entryJobs();
          sum = sum.plus(hired).plus(entry.times(entryFactor));
        }
      }
      Fraction j = years.isEmpty() ? Fraction.ZERO : sum.dividedBy(years.size());
      r.value("jobs", MeasuredValue.number(j));
      int level = j.isZero() ? 0 : 1 + MeasureSupport.countAtLeast(j, t);
      boolean guidance =
          p.employmentSupport() != null && Boolean.TRUE.equals(p.employmentSupport().guidance());
      if (p.employmentSupport() != null) {
        r.evidence(p.employmentSupport().path(), ".guidance");
      }
      if (!guidance && level > cap) {
        return r.capped(level, cap, "no-guidance");
      }
      return r.level(level);
    };
  }

  // ---------------------------------------------------------------------------------------------
  // earned-income-share

  static final Parameter.Thresholds EARNED_THRESHOLDS =
      Parameter.ascending("thresholds", of(1, 4), of(2, 5), of(1, 2), of(3, 4));

  static final Measure EARNED_INCOME_SHARE =
      new Measure(
          "earned-income-share",
          List.of("revenue", "budget"),
          List.of(EARNED_THRESHOLDS, EVIDENCE_CAP, EVIDENCE_MIN),
          SocialTendering::earnedIncomeShare);

  private static Measure.Bound earnedIncomeShare(Params params) {
    List<Fraction> t = params.get(EARNED_THRESHOLDS);
    EvidenceCap evidenceCap = EvidenceCap.of(params);
    return (p, f) -> {
      ResultBuilder r = new ResultBuilder(p, f);
      Fraction earned = Fraction.ZERO;
      for (Proposal.Revenue line : f.revenue()) {
        if (Finances.isEarned(line)) {
          earned = earned.plus(f.weightedMean(line));
          r.evidence(line.path());
        }
      }
      Fraction income = f.income();
      Fraction s = income.isZero() ? Fraction.ZERO : earned.dividedBy(income);
      r.value("share", MeasuredValue.share(s));
      r.value("earned_income", MeasuredValue.amount(earned));
      r.value("income", MeasuredValue.amount(income));
      int level = income.isZero() ? 0 : MeasureSupport.countAtLeast(s, t);
      return evidenceCap.apply(r, level, f, Finances::isEarned);
    };
  }

  // ---------------------------------------------------------------------------------------------
  // financial-continuity

  static final Parameter.Thresholds CONTINUITY_THRESHOLDS =
      Parameter.ascending("thresholds", of(3, 5), of(9, 10), of(1));
  static final Parameter.Whole FULL_YEARS = Parameter.whole("full_years", 3);

  static final Measure FINANCIAL_CONTINUITY =
      new Measure(
          "financial-continuity",
          List.of("budget", "revenue"),
          List.of(CONTINUITY_THRESHOLDS, FULL_YEARS),
          SocialTendering::financialContinuity);

  private static Measure.Bound financialContinuity(Params params) {
    List<Fraction> t = params.get(CONTINUITY_THRESHOLDS);
    int fullYears = params.get(FULL_YEARS);
    return (p, f) -> {
      ResultBuilder r = new ResultBuilder(p, f);
      Integer last = f.lastYear();
      Proposal.BudgetLine budget = null;
      if (last != null && p.budget() != null) {
        for (Proposal.BudgetLine b : p.budget()) {
          if (last.equals(b.year()) && b.costs() != null) {
            budget = b;
          }
        }
      }
      if (budget == null || budget.costs().isZero()) {
        return r.level(0);
      }
      r.evidence(budget.path(), ".costs");
      Fraction covered = Fraction.ZERO;
      for (Proposal.Revenue line : f.revenue()) {
        if (Finances.isIncome(line)) {
          Fraction amount = line.perYear().get(last);
          if (amount != null) {
            covered = covered.plus(amount.times(EvidenceFactors.ofStatus(line.status())));
            if (r.detailed()) {
              r.evidence(line.path() + ".per_year." + last);
            }
          }
        }
      }
      Fraction c = covered.dividedBy(budget.costs());
      r.value("coverage", MeasuredValue.share(c));
      r.value("year", MeasuredValue.year(last));
      int level;
      if (c.lessThan(t.get(0))) {
        level = 1;
      } else if (c.lessThan(t.get(1))) {
        level = 2;
      } else if (c.lessThan(t.get(2)) || f.years().size() < fullYears) {
        level = 3;
      } else {
        level = 4;
      }
      return r.level(level);
    };
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * The evidence cap: at most {@code evidence_cap} when none of the counted lines with an amount in
   * Y has E of at least {@code evidence_min}.
   */
  private record EvidenceCap(int cap, Fraction min) {

    static EvidenceCap of(Params params) {
      return new EvidenceCap(params.get(EVIDENCE_CAP), params.get(EVIDENCE_MIN));
    }

    MeasureResult apply(
        ResultBuilder r, int level, Finances f, Predicate<Proposal.Revenue> counted) {
      boolean evidenced = false;
      for (Proposal.Revenue line : f.revenue()) {
        if (counted.test(line)
            && f.hasAmountInYears(line)
            && EvidenceFactors.ofStatus(line.status()).atLeast(min)) {
          evidenced = true;
          break;
        }
      }
      if (!evidenced && level > cap) {
        return r.capped(level, cap, "evidence");
      }
      return r.level(level);
    }
  }
}
