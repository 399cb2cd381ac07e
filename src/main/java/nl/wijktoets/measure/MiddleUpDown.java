package nl.wijktoets.measure;

import static nl.wijktoets.exact.Fraction.of;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.proposal.Municipality;
import nl.wijktoets.proposal.Names;
import nl.wijktoets.proposal.Proposal;

/**
 * The measures of lesson 2, middle-up-down: partners from several sectors, their commitment, a
 * connector, residents in the lead with backing, and no dependence on one payer. Each follows the
 * rubric's definition to the letter, in exact fractions.
 */
final class MiddleUpDown {

  private MiddleUpDown() {}

  private static final Set<String> GOVERNMENT =
      Set.of("municipality", "district", "other-government");
  private static final Set<String> PUBLIC_PARTNER =
      Set.of("municipality", "district", "other-government", "housing-corporation");

  // ---------------------------------------------------------------------------------------------
  // cross-sector-partners

  static final Parameter.Exact SECTOR_MIN_COMMITMENT = Parameter.exact("min_commitment", of(1, 2));
  static final Parameter.Whole CAP_WITHOUT_GOVERNMENT =
      Parameter.whole("cap_without_government", 2);

  static final Measure CROSS_SECTOR_PARTNERS =
      new Measure(
          "cross-sector-partners",
          List.of("partners"),
          List.of(SECTOR_MIN_COMMITMENT, CAP_WITHOUT_GOVERNMENT),
          List.of(
              "sectors",
              "government-partner",
              "municipality-partner",
              "housing-or-business-partner"),
          MiddleUpDown::crossSectorPartners);

  private static Measure.Bound crossSectorPartners(Params params) {
    Fraction min = params.get(SECTOR_MIN_COMMITMENT);
    int cap = params.get(CAP_WITHOUT_GOVERNMENT);
    return Measure.Bound.of(
        crossSectorScore(min, cap),
        (p, f, res) -> {
          int next = res.level() + 1;
          Set<String> sectors = sectors(p, min);
          List<Gap> gaps = new ArrayList<>();
          int needed = Math.min(next, 4);
          if (sectors.size() < needed) {
            gaps.add(
                Gap.derived(
                    "sectors",
                    MeasuredValue.count(sectors.size()),
                    MeasuredValue.count(needed),
                    List.of("partners")));
          }
          if (next == 4) {
            if (!sectors.contains("municipality")) {
              gaps.add(
                  partnerGap("municipality-partner", p, Set.of("municipality", "district"), min));
            }
            if (!sectors.contains("housing-corporation") && !sectors.contains("business")) {
              gaps.add(
                  partnerGap(
                      "housing-or-business-partner",
                      p,
                      Set.of("housing-corporation", "business"),
                      min));
            }
          } else if (next > cap && sectors.stream().noneMatch(GOVERNMENT::contains)) {
            gaps.add(partnerGap("government-partner", p, GOVERNMENT, min));
          }
          return Missing.all(gaps);
        });
  }

  /**
   * The sectors with a partner committed at least {@code min} (the district counts as the city).
   */
  private static Set<String> sectors(Proposal p, Fraction min) {
    Set<String> sectors = new HashSet<>();
    for (Proposal.Partner partner : partners(p)) {
      if (partner.sector() != null
          && EvidenceFactors.ofCommitment(partner.commitment()).atLeast(min)) {
        sectors.add(partner.sector().equals("district") ? "municipality" : partner.sector());
      }
    }
    return sectors;
  }

  /**
   * A partner of one of these sectors, committed at least {@code min}: the first such partner that
   * is named but not committed enough gets the weakest commitment that is; without one, add one.
   */
  private static Gap partnerGap(String id, Proposal p, Set<String> kinds, Fraction min) {
    MeasuredValue needed = MeasuredValue.text(EvidenceFactors.weakestCommitmentAtLeast(min));
    for (Proposal.Partner partner : partners(p)) {
      if (partner.sector() != null && kinds.contains(partner.sector())) {
        return Gap.set(
            id, partner.path() + ".commitment", MeasureSupport.word(partner.commitment()), needed);
      }
    }
    return new Gap(id, List.of("partners"), null, needed, null, false);
  }

