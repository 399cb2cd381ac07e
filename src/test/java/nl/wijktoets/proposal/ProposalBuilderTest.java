package nl.wijktoets.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.source.SourceLocation;
import org.junit.jupiter.api.Test;

/** The one way a proposal is put together, from a YAML file or from a flat CSV row. */
class ProposalBuilderTest {

  private static final Map<String, SourceLocation> NOWHERE = Map.of();

  @Test
  void nothingSetIsAbsentAndTheMunicipalityIsDenHaag() {
    Proposal p = Proposal.builder("x.yaml", NOWHERE).build();
    assertThat(p.file()).isEqualTo("x.yaml");
    assertThat(p.municipality()).isEqualTo(Proposal.DEFAULT_MUNICIPALITY);
    assertThat(p)
        .isEqualTo(
            new Proposal(
                "x.yaml",
                NOWHERE,
                null,
                null,
                null,
                null,
                "Den Haag",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
  }

  @Test
  void everyValueLandsInItsOwnComponent() {
    Fraction one = Fraction.of(1);
    var founders = List.of(new Proposal.Founder("founders[0]", true));
    var residents = new Proposal.Residents("residents", one, one, List.of());
    var governance = new Proposal.Governance("governance", List.of(), true, false, null);
    var partners = List.of(new Proposal.Partner("partners[0]", "p", "district", null, null));
    var groups = List.of(new Proposal.ResidentGroup("resident_groups[0]", "g", null, null));
    var activities =
        List.of(
            new Proposal.Activity(
                "activities[0]", "a", null, null, true, null, null, null, null, null, null));
    var revenue =
        List.of(new Proposal.Revenue("revenue[0]", "s", "sales", null, "idea", new TreeMap<>()));
    var budget = List.of(new Proposal.BudgetLine("budget[0]", 2026, one));
    var employment = List.of(new Proposal.EmploymentLine("employment[0]", 2026, one, one, one));
    var support = new Proposal.EmploymentSupport("employment_support", true, "x");
    var volunteers = new Proposal.Volunteers("volunteers", one, one, false);
    var assets = List.of(new Proposal.Asset("assets[0]", "building", "b", "rent", one, null));
    var risks = List.of(new Proposal.Risk("risks[0]", "r", "low", "high", "m"));
    var indicators =
        List.of(
            new Proposal.ImpactIndicator(
                "impact_indicators[0]", "i", "work", null, "0", "1", 2028, "count"));
    var waivers = List.of(new Proposal.Waiver("waivers[0]", "c", "reason"));
    Map<String, SourceLocation> at = Map.of("name", new SourceLocation("x.yaml", 2, 7));

    Proposal built =
        Proposal.builder("x.yaml", at)
            .language(Language.EN)
            .name("name")
            .neighbourhood("neighbourhood")
            .district("district")
            .municipality("Rotterdam")
            .stage("idea")
            .legalForm("foundation")
            .mission("mission")
            .founders(founders)
            .residents(residents)
            .governance(governance)
            .partners(partners)
            .residentGroups(groups)
            .activities(activities)
            .revenue(revenue)
            .budget(budget)
            .employment(employment)
            .employmentSupport(support)
            .volunteers(volunteers)
            .assets(assets)
            .risks(risks)
            .impactIndicators(indicators)
            .waivers(waivers)
            .build();

    assertThat(built)
        .isEqualTo(
            new Proposal(
                "x.yaml",
                at,
                Language.EN,
                "name",
                "neighbourhood",
                "district",
                "Rotterdam",
                "idea",
                "foundation",
                "mission",
                founders,
                residents,
                governance,
                partners,
                groups,
                activities,
                revenue,
                budget,
                employment,
                support,
                volunteers,
                assets,
                risks,
                indicators,
                waivers,
                null));
  }

  @Test
  void theMunicipalityIsNormalisedAsWritten() {
    assertThat(Proposal.builder("x", NOWHERE).municipality("The Hague").build().municipality())
        .isEqualTo("Den Haag");
    assertThat(
            Proposal.builder("x", NOWHERE)
                .municipality("Gemeente Rotterdam")
                .build()
                .municipality())
        .isEqualTo("Rotterdam");
  }

  @Test
  void listsAreCopiedReadOnlyAbsentStaysAbsentEmptyStaysEmpty() {
    List<Proposal.Founder> founders = new ArrayList<>();
    founders.add(new Proposal.Founder("founders[0]", true));
    Proposal p = Proposal.builder("x", NOWHERE).founders(founders).partners(List.of()).build();
    founders.add(new Proposal.Founder("founders[1]", false));
    assertThat(p.founders()).hasSize(1);
    assertThatThrownBy(() -> p.founders().add(null))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(p.partners()).isEmpty();
    assertThat(p.budget()).isNull();
  }

  @Test
  void locationsAreAReadOnlyViewFilledUntilBuild() {
    Map<String, SourceLocation> locations = new HashMap<>();
    Proposal.Builder builder = Proposal.builder("x", locations);
    locations.put("risks", new SourceLocation("x", 9, 1));
    Proposal p = builder.build();
    assertThat(p.hasBlock("risks")).isTrue();
    assertThatThrownBy(() -> p.locations().put("a", null))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theReaderBuildsThroughTheBuilder() {
    String yaml =
        "version: 1\nname: X\nneighbourhood: Moerwijk\nmunicipality: gemeente den haag\n"
            + "founders:\n  - lives_in_neighbourhood: true\n";
    Proposal read = ProposalReader.read("x.yaml", yaml.getBytes(StandardCharsets.UTF_8)).proposal();
    Proposal built =
        Proposal.builder("x.yaml", read.locations())
            .name("X")
            .neighbourhood("Moerwijk")
            .municipality("gemeente den haag")
            .founders(List.of(new Proposal.Founder("founders[0]", true)))
            .build();
    assertThat(read).isEqualTo(built);
  }
}
