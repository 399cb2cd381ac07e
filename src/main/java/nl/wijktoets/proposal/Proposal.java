package nl.wijktoets.proposal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.source.SourceLocation;

/**
 * A proposal in format version 1, read from its YAML tree. Enumerated values hold their English
 * canonical form. An absent value stays absent ({@code null}; an absent list is {@code null}, a
 * list written empty is empty): the rubric's measures decide what absence means. Every item keeps
 * its YAML path, and {@link #locate} gives the line of any path, so evidence can point at it.
 *
 * <p>Contact details and founders' names are deliberately not part of the model: no output can
 * print them.
 */
public record Proposal(
    String file,
    Map<String, SourceLocation> locations,
    Language language,
    String name,
    String neighbourhood,
    String district,
    String municipality,
    String stage,
    String legalForm,
    String mission,
    List<Founder> founders,
    Residents residents,
    Governance governance,
    List<Partner> partners,
    List<ResidentGroup> residentGroups,
    List<Activity> activities,
    List<Revenue> revenue,
    List<BudgetLine> budget,
    List<EmploymentLine> employment,
    EmploymentSupport employmentSupport,
    Volunteers volunteers,
    List<Asset> assets,
    List<Risk> risks,
    List<ImpactIndicator> impactIndicators,
    List<Waiver> waivers,
    Example example) {

  /**
   * A file that is still mostly the example from {@code wijktoets init} ({@link TemplateExamples}):
   * how many of the template's values are untouched, of how many. Null for a plan of one's own.
   */
  public record Example(int untouched, int of) {}

  /** The municipality a proposal is in when it names none. */
  public static final String DEFAULT_MUNICIPALITY = "Den Haag";

  /** Where a YAML path was read, if it was. */
  public Optional<SourceLocation> locate(String path) {
    return Optional.ofNullable(locations.get(path));
  }

  /** Whether a top-level block was written in the file (even empty). */
  public boolean hasBlock(String key) {
    return locations.containsKey(key);
  }

  /**
   * A builder for a proposal read from {@code file}, with the locations of its YAML paths (kept as
   * a read-only view: paths may still be added until {@link Builder#build}). Everything not set
   * stays absent.
   */
  public static Builder builder(String file, Map<String, SourceLocation> locations) {
    return new Builder(file, locations);
  }

  /**
   * Builds a {@link Proposal} block by block, so that a YAML file ({@link ProposalReader}) and a
   * flat CSV row (batch) become a proposal the same way. Plain fields, no copying until {@link
   * #build}: batch builds one per row.
   */
  public static final class Builder {
    private final String file;
    private final Map<String, SourceLocation> locations;
    private Language language;
    private String name;
    private String neighbourhood;
    private String district;
    private String municipality;
    private String stage;
    private String legalForm;
    private String mission;
    private List<Founder> founders;
    private Residents residents;
    private Governance governance;
    private List<Partner> partners;
    private List<ResidentGroup> residentGroups;
    private List<Activity> activities;
    private List<Revenue> revenue;
    private List<BudgetLine> budget;
    private List<EmploymentLine> employment;
    private EmploymentSupport employmentSupport;
    private Volunteers volunteers;
    private List<Asset> assets;
    private List<Risk> risks;
    private List<ImpactIndicator> impactIndicators;
    private List<Waiver> waivers;
    private Example example;

    private Builder(String file, Map<String, SourceLocation> locations) {
      this.file = file;
      this.locations = locations;
    }

    public Builder language(Language language) {
      this.language = language;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder neighbourhood(String neighbourhood) {
      this.neighbourhood = neighbourhood;
      return this;
    }

    public Builder district(String district) {
      this.district = district;
      return this;
    }

    /**
     * The municipality as written: {@link #build} normalises its spelling ({@link
     * Municipality#normalise}), and a proposal that names none is in {@link #DEFAULT_MUNICIPALITY}.
     */
    public Builder municipality(String municipality) {
      this.municipality = municipality;
      return this;
    }

    public Builder stage(String stage) {
      this.stage = stage;
      return this;
    }

    public Builder legalForm(String legalForm) {
      this.legalForm = legalForm;
      return this;
    }

    public Builder mission(String mission) {
      this.mission = mission;
      return this;
    }

    public Builder founders(List<Founder> founders) {
      this.founders = founders;
      return this;
    }

    public Builder residents(Residents residents) {
      this.residents = residents;
      return this;
    }

    public Builder governance(Governance governance) {
      this.governance = governance;
      return this;
    }

    public Builder partners(List<Partner> partners) {
      this.partners = partners;
      return this;
    }

    public Builder residentGroups(List<ResidentGroup> residentGroups) {
      this.residentGroups = residentGroups;
      return this;
    }

    public Builder activities(List<Activity> activities) {
      this.activities = activities;
      return this;
    }

    public Builder revenue(List<Revenue> revenue) {
      this.revenue = revenue;
      return this;
    }

    public Builder budget(List<BudgetLine> budget) {
      this.budget = budget;
      return this;
    }

    public Builder employment(List<EmploymentLine> employment) {
      this.employment = employment;
      return this;
    }

    public Builder employmentSupport(EmploymentSupport employmentSupport) {
      this.employmentSupport = employmentSupport;
      return this;
    }

    public Builder volunteers(Volunteers volunteers) {
      this.volunteers = volunteers;
      return this;
    }

    public Builder assets(List<Asset> assets) {
      this.assets = assets;
      return this;
    }

    public Builder risks(List<Risk> risks) {
      this.risks = risks;
      return this;
    }

    public Builder impactIndicators(List<ImpactIndicator> impactIndicators) {
      this.impactIndicators = impactIndicators;
      return this;
    }

    public Builder waivers(List<Waiver> waivers) {
      this.waivers = waivers;
      return this;
    }

    /** Marks the proposal as still mostly the init template (null: a plan of one's own). */
    public Builder example(Example example) {
      this.example = example;
      return this;
    }

    /** The proposal: lists copied read-only (an absent list stays null), the municipality set. */
    public Proposal build() {
      return new Proposal(
          file,
          Collections.unmodifiableMap(locations),
          language,
          name,
          neighbourhood,
          district,
          municipality == null ? DEFAULT_MUNICIPALITY : Municipality.normalise(municipality),
          stage,
          legalForm,
          mission,
          copy(founders),
          residents,
          governance,
          copy(partners),
          copy(residentGroups),
          copy(activities),
          copy(revenue),
          copy(budget),
          copy(employment),
          employmentSupport,
          volunteers,
          copy(assets),
          copy(risks),
          copy(impactIndicators),
          copy(waivers),
          example);
    }

    /** A read-only copy (no copy at all of a list that already is one, such as List.of). */
    private static <T> List<T> copy(List<T> list) {
      return list == null ? null : List.copyOf(list);
    }
  }

  public record Founder(String path, Boolean livesInNeighbourhood) {}

  public record Residents(
      String path, Fraction involved, Fraction members, List<Consultation> consultations) {}

  public record Consultation(String path, String type, String date, Fraction participants) {}

  public record Governance(
      String path,
      List<BoardMember> board,
      Boolean membersMeeting,
      Boolean profitReinvested,
      Connector connector) {}

  public record BoardMember(String path, String role, Boolean resident, Boolean paid) {}

  public record Connector(
      String path,
      String role,
      Fraction hoursPerWeek,
      Boolean paid,
      String employer,
      String reportsTo) {}

  public record Partner(String path, String name, String sector, String role, String commitment) {}

  public record ResidentGroup(String path, String name, String type, String relation) {}

  public record Activity(
      String path,
      String name,
      String theme,
      String description,
      Boolean publicTask,
      String currentProvider,
      Fraction currentCost,
      Fraction proposedPrice,
      String addedValue,
      Fraction jobsForResidents,
      Fraction beneficiariesPerYear) {}

  /** A revenue line; {@code perYear} maps years to euros per year (never null, maybe empty). */
  public record Revenue(
      String path,
      String source,
      String type,
      String counterparty,
      String status,
      SortedMap<Integer, Fraction> perYear) {}

  public record BudgetLine(String path, Integer year, Fraction costs) {}

  public record EmploymentLine(
      String path, Integer year, Fraction residentsHired, Fraction fte, Fraction entryJobs) {}

  public record EmploymentSupport(String path, Boolean guidance, String outflowTarget) {}

  public record Volunteers(String path, Fraction count, Fraction hoursPerWeek, Boolean allowance) {}

  public record Asset(
      String path, String type, String name, String tenure, Fraction termYears, String owner) {}

  public record Risk(
      String path, String description, String likelihood, String impact, String mitigation) {}

  /** An impact indicator; baseline and target are kept as written (a number or text). */
  public record ImpactIndicator(
      String path,
      String name,
      String theme,
      String unit,
      String baseline,
      String target,
      Integer targetYear,
      String method) {}

  public record Waiver(String path, String criterion, String reason) {}
}
