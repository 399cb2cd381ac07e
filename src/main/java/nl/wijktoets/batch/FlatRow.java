package nl.wijktoets.batch;

import java.time.Clock;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.proposal.Amounts;
import nl.wijktoets.proposal.Proposal;
import nl.wijktoets.proposal.ProposalYamlWriter;
import nl.wijktoets.proposal.SameEachYear;
import nl.wijktoets.proposal.Vocabulary;
import nl.wijktoets.source.Privacy;
import nl.wijktoets.source.SourceLocation;
import nl.wijktoets.source.Suggestions;

/**
 * Maps one flat CSV row (batch format 1) to exactly one format-1 proposal, by the documented rule:
 * the row describes one steady year, repeated over {@code plan_years} years from {@code
 * first_year}. Writing the proposal out with {@link ProposalYamlWriter} and reading it back gives
 * the same scores.
 */
public final class FlatRow {

  /** The flat columns, in the order of the format's description. */
  public static final List<String> COLUMNS = Arrays.stream(Column.values()).map(c -> c.id).toList();

  /** The flat columns, in the order of the format's description. */
  public enum Column {
    ID("id"),
    NAME("name"),
    NEIGHBOURHOOD("neighbourhood"),
    DISTRICT("district"),
    MUNICIPALITY("municipality"),
    LANGUAGE("language", Kind.WORD),
    STAGE("stage", Kind.WORD),
    LEGAL_FORM("legal_form", Kind.WORD),
    FOUNDERS("founders", Kind.COUNT),
    FOUNDERS_RESIDENT("founders_resident", Kind.COUNT),
    RESIDENTS_INVOLVED("residents_involved", Kind.COUNT),
    MEMBERS("members", Kind.COUNT),
    CONSULTATION_PARTICIPANTS("consultation_participants", Kind.COUNT),
    BOARD_SEATS("board_seats", Kind.COUNT),
    BOARD_RESIDENT_SEATS("board_resident_seats", Kind.COUNT),
    MEMBERS_MEETING("members_meeting", Kind.YES_NO),
    PROFIT_REINVESTED("profit_reinvested", Kind.YES_NO),
    CONNECTOR_HOURS("connector_hours", Kind.NUMBER),
    CONNECTOR_PAID("connector_paid", Kind.YES_NO),
    CONNECTOR_EMPLOYER("connector_employer", Kind.WORD),
    CONNECTOR_REPORTS_TO("connector_reports_to", Kind.WORD),
    PARTNERS("partners"),
    RESIDENT_GROUPS("resident_groups"),
    PUBLIC_TASK_PROVIDER("public_task_provider"),
    PUBLIC_TASK_CURRENT_COST("public_task_current_cost", Kind.AMOUNT),
    PUBLIC_TASK_PRICE("public_task_price", Kind.AMOUNT),
    PUBLIC_TASK_JOBS("public_task_jobs", Kind.COUNT),
    REVENUE("revenue"),
    COSTS("costs", Kind.AMOUNT),
    FIRST_YEAR("first_year", Kind.COUNT),
    PLAN_YEARS("plan_years", Kind.COUNT),
    RESIDENTS_HIRED("residents_hired", Kind.COUNT),
    ENTRY_JOBS("entry_jobs", Kind.COUNT),
    GUIDANCE("guidance", Kind.YES_NO),
    ASSET_TENURE("asset_tenure", Kind.WORD),
    ASSET_TERM_YEARS("asset_term_years", Kind.NUMBER),
    IMPACT_INDICATORS("impact_indicators", Kind.COUNT),
    IMPACT_THEMES("impact_themes"),
    RISK_MITIGATED("risk_mitigated", Kind.YES_NO),
    FILE("file");

    /** The column's name in a list's header (lower case). */
    public final String id;

    /** How a cell of the column is read. */
    final Kind kind;

    Column(String id) {
      this(id, Kind.TEXT);
    }

    Column(String id, Kind kind) {
      this.id = id;
      this.kind = kind;
    }
  }

  /** How a column's cells are read: as text, or as a value read once when the row is made. */
  enum Kind {
    TEXT,
    COUNT,
    YES_NO,
    WORD,
    NUMBER,
    AMOUNT
  }

  /**
   * Where each flat column is in one list's header, worked out once per list, so that a row's cells
   * are read by position: no map per row.
   */
  public static final class Layout {
    private final int[] position = new int[Column.values().length];

    private Layout(Map<String, Integer> columnIndex) {
      for (Column c : Column.values()) {
        Integer i = columnIndex.get(c.id);
        position[c.ordinal()] = i == null ? -1 : i;
      }
    }

    /** The layout of a header given as each lower-case column name's 0-based position. */
    public static Layout of(Map<String, Integer> columnIndex) {
      return new Layout(columnIndex);
    }

    /** The column's 0-based position, or -1 when the list has no such column. */
    public int position(Column c) {
      return position[c.ordinal()];
    }

    /** The cell of a column in a row's values, or null when absent. */
    public String cell(List<String> values, Column c) {
      int i = position[c.ordinal()];
      return i < 0 || i >= values.size() ? null : values.get(i);
    }
  }

