package nl.wijktoets.measure;

import static nl.wijktoets.exact.Fraction.of;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.proposal.Names;
import nl.wijktoets.proposal.Proposal;

/**
 * The measures of lesson 3, participation trends: residents in charge, active resident groups, a
 * place of their own, involved residents and measured impact. Each follows the rubric's definition
 * to the letter, in exact fractions.
 */
final class ParticipationTrends {

  private ParticipationTrends() {}

  // ---------------------------------------------------------------------------------------------
  // resident-governance

  static final Parameter.Exact BOARD_MAJORITY = Parameter.exact("majority", of(1, 2));
  static final Parameter.Exact STRONG_MAJORITY = Parameter.exact("strong_majority", of(2, 3));
  static final Parameter.Whole MIN_MEMBERS = Parameter.whole("min_members", 25);

  static final Measure RESIDENT_GOVERNANCE =
      new Measure(
          "resident-governance",
          List.of("governance", "residents"),
          List.of(BOARD_MAJORITY, STRONG_MAJORITY, MIN_MEMBERS),
          ParticipationTrends::residentGovernance);

  private static Measure.Bound residentGovernance(Params params) {
    Fraction majority = params.get(BOARD_MAJORITY);
    Fraction strong = params.get(STRONG_MAJORITY);
    Fraction minMembers = of(params.get(MIN_MEMBERS));
    return (p, f) -> {
      ResultBuilder r = new ResultBuilder(p, f);
      Proposal.Governance g = p.governance();
      if (p.residents() != null && p.residents().members() != null) {
        r.value("members", MeasuredValue.count(p.residents().members()));
      }
      if (g == null || g.board() == null || g.board().isEmpty()) {
        return r.level(0);
      }
      r.evidence(g.path(), ".board");
      long residents = 0;
      for (Proposal.BoardMember b : g.board()) {
        if (Boolean.TRUE.equals(b.resident())) {
          residents++;
        }
      }
      Fraction share = of(residents, g.board().size());
      r.value("share", MeasuredValue.share(share));
      boolean meeting = Boolean.TRUE.equals(g.membersMeeting());
      boolean reinvested = Boolean.TRUE.equals(g.profitReinvested());
      boolean members =
          p.residents() != null
              && p.residents().members() != null
              && p.residents().members().atLeast(minMembers);
      if (g.membersMeeting() != null) {
        r.evidence(g.path(), ".members_meeting");
      }
      if (g.profitReinvested() != null) {
        r.evidence(g.path(), ".profit_reinvested");
      }
      if (share.atLeast(strong) && meeting && reinvested) {
        return r.level(4);
      }
      if (share.atLeast(majority) && (meeting || members)) {
        return r.level(3);
      }
      return r.level(share.atLeast(majority) ? 2 : 1);
    };
  }

  // ---------------------------------------------------------------------------------------------
  // resident-groups

  static final Parameter.Whole MIN_GROUPS = Parameter.whole("min_groups", 3);
  static final Parameter.Whole MIN_TYPES = Parameter.whole("min_types", 2);
  static final Parameter.Words STRONG_RELATIONS =
      Parameter.words("strong_relations", "member", "co-owner", "joint-delivery");

  static final Measure RESIDENT_GROUPS =
      new Measure(
          "resident-groups",
          List.of("resident_groups"),
          List.of(MIN_GROUPS, MIN_TYPES, STRONG_RELATIONS),
          ParticipationTrends::residentGroups);

  private static Measure.Bound residentGroups(Params params) {
    int minGroups = params.get(MIN_GROUPS);
    int minTypes = params.get(MIN_TYPES);
    Set<String> strongRelations = Set.copyOf(params.get(STRONG_RELATIONS));
    return (p, f) -> {
      ResultBuilder r = new ResultBuilder(p, f);
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
    };
  }

  // ---------------------------------------------------------------------------------------------
  // community-assets

  static final Parameter.Exact LONG_TERM_YEARS = Parameter.exact("long_term_years", of(5));

  static final Measure COMMUNITY_ASSETS =
      new Measure(
          "community-assets",
          List.of("assets"),
          List.of(LONG_TERM_YEARS),
          ParticipationTrends::communityAssets);

