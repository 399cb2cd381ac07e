package nl.wijktoets.measure;

import static nl.wijktoets.exact.Fraction.of;

import java.util.ArrayList;
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
          List.of(
              "board",
              "board-majority",
              "members-say",
              "board-two-thirds",
              "members-meeting",
              "profit-reinvested"),
          ParticipationTrends::residentGovernance);

  private static Measure.Bound residentGovernance(Params params) {
    Fraction majority = params.get(BOARD_MAJORITY);
    Fraction strong = params.get(STRONG_MAJORITY);
    Fraction minMembers = of(params.get(MIN_MEMBERS));
    return Measure.Bound.of(
        governanceScore(majority, strong, minMembers),
        (p, f, res) -> {
          int next = res.level() + 1;
          Proposal.Governance g = p.governance();
          Fraction share = MeasureSupport.value(res, "share");
          List<Gap> gaps = new ArrayList<>();
          if (next == 1) {
            gaps.add(Gap.of("board", "governance.board"));
          } else if (next == 2) {
            gaps.add(
                Gap.derived(
                    "board-majority",
                    MeasuredValue.share(share),
                    MeasuredValue.share(majority),
                    List.of("governance.board[].resident")));
          } else if (next == 3) {
            gaps.add(
                new Gap(
                    "members-say",
                    List.of("governance.members_meeting", "residents.members"),
                    null,
                    MeasuredValue.count(minMembers),
                    null,
                    false));
          } else {
            if (share.lessThan(strong)) {
              gaps.add(
                  Gap.derived(
                      "board-two-thirds",
                      MeasuredValue.share(share),
                      MeasuredValue.share(strong),
                      List.of("governance.board[].resident")));
            }
            if (!Boolean.TRUE.equals(g.membersMeeting())) {
              gaps.add(yes("members-meeting", "governance.members_meeting", g.membersMeeting()));
            }
            if (!Boolean.TRUE.equals(g.profitReinvested())) {
              gaps.add(
                  yes("profit-reinvested", "governance.profit_reinvested", g.profitReinvested()));
            }
          }
          return Missing.all(gaps);
        });
  }

  /** A yes that is no or not given yet. */
  private static Gap yes(String id, String field, Boolean now) {
    return Gap.set(
        id, field, now == null ? null : MeasuredValue.yesNo(now), MeasuredValue.yesNo(true));
  }

  private static Measure.Bound governanceScore(
      Fraction majority, Fraction strong, Fraction minMembers) {
    return (p, f) -> {
      ResultBuilder r = ResultBuilder.of(p, f);
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
          List.of("groups", "group-types", "close-tie"),
          ParticipationTrends::residentGroups);

  private static Measure.Bound residentGroups(Params params) {
    int minGroups = params.get(MIN_GROUPS);
    int minTypes = params.get(MIN_TYPES);
    Set<String> strongRelations = Set.copyOf(params.get(STRONG_RELATIONS));
    String firstStrong = params.get(STRONG_RELATIONS).get(0);
    return Measure.Bound.of(
        groupsScore(minGroups, minTypes, strongRelations),
        (p, f, res) -> {
          int next = res.level() + 1;
          List<Proposal.ResidentGroup> groups =
              p.residentGroups() == null ? List.of() : p.residentGroups();
          int k = MeasureSupport.value(res, "groups").floor().intValue();
          int types = MeasureSupport.value(res, "types").floor().intValue();
          List<Gap> gaps = new ArrayList<>();
          int neededGroups = next < 4 ? next : minGroups;
          if (k < neededGroups) {
            gaps.add(
                Gap.derived(
                    "groups",
                    MeasuredValue.count(k),
                    MeasuredValue.count(neededGroups),
                    List.of("resident_groups")));
          }
          if (next == 4) {
            if (types < minTypes) {
              gaps.add(
                  Gap.derived(
                      "group-types",
                      MeasuredValue.count(types),
                      MeasuredValue.count(minTypes),
                      List.of("resident_groups[].type")));
            }
            boolean tie =
                groups.stream()
                    .anyMatch(g -> g.relation() != null && strongRelations.contains(g.relation()));
            if (!tie) {
              gaps.add(
                  groups.isEmpty()
                      ? Gap.of("close-tie", "resident_groups[].relation")
                      : Gap.set(
                          "close-tie",
                          groups.get(0).path() + ".relation",
                          MeasureSupport.word(groups.get(0).relation()),
                          MeasuredValue.text(firstStrong)));
            }
          }
          return Missing.all(gaps);
        });
  }

  private static Measure.Bound groupsScore(
      int minGroups, int minTypes, Set<String> strongRelations) {
    return (p, f) -> {
      ResultBuilder r = ResultBuilder.of(p, f);
      List<Proposal.ResidentGroup> groups =
          p.residentGroups() == null ? List.of() : p.residentGroups();
      SmallSet names = new SmallSet();
      SmallSet types = new SmallSet();
      int unnamed = 0;
      boolean strong = false;
      for (Proposal.ResidentGroup g : groups) {
        r.evidence(g.path());
        String key = g.name() == null ? "" : Names.key(g.name());
        if (key.isEmpty()) {
          unnamed++;
        } else {
          names.add(key);
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
          List.of("place", "rent-or-loan", "long-term-or-management", "ownership"),
          ParticipationTrends::communityAssets);

  private static Measure.Bound communityAssets(Params params) {
    Fraction longTerm = params.get(LONG_TERM_YEARS);
    return Measure.Bound.of(
        assetsScore(longTerm),
        (p, f, res) -> {
          int next = res.level() + 1;
          Proposal.Asset best = bestPlace(p, longTerm);
          if (best == null) {
            // no building or land at all, or one without a tenure that counts
            Proposal.Asset place = firstPlace(p);
            return Missing.all(
                List.of(
                    place == null
                        ? Gap.of("place", "assets")
                        : Gap.set(
                            "place",
                            place.path() + ".tenure",
                            MeasureSupport.word(place.tenure()),
                            MeasuredValue.text("occasional"))));
          }
          String tenure = best.path() + ".tenure";
          MeasuredValue now = MeasureSupport.word(best.tenure());
          Gap gap =
              switch (next) {
                case 2 -> Gap.set("rent-or-loan", tenure, now, MeasuredValue.text("rent"));
                case 3 ->
                    Gap.set(
                        "long-term-or-management",
                        best.path() + ".term_years",
                        best.termYears() == null ? null : MeasuredValue.number(best.termYears()),
                        MeasuredValue.number(longTerm));
                default -> Gap.set("ownership", tenure, now, MeasuredValue.text("ownership"));
              };
          return Missing.all(List.of(gap));
        });
  }

  private static boolean isPlace(Proposal.Asset a) {
    return "building".equals(a.type()) || "land".equals(a.type());
  }

  private static Proposal.Asset firstPlace(Proposal p) {
    return p.assets() == null
        ? null
        : p.assets().stream().filter(ParticipationTrends::isPlace).findFirst().orElse(null);
  }

  /** The building or land with the best tenure (the first of the best), or null for none. */
  private static Proposal.Asset bestPlace(Proposal p, Fraction longTerm) {
    int best = 0;
    Proposal.Asset bestAsset = null;
    for (Proposal.Asset a : p.assets() == null ? List.<Proposal.Asset>of() : p.assets()) {
      if (isPlace(a)) {
        int level = tenureLevel(a, longTerm);
        if (level > best) {
          best = level;
          bestAsset = a;
        }
      }
    }
    return bestAsset;
  }

  private static int tenureLevel(Proposal.Asset a, Fraction longTerm) {
    return switch (a.tenure() == null ? "" : a.tenure()) {
      case "ownership", "leasehold", "community-transfer" -> 4;
      case "management", "self-management" -> 3;
      case "rent", "loan" -> a.termYears() != null && a.termYears().atLeast(longTerm) ? 3 : 2;
      case "occasional" -> 1;
      default -> 0;
    };
  }

  private static Measure.Bound assetsScore(Fraction longTerm) {
    return (p, f) -> {
      ResultBuilder r = ResultBuilder.of(p, f);
      int best = 0;
      Proposal.Asset bestAsset = null;
      for (Proposal.Asset a : p.assets() == null ? List.<Proposal.Asset>of() : p.assets()) {
        if (!"building".equals(a.type()) && !"land".equals(a.type())) {
          continue;
        }
        int level = tenureLevel(a, longTerm);
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
          List.of("involved", "consultation", "participants"),
          ParticipationTrends::residentInvolvement);

  private static Measure.Bound residentInvolvement(Params params) {
    List<Fraction> t = params.get(INVOLVED_THRESHOLDS);
    Fraction minParticipants = of(params.get(MIN_PARTICIPANTS));
    return Measure.Bound.of(
        involvementScore(t, minParticipants),
        (p, f, res) -> {
          int next = res.level() + 1;
          Fraction n = MeasureSupport.value(res, "involved");
          Fraction c = MeasureSupport.value(res, "participants");
          List<Gap> gaps = new ArrayList<>();
          if (n.lessThan(t.get(next - 1))) {
            gaps.add(
                Gap.set(
                    "involved",
                    "residents.involved",
                    MeasuredValue.count(n),
                    MeasuredValue.count(t.get(next - 1))));
          }
          String participants = "residents.consultations[].participants";
          if (next == 3 && c.isZero()) {
            gaps.add(Gap.of("consultation", participants));
          } else if (next == 4 && c.lessThan(minParticipants)) {
            gaps.add(
                Gap.derived(
                    "participants",
                    MeasuredValue.count(c),
                    MeasuredValue.count(minParticipants),
                    List.of(participants)));
          }
          return Missing.all(gaps);
        });
  }

  private static Measure.Bound involvementScore(List<Fraction> t, Fraction minParticipants) {
    return (p, f) -> {
      ResultBuilder r = ResultBuilder.of(p, f);
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
          List.of("indicators", "indicator-themes", "risk-mitigation"),
          ParticipationTrends::impactMeasurement);

  private static Measure.Bound impactMeasurement(Params params) {
    int minThemes = params.get(MIN_THEMES);
    Set<String> themes = Set.copyOf(params.get(THEMES));
    return Measure.Bound.of(
        impactScore(minThemes, themes),
        (p, f, res) -> {
          int next = res.level() + 1;
          int q = MeasureSupport.value(res, "indicators").floor().intValue();
          int covered = MeasureSupport.value(res, "themes").floor().intValue();
          List<Proposal.ImpactIndicator> indicators =
              p.impactIndicators() == null ? List.of() : p.impactIndicators();
          List<Gap> gaps = new ArrayList<>();
          int needed = Math.min(next, 3);
          if (q < needed) {
            // the fields an indicator still lacks, for the indicators begun but not complete
            List<String> fields = new ArrayList<>();
            for (Proposal.ImpactIndicator i : indicators) {
              if (!present(i.baseline())) {
                fields.add(i.path() + ".baseline");
              }
              if (!present(i.target())) {
                fields.add(i.path() + ".target");
              }
              if (!present(i.method())) {
                fields.add(i.path() + ".method");
              }
            }
            if (fields.isEmpty()) {
              fields.add("impact_indicators");
            }
            gaps.add(
                Gap.derived(
                    "indicators", MeasuredValue.count(q), MeasuredValue.count(needed), fields));
          }
          if (next == 4) {
            if (covered < minThemes) {
              gaps.add(
                  Gap.derived(
                      "indicator-themes",
                      MeasuredValue.count(covered),
                      MeasuredValue.count(minThemes),
                      List.of("impact_indicators[].theme")));
            }
            List<Proposal.Risk> risks = p.risks() == null ? List.of() : p.risks();
            if (risks.stream().noneMatch(r -> present(r.mitigation()))) {
              gaps.add(
                  Gap.of(
                      "risk-mitigation",
                      risks.isEmpty() ? "risks" : risks.get(0).path() + ".mitigation"));
            }
          }
          return Missing.all(gaps);
        });
  }

  private static Measure.Bound impactScore(int minThemes, Set<String> themes) {
    return (p, f) -> {
      ResultBuilder r = ResultBuilder.of(p, f);
      int q = 0;
      SmallSet covered = new SmallSet();
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
