package nl.wijktoets.measure;

import static nl.wijktoets.exact.Fraction.of;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.proposal.Municipality;
import nl.wijktoets.proposal.Names;
import nl.wijktoets.proposal.Proposal;

/**
 * The built-in measures, one small function per criterion of the rubric, named as the rubric names
 * them. Each follows the rubric's definition to the letter, in exact fractions.
 */
public final class Measures {

  private static final Map<String, Measure> ALL = new LinkedHashMap<>();

  static {
    add(
        "public-task-revenue",
        List.of("revenue", "budget"),
        List.of(
            p("thresholds", "fractions", "[1/10, 1/5, 7/20]"),
            p("level4_statuses", "words", "[letter-of-intent, contract, realised]"),
            p("level4_min_years", "integer", "2"),
            p("evidence_cap", "integer", "2"),
            p("evidence_min", "fraction", "1/2")),
        Measures::publicTaskRevenue);
    add("challenge-fit", List.of("activities"), List.of(), Measures::challengeFit);
    add(
        "jobs-for-residents",
        List.of("employment", "employment_support"),
        List.of(
            p("entry_job_factor", "fraction", "1/2"),
            p("thresholds", "fractions", "[3, 6, 10]"),
            p("cap_without_guidance", "integer", "2")),
        Measures::jobsForResidents);
    add(
        "earned-income-share",
        List.of("revenue", "budget"),
        List.of(
            p("thresholds", "fractions", "[1/4, 2/5, 1/2, 3/4]"),
            p("evidence_cap", "integer", "2"),
            p("evidence_min", "fraction", "1/2")),
        Measures::earnedIncomeShare);
    add(
        "financial-continuity",
        List.of("budget", "revenue"),
        List.of(p("thresholds", "fractions", "[3/5, 9/10, 1]"), p("full_years", "integer", "3")),
        Measures::financialContinuity);
    add(
        "cross-sector-partners",
        List.of("partners"),
        List.of(
            p("min_commitment", "fraction", "1/2"), p("cap_without_government", "integer", "2")),
        Measures::crossSectorPartners);
    add("partner-commitment", List.of("partners"), List.of(), Measures::partnerCommitment);
    add(
        "connector",
        List.of("governance"),
        List.of(p("min_hours", "fraction", "8"), p("paid_hours", "fraction", "16")),
        Measures::connector);
    add(
        "resident-led-with-backing",
        List.of("founders", "partners"),
        List.of(
            p("majority", "fraction", "1/2"),
            p("min_commitment", "fraction", "1/2"),
            p("strong_commitment", "fraction", "3/4")),
        Measures::residentLedWithBacking);
    add(
        "dependency-spread",
        List.of("revenue"),
        List.of(p("thresholds", "fractions", "[4/5, 3/5, 9/20, 3/10]")),
        Measures::dependencySpread);
    add(
        "resident-governance",
        List.of("governance", "residents"),
        List.of(
            p("majority", "fraction", "1/2"),
            p("strong_majority", "fraction", "2/3"),
            p("min_members", "integer", "25")),
        Measures::residentGovernance);
    add(
        "resident-groups",
        List.of("resident_groups"),
        List.of(
            p("min_groups", "integer", "3"),
            p("min_types", "integer", "2"),
            p("strong_relations", "words", "[member, co-owner, joint-delivery]")),
        Measures::residentGroups);
    add(
        "community-assets",
        List.of("assets"),
        List.of(p("long_term_years", "fraction", "5")),
        Measures::communityAssets);
    add(
        "resident-involvement",
        List.of("residents"),
        List.of(
            p("thresholds", "fractions", "[5, 15, 30, 75]"),
            p("min_participants", "integer", "50")),
        Measures::residentInvolvement);
    add(
        "impact-measurement",
        List.of("impact_indicators", "risks"),
        List.of(
            p("min_themes", "integer", "2"),
            p("themes", "words", "[work, participation, liveability, poverty, health]")),
        Measures::impactMeasurement);
  }