  private static Measure.Bound crossSectorScore(Fraction min, int cap) {
    return (p, f) -> {
      ResultBuilder r = ResultBuilder.of(p, f);
      SmallSet sectors = new SmallSet();
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
      if (!sectors.anyIn(GOVERNMENT) && level > cap) {
        return r.capped(level, cap, "no-government");
      }
      return r.level(level);
    };
  }

  // ---------------------------------------------------------------------------------------------
  // partner-commitment

  static final Measure PARTNER_COMMITMENT =
      new Measure(
          "partner-commitment",
          List.of("partners"),
          List.of(),
          List.of("partners-named", "commitment-mean"),
          params ->
              Measure.Bound.of(MiddleUpDown::partnerCommitment, MiddleUpDown::commitmentGaps));

  private static Missing commitmentGaps(Proposal p, Finances f, MeasureResult res) {
    List<Proposal.Partner> partners = partners(p);
    if (partners.isEmpty()) {
      return Missing.all(List.of(Gap.of("partners-named", "partners")));
    }
    List<String> weaker = new ArrayList<>();
    for (Proposal.Partner partner : partners) {
      if (EvidenceFactors.ofCommitment(partner.commitment()).lessThan(Fraction.ONE)) {
        weaker.add(partner.path() + ".commitment");
      }
    }
    return Missing.all(
        List.of(
            Gap.derived(
                "commitment-mean",
                MeasuredValue.share(MeasureSupport.value(res, "commitment")),
                MeasuredValue.share(Fraction.of(res.level() + 1, 4)),
                weaker)));
  }

  private static MeasureResult partnerCommitment(Proposal p, Finances f) {
    ResultBuilder r = ResultBuilder.of(p, f);
    List<Proposal.Partner> partners = partners(p);
    r.value("partners", MeasuredValue.count(partners.size()));
    if (partners.isEmpty()) {
      r.value("commitment", MeasuredValue.share(Fraction.ZERO));
      return r.level(0);
    }
    Fraction sum = Fraction.ZERO;
    for (Proposal.Partner partner : partners) {
      sum = sum.plus(EvidenceFactors.ofCommitment(partner.commitment()));
      r.evidence(partner.path(), ".commitment");
    }
    Fraction mean = sum.dividedBy(partners.size());
    r.value("commitment", MeasuredValue.share(mean));
    return r.level(Math.min(4, mean.times(4).floor().intValue()));
  }

  // ---------------------------------------------------------------------------------------------
  // connector

  static final Parameter.Exact MIN_HOURS = Parameter.exact("min_hours", of(8));
  static final Parameter.Exact PAID_HOURS = Parameter.exact("paid_hours", of(16));

  static final Measure CONNECTOR =
      new Measure(
          "connector",
          List.of("governance"),
          List.of(MIN_HOURS, PAID_HOURS),
          List.of(
              "connector",
              "connector-hours",
              "connector-paid",
              "connector-paid-hours",
              "connector-employer",
              "connector-reports-to-board"),
          MiddleUpDown::connector);

  private static Measure.Bound connector(Params params) {
    Fraction minHours = params.get(MIN_HOURS);
    Fraction paidHours = params.get(PAID_HOURS);
    return Measure.Bound.of(
        connectorScore(minHours, paidHours),
        (p, f, res) -> {
          int next = res.level() + 1;
          Proposal.Connector c = p.governance() == null ? null : p.governance().connector();
          String at = "governance.connector";
          if (next == 1) {
            return Missing.all(List.of(Gap.of("connector", at + ".role", at + ".hours_per_week")));
          }
          MeasuredValue hours =
              c.hoursPerWeek() == null ? null : MeasuredValue.number(c.hoursPerWeek());
          Fraction h = c.hoursPerWeek() == null ? Fraction.ZERO : c.hoursPerWeek();
          List<Gap> gaps = new ArrayList<>();
          if (next == 2) {
            gaps.add(
                Gap.set(
                    "connector-hours",
                    at + ".hours_per_week",
                    hours,
                    MeasuredValue.number(minHours)));
          } else if (next == 3) {
            if (!Boolean.TRUE.equals(c.paid())) {
              gaps.add(
                  Gap.set(
                      "connector-paid",
                      at + ".paid",
                      c.paid() == null ? null : MeasuredValue.yesNo(false),
                      MeasuredValue.yesNo(true)));
            }
            if (h.lessThan(paidHours)) {
              gaps.add(
                  Gap.set(
                      "connector-paid-hours",
                      at + ".hours_per_week",
                      hours,
                      MeasuredValue.number(paidHours)));
            }
          } else {
            if (!"self".equals(c.employer())) {
              gaps.add(
                  Gap.set(
                      "connector-employer",
                      at + ".employer",
                      MeasureSupport.word(c.employer()),
                      MeasuredValue.text("self")));
            }
            if (!"board".equals(c.reportsTo())) {
              gaps.add(
                  Gap.set(
                      "connector-reports-to-board",
                      at + ".reports_to",
                      MeasureSupport.word(c.reportsTo()),
                      MeasuredValue.text("board")));
            }
          }
          return Missing.all(gaps);
        });
  }

