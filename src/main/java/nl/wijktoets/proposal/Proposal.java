package nl.wijktoets.proposal;

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
    List<Waiver> waivers) {

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