  private Measures() {}

  private static Measure.Parameter p(String name, String kind, String def) {
    return new Measure.Parameter(name, kind, def);
  }

  private static void add(
      String name, List<String> reads, List<Measure.Parameter> params, Measure.Function f) {
    ALL.put(name, new Measure(name, List.copyOf(reads), List.copyOf(params), f));
  }

  public static Optional<Measure> byName(String name) {
    return Optional.ofNullable(ALL.get(name));
  }

  public static List<Measure> all() {
    return List.copyOf(ALL.values());
  }

  // ---------------------------------------------------------------------------------------------
  // Lesson 1: social tendering

  static MeasureResult publicTaskRevenue(Proposal p, Params params, Finances f) {
    List<Fraction> t = params.fractions("thresholds", List.of(of(1, 10), of(1, 5), of(7, 20)));
    Set<String> strong =
        Set.copyOf(
            params.words("level4_statuses", List.of("letter-of-intent", "contract", "realised")));
    int minYears = params.integer("level4_min_years", 2);
    Result r = new Result(p);
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
    return evidenceCap(r, level, f, params, Finances::isPublicTask);
  }

  static MeasureResult challengeFit(Proposal p, Params params, Finances f) {
    Result r = new Result(p);
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

  static MeasureResult jobsForResidents(Proposal p, Params params, Finances f) {
    Fraction entryFactor = params.fraction("entry_job_factor", of(1, 2));
    List<Fraction> t = params.fractions("thresholds", List.of(of(3), of(6), of(10)));
    int cap = params.integer("cap_without_guidance", 2);
    Result r = new Result(p);
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
    int level = j.isZero() ? 0 : 1 + countAtLeast(j, t);
    boolean guidance =
        p.employmentSupport() != null && Boolean.TRUE.equals(p.employmentSupport().guidance());
    if (p.employmentSupport() != null) {
      r.evidence(p.employmentSupport().path() + ".guidance");
    }
    if (!guidance && level > cap) {
      return r.capped(level, cap, "no-guidance");
    }
    return r.level(level);
  }

  static MeasureResult earnedIncomeShare(Proposal p, Params params, Finances f) {
    List<Fraction> t =
        params.fractions("thresholds", List.of(of(1, 4), of(2, 5), of(1, 2), of(3, 4)));
    Result r = new Result(p);
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
    int level = income.isZero() ? 0 : countAtLeast(s, t);
    return evidenceCap(r, level, f, params, Finances::isEarned);
  }

  static MeasureResult financialContinuity(Proposal p, Params params, Finances f) {
    List<Fraction> t = params.fractions("thresholds", List.of(of(3, 5), of(9, 10), of(1)));
    int fullYears = params.integer("full_years", 3);
    Result r = new Result(p);
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
    r.evidence(budget.path() + ".costs");
    Fraction covered = Fraction.ZERO;
    for (Proposal.Revenue line : f.revenue()) {
      if (Finances.isIncome(line)) {
        Fraction amount = line.perYear().get(last);
        if (amount != null) {
          covered = covered.plus(amount.times(EvidenceFactors.ofStatus(line.status())));
          r.evidence(line.path() + ".per_year." + last);
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
  }

  // ---------------------------------------------------------------------------------------------
  // Lesson 2: middle-up-down

  private static final Set<String> GOVERNMENT =
      Set.of("municipality", "district", "other-government");
  private static final Set<String> PUBLIC_PARTNER =
      Set.of("municipality", "district", "other-government", "housing-corporation");

  static MeasureResult crossSectorPartners(Proposal p, Params params, Finances f) {
    Fraction min = params.fraction("min_commitment", of(1, 2));
    int cap = params.integer("cap_without_government", 2);
    Result r = new Result(p);
    Set<String> sectors = new HashSet<>();
    for (Proposal.Partner partner : partners(p)) {
      if (partner.sector() != null
          && EvidenceFactors.ofCommitment(partner.commitment()).atLeast(min)) {
        // the municipality and its districts count as one sector
        sectors.add(partner.sector().equals("district") ? "municipality" : partner.sector());
        r.evidence(partner.path());
      }
    }
    r.value("sectors", MeasuredValue.count(sectors.size()));
    int level = Math.min(sectors.size(), 3);
    if (sectors.size() >= 4
        && sectors.contains("municipality")
        && (sectors.contains("housing-corporation") || sectors.contains("business"))) {
      level = 4;
    }
    boolean government = sectors.stream().anyMatch(GOVERNMENT::contains);
    if (!government && level > cap) {
      return r.capped(level, cap, "no-government");
    }
    return r.level(level);
  }

  static MeasureResult partnerCommitment(Proposal p, Params params, Finances f) {
    Result r = new Result(p);
    List<Proposal.Partner> partners = partners(p);
    r.value("partners", MeasuredValue.count(partners.size()));
    if (partners.isEmpty()) {
      r.value("commitment", MeasuredValue.share(Fraction.ZERO));
      return r.level(0);
    }
    Fraction sum = Fraction.ZERO;
    for (Proposal.Partner partner : partners) {
      sum = sum.plus(EvidenceFactors.ofCommitment(partner.commitment()));
      r.evidence(partner.path() + ".commitment");
    }
    Fraction mean = sum.dividedBy(partners.size());
    r.value("commitment", MeasuredValue.share(mean));
    return r.level(Math.min(4, mean.times(4).floor().intValue()));
  }

  static MeasureResult connector(Proposal p, Params params, Finances f) {
    Fraction minHours = params.fraction("min_hours", of(8));
    Fraction paidHours = params.fraction("paid_hours", of(16));
    Result r = new Result(p);
    Proposal.Connector c = p.governance() == null ? null : p.governance().connector();
    boolean present =
        c != null && ((c.role() != null && !c.role().isBlank()) || c.hoursPerWeek() != null);
    if (!present) {
      return r.level(0);
    }
    r.evidence(c.path());
    Fraction hours = c.hoursPerWeek() == null ? Fraction.ZERO : c.hoursPerWeek();
    if (c.hoursPerWeek() != null) {
      r.value("hours", MeasuredValue.number(hours));
    }
    boolean paid = Boolean.TRUE.equals(c.paid());
    int level = 1;
    if (hours.atLeast(minHours)) {
      level = 2;
    }
    if (paid && hours.atLeast(paidHours)) {
      level = 3;
      if ("self".equals(c.employer()) && "board".equals(c.reportsTo())) {
        level = 4;
      }
    }
    return r.level(level);
  }

  static MeasureResult residentLedWithBacking(Proposal p, Params params, Finances f) {
    Fraction majority = params.fraction("majority", of(1, 2));
    Fraction min = params.fraction("min_commitment", of(1, 2));
    Result r = new Result(p);
    List<Proposal.Founder> founders = p.founders() == null ? List.of() : p.founders();
    long living =
        founders.stream().filter(x -> Boolean.TRUE.equals(x.livesInNeighbourhood())).count();
    founders.forEach(x -> r.evidence(x.path() + ".lives_in_neighbourhood"));
    Fraction share = founders.isEmpty() ? Fraction.ZERO : of(living, founders.size());
    r.value("share", MeasuredValue.share(share));
    if (share.isZero()) {
      return r.level(0);
    }
    if (share.lessThan(majority)) {
      return r.level(1);
    }
    Fraction best = null;
    for (Proposal.Partner partner : partners(p)) {
      if (partner.sector() != null && PUBLIC_PARTNER.contains(partner.sector())) {
        Fraction e = EvidenceFactors.ofCommitment(partner.commitment());
        if (best == null || e.greaterThan(best)) {
          best = e;
        }
        r.evidence(partner.path());
      }
    }
    if (best == null || best.lessThan(min)) {
      return r.level(2);
    }
    // in talks is E = 1/2; a letter of intent (3/4) or an agreement (1) is a strong commitment
    return r.level(best.atLeast(params.fraction("strong_commitment", of(3, 4))) ? 4 : 3);
  }

  static MeasureResult dependencySpread(Proposal p, Params params, Finances f) {
    List<Fraction> t =
        params.fractions("thresholds", List.of(of(4, 5), of(3, 5), of(9, 20), of(3, 10)));
    Result r = new Result(p);
    Fraction income = f.income();
    if (income.isZero()) {
      return r.level(0);
    }
    List<String> municipality = Municipality.spellings(p.municipality());
    Map<String, Fraction> byPayer = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, List<String>> paths = new LinkedHashMap<>();
    for (Proposal.Revenue line : f.revenue()) {
      if (!Finances.isIncome(line)) {
        continue;
      }
      String payer = payerKey(line.counterparty(), municipality);
      if (payer == null) {
        continue; // many small payers never make a concentration
      }
      byPayer.merge(payer, f.weightedMean(line), Fraction::plus);
      names.putIfAbsent(payer, line.counterparty().strip());
      paths.computeIfAbsent(payer, k -> new ArrayList<>()).add(line.path() + ".counterparty");
    }
    String top = null;
    Fraction topAmount = Fraction.ZERO;
    for (var e : byPayer.entrySet()) {
      if (e.getValue().greaterThan(topAmount)) {
        top = e.getKey();
        topAmount = e.getValue();
      }
    }
    Fraction m = topAmount.dividedBy(income);
    int level;
    if (m.greaterThan(t.get(0))) {
      level = 0;
    } else if (m.greaterThan(t.get(1))) {
      level = 1;
    } else if (m.greaterThan(t.get(2))) {
      level = 2;
    } else if (m.greaterThan(t.get(3))) {
      level = 3;
    } else {
      level = 4;
    }
    if (top != null && level < 4) {
      r.value(
          "payer",
          MeasuredValue.text(
              MUNICIPALITY_KEY.equals(top)
                  ? p.municipality() == null ? "" : municipalityName(p)
                  : names.get(top)));
      r.value("share", MeasuredValue.share(m));
      paths.get(top).forEach(r::evidence);
    } else {
      r.value("share", MeasuredValue.share(m));
    }
    return r.level(level);
  }

  private static final String MUNICIPALITY_KEY = "\u0000municipality";

  private static String municipalityName(Proposal p) {
    return "Gemeente " + p.municipality();
  }

  /**
   * Who pays, for concentration: the municipality (any counterparty that names it), a named payer
   * by its normalised name, or null for many small payers.
   */
  static String payerKey(String counterparty, List<String> municipalitySpellings) {
    if (counterparty == null) {
      return null;
    }
    String key = Names.key(counterparty);
    if (key.isEmpty() || Set.of("various", "divers", "diversen").contains(key)) {
      return null;
    }
    if (key.contains("gemeente") || key.contains("stadsdeel") || key.contains("municipality")) {
      return MUNICIPALITY_KEY;
    }
    for (String spelling : municipalitySpellings) {
      if (containsWord(key, spelling)) {
        return MUNICIPALITY_KEY;
      }
    }
    return key;
  }

  private static boolean containsWord(String text, String word) {
    int i = text.indexOf(word);
    while (i >= 0) {
      boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
      int end = i + word.length();
      boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
      if (startOk && endOk) {
        return true;
      }
      i = text.indexOf(word, i + 1);
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Lesson 3: participation trends

  static MeasureResult residentGovernance(Proposal p, Params params, Finances f) {
    Fraction majority = params.fraction("majority", of(1, 2));
    Fraction strong = params.fraction("strong_majority", of(2, 3));
    int minMembers = params.integer("min_members", 25);
    Result r = new Result(p);
    Proposal.Governance g = p.governance();
    if (p.residents() != null && p.residents().members() != null) {
      r.value("members", MeasuredValue.count(p.residents().members()));
    }
    if (g == null || g.board() == null || g.board().isEmpty()) {
      return r.level(0);
    }
    r.evidence(g.path() + ".board");
    long residents = g.board().stream().filter(b -> Boolean.TRUE.equals(b.resident())).count();
    Fraction share = of(residents, g.board().size());
    r.value("share", MeasuredValue.share(share));
    boolean meeting = Boolean.TRUE.equals(g.membersMeeting());
    boolean reinvested = Boolean.TRUE.equals(g.profitReinvested());
    boolean members =
        p.residents() != null
            && p.residents().members() != null
            && p.residents().members().atLeast(of(minMembers));
    if (g.membersMeeting() != null) {
      r.evidence(g.path() + ".members_meeting");
    }
    if (g.profitReinvested() != null) {
      r.evidence(g.path() + ".profit_reinvested");
    }
    if (share.atLeast(strong) && meeting && reinvested) {
      return r.level(4);
    }
    if (share.atLeast(majority) && (meeting || members)) {
      return r.level(3);
    }
    return r.level(share.atLeast(majority) ? 2 : 1);
  }

  static MeasureResult residentGroups(Proposal p, Params params, Finances f) {
    int minGroups = params.integer("min_groups", 3);
    int minTypes = params.integer("min_types", 2);
    Set<String> strongRelations =
        Set.copyOf(
            params.words("strong_relations", List.of("member", "co-owner", "joint-delivery")));
    Result r = new Result(p);
    List<Proposal.ResidentGroup> groups =
        p.residentGroups() == null ? List.of() : p.residentGroups();
    Set<String> names = new HashSet<>();
    Set<String> types = new HashSet<>();
    int unnamed = 0;
    boolean strong = false;
    for (Proposal.ResidentGroup g : groups) {
      r.evidence(g.path());
      if (g.name() == null || Names.key(g.name()).isEmpty()) {
        unnamed++;
      } else {
        names.add(Names.key(g.name()));
      }
      if (g.type() != null) {
        types.add(g.type());
      }
      if (g.relation() != null && strongRelations.contains(g.relation())) {
        strong = true;
      }
    }
    int k = names.size() + unnamed;
    r.value("groups", MeasuredValue.count(k));
    r.value("types", MeasuredValue.count(types.size()));
    if (k >= minGroups && types.size() >= minTypes && strong) {
      return r.level(4);
    }
    return r.level(Math.min(k, 3));
  }

  static MeasureResult communityAssets(Proposal p, Params params, Finances f) {
    Fraction longTerm = params.fraction("long_term_years", of(5));
    Result r = new Result(p);
    int best = 0;
    Proposal.Asset bestAsset = null;
    for (Proposal.Asset a : p.assets() == null ? List.<Proposal.Asset>of() : p.assets()) {
      if (!"building".equals(a.type()) && !"land".equals(a.type())) {
        continue;
      }
      int level =
          switch (a.tenure() == null ? "" : a.tenure()) {
            case "ownership", "leasehold", "community-transfer" -> 4;
            case "management", "self-management" -> 3;
            case "rent", "loan" -> a.termYears() != null && a.termYears().atLeast(longTerm) ? 3 : 2;
            case "occasional" -> 1;
            default -> 0;
          };
      if (level > best) {
        best = level;
        bestAsset = a;
      }
    }
    if (bestAsset != null) {
      r.evidence(bestAsset.path() + ".tenure");
      r.value("tenure", MeasuredValue.text(bestAsset.tenure()));
      if (bestAsset.termYears() != null) {
        r.value("term_years", MeasuredValue.number(bestAsset.termYears()));
      }
    }
    return r.level(best);
  }

  static MeasureResult residentInvolvement(Proposal p, Params params, Finances f) {
    List<Fraction> t = params.fractions("thresholds", List.of(of(5), of(15), of(30), of(75)));
    int minParticipants = params.integer("min_participants", 50);
    Result r = new Result(p);
    Proposal.Residents res = p.residents();
    Fraction n = res == null || res.involved() == null ? Fraction.ZERO : res.involved();
    Fraction c = Fraction.ZERO;
    if (res != null) {
      if (res.involved() != null) {
        r.evidence(res.path() + ".involved");
      }
      if (res.consultations() != null) {
        for (Proposal.Consultation con : res.consultations()) {
          if (con.participants() != null) {
            c = c.plus(con.participants());
            r.evidence(con.path() + ".participants");
          }
        }
      }
    }
    r.value("involved", MeasuredValue.count(n));
    r.value("participants", MeasuredValue.count(c));
    int level = countAtLeast(n, t);
    if (c.isZero() && level > 2) {
      return r.capped(level, 2, "no-consultation");
    }
    if (c.lessThan(of(minParticipants)) && level > 3) {
      return r.capped(level, 3, "few-participants");
    }
    return r.level(level);
  }

  static MeasureResult impactMeasurement(Proposal p, Params params, Finances f) {
    int minThemes = params.integer("min_themes", 2);
    Set<String> themes =
        Set.copyOf(
            params.words(
                "themes", List.of("work", "participation", "liveability", "poverty", "health")));
    Result r = new Result(p);
    int q = 0;
    Set<String> covered = new HashSet<>();
    for (Proposal.ImpactIndicator i :
        p.impactIndicators() == null ? List.<Proposal.ImpactIndicator>of() : p.impactIndicators()) {
      if (present(i.baseline()) && present(i.target()) && present(i.method())) {
        q++;
        r.evidence(i.path());
        if (i.theme() != null && themes.contains(i.theme())) {
          covered.add(i.theme());
        }
      }
    }
    boolean mitigated = false;
    for (Proposal.Risk risk : p.risks() == null ? List.<Proposal.Risk>of() : p.risks()) {
      if (present(risk.mitigation())) {
        mitigated = true;
        r.evidence(risk.path() + ".mitigation");
        break;
      }
    }
    r.value("indicators", MeasuredValue.count(q));
    r.value("themes", MeasuredValue.count(covered.size()));
    if (q >= 3 && covered.size() >= minThemes && mitigated) {
      return r.level(4);
    }
    return r.level(Math.min(q, 3));
  }

  // ---------------------------------------------------------------------------------------------

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  private static List<Proposal.Partner> partners(Proposal p) {
    return p.partners() == null ? List.of() : p.partners();
  }

  /** How many thresholds the value reaches (value >= threshold). */
  private static int countAtLeast(Fraction value, List<Fraction> thresholds) {
    int n = 0;
    for (Fraction t : thresholds) {
      if (value.atLeast(t)) {
        n++;
      }
    }
    return n;
  }

  /**
   * The evidence cap: at most {@code evidence_cap} when none of the counted lines with an amount in
   * Y has E of at least {@code evidence_min}.
   */
  private static MeasureResult evidenceCap(
      Result r, int level, Finances f, Params params, Predicate<Proposal.Revenue> counted) {
    int cap = params.integer("evidence_cap", 2);
    Fraction min = params.fraction("evidence_min", of(1, 2));
    boolean evidenced =
        f.revenue().stream()
            .filter(counted)
            .filter(f::hasAmountInYears)
            .anyMatch(line -> EvidenceFactors.ofStatus(line.status()).atLeast(min));
    if (!evidenced && level > cap) {
      return r.capped(level, cap, "evidence");
    }
    return r.level(level);
  }

  /** Collects a measure's values and evidence. */
  private static final class Result {
    private final Proposal proposal;
    private final Map<String, MeasuredValue> values = new LinkedHashMap<>();
    private final List<Evidence> evidence = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    Result(Proposal proposal) {
      this.proposal = proposal;
    }

    void value(String name, MeasuredValue v) {
      values.put(name, v);
    }

    void evidence(String path) {
      if (seen.add(path)) {
        evidence.add(new Evidence(path, proposal.locate(path).orElse(null)));
      }
    }

    MeasureResult level(int level) {
      return new MeasureResult(level, values, evidence, null, null);
    }

    MeasureResult capped(int uncapped, int cap, String why) {
      return new MeasureResult(cap, values, evidence, uncapped, why);
    }
  }
}