  /** Counts that make one item each (a founder, a board seat, an indicator): bounded. */
  private static final Set<Column> ITEM_COUNTS =
      EnumSet.of(
          Column.FOUNDERS,
          Column.FOUNDERS_RESIDENT,
          Column.BOARD_SEATS,
          Column.BOARD_RESIDENT_SEATS,
          Column.IMPACT_INDICATORS);

  /** The columns that stand for the private founders block: their values are never echoed. */
  private static final Set<Column> PRIVATE = EnumSet.of(Column.FOUNDERS, Column.FOUNDERS_RESIDENT);

  /** At most this many plan years per row (scoring reads the first three). */
  static final int MAX_PLAN_YEARS = 10;

  /** At most this many items in a `;`-separated cell (partners, revenue, ...). */
  static final int MAX_LIST_ITEMS = 100;

  /** At most this many plan years, founders, board seats, partners, ... per row. */
  static final int MAX_ITEMS = 1000;

  private final Layout layout;
  private final String file;
  private final int line;
  private final int defaultFirstYear;
  private final Locations locations;

  /** The columns read as Dutch numbers, one bit each by {@link Column#ordinal}. */
  private long dutchCells;

  FlatRow(List<String> values, Layout layout, String file, int line, int defaultFirstYear) {
    this.locations = new Locations(file, line);
    this.layout = layout;
    this.file = file;
    this.line = line;
    this.defaultFirstYear = defaultFirstYear;
    this.stripped = stripped(values, layout);
    readValues();
  }

  /** A row given as its cells by lower-case column name (tests, and lists read as maps). */
  FlatRow(
      Map<String, String> cells,
      Map<String, Integer> columnIndex,
      String file,
      int line,
      int defaultFirstYear) {
    this(valuesOf(cells, columnIndex), Layout.of(columnIndex), file, line, defaultFirstYear);
  }

  private static List<String> valuesOf(Map<String, String> cells, Map<String, Integer> index) {
    int size = 0;
    for (Integer i : index.values()) {
      size = Math.max(size, i + 1);
    }
    List<String> values = new ArrayList<>(Collections.nCopies(size, (String) null));
    index.forEach((column, i) -> values.set(i, cells.get(column)));
    return values;
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
    return new Read(p, Long.bitCount(row.dutchCells));
  }

  /**
   * The proposal a flat row describes, its cells read by position, with the count of cells read as
   * Dutch numbers.
   *
   * @param values the row's cells in header order
   * @param layout where each flat column is in the list's header
   * @param file how the proposal is named in outputs ({@code list.csv:12})
   * @param line the row's line in the CSV file
   * @param defaultFirstYear the first plan year when the row gives none
   * @throws RowException naming the column when a cell cannot be read
   */
  public static Read read(
      List<String> values, Layout layout, String file, int line, int defaultFirstYear)
      throws RowException {
    FlatRow row = new FlatRow(values, layout, file, line, defaultFirstYear);
    Proposal p = row.proposal();
    return new Read(p, Long.bitCount(row.dutchCells));
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
            .name(required(Column.NAME))
            .neighbourhood(required(Column.NEIGHBOURHOOD))
            .municipality(cell(Column.MUNICIPALITY))
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
            .district(cell(Column.DISTRICT))
            .stage(word(Column.STAGE))
            .legalForm(word(Column.LEGAL_FORM));
    at("name", AT_NAME);
    at("neighbourhood", AT_NEIGHBOURHOOD);
    return proposal.build();
  }

  /** The plan years: {@code plan_years} years from {@code first_year}. */
  List<Integer> years() throws RowException {
    int planYears = count(Column.PLAN_YEARS, 1);
    if (planYears < 1 || planYears > MAX_PLAN_YEARS) {
      throw new RowException(Column.PLAN_YEARS.id, "batch.row.plan-years", MAX_PLAN_YEARS);
    }
    int firstYear = count(Column.FIRST_YEAR, defaultFirstYear);
    if (firstYear < 1000 || firstYear > 9999) {
      throw new RowException(Column.FIRST_YEAR.id, "batch.row.year", cell(Column.FIRST_YEAR));
    }
    return Shared.years(firstYear, planYears);
  }

  // ---------------------------------------------------------------------------------------------
  // The blocks, as ProposalReader reads them from YAML. Each is absent (null) when none of its
  // columns is given, and records its location.

  /** {@code founders} founders, the first {@code founders_resident} of them living here. */
  List<Proposal.Founder> founders() throws RowException {
    if (!given(Column.FOUNDERS) && !given(Column.FOUNDERS_RESIDENT)) {
      return null;
    }
    int n = count(Column.FOUNDERS, 0);
    int resident = part(Column.FOUNDERS_RESIDENT, "founders", n);
    List<Proposal.Founder> founders = Shared.founders(n, resident);
    at("founders", AT_FOUNDERS);
    return founders;
  }