  private static Measure.Bound connectorScore(Fraction minHours, Fraction paidHours) {
    return (p, f) -> {
      ResultBuilder r = ResultBuilder.of(p, f);
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
    };
  }

  // ---------------------------------------------------------------------------------------------
  // resident-led-with-backing

  static final Parameter.Exact FOUNDERS_MAJORITY = Parameter.exact("majority", of(1, 2));
  static final Parameter.Exact BACKING_MIN_COMMITMENT = Parameter.exact("min_commitment", of(1, 2));
  // in talks is E = 1/2; a letter of intent (3/4) or an agreement (1) is a strong commitment
  static final Parameter.Exact STRONG_COMMITMENT = Parameter.exact("strong_commitment", of(3, 4));

  static final Measure RESIDENT_LED_WITH_BACKING =
      new Measure(
          "resident-led-with-backing",
          List.of("founders", "partners"),
          List.of(FOUNDERS_MAJORITY, BACKING_MIN_COMMITMENT, STRONG_COMMITMENT),
          List.of(
              "founders",
              "founder-resident",
              "founders-majority",
              "public-partner",
              "public-partner-agreement"),
          MiddleUpDown::residentLedWithBacking);

  private static Measure.Bound residentLedWithBacking(Params params) {
    Fraction majority = params.get(FOUNDERS_MAJORITY);
    Fraction min = params.get(BACKING_MIN_COMMITMENT);
    Fraction strong = params.get(STRONG_COMMITMENT);
    return Measure.Bound.of(
        residentLedScore(majority, min, strong),
        (p, f, res) -> {
          int next = res.level() + 1;
          List<Proposal.Founder> founders = p.founders() == null ? List.of() : p.founders();
          if (next == 1) {
            if (founders.isEmpty()) {
              return Missing.all(List.of(Gap.of("founders", "founders")));
            }
            Proposal.Founder first = founders.get(0);
            return Missing.all(
                List.of(
                    Gap.set(
                        "founder-resident",
                        first.path() + ".lives_in_neighbourhood",
                        first.livesInNeighbourhood() == null ? null : MeasuredValue.yesNo(false),
                        MeasuredValue.yesNo(true))));
          }
          if (next == 2) {
            return Missing.all(
                List.of(
                    Gap.derived(
                        "founders-majority",
                        MeasuredValue.share(MeasureSupport.value(res, "share")),
                        MeasuredValue.share(majority),
                        List.of("founders[].lives_in_neighbourhood"))));
          }
          // the public partner closest to the commitment needed, if there is one
          Proposal.Partner best = null;
          for (Proposal.Partner partner : partners(p)) {
            if (partner.sector() != null
                && PUBLIC_PARTNER.contains(partner.sector())
                && (best == null
                    || EvidenceFactors.ofCommitment(partner.commitment())
                        .greaterThan(EvidenceFactors.ofCommitment(best.commitment())))) {
              best = partner;
            }
          }
          String id = next == 3 ? "public-partner" : "public-partner-agreement";
          MeasuredValue needed =
              MeasuredValue.text(
                  EvidenceFactors.weakestCommitmentAtLeast(next == 3 ? min : strong));
          if (best == null) {
            return Missing.all(
                List.of(new Gap(id, List.of("partners"), null, needed, null, false)));
          }
          return Missing.all(
              List.of(
                  Gap.set(
                      id,
                      best.path() + ".commitment",
                      MeasureSupport.word(best.commitment()),
                      needed)));
        });
  }

