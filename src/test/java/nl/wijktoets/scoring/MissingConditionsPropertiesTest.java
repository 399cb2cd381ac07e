package nl.wijktoets.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import nl.wijktoets.measure.Gap;
import nl.wijktoets.measure.MeasuredValue;
import nl.wijktoets.measure.Missing;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.source.Finding;

/**
 * What the next level still needs, over random proposals: every criterion below level 4 names at
 * least one missing condition, and for each condition on a single field, writing the needed value
 * into that field never lowers the criterion's level and, when it is the only condition missing (or
 * any one is enough), raises it. Conditions on derived quantities (shares, means, counts) are
 * covered by {@code MissingConditionsTest}'s unit cases.
 */
class MissingConditionsPropertiesTest {

  @Provide
  Arbitrary<RandomProposal> proposals() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 6))
        .as(RandomProposal::generate);
  }

  private static Assessment assess(String yaml) {
    Assessor.Outcome o =
        new Assessor(RubricLoader.builtin())
            .assess("random.yaml", yaml.getBytes(StandardCharsets.UTF_8), null);
    assertThat(o.errors().stream().map(Finding::toString).toList())
        .as("errors in a random proposal")
        .isEmpty();
    return o.assessment();
  }

  /** A needed value as the proposal writes it. */
  private static Object yaml(MeasuredValue v) {
    return switch (v.kind()) {
      case YES_NO -> new RandomProposal.B((Boolean) v.value());
      case TEXT -> new RandomProposal.W((String) v.value());
      default -> new RandomProposal.N(v.fraction().toPlainString(6));
    };
  }

  @Property(tries = 250, seed = "20260113")
  void settingASingleFieldToTheNeededValueNeverLowersTheLevelAndAloneRaisesIt(
      @ForAll("proposals") RandomProposal p) {
    Assessment a = assess(p.canonical());
    for (Map.Entry<String, Missing> e : a.missing().entrySet()) {
      String id = e.getKey();
      Missing missing = e.getValue();
      int level = a.criterion(id).orElseThrow().level();
      assertThat(missing.gaps()).as("%s at level %d names what is missing", id, level).isNotEmpty();
      for (Gap g : missing.gaps()) {
        if (!g.singleField()) {
          continue;
        }
        RandomProposal changed = p.with(g.fields().get(0), yaml(g.needed()));
        int after = assess(changed.canonical()).criterion(id).orElseThrow().level();
        Statistics.label("single-field condition").collect(g.id());
        assertThat(after)
            .as("%s: %s set to %s (level %d before)", id, g.fields(), g.needed(), level)
            .isGreaterThanOrEqualTo(level);
        if (missing.gaps().size() == 1 || missing.oneOf()) {
          assertThat(after)
              .as("%s: %s, the only condition missing, set to %s", id, g.fields(), g.needed())
              .isGreaterThan(level);
        }
      }
    }
  }
}