  /** Residents involved, members, and one consultation with its participants. */
  Proposal.Residents residents() throws RowException {
    if (!given(Column.RESIDENTS_INVOLVED)
        && !given(Column.MEMBERS)
        && !given(Column.CONSULTATION_PARTICIPANTS)) {
      return null;
    }
    List<Proposal.Consultation> consultations = null;
    if (given(Column.CONSULTATION_PARTICIPANTS)) {
      consultations =
          List.of(
              new Proposal.Consultation(
                  "residents.consultations[0]",
                  "other",
                  null,
                  Fraction.of(count(Column.CONSULTATION_PARTICIPANTS, 0))));
    }
    Proposal.Residents residents =
        new Proposal.Residents(
            "residents",
            countOrNull(Column.RESIDENTS_INVOLVED),
            countOrNull(Column.MEMBERS),
            consultations);
    at("residents", AT_RESIDENTS);
    return residents;
  }

  /** Board seats (the first {@code board_resident_seats} residents), meetings, the connector. */
  Proposal.Governance governance() throws RowException {
    if (!given(Column.BOARD_SEATS)
        && !given(Column.BOARD_RESIDENT_SEATS)
        && !given(Column.MEMBERS_MEETING)
        && !given(Column.PROFIT_REINVESTED)
        && !given(Column.CONNECTOR_HOURS)) {
      return null;
    }
    List<Proposal.BoardMember> board = null;
    if (given(Column.BOARD_SEATS) || given(Column.BOARD_RESIDENT_SEATS)) {
      int seats = count(Column.BOARD_SEATS, 0);
      int resident = part(Column.BOARD_RESIDENT_SEATS, "board_seats", seats);
      board = Shared.board(seats, resident);
    }
    Proposal.Connector connector = null;
    if (given(Column.CONNECTOR_HOURS)) {
      connector =
          new Proposal.Connector(
              "governance.connector",
              "connector",
              numberOrNull(Column.CONNECTOR_HOURS),
              bool(Column.CONNECTOR_PAID),
              word(Column.CONNECTOR_EMPLOYER),
              word(Column.CONNECTOR_REPORTS_TO));
    }
    Proposal.Governance governance =
        new Proposal.Governance(
            "governance",
            board,
            bool(Column.MEMBERS_MEETING),
            bool(Column.PROFIT_REINVESTED),
            connector);
    at("governance", AT_GOVERNANCE);
    return governance;
  }

  /** {@code sector:commitment; ...}, one partner each. */
  List<Proposal.Partner> partners() throws RowException {
    if (!given(Column.PARTNERS)) {
      return null;
    }
    String text = cell(Column.PARTNERS);
    List<int[]> items = items(Column.PARTNERS, text, 2);
    List<Proposal.Partner> partners = new ArrayList<>(items.size());
    int i = 0;
    for (int[] pair : items) {
      String sector = vocab(Column.PARTNERS, text, pair, 0, Vocabulary.SECTOR);
      String commitment =
          pair.length > 2 ? vocab(Column.PARTNERS, text, pair, 1, Vocabulary.COMMITMENT) : null;
      partners.add(
          new Proposal.Partner(
              PARTNER_PATHS.get(i), PARTNER_NAMES.get(i), sector, null, commitment));
      i++;
    }
    at("partners", AT_PARTNERS);
    return partners;
  }

  /** {@code type:relation; ...}, one resident group each. */
  List<Proposal.ResidentGroup> residentGroups() throws RowException {
    if (!given(Column.RESIDENT_GROUPS)) {
      return null;
    }
    String text = cell(Column.RESIDENT_GROUPS);
    List<int[]> items = items(Column.RESIDENT_GROUPS, text, 2);
    List<Proposal.ResidentGroup> groups = new ArrayList<>(items.size());
    int i = 0;
    for (int[] pair : items) {
      String type = vocab(Column.RESIDENT_GROUPS, text, pair, 0, Vocabulary.GROUP_TYPE);
      String relation =
          pair.length > 2
              ? vocab(Column.RESIDENT_GROUPS, text, pair, 1, Vocabulary.GROUP_RELATION)
              : null;
      groups.add(
          new Proposal.ResidentGroup(GROUP_PATHS.get(i), GROUP_NAMES.get(i), type, relation));
      i++;
    }
    at("resident_groups", AT_RESIDENT_GROUPS);
    return groups;
  }