  private static Measure.Bound residentLedScore(Fraction majority, Fraction min, Fraction strong) {
    return (p, f) -> {
      ResultBuilder r = ResultBuilder.of(p, f);
      List<Proposal.Founder> founders = p.founders() == null ? List.of() : p.founders();
      long living = 0;
      for (Proposal.Founder x : founders) {
        if (Boolean.TRUE.equals(x.livesInNeighbourhood())) {
          living++;
        }
        r.evidence(x.path(), ".lives_in_neighbourhood");
      }
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
      return r.level(best.atLeast(strong) ? 4 : 3);
    };
  }

  // ---------------------------------------------------------------------------------------------
  // dependency-spread

  /** Largest share of one payer first: above the first threshold is level 0. */
  static final Parameter.Thresholds SPREAD_THRESHOLDS =
      Parameter.descending("thresholds", of(4, 5), of(3, 5), of(9, 20), of(3, 10));

  static final Measure DEPENDENCY_SPREAD =
      new Measure(
          "dependency-spread",
          List.of("revenue"),
          List.of(SPREAD_THRESHOLDS),
          List.of("income", "largest-payer-share"),
          MiddleUpDown::dependencySpread);

  private static Measure.Bound dependencySpread(Params params) {
    List<Fraction> t = params.get(SPREAD_THRESHOLDS);
    return Measure.Bound.of(
        spreadScore(t),
        (p, f, res) -> {
          if (f.income().isZero()) {
            return Missing.all(List.of(Gap.of("income", "revenue")));
          }
          Gap gap =
              Gap.derived(
                  "largest-payer-share",
                  MeasuredValue.share(MeasureSupport.value(res, "share")),
                  MeasuredValue.share(t.get(res.level())),
                  List.of("revenue"));
          MeasuredValue payer = res.values().get("payer");
          return Missing.all(List.of(payer == null ? gap : gap.about((String) payer.value())));
        });
  }

  private static Measure.Bound spreadScore(List<Fraction> t) {
    return (p, f) -> {
      ResultBuilder r = ResultBuilder.of(p, f);
      Fraction income = f.income();
      if (income.isZero()) {
        return r.level(0);
      }
      List<String> municipality = Municipality.spellings(p.municipality());
      // each payer's total, in the order payers first appear (a proposal has a few lines: a linear
      // search over two small arrays instead of a map per proposal)
      List<Proposal.Revenue> lines = f.revenue();
      String[] payers = new String[lines.size()];
      Fraction[] amounts = new Fraction[lines.size()];
      int payerCount = 0;
      Map<String, String> names = r.detailed() ? new LinkedHashMap<>() : null;
      Map<String, List<String>> paths = r.detailed() ? new LinkedHashMap<>() : null;
      for (Proposal.Revenue line : lines) {
        if (!Finances.isIncome(line)) {
          continue;
        }
        String payer = payerKey(line.counterparty(), municipality);
        if (payer == null) {
          continue; // many small payers never make a concentration
        }
        int k = 0;
        while (k < payerCount && !payers[k].equals(payer)) {
          k++;
        }
        if (k == payerCount) {
          payers[payerCount] = payer;
          amounts[payerCount++] = f.weightedMean(line);
        } else {
          amounts[k] = amounts[k].plus(f.weightedMean(line));
        }
        if (r.detailed()) {
          names.putIfAbsent(payer, line.counterparty().strip());
          paths.computeIfAbsent(payer, x -> new ArrayList<>()).add(line.path() + ".counterparty");
        }
      }
      String top = null;
      Fraction topAmount = Fraction.ZERO;
      for (int k = 0; k < payerCount; k++) {
        if (amounts[k].greaterThan(topAmount)) {
          top = payers[k];
          topAmount = amounts[k];
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
      if (!r.detailed()) {
        return r.level(level);
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
    };
  }

  private static final Set<String> MANY_PAYERS = Set.of("various", "divers", "diversen");

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
    if (key.isEmpty() || MANY_PAYERS.contains(key)) {
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

  private static List<Proposal.Partner> partners(Proposal p) {
    return p.partners() == null ? List.of() : p.partners();
  }
}
