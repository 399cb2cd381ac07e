package nl.wijktoets.measure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in measures, named as the rubric names them, in rubric order. Each lesson's measures
 * and their parameter declarations live in one class per lesson ({@link SocialTendering}, {@link
 * MiddleUpDown}, {@link ParticipationTrends}); this is the one list of them.
 */
public final class Measures {

  private static final List<Measure> ALL =
      List.of(
          // lesson 1: social tendering
          SocialTendering.PUBLIC_TASK_REVENUE,
          SocialTendering.CHALLENGE_FIT,
          SocialTendering.JOBS_FOR_RESIDENTS,
          SocialTendering.EARNED_INCOME_SHARE,
          SocialTendering.FINANCIAL_CONTINUITY,
          // lesson 2: middle-up-down
          MiddleUpDown.CROSS_SECTOR_PARTNERS,
          MiddleUpDown.PARTNER_COMMITMENT,
          MiddleUpDown.CONNECTOR,
          MiddleUpDown.RESIDENT_LED_WITH_BACKING,
          MiddleUpDown.DEPENDENCY_SPREAD,
          // lesson 3: participation trends
          ParticipationTrends.RESIDENT_GOVERNANCE,
          ParticipationTrends.RESIDENT_GROUPS,
          ParticipationTrends.COMMUNITY_ASSETS,
          ParticipationTrends.RESIDENT_INVOLVEMENT,
          ParticipationTrends.IMPACT_MEASUREMENT);

  private static final Map<String, Measure> BY_NAME = new LinkedHashMap<>();

  static {
    for (Measure m : ALL) {
      if (BY_NAME.put(m.name(), m) != null) {
        throw new IllegalStateException("two measures named " + m.name());
      }
    }
  }

  private Measures() {}

  public static Optional<Measure> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  public static List<Measure> all() {
    return ALL;
  }
}
