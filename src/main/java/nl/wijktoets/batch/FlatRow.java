package nl.wijktoets.batch;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.proposal.Amounts;
import nl.wijktoets.proposal.Proposal;
import nl.wijktoets.proposal.ProposalYamlWriter;
import nl.wijktoets.proposal.Vocabulary;
import nl.wijktoets.source.SourceLocation;

/**
 * Maps one flat CSV row (batch format 1) to exactly one format-1 proposal, by the documented rule:
 * the row describes one steady year, repeated over {@code plan_years} years from {@code
 * first_year}. Writing the proposal out with {@link ProposalYamlWriter} and reading it back gives
 * the same scores.
 */
public final class FlatRow {

  /** The flat columns, in the order of the format's description. */
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "name",
          "neighbourhood",
          "district",
          "municipality",
          "language",
          "stage",
          "legal_form",
          "founders",
          "founders_resident",
          "residents_involved",
          "members",
          "consultation_participants",
          "board_seats",
          "board_resident_seats",
          "members_meeting",
          "profit_reinvested",
          "connector_hours",
          "connector_paid",
          "connector_employer",
          "connector_reports_to",
          "partners",
          "resident_groups",
          "public_task_provider",
          "public_task_current_cost",
          "public_task_price",
          "public_task_jobs",
          "revenue",
          "costs",
          "first_year",
          "plan_years",
          "residents_hired",
          "entry_jobs",
          "guidance",
          "asset_tenure",
          "asset_term_years",
          "impact_indicators",
          "impact_themes",
          "risk_mitigated",
          "file");

  private static final Pattern COUNT = Pattern.compile("[0-9]{1,9}");

  /** Counts that make one item each (a founder, a board seat, an indicator): bounded. */
  private static final Set<String> ITEM_COUNTS =
      Set.of(
          "founders",
          "founders_resident",
          "board_seats",
          "board_resident_seats",
          "impact_indicators");

  /** At most this many plan years per row (scoring reads the first three). */
  static final int MAX_PLAN_YEARS = 10;

  /** At most this many items in a `;`-separated cell (partners, revenue, ...). */
  static final int MAX_LIST_ITEMS = 100;

  /** At most this many plan years, founders, board seats, partners, ... per row. */
  static final int MAX_ITEMS = 1000;

  private final Map<String, String> cells;
  private final String file;
  private final int line;
  private final Map<String, Integer> columnIndex;
  private final int defaultFirstYear;
  private final Map<String, SourceLocation> locations = new HashMap<>();
  private final Set<String> dutchCells = new HashSet<>();

  FlatRow(
      Map<String, String> cells,
      Map<String, Integer> columnIndex,
      String file,
      int line,
      int defaultFirstYear) {
    this.cells = cells;
    this.columnIndex = columnIndex;
    this.file = file;
    this.line = line;
    this.defaultFirstYear = defaultFirstYear;
  }

  /**
   * The first plan year of a row that gives no {@code first_year}: the calendar year after today's
   * on {@code clock}, in its time zone (the command line uses UTC). Batch reads the clock once per
   * run, not per row.
   */
  public static int nextCalendarYear(Clock clock) {
    return LocalDate.now(clock).getYear() + 1;
  }

  /**
   * The proposal a flat row describes.
   *
   * @param cells the row's cells by lower-case column name (empty cells may be absent)
   * @param columnIndex each column's 0-based position, for locations
   * @param file how the proposal is named in outputs ({@code list.csv:12})
   * @param line the row's line in the CSV file
   * @param defaultFirstYear the first plan year when the row gives none
   * @throws RowException naming the column when a cell cannot be read
   */
  public static Proposal toProposal(
      Map<String, String> cells,
      Map<String, Integer> columnIndex,
      String file,
      int line,
      int defaultFirstYear)
      throws RowException {
    return read(cells, columnIndex, file, line, defaultFirstYear).proposal();
  }

  /**
   * A flat row read: the proposal, and how many of its cells were read as Dutch numbers ({@code
   * 60.000} as 60000, {@code 12,5} as 12.5). A row has no channel for warnings, so batch counts
   * these cells in its summary instead.
   */
  public record Read(Proposal proposal, int dutchCells) {}

  /** As {@link #toProposal}, with the count of cells read as Dutch numbers. */
  public static Read read(
      Map<String, String> cells,
      Map<String, Integer> columnIndex,
      String file,
      int line,
      int defaultFirstYear)
      throws RowException {
    FlatRow row = new FlatRow(cells, columnIndex, file, line, defaultFirstYear);
    Proposal p = row.proposal();
    return new Read(p, row.dutchCells.size());
  }

  /**
   * The whole row, through the same builder a YAML file goes through. A row with several bad cells
   * names the first in this order: plan years, name and neighbourhood, the blocks in the order of
   * the format's columns, then language, stage and legal form.
   */
  private Proposal proposal() throws RowException {
    List<Integer> years = years();
    Proposal.Builder proposal =
        Proposal.builder(file, locations)
            .name(required("name"))
            .neighbourhood(required("neighbourhood"))
            .municipality(cell("municipality"))
            .founders(founders())
            .residents(residents())
            .governance(governance())
            .partners(partners())
            .residentGroups(residentGroups())
            .activities(activities())
            .revenue(revenue(years))
            .budget(budget(years))
            .employment(employment(years))
            .employmentSupport(employmentSupport())
            .assets(assets())
            .impactIndicators(impactIndicators())
            .risks(risks())
            .language(language())
            .district(cell("district"))
            .stage(word("stage", Vocabulary.STAGE))
            .legalForm(word("legal_form", Vocabulary.LEGAL_FORM));
    at("name", "name");
    at("neighbourhood", "neighbourhood");
    return proposal.build();
  }

  /** The plan years: {@code plan_years} years from {@code first_year}. */
  List<Integer> years() throws RowException {
    int planYears = count("plan_years", 1);
    if (planYears < 1 || planYears > MAX_PLAN_YEARS) {
      throw new RowException("plan_years", "batch.row.plan-years", MAX_PLAN_YEARS);
    }
    int firstYear = count("first_year", defaultFirstYear);
    if (firstYear < 1000 || firstYear > 9999) {
      throw new RowException("first_year", "batch.row.year", cell("first_year"));
    }
    List<Integer> years = new ArrayList<>(planYears);
    for (int i = 0; i < planYears; i++) {
      years.add(firstYear + i);
    }
    return years;
  }

  // ---------------------------------------------------------------------------------------------
  // The blocks, as ProposalReader reads them from YAML. Each is absent (null) when none of its
  // columns is given, and records its location.

  /** {@code founders} founders, the first {@code founders_resident} of them living here. */
  List<Proposal.Founder> founders() throws RowException {
    if (!given("founders") && !given("founders_resident")) {
      return null;
    }
    int n = count("founders", 0);
    int resident = part("founders_resident", "founders", n);
    List<Proposal.Founder> founders = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      founders.add(new Proposal.Founder(YamlPath.index("founders", i), i < resident));
    }
    at("founders");
    return founders;
  }

  /** Residents involved, members, and one consultation with its participants. */
  Proposal.Residents residents() throws RowException {
    if (!given("residents_involved") && !given("members") && !given("consultation_participants")) {
      return null;
    }
    List<Proposal.Consultation> consultations = null;
    if (given("consultation_participants")) {
      consultations =
          List.of(
              new Proposal.Consultation(
                  "residents.consultations[0]",
                  "other",
                  null,
                  Fraction.of(count("consultation_participants", 0))));
    }
    Proposal.Residents residents =
        new Proposal.Residents(
            "residents", countOrNull("residents_involved"), countOrNull("members"), consultations);
    at("residents", "residents_involved", "members", "consultation_participants");
    return residents;
  }

  /** Board seats (the first {@code board_resident_seats} residents), meetings, the connector. */
  Proposal.Governance governance() throws RowException {
    if (!given("board_seats")
        && !given("board_resident_seats")
        && !given("members_meeting")
        && !given("profit_reinvested")
        && !given("connector_hours")) {
      return null;
    }
    List<Proposal.BoardMember> board = null;
    if (given("board_seats") || given("board_resident_seats")) {
      int seats = count("board_seats", 0);
      int resident = part("board_resident_seats", "board_seats", seats);
      board = new ArrayList<>(seats);
      for (int i = 0; i < seats; i++) {
        board.add(
            new Proposal.BoardMember(
                YamlPath.index("governance.board", i), "member", i < resident, null));
      }
    }
    Proposal.Connector connector = null;
    if (given("connector_hours")) {
      connector =
          new Proposal.Connector(
              "governance.connector",
              "connector",
              number("connector_hours"),
              bool("connector_paid"),
              word("connector_employer", Vocabulary.EMPLOYER),
              word("connector_reports_to", Vocabulary.REPORTS_TO));
    }
    Proposal.Governance governance =
        new Proposal.Governance(
            "governance", board, bool("members_meeting"), bool("profit_reinvested"), connector);
    at("governance", "board_seats", "members_meeting", "profit_reinvested", "connector_hours");
    return governance;
  }

  /** {@code sector:commitment; ...}, one partner each. */
  List<Proposal.Partner> partners() throws RowException {
    if (!given("partners")) {
      return null;
    }
    List<Proposal.Partner> partners = new ArrayList<>();
    int i = 0;
    for (String[] pair : pairs("partners", 2)) {
      String sector = vocab("partners", pair[0], Vocabulary.SECTOR);
      String commitment =
          pair.length > 1 ? vocab("partners", pair[1], Vocabulary.COMMITMENT) : null;
      partners.add(
          new Proposal.Partner(
              YamlPath.index("partners", i), "partner " + (i + 1), sector, null, commitment));
      i++;
    }
    at("partners");
    return partners;
  }

  /** {@code type:relation; ...}, one resident group each. */
  List<Proposal.ResidentGroup> residentGroups() throws RowException {
    if (!given("resident_groups")) {
      return null;
    }
    List<Proposal.ResidentGroup> groups = new ArrayList<>();
    int i = 0;
    for (String[] pair : pairs("resident_groups", 2)) {
      String type = vocab("resident_groups", pair[0], Vocabulary.GROUP_TYPE);
      String relation =
          pair.length > 1 ? vocab("resident_groups", pair[1], Vocabulary.GROUP_RELATION) : null;
      groups.add(
          new Proposal.ResidentGroup(
              YamlPath.index("resident_groups", i), "resident group " + (i + 1), type, relation));
      i++;
    }
    at("resident_groups");
    return groups;
  }

  /** One activity: the public task, its current provider, cost, price and jobs. */
  List<Proposal.Activity> activities() throws RowException {
    if (!given("public_task_provider")
        && !given("public_task_current_cost")
        && !given("public_task_price")
        && !given("public_task_jobs")) {
      return null;
    }
    List<Proposal.Activity> activities =
        List.of(
            new Proposal.Activity(
                "activities[0]",
                "public task",
                /* theme= */ null,
                /* description= */ null,
                /* publicTask= */ Boolean.TRUE,
                cell("public_task_provider"),
                amountOrNull("public_task_current_cost"),
                amountOrNull("public_task_price"),
                /* addedValue= */ null,
                countOrNull("public_task_jobs"),
                /* beneficiariesPerYear= */ null));
    at(
        "activities",
        "public_task_provider",
        "public_task_current_cost",
        "public_task_price",
        "public_task_jobs");
    return activities;
  }

  /** {@code type:amount:status[:counterparty]; ...}, each the same amount every plan year. */
  List<Proposal.Revenue> revenue(List<Integer> years) throws RowException {
    if (!given("revenue")) {
      return null;
    }
    List<Proposal.Revenue> revenue = new ArrayList<>();
    int i = 0;
    for (String[] item : pairs("revenue", 4)) {
      if (item.length < 3) {
        throw new RowException("revenue", "batch.row.revenue", String.join(":", item));
      }
      String type = vocab("revenue", item[0], Vocabulary.REVENUE_TYPE);
      Fraction amount = amount("revenue", item[1]);
      String status = vocab("revenue", item[2], Vocabulary.REVENUE_STATUS);
      String counterparty = item.length > 3 && !item[3].isBlank() ? item[3].strip() : null;
      SortedMap<Integer, Fraction> perYear = new TreeMap<>();
      for (Integer y : years) {
        perYear.put(y, amount);
      }
      revenue.add(
          new Proposal.Revenue(
              YamlPath.index("revenue", i),
              type,
              type,
              counterparty,
              status,
              Collections.unmodifiableSortedMap(perYear)));
      i++;
    }
    at("revenue");
    return revenue;
  }

  /** {@code costs}, the same every plan year. */
  List<Proposal.BudgetLine> budget(List<Integer> years) throws RowException {
    if (!given("costs")) {
      return null;
    }
    Fraction costs = amount("costs", cell("costs"));
    List<Proposal.BudgetLine> budget = new ArrayList<>(years.size());
    for (int i = 0; i < years.size(); i++) {
      budget.add(new Proposal.BudgetLine(YamlPath.index("budget", i), years.get(i), costs));
    }
    at("budget", "costs");
    return budget;
  }

  /** Residents hired and entry jobs, the same every plan year. */
  List<Proposal.EmploymentLine> employment(List<Integer> years) throws RowException {
    if (!given("residents_hired") && !given("entry_jobs")) {
      return null;
    }
    Fraction hired = countOrNull("residents_hired");
    Fraction entry = countOrNull("entry_jobs");
    List<Proposal.EmploymentLine> employment = new ArrayList<>(years.size());
    for (int i = 0; i < years.size(); i++) {
      employment.add(
          new Proposal.EmploymentLine(
              YamlPath.index("employment", i), years.get(i), hired, /* fte= */ null, entry));
    }
    at("employment", "residents_hired", "entry_jobs");
    return employment;
  }

  /** Whether employees get guidance. */
  Proposal.EmploymentSupport employmentSupport() throws RowException {
    if (!given("guidance")) {
      return null;
    }
    Proposal.EmploymentSupport support =
        new Proposal.EmploymentSupport(
            "employment_support", bool("guidance"), /* outflowTarget= */ null);
    at("employment_support", "guidance");
    return support;
  }

  /** One building: its tenure and term. */
  List<Proposal.Asset> assets() throws RowException {
    if (!given("asset_tenure") && !given("asset_term_years")) {
      return null;
    }
    List<Proposal.Asset> assets =
        List.of(
            new Proposal.Asset(
                "assets[0]",
                "building",
                "main building",
                word("asset_tenure", Vocabulary.TENURE),
                numberOrNull("asset_term_years"),
                /* owner= */ null));
    at("assets", "asset_tenure", "asset_term_years");
    return assets;
  }

  /** One main risk, mitigated or not. */
  List<Proposal.Risk> risks() throws RowException {
    if (!given("risk_mitigated")) {
      return null;
    }
    Boolean mitigated = bool("risk_mitigated");
    List<Proposal.Risk> risks =
        List.of(
            new Proposal.Risk(
                "risks[0]",
                "main risk",
                /* likelihood= */ null,
                /* impact= */ null,
                Boolean.TRUE.equals(mitigated) ? "as stated in the list" : null));
    at("risks", "risk_mitigated");
    return risks;
  }

  /**
   * {@code impact_indicators} indicators, their themes taken in turn from {@code impact_themes}.
   */
  List<Proposal.ImpactIndicator> impactIndicators() throws RowException {
    if (!given("impact_indicators")) {
      return null;
    }
    int n = count("impact_indicators", 0);
    List<String> themes = new ArrayList<>();
    if (given("impact_themes")) {
      for (String[] t : pairs("impact_themes", 1)) {
        themes.add(vocab("impact_themes", t[0], Vocabulary.INDICATOR_THEME));
      }
    }
    List<Proposal.ImpactIndicator> indicators = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      indicators.add(
          new Proposal.ImpactIndicator(
              YamlPath.index("impact_indicators", i),
              "indicator " + (i + 1),
              themes.isEmpty() ? null : themes.get(i % themes.size()),
              /* unit= */ null,
              "0",
              "1",
              /* targetYear= */ null,
              "as stated in the list"));
    }
    at("impact_indicators");
    return indicators;
  }

  /** The language the proposal is written in. */
  Language language() throws RowException {
    String lang = word("language", Vocabulary.LANGUAGE);
    return lang == null ? null : Language.parse(lang).orElse(null);
  }

  /** Where each block was read (the row's line, the column of its first given cell). */
  Map<String, SourceLocation> locations() {
    return locations;
  }

  /** Records where a block came from: the row's line and the first given column. */
  private void at(String block, String... columns) {
    String column = block;
    for (String c : columns) {
      if (given(c)) {
        column = c;
        break;
      }
    }
    Integer index = columnIndex.get(column);
    locations.put(block, new SourceLocation(file, line, index == null ? 1 : index + 1));
  }

  private boolean given(String column) {
    String v = cells.get(column);
    return v != null && !v.isBlank();
  }

  private String cell(String column) {
    String v = cells.get(column);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private String required(String column) throws RowException {
    String v = cell(column);
    if (v == null) {
      throw new RowException(column, "batch.row.required");
    }
    return v;
  }

  private int count(String column, int fallback) throws RowException {
    String v = cell(column);
    if (v == null) {
      return fallback;
    }
    if (!COUNT.matcher(v).matches()) {
      throw new RowException(column, "batch.row.count", v);
    }
    int n = Integer.parseInt(v);
    if (ITEM_COUNTS.contains(column) && n > MAX_ITEMS) {
      throw new RowException(column, "batch.row.too-many", v, MAX_ITEMS);
    }
    return n;
  }

  private Fraction countOrNull(String column) throws RowException {
    return given(column) ? Fraction.of(count(column, 0)) : null;
  }

  /** A count that is part of another ({@code founders_resident} of {@code founders}). */
  private int part(String column, String whole, int wholeValue) throws RowException {
    int n = count(column, 0);
    if (n > wholeValue) {
      throw new RowException(column, "batch.row.part", n, whole, wholeValue);
    }
    return n;
  }

  /**
   * A number that may have decimals, with a point or a Dutch decimal comma, read as a YAML proposal
   * reads it ({@link Amounts#decimal}).
   */
  private Fraction number(String column) throws RowException {
    String v = cell(column);
    var read =
        Amounts.decimal(v).orElseThrow(() -> new RowException(column, "batch.row.number", v));
    if (read.dutch()) {
      dutchCells.add(column);
    }
    return read.value();
  }

  private Fraction numberOrNull(String column) throws RowException {
    return given(column) ? number(column) : null;
  }

  /** An amount, read as a YAML proposal reads it ({@link Amounts#read}): 60.000 is 60000. */
  private Fraction amount(String column, String text) throws RowException {
    var read = Amounts.read(text);
    if (read.isEmpty()) {
      throw new RowException(
          column,
          Amounts.hasThreeDecimals(text) ? "batch.row.three-decimals" : "batch.row.amount",
          text);
    }
    if (read.get().value().signum() < 0) {
      throw new RowException(column, "batch.row.negative", text);
    }
    if (read.get().dutch()) {
      dutchCells.add(column);
    }
    return read.get().value();
  }

  private Fraction amountOrNull(String column) throws RowException {
    return given(column) ? amount(column, cell(column)) : null;
  }

  private Boolean bool(String column) throws RowException {
    String v = cell(column);
    if (v == null) {
      return null;
    }
    return Vocabulary.bool(v).orElseThrow(() -> new RowException(column, "batch.row.boolean", v));
  }

  private String word(String column, Vocabulary vocabulary) throws RowException {
    String v = cell(column);
    return v == null ? null : vocab(column, v, vocabulary);
  }

  private static String vocab(String column, String written, Vocabulary vocabulary)
      throws RowException {
    return vocabulary
        .canonicalise(written)
        .orElseThrow(
            () ->
                new RowException(
                    column,
                    "batch.row.enum",
                    written.strip(),
                    String.join(", ", vocabulary.allowed())));
  }

  /** {@code a:b; c:d} items, each split on {@code :} into at most {@code parts} parts. */
  private List<String[]> pairs(String column, int parts) throws RowException {
    List<String[]> out = new ArrayList<>();
    for (String item : cell(column).split(";")) {
      if (item.isBlank()) {
        continue;
      }
      String[] split = item.strip().split(":", parts);
      for (int i = 0; i < split.length; i++) {
        split[i] = split[i].strip();
      }
      out.add(split);
      if (out.size() > MAX_LIST_ITEMS) {
        throw new RowException(column, "batch.row.too-many", out.size(), MAX_LIST_ITEMS);
      }
    }
    return out;
  }

  /** Lower-case, trimmed header names. */
  public static String normaliseHeader(String header) {
    return header.strip().toLowerCase(Locale.ROOT);
  }

  /** YAML paths for list items. */
  static final class YamlPath {
    private YamlPath() {}

    static String index(String list, int i) {
      return list + "[" + i + "]";
    }
  }
}
