package nl.wijktoets.measure;

import static nl.wijktoets.exact.Fraction.of;

import java.util.ArrayList;
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
          List.of(
              "public-task-income",
              "public-task-share",
              "public-task-in-talks",
              "public-task-agreement",
              "public-task-years"),
          SocialTendering::publicTaskRevenue);

  private static Measure.Bound publicTaskRevenue(Params params) {
    List<Fraction> t = params.get(PUBLIC_TASK_THRESHOLDS);
    Set<String> strong = Set.copyOf(params.get(LEVEL4_STATUSES));
    int minYears = params.get(LEVEL4_MIN_YEARS);
    EvidenceCap evidenceCap = EvidenceCap.of(params);
    Measure.Bound score = publicTaskScore(t, strong, minYears, evidenceCap);
    return Measure.Bound.of(
        score,
        (p, f, res) -> {
          int next = res.level() + 1;
          List<Gap> gaps = new ArrayList<>();
          List<Proposal.Revenue> lines =
              f.revenue().stream().filter(Finances::isPublicTask).toList();
          List<String> amounts =
              MeasureSupport.paths(
                  lines.stream().map(Proposal.Revenue::path).toList(),
                  ".per_year",
                  "revenue[].per_year");
          Fraction share = MeasureSupport.value(res, "share");
          if (next == 1) {
            gaps.add(
                Gap.of(
                    "public-task-income",
                    lines.isEmpty() ? List.of("revenue[].type", "revenue[].per_year") : amounts));
          } else if (share.lessThan(t.get(next - 2))) {
            gaps.add(
                Gap.derived(
                    "public-task-share",
                    MeasuredValue.share(share),
                    MeasuredValue.share(t.get(next - 2)),
                    amounts));
          }
          if (next > evidenceCap.cap() && !evidenceCap.evidenced(f, Finances::isPublicTask)) {
            gaps.add(evidenceCap.gap("public-task-in-talks", f, lines));
          }
          if (next == 4 && !hasStrongLine(f, lines, strong, minYears)) {
            gaps.addAll(strongLineGaps(f, lines, params.get(LEVEL4_STATUSES), minYears));
          }
          return Missing.all(gaps);
        });
  }

  private static boolean hasStrongLine(
      Finances f, List<Proposal.Revenue> lines, Set<String> strong, int minYears) {
    return lines.stream()
        .anyMatch(
            l ->
                l.status() != null
                    && strong.contains(l.status())
                    && f.yearsWithAmount(l) >= minYears);
  }

  /**
   * What the public task closest to a signed agreement lacks: a strong status, amounts in enough
   * plan years, or both. The line with enough years is preferred, then one with a strong status,
   * then the largest.
   */
  private static List<Gap> strongLineGaps(
      Finances f, List<Proposal.Revenue> lines, List<String> strong, int minYears) {
    if (lines.isEmpty()) {
      return List.of(
          new Gap(
              "public-task-agreement",
              List.of("revenue[].status", "revenue[].per_year"),
              null,
              MeasuredValue.text(strong.get(0)),
              null,
              false));
    }
    Proposal.Revenue best = null;
    int bestRank = -1;
    for (Proposal.Revenue l : lines) {
      int rank =
          (f.yearsWithAmount(l) >= minYears ? 2 : 0)
              + (l.status() != null && strong.contains(l.status()) ? 1 : 0);
      if (rank > bestRank
          || (rank == bestRank && f.weightedMean(l).greaterThan(f.weightedMean(best)))) {
        best = l;
        bestRank = rank;
      }
    }
    List<Gap> gaps = new ArrayList<>();
    if (best.status() == null || !strong.contains(best.status())) {
      // the weakest agreement that counts at least as much as the status now
      Fraction e = EvidenceFactors.ofStatus(best.status());
      String needed =
          strong.stream()
              .filter(x -> EvidenceFactors.ofStatus(x).atLeast(e))
              .findFirst()
              .orElse(strong.get(strong.size() - 1));
      gaps.add(
          Gap.set(
              "public-task-agreement",
              best.path() + ".status",
              MeasureSupport.word(best.status()),
              MeasuredValue.text(needed)));
    }
    if (f.yearsWithAmount(best) < minYears) {
      gaps.add(
          Gap.derived(
              "public-task-years",
              MeasuredValue.count(f.yearsWithAmount(best)),
              MeasuredValue.count(minYears),
              List.of(best.path() + ".per_year")));
    }
    return gaps;
  }

  private static Measure.Bound publicTaskScore(
      List<Fraction> t, Set<String> strong, int minYears, EvidenceCap evidenceCap) {
    return (p, f) -> {
      ResultBuilder r = ResultBuilder.of(p, f);
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
          List.of(
              "public-task-activity",
              "current-provider",
              "current-cost",
              "price-not-above-cost",
              "added-value"),
          params ->
              Measure.Bound.of(SocialTendering::challengeFit, SocialTendering::challengeGaps));

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  /** The points the best-described public task lacks: any one of them is the next level. */
  private static Missing challengeGaps(Proposal p, Finances f, MeasureResult res) {
    List<Proposal.Activity> activities = p.activities() == null ? List.of() : p.activities();
    Proposal.Activity best = null;
    int bestCount = -1;
    for (Proposal.Activity a : activities) {
      if (Boolean.TRUE.equals(a.publicTask())) {
        int count = points(a);
        if (count > bestCount) {
          best = a;
          bestCount = count;
        }
      }
    }
    if (best == null) {
      return Missing.all(
          List.of(
              Gap.of(
                  "public-task-activity",
                  activities.isEmpty() ? "activities" : "activities[].public_task")));
    }
    String at = best.path();
    List<Gap> gaps = new ArrayList<>();
    if (!present(best.currentProvider())) {
      gaps.add(Gap.of("current-provider", at + ".current_provider"));
    }
    if (best.currentCost() == null) {
      gaps.add(Gap.of("current-cost", at + ".current_cost"));
    }
    if (best.currentCost() == null) {
      gaps.add(Gap.of("price-not-above-cost", at + ".proposed_price", at + ".current_cost"));
    } else if (best.proposedPrice() == null || !best.proposedPrice().atMost(best.currentCost())) {
      gaps.add(
          Gap.set(
              "price-not-above-cost",
              at + ".proposed_price",
              best.proposedPrice() == null ? null : MeasuredValue.amount(best.proposedPrice()),
              MeasuredValue.amount(best.currentCost())));
    }
    if (!((best.jobsForResidents() != null && best.jobsForResidents().signum() > 0)
        || present(best.addedValue()))) {
      gaps.add(Gap.of("added-value", at + ".added_value", at + ".jobs_for_residents"));
    }
    String name = best.name();
    return Missing.anyOne(gaps.stream().map(g -> name == null ? g : g.about(name)).toList());
  }

  /** How many of the four points an activity has worked out. */
  private static int points(Proposal.Activity a) {
    int count = 0;
    if (present(a.currentProvider())) {
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
        || present(a.addedValue())) {
      count++;
    }
    return count;
  }

  private static MeasureResult challengeFit(Proposal p, Finances f) {
    ResultBuilder r = ResultBuilder.of(p, f);
    int best = 0;
    Proposal.Activity bestActivity = null;
    if (p.activities() != null) {
      for (Proposal.Activity a : p.activities()) {
        if (!Boolean.TRUE.equals(a.publicTask())) {
          continue;
        }
        r.evidence(a.path());
        int count = points(a);
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
          List.of("jobs-some", "jobs-average", "guidance"),
          SocialTendering::jobsForResidents);

  private static Measure.Bound jobsForResidents(Params params) {
    Fraction entryFactor = params.get(ENTRY_JOB_FACTOR);
    List<Fraction> t = params.get(JOBS_THRESHOLDS);
    int cap = params.get(CAP_WITHOUT_GUIDANCE);
    return Measure.Bound.of(
        jobsScore(entryFactor, t, cap),
        (p, f, res) -> {
          int next = res.level() + 1;
          List<Gap> gaps = new ArrayList<>();
          List<String> hired =
              MeasureSupport.paths(
                  p.employment() == null
                      ? List.of()
                      : p.employment().stream().map(Proposal.EmploymentLine::path).toList(),
                  ".residents_hired",
                  "employment[].residents_hired");
          Fraction jobs = MeasureSupport.value(res, "jobs");
          if (next == 1) {
            gaps.add(Gap.of("jobs-some", hired));
          } else if (jobs.lessThan(t.get(next - 2))) {
            gaps.add(
                Gap.derived(
                    "jobs-average",
                    MeasuredValue.number(jobs),
                    MeasuredValue.number(t.get(next - 2)),
                    hired));
          }
          boolean guidance =
              p.employmentSupport() != null
                  && Boolean.TRUE.equals(p.employmentSupport().guidance());
          if (next > cap && !guidance) {
            gaps.add(
                Gap.set(
                    "guidance",
                    "employment_support.guidance",
                    p.employmentSupport() == null || p.employmentSupport().guidance() == null
                        ? null
                        : MeasuredValue.yesNo(false),
                    MeasuredValue.yesNo(true)));
          }
          return Missing.all(gaps);
        });
  }

  private static Measure.Bound jobsScore(Fraction entryFactor, List<Fraction> t, int cap) {
    return (p, f) -> {
      ResultBuilder r = ResultBuilder.of(p, f);
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
          List.of("earned-share", "earned-in-talks"),
          SocialTendering::earnedIncomeShare);

  private static Measure.Bound earnedIncomeShare(Params params) {
    List<Fraction> t = params.get(EARNED_THRESHOLDS);
    EvidenceCap evidenceCap = EvidenceCap.of(params);
    return Measure.Bound.of(
        earnedScore(t, evidenceCap),
        (p, f, res) -> {
          int next = res.level() + 1;
          List<Gap> gaps = new ArrayList<>();
          List<Proposal.Revenue> lines = f.revenue().stream().filter(Finances::isEarned).toList();
          Fraction share = MeasureSupport.value(res, "share");
          if (share.lessThan(t.get(next - 1)) || f.income().isZero()) {
            gaps.add(
                Gap.derived(
                    "earned-share",
                    MeasuredValue.share(share),
                    MeasuredValue.share(t.get(next - 1)),
                    MeasureSupport.paths(
                        lines.stream().map(Proposal.Revenue::path).toList(),
                        ".per_year",
                        "revenue[].per_year")));
          }
          if (next > evidenceCap.cap() && !evidenceCap.evidenced(f, Finances::isEarned)) {
            gaps.add(evidenceCap.gap("earned-in-talks", f, lines));
          }
          return Missing.all(gaps);
        });
  }

  private static Measure.Bound earnedScore(List<Fraction> t, EvidenceCap evidenceCap) {
    return (p, f) -> {
      ResultBuilder r = ResultBuilder.of(p, f);
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
          List.of("budget-last-year", "cost-coverage", "three-year-budget"),
          SocialTendering::financialContinuity);

  private static Measure.Bound financialContinuity(Params params) {
    List<Fraction> t = params.get(CONTINUITY_THRESHOLDS);
    int fullYears = params.get(FULL_YEARS);
    return Measure.Bound.of(
        continuityScore(t, fullYears),
        (p, f, res) -> {
          int next = res.level() + 1;
          List<Gap> gaps = new ArrayList<>();
          if (next == 1) {
            Integer last = f.lastYear();
            String field = "budget";
            if (last != null && p.budget() != null) {
              for (Proposal.BudgetLine b : p.budget()) {
                if (last.equals(b.year())) {
                  field = b.path() + ".costs";
                }
              }
            }
            gaps.add(Gap.of("budget-last-year", field));
            return Missing.all(gaps);
          }
          Fraction coverage = MeasureSupport.value(res, "coverage");
          if (next <= 4 && coverage.lessThan(t.get(next - 2))) {
            gaps.add(
                Gap.derived(
                    "cost-coverage",
                    MeasuredValue.share(coverage),
                    MeasuredValue.share(t.get(next - 2)),
                    List.of("revenue[].per_year." + f.lastYear(), "budget[].costs")));
          }
          if (next == 4 && f.years().size() < fullYears) {
            gaps.add(
                Gap.derived(
                    "three-year-budget",
                    MeasuredValue.count(f.years().size()),
                    MeasuredValue.count(fullYears),
                    List.of("budget")));
          }
          return Missing.all(gaps);
        });
  }

  private static Measure.Bound continuityScore(List<Fraction> t, int fullYears) {
    return (p, f) -> {
      ResultBuilder r = ResultBuilder.of(p, f);
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

    boolean evidenced(Finances f, Predicate<Proposal.Revenue> counted) {
      for (Proposal.Revenue line : f.revenue()) {
        if (counted.test(line)
            && f.hasAmountInYears(line)
            && EvidenceFactors.ofStatus(line.status()).atLeast(min)) {
          return true;
        }
      }
      return false;
    }

    /**
     * The evidence the cap asks for: the largest counted line with an amount in the plan years gets
     * the weakest status that counts for at least {@code min} (in talks, by default).
     */
    Gap gap(String id, Finances f, List<Proposal.Revenue> counted) {
      Proposal.Revenue best = null;
      for (Proposal.Revenue l : counted) {
        if (f.hasAmountInYears(l)
            && (best == null || f.weightedMean(l).greaterThan(f.weightedMean(best)))) {
          best = l;
        }
      }
      MeasuredValue needed = MeasuredValue.text(EvidenceFactors.weakestStatusAtLeast(min));
      if (best == null) {
        return new Gap(
            id, List.of("revenue[].status", "revenue[].per_year"), null, needed, null, false);
      }
      return Gap.set(id, best.path() + ".status", MeasureSupport.word(best.status()), needed);
    }

    MeasureResult apply(
        ResultBuilder r, int level, Finances f, Predicate<Proposal.Revenue> counted) {
      boolean evidenced = evidenced(f, counted);
      if (!evidenced && level > cap) {
        return r.capped(level, cap, "evidence");
      }
      return r.level(level);
    }
  }
}