  private static Measure.Bound communityAssets(Params params) {
    Fraction longTerm = params.get(LONG_TERM_YEARS);
    return (p, f) -> {
      ResultBuilder r = new ResultBuilder(p, f);
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
              case "rent", "loan" ->
                  a.termYears() != null && a.termYears().atLeast(longTerm) ? 3 : 2;
              case "occasional" -> 1;
              default -> 0;
            };
        if (level > best) {
          best = level;
          bestAsset = a;
        }
      }
      if (bestAsset != null) {
        r.evidence(bestAsset.path(), ".tenure");
        r.value("tenure", MeasuredValue.text(bestAsset.tenure()));
        if (bestAsset.termYears() != null) {
          r.value("term_years", MeasuredValue.number(bestAsset.termYears()));
        }
      }
      return r.level(best);
    };
  }

  // ---------------------------------------------------------------------------------------------
  // resident-involvement

  static final Parameter.Thresholds INVOLVED_THRESHOLDS =
      Parameter.ascending("thresholds", of(5), of(15), of(30), of(75));
  static final Parameter.Whole MIN_PARTICIPANTS = Parameter.whole("min_participants", 50);

  static final Measure RESIDENT_INVOLVEMENT =
      new Measure(
          "resident-involvement",
          List.of("residents"),
          List.of(INVOLVED_THRESHOLDS, MIN_PARTICIPANTS),
          ParticipationTrends::residentInvolvement);

  private static Measure.Bound residentInvolvement(Params params) {
    List<Fraction> t = params.get(INVOLVED_THRESHOLDS);
    Fraction minParticipants = of(params.get(MIN_PARTICIPANTS));
    return (p, f) -> {
      ResultBuilder r = new ResultBuilder(p, f);
      Proposal.Residents res = p.residents();
      Fraction n = res == null || res.involved() == null ? Fraction.ZERO : res.involved();
      Fraction c = Fraction.ZERO;
      if (res != null) {
        if (res.involved() != null) {
          r.evidence(res.path(), ".involved");
        }
        if (res.consultations() != null) {
          for (Proposal.Consultation con : res.consultations()) {
            if (con.participants() != null) {
              c = c.plus(con.participants());
              r.evidence(con.path(), ".participants");
            }
          }
        }
      }
      r.value("involved", MeasuredValue.count(n));
      r.value("participants", MeasuredValue.count(c));
      int level = MeasureSupport.countAtLeast(n, t);
      if (c.isZero() && level > 2) {
        return r.capped(level, 2, "no-consultation");
      }
      if (c.lessThan(minParticipants) && level > 3) {
        return r.capped(level, 3, "few-participants");
      }
      return r.level(level);
    };
  }

  // ---------------------------------------------------------------------------------------------
  // impact-measurement

  static final Parameter.Whole MIN_THEMES = Parameter.whole("min_themes", 2);
  static final Parameter.Words THEMES =
      Parameter.words("themes", "work", "participation", "liveability", "poverty", "health");

  static final Measure IMPACT_MEASUREMENT =
      new Measure(
          "impact-measurement",
          List.of("impact_indicators", "risks"),
          List.of(MIN_THEMES, THEMES),
          ParticipationTrends::impactMeasurement);

  private static Measure.Bound impactMeasurement(Params params) {
    int minThemes = params.get(MIN_THEMES);
    Set<String> themes = Set.copyOf(params.get(THEMES));
    return (p, f) -> {
      ResultBuilder r = new ResultBuilder(p, f);
      int q = 0;
      Set<String> covered = new HashSet<>();
      for (Proposal.ImpactIndicator i :
          p.impactIndicators() == null
              ? List.<Proposal.ImpactIndicator>of()
              : p.impactIndicators()) {
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
          r.evidence(risk.path(), ".mitigation");
          break;
        }
      }
      r.value("indicators", MeasuredValue.count(q));
      r.value("themes", MeasuredValue.count(covered.size()));
      if (q >= 3 && covered.size() >= minThemes && mitigated) {
        return r.level(4);
      }
      return r.level(Math.min(q, 3));
    };
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