  /** One activity: the public task, its current provider, cost, price and jobs. */
  List<Proposal.Activity> activities() throws RowException {
    if (!given(Column.PUBLIC_TASK_PROVIDER)
        && !given(Column.PUBLIC_TASK_CURRENT_COST)
        && !given(Column.PUBLIC_TASK_PRICE)
        && !given(Column.PUBLIC_TASK_JOBS)) {
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
                cell(Column.PUBLIC_TASK_PROVIDER),
                amountOrNull(Column.PUBLIC_TASK_CURRENT_COST),
                amountOrNull(Column.PUBLIC_TASK_PRICE),
                /* addedValue= */ null,
                countOrNull(Column.PUBLIC_TASK_JOBS),
                /* beneficiariesPerYear= */ null));
    at("activities", AT_ACTIVITIES);
    return activities;
  }

  /** {@code type:amount:status[:counterparty]; ...}, each the same amount every plan year. */
  List<Proposal.Revenue> revenue(List<Integer> years) throws RowException {
    if (!given(Column.REVENUE)) {
      return null;
    }
    String text = cell(Column.REVENUE);
    List<int[]> items = items(Column.REVENUE, text, 4);
    List<Proposal.Revenue> revenue = new ArrayList<>(items.size());
    int i = 0;
    for (int[] item : items) {
      if (item.length < 6) {
        throw new RowException(Column.REVENUE.id, "batch.row.revenue", joined(text, item));
      }
      String type = vocab(Column.REVENUE, text, item, 0, Vocabulary.REVENUE_TYPE);
      Fraction amount = amount(Column.REVENUE, part(text, item, 1));
      String status = vocab(Column.REVENUE, text, item, 2, Vocabulary.REVENUE_STATUS);
      String counterparty =
          item.length > 6 && item[6] < item[7] ? part(text, item, 3) : null; // stripped
      // the plan years run on from the first, so one small map holds them all
      revenue.add(
          new Proposal.Revenue(
              REVENUE_PATHS.get(i),
              type,
              type,
              counterparty,
              status,
              SameEachYear.of(years.get(0), years.size(), amount)));
      i++;
    }
    at("revenue", AT_REVENUE);
    return revenue;
  }

  /** {@code costs}, the same every plan year. */
  List<Proposal.BudgetLine> budget(List<Integer> years) throws RowException {
    if (!given(Column.COSTS)) {
      return null;
    }
    Fraction costs = amountOrNull(Column.COSTS);
    List<Proposal.BudgetLine> budget = new ArrayList<>(years.size());
    for (int i = 0; i < years.size(); i++) {
      budget.add(new Proposal.BudgetLine(BUDGET_PATHS.get(i), years.get(i), costs));
    }
    at("budget", AT_BUDGET);
    return budget;
  }

  /** Residents hired and entry jobs, the same every plan year. */
  List<Proposal.EmploymentLine> employment(List<Integer> years) throws RowException {
    if (!given(Column.RESIDENTS_HIRED) && !given(Column.ENTRY_JOBS)) {
      return null;
    }
    Fraction hired = countOrNull(Column.RESIDENTS_HIRED);
    Fraction entry = countOrNull(Column.ENTRY_JOBS);
    List<Proposal.EmploymentLine> employment = new ArrayList<>(years.size());
    for (int i = 0; i < years.size(); i++) {
      employment.add(
          new Proposal.EmploymentLine(
              EMPLOYMENT_PATHS.get(i), years.get(i), hired, /* fte= */ null, entry));
    }
    at("employment", AT_EMPLOYMENT);
    return employment;
  }

  /** Whether employees get guidance. */
  Proposal.EmploymentSupport employmentSupport() throws RowException {
    if (!given(Column.GUIDANCE)) {
      return null;
    }
    Proposal.EmploymentSupport support =
        new Proposal.EmploymentSupport(
            "employment_support", bool(Column.GUIDANCE), /* outflowTarget= */ null);
    at("employment_support", AT_EMPLOYMENT_SUPPORT);
    return support;
  }

  /** One building: its tenure and term. */
  List<Proposal.Asset> assets() throws RowException {
    if (!given(Column.ASSET_TENURE) && !given(Column.ASSET_TERM_YEARS)) {
      return null;
    }
    List<Proposal.Asset> assets =
        List.of(
            new Proposal.Asset(
                "assets[0]",
                "building",
                "main building",
                word(Column.ASSET_TENURE),
                numberOrNull(Column.ASSET_TERM_YEARS),
                /* owner= */ null));
    at("assets", AT_ASSETS);
    return assets;
  }

  /** One main risk, mitigated or not. */
  List<Proposal.Risk> risks() throws RowException {
    if (!given(Column.RISK_MITIGATED)) {
      return null;
    }
    Boolean mitigated = bool(Column.RISK_MITIGATED);
    List<Proposal.Risk> risks =
        List.of(
            new Proposal.Risk(
                "risks[0]",
                "main risk",
                /* likelihood= */ null,
                /* impact= */ null,
                Boolean.TRUE.equals(mitigated) ? "as stated in the list" : null));
    at("risks", AT_RISKS);
    return risks;
  }

  /**
   * {@code impact_indicators} indicators, their themes taken in turn from {@code impact_themes}.
   */
  List<Proposal.ImpactIndicator> impactIndicators() throws RowException {
    if (!given(Column.IMPACT_INDICATORS)) {
      return null;
    }
    int n = count(Column.IMPACT_INDICATORS, 0);
    List<String> themes = new ArrayList<>();
    if (given(Column.IMPACT_THEMES)) {
      String text = cell(Column.IMPACT_THEMES);
      for (int[] t : items(Column.IMPACT_THEMES, text, 1)) {
        themes.add(vocab(Column.IMPACT_THEMES, text, t, 0, Vocabulary.INDICATOR_THEME));
      }
    }
    List<Proposal.ImpactIndicator> indicators = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      indicators.add(
          new Proposal.ImpactIndicator(
              INDICATOR_PATHS.get(i),
              INDICATOR_NAMES.get(i),
              themes.isEmpty() ? null : themes.get(i % themes.size()),
              /* unit= */ null,
              "0",
              "1",
              /* targetYear= */ null,
              "as stated in the list"));
    }
    at("impact_indicators", AT_IMPACT_INDICATORS);
    return indicators;
  }

  /** The language the proposal is written in. */
  Language language() throws RowException {
    String lang = word(Column.LANGUAGE);
    return lang == null ? null : Language.parse(lang).orElse(null);
  }

  /** Where each block was read (the row's line, the column of its first given cell). */
  Map<String, SourceLocation> locations() {
    return locations;
  }

  // each block's columns, for its location: arrays made once, not per row
  private static final Column[] AT_NAME = {Column.NAME};
  private static final Column[] AT_NEIGHBOURHOOD = {Column.NEIGHBOURHOOD};
  private static final Column[] AT_FOUNDERS = {Column.FOUNDERS};
  private static final Column[] AT_RESIDENTS = {
    Column.RESIDENTS_INVOLVED, Column.MEMBERS, Column.CONSULTATION_PARTICIPANTS
  };
  private static final Column[] AT_GOVERNANCE = {
    Column.BOARD_SEATS, Column.MEMBERS_MEETING, Column.PROFIT_REINVESTED, Column.CONNECTOR_HOURS
  };
  private static final Column[] AT_PARTNERS = {Column.PARTNERS};
  private static final Column[] AT_RESIDENT_GROUPS = {Column.RESIDENT_GROUPS};
  private static final Column[] AT_ACTIVITIES = {
    Column.PUBLIC_TASK_PROVIDER,
    Column.PUBLIC_TASK_CURRENT_COST,
    Column.PUBLIC_TASK_PRICE,
    Column.PUBLIC_TASK_JOBS
  };
  private static final Column[] AT_REVENUE = {Column.REVENUE};
  private static final Column[] AT_BUDGET = {Column.COSTS};
  private static final Column[] AT_EMPLOYMENT = {Column.RESIDENTS_HIRED, Column.ENTRY_JOBS};
  private static final Column[] AT_EMPLOYMENT_SUPPORT = {Column.GUIDANCE};
  private static final Column[] AT_ASSETS = {Column.ASSET_TENURE, Column.ASSET_TERM_YEARS};
  private static final Column[] AT_RISKS = {Column.RISK_MITIGATED};
  private static final Column[] AT_IMPACT_INDICATORS = {Column.IMPACT_INDICATORS};

  /**
   * Records where a block came from: the row's line and the first given of its columns (or the
   * column named like the block).
   */
  private void at(String block, Column[] columns) {
    int position = -1;
    for (Column c : columns) {
      if (given(c)) {
        position = layout.position(c);
        break;
      }
    }
    if (position < 0) {
      Column own = BY_ID.get(block);
      position = own == null ? -1 : layout.position(own);
    }
    locations.add(block, position < 0 ? 1 : position + 1);
  }

  /**
   * Where each block of a row was read, as the proposal's map of locations: the block names and
   * their columns in two small arrays, a location made only when one is asked for (evidence in a
   * report), not a hash map of locations per row.
   */
  static final class Locations extends AbstractMap<String, SourceLocation> {
    private static final int BLOCKS = 24;
    private final String file;
    private final int line;
    private final String[] blocks = new String[BLOCKS];
    private final int[] columns = new int[BLOCKS];
    private int size;

    Locations(String file, int line) {
      this.file = file;
      this.line = line;
    }

    /** Records a block's column; block names are constants, so they are compared by identity. */
    void add(String block, int column) {
      int i = -1;
      for (int k = 0; k < size; k++) {
        if (blocks[k] == block) {
          i = k;
          break;
        }
      }
      if (i < 0) {
        i = size++;
        blocks[i] = block;
      }
      columns[i] = column;
    }

    private int indexOf(Object block) {
      for (int i = 0; i < size; i++) {
        if (blocks[i].equals(block)) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public SourceLocation get(Object key) {
      int i = indexOf(key);
      return i < 0 ? null : new SourceLocation(file, line, columns[i]);
    }

    @Override
    public boolean containsKey(Object key) {
      return indexOf(key) >= 0;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public Set<Map.Entry<String, SourceLocation>> entrySet() {
      Set<Map.Entry<String, SourceLocation>> entries = new LinkedHashSet<>();
      for (int i = 0; i < size; i++) {
        entries.add(
            new AbstractMap.SimpleImmutableEntry<>(
                blocks[i], new SourceLocation(file, line, columns[i])));
      }
      return Collections.unmodifiableSet(entries);
    }
  }

  private static final Map<String, Column> BY_ID = new HashMap<>();

  static {
    for (Column c : Column.values()) {
      BY_ID.put(c.id, c);
    }
  }

  private boolean given(Column column) {
    return cell(column) != null;
  }

  /** A cell stripped, or null when blank or absent. */
  private String cell(Column column) {
    return stripped[column.ordinal()];
  }

  /**
   * Every flat column's cell, stripped (null when blank or absent), in one loop when the row is
   * made: each block then reads a cell as an array element. Written this way for the compiler as
   * much as for the loop: the strip is one copy of code, not one inlined into each of the forty
   * places that read a cell (the optimising compiler spent about a second of a million-row batch on
   * those copies).
   */
  private static String[] stripped(List<String> values, Layout layout) {
    Column[] columns = COLUMN_VALUES;
    String[] out = new String[columns.length];
    for (int c = 0; c < columns.length; c++) {
      out[c] = stripOrNull(layout.cell(values, columns[c]));
    }
    return out;
  }

  private static final Column[] COLUMN_VALUES = Column.values();

  /** {@code v.strip()}, or null for null or a blank cell: one pass, no copy of a trimmed cell. */
  static String stripOrNull(String v) {
    if (v == null) {
      return null;
    }
    int n = v.length();
    int from = 0;
    while (from < n && Character.isWhitespace(v.charAt(from))) {
      from++;
    }
    if (from == n) {
      return null;
    }
    int to = n;
    while (Character.isWhitespace(v.charAt(to - 1))) {
      to--;
    }
    return from == 0 && to == n ? v : v.substring(from, to);
  }

  private final String[] stripped;

  private String required(Column column) throws RowException {
    String v = cell(column);
    if (v == null) {
      throw new RowException(column.id, "batch.row.required");
    }
    return v;
  }

  /**
   * Every count, yes/no, word, number and amount cell read once, in one loop when the row is made,
   * into {@link #counts} and {@link #values}; a cell that cannot be read keeps its error, thrown
   * when its block asks for it, so a row still names the first bad cell in block order. Written
   * this way for the compiler as much as for the loop: each reader is one copy of code, not one
   * inlined into every block that reads such a cell (the optimising compiler spent a third of its
   * time on flat rows, much of it on those copies, while the rows waited for it).
   */
  private void readValues() {
    Column[] columns = COLUMN_VALUES;
    for (int c = 0; c < columns.length; c++) {
      Column column = columns[c];
      String v = stripped[c];
      if (v == null || column.kind == Kind.TEXT) {
        continue;
      }
      try {
        switch (column.kind) {
          case COUNT -> counts[c] = readCount(column, v);
          case YES_NO -> values[c] = readYesNo(column, v);
          case WORD -> values[c] = vocab(column, v, vocabulary(column));
          case NUMBER -> values[c] = readNumber(column, v);
          case AMOUNT -> values[c] = amount(column, v);
          default -> throw new IllegalStateException(column.kind.name());
        }
      } catch (RowException e) {
        if (errors == null) {
          errors = new RowException[columns.length];
        }
        errors[c] = e;
      }
    }
  }

  /** The count cells read, by column ordinal (-1: blank or not a count). */
  private final int[] counts = blankCounts();

  /** The yes/no, word, number and amount cells read, by column ordinal (null: blank). */
  private final Object[] values = new Object[COLUMN_VALUES.length];

  /** Why a cell could not be read, by column ordinal; null while every cell could. */
  private RowException[] errors;

  private static int[] blankCounts() {
    int[] counts = new int[COLUMN_VALUES.length];
    Arrays.fill(counts, -1);
    return counts;
  }

  /** The vocabulary of a word column. */
  private static Vocabulary vocabulary(Column column) {
    return switch (column) {
      case LANGUAGE -> Vocabulary.LANGUAGE;
      case STAGE -> Vocabulary.STAGE;
      case LEGAL_FORM -> Vocabulary.LEGAL_FORM;
      case CONNECTOR_EMPLOYER -> Vocabulary.EMPLOYER;
      case CONNECTOR_REPORTS_TO -> Vocabulary.REPORTS_TO;
      case ASSET_TENURE -> Vocabulary.TENURE;
      default -> throw new IllegalArgumentException(column.id + " is no word column");
    };
  }

  /** The error of a cell that could not be read, if it is one. */
  private void readable(Column column) throws RowException {
    if (errors != null && errors[column.ordinal()] != null) {
      throw errors[column.ordinal()];
    }
  }

  private int count(Column column, int fallback) throws RowException {
    readable(column);
    int n = counts[column.ordinal()];
    return n < 0 ? fallback : n;
  }

  private int readCount(Column column, String v) throws RowException {
    // one to nine digits, read in one pass (no pattern per cell)
    int n = 0;
    int length = v.length();
    for (int i = 0; i < length; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9' || length > 9) {
        // founders' cells are private, as founders in YAML are: a name typed there is not echoed
        throw new RowException(
            column.id, "batch.row.count", PRIVATE.contains(column) ? Privacy.VALUE : v);
      }
      n = n * 10 + (c - '0');
    }
    if (ITEM_COUNTS.contains(column) && n > MAX_ITEMS) {
      throw new RowException(column.id, "batch.row.too-many", v, MAX_ITEMS);
    }
    return n;
  }

  private Fraction countOrNull(Column column) throws RowException {
    return given(column) ? Fraction.of(count(column, 0)) : null;
  }

  /** A count that is part of another ({@code founders_resident} of {@code founders}). */
  private int part(Column column, String whole, int wholeValue) throws RowException {
    int n = count(column, 0);
    if (n > wholeValue) {
      throw new RowException(column.id, "batch.row.part", n, whole, wholeValue);
    }
    return n;
  }

  /** A number or amount cell, or a yes/no or word: the value read, null when blank. */
  private Object value(Column column) throws RowException {
    readable(column);
    return values[column.ordinal()];
  }

  /**
   * A number that may have decimals, with a point or a Dutch decimal comma, read as a YAML proposal
   * reads it ({@link Amounts#decimal}).
   */
  private Fraction readNumber(Column column, String v) throws RowException {
    var read =
        Amounts.decimal(v).orElseThrow(() -> new RowException(column.id, "batch.row.number", v));
    if (read.dutch()) {
      dutchCells |= 1L << column.ordinal();
    }
    return read.value();
  }

  private Fraction numberOrNull(Column column) throws RowException {
    return (Fraction) value(column);
  }

  /** An amount, read as a YAML proposal reads it ({@link Amounts#read}): 60.000 is 60000. */
  private Fraction amount(Column column, String text) throws RowException {
    var read = Amounts.read(text);
    if (read.isEmpty()) {
      throw new RowException(
          column.id,
          Amounts.hasThreeDecimals(text) ? "batch.row.three-decimals" : "batch.row.amount",
          text);
    }
    if (read.get().value().signum() < 0) {
      throw new RowException(column.id, "batch.row.negative", text);
    }
    if (read.get().dutch()) {
      dutchCells |= 1L << column.ordinal();
    }
    return read.get().value();
  }

  private Fraction amountOrNull(Column column) throws RowException {
    return (Fraction) value(column);
  }

  private static Boolean readYesNo(Column column, String v) throws RowException {
    return Vocabulary.bool(v)
        .orElseThrow(() -> new RowException(column.id, "batch.row.boolean", v));
  }

  private Boolean bool(Column column) throws RowException {
    return (Boolean) value(column);
  }

  private String word(Column column) throws RowException {
    return (String) value(column);
  }

  /** Part {@code k} of an item as a vocabulary word, found without copying it out of the cell. */
  private static String vocab(Column column, String text, int[] item, int k, Vocabulary vocabulary)
      throws RowException {
    String value = vocabulary.canonicalise(text, item[2 * k], item[2 * k + 1]);
    return value != null ? value : vocab(column, part(text, item, k), vocabulary);
  }

  private static String vocab(Column column, String written, Vocabulary vocabulary)
      throws RowException {
    var value = vocabulary.canonicalise(written);
    if (value.isPresent()) {
      return value.get();
    }
    // the nearest one or two words and where the full list is, as in a proposal's message
    String shown = Suggestions.shortened(written.strip(), 60);
    List<String> near = vocabulary.nearest(written);
    String field = vocabulary.explainName();
    throw switch (near.size()) {
      case 0 -> new RowException(column.id, "batch.row.enum.explain", shown, field);
      case 1 -> new RowException(column.id, "batch.row.enum.suggest", shown, near.get(0), field);
      default ->
          new RowException(
              column.id, "batch.row.enum.suggest2", shown, near.get(0), near.get(1), field);
    };
  }

  /**
   * {@code a:b; c:d} items, each split on {@code :} into at most {@code parts} parts; blank items
   * are skipped. An item is the bounds of its parts in the cell, every part stripped: {@code from,
   * to} for each (so its length is twice the parts found). One pass over the cell, no pattern, and
   * no part copied out of it until a block asks for one ({@link #part}): most are vocabulary words,
   * found where they are ({@link Vocabulary#canonicalise(String, int, int)}).
   */
  private List<int[]> items(Column column, String text, int parts) throws RowException {
    List<int[]> out = new ArrayList<>(4);
    int start = 0;
    int length = text.length();
    while (start <= length) {
      int end = text.indexOf(';', start);
      if (end < 0) {
        end = length;
      }
      if (!isBlank(text, start, end)) {
        int[] bounds = new int[2 * parts];
        int n = 0;
        int from = start;
        while (n < parts - 1) {
          int colon = text.indexOf(':', from);
          if (colon < 0 || colon >= end) {
            break;
          }
          strip(text, from, colon, bounds, n++);
          from = colon + 1;
        }
        strip(text, from, end, bounds, n++);
        out.add(n == parts ? bounds : Arrays.copyOf(bounds, 2 * n));
        if (out.size() > MAX_LIST_ITEMS) {
          throw new RowException(column.id, "batch.row.too-many", out.size(), MAX_LIST_ITEMS);
        }
      }
      start = end + 1;
    }
    return out;
  }

  /** Part {@code k} of an item, stripped. */
  private static String part(String text, int[] item, int k) {
    return text.substring(item[2 * k], item[2 * k + 1]);
  }

  /** An item as written, its parts stripped and joined with {@code :} (for a message). */
  private static String joined(String text, int[] item) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < item.length / 2; k++) {
      if (k > 0) {
        sb.append(':');
      }
      sb.append(part(text, item, k));
    }
    return sb.toString();
  }

  private static boolean isBlank(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The bounds of {@code s.substring(from, to).strip()}, as part {@code k} of an item. */
  private static void strip(String s, int from, int to, int[] bounds, int k) {
    while (from < to && Character.isWhitespace(s.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
      to--;
    }
    bounds[2 * k] = from;
    bounds[2 * k + 1] = to;
  }

  /** Lower-case, trimmed header names. */
  public static String normaliseHeader(String header) {
    return header.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * The names of a list's items, {@code founders[3]} or {@code partner 4}: the first ones made once
   * per run rather than per row.
   */
  static final class Series {
    private static final int CACHED = 64;
    private final String prefix;
    private final String suffix;
    private final int offset;
    private final String[] first = new String[CACHED];

    Series(String prefix, String suffix, int offset) {
      this.prefix = prefix;
      this.suffix = suffix;
      this.offset = offset;
      for (int i = 0; i < CACHED; i++) {
        first[i] = prefix + (i + offset) + suffix;
      }
    }

    /** A list's YAML paths: {@code list[0]}, {@code list[1]}, ... */
    static Series path(String list) {
      return new Series(list + "[", "]", 0);
    }

    /** Item names counted from 1: {@code partner 1}, {@code partner 2}, ... */
    static Series name(String name) {
      return new Series(name + " ", "", 1);
    }

    String get(int i) {
      return i < CACHED ? first[i] : prefix + (i + offset) + suffix;
    }
  }

  /**
   * Lists that depend on a count or two only, the same in every row with those counts: the founders
   * (how many, how many of them live here), the board seats (how many, how many are residents) and
   * the plan years (the first, how many). Made on first use and then shared: a batch made them anew
   * for every row, a few dozen objects each. They are immutable (List.of of records and Integers),
   * so rows and threads can share them; two threads that make the same list at once each store an
   * equal one, and either is right.
   */
  private static final class Shared {
    /** Counts up to this are shared; a row with more gets lists of its own. */
    static final int MOST = 16;

    private static final Object[][] FOUNDERS = new Object[MOST + 1][MOST + 1];
    private static final Object[][] BOARD = new Object[MOST + 1][MOST + 1];
    private static final Object[][] YEARS = new Object[10_000][];

    /**
     * {@code n} founders, the first {@code resident} of them living here ({@code resident <= n}).
     */
    static List<Proposal.Founder> founders(int n, int resident) {
      return shared(FOUNDERS, n, resident, Shared::makeFounders);
    }

    /** {@code seats} board members, the first {@code resident} of them residents. */
    static List<Proposal.BoardMember> board(int seats, int resident) {
      return shared(BOARD, seats, resident, Shared::makeBoard);
    }

    /** The list for {@code n} items, {@code part} of them residents: shared up to {@link #MOST}. */
    @SuppressWarnings("unchecked")
    private static <T> List<T> shared(
        Object[][] table, int n, int part, BiFunction<Integer, Integer, List<T>> make) {
      if (n > MOST) {
        return make.apply(n, part);
      }
      Object list = table[n][part];
      if (list == null) {
        list = make.apply(n, part);
        table[n][part] = list;
      }
      return (List<T>) list;
    }

    private static List<Proposal.Founder> makeFounders(int n, int resident) {
      Proposal.Founder[] founders = new Proposal.Founder[n];
      for (int i = 0; i < n; i++) {
        founders[i] = new Proposal.Founder(FOUNDER_PATHS.get(i), i < resident);
      }
      return List.of(founders);
    }

    private static List<Proposal.BoardMember> makeBoard(int seats, int resident) {
      Proposal.BoardMember[] board = new Proposal.BoardMember[seats];
      for (int i = 0; i < seats; i++) {
        board[i] = new Proposal.BoardMember(BOARD_PATHS.get(i), "member", i < resident, null);
      }
      return List.of(board);
    }

    /** The plan years: {@code count} (1 to MAX_PLAN_YEARS) from {@code first} (1000 to 9999). */
    @SuppressWarnings("unchecked")
    static List<Integer> years(int first, int count) {
      Object[] byCount = YEARS[first];
      if (byCount == null) {
        byCount = new Object[MAX_PLAN_YEARS + 1];
        YEARS[first] = byCount;
      }
      Object list = byCount[count];
      if (list == null) {
        Integer[] years = new Integer[count];
        for (int i = 0; i < count; i++) {
          years[i] = first + i;
        }
        // one list class for every count (List.of has two), so the blocks that read the years
        // meet one class only and are not compiled again when a row with another count comes by
        list = Collections.unmodifiableList(Arrays.asList(years));
        byCount[count] = list;
      }
      return (List<Integer>) list;
    }
  }

  private static final Series FOUNDER_PATHS = Series.path("founders");
  private static final Series BOARD_PATHS = Series.path("governance.board");
  private static final Series PARTNER_PATHS = Series.path("partners");
  private static final Series PARTNER_NAMES = Series.name("partner");
  private static final Series GROUP_PATHS = Series.path("resident_groups");
  private static final Series GROUP_NAMES = Series.name("resident group");
  private static final Series REVENUE_PATHS = Series.path("revenue");
  private static final Series BUDGET_PATHS = Series.path("budget");
  private static final Series EMPLOYMENT_PATHS = Series.path("employment");
  private static final Series INDICATOR_PATHS = Series.path("impact_indicators");
  private static final Series INDICATOR_NAMES = Series.name("indicator");
}
