package nl.wijktoets.proposal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.wijktoets.source.SchemaCheck;

/**
 * The enumerated values of proposal format v1: per field the English canonical values and the
 * (mostly Dutch) words users write for them. Matching ignores case and accents and treats spaces,
 * {@code _} and {@code -} alike.
 */
public enum Vocabulary implements SchemaCheck.Enumeration {
  LANGUAGE("language", List.of("nl", "en"), Map.of()),
  STAGE(
      "stage",
      List.of("idea", "founding", "operating"),
      ordered("idee", "idea", "in-oprichting", "founding", "operationeel", "operating")),
  LEGAL_FORM(
      "legal_form",
      List.of("cooperative", "association", "foundation", "company", "none", "other"),
      ordered(
          "coöperatie", "cooperative",
          "coöperatie u.a.", "cooperative",
          "coop", "cooperative",
          "vereniging", "association",
          "stichting", "foundation",
          "bv", "company",
          "nv", "company",
          "geen", "none",
          "anders", "other")),
  CONSULTATION_TYPE(
      "type",
      List.of("survey", "meeting", "home-visits", "online", "other"),
      ordered(
          "enquête", "survey",
          "bijeenkomst", "meeting",
          "huisbezoek", "home-visits",
          "huisbezoeken", "home-visits",
          "anders", "other")),
  EMPLOYER(
      "employer",
      List.of("self", "partner", "volunteer"),
      ordered("zelf", "self", "eigen", "self", "vrijwilliger", "volunteer")),
  REPORTS_TO(
      "reports_to",
      List.of("board", "partner", "none"),
      ordered("bestuur", "board", "geen", "none")),
  SECTOR(
      "sector",
      List.of(
          "municipality",
          "district",
          "other-government",
          "housing-corporation",
          "welfare",
          "care",
          "education",
          "business",
          "fund",
          "residents-organisation",
          "community-centre",
          "cooperative",
          "religious",
          "other"),
      ordered(
          "gemeente", "municipality",
          "stadsdeel", "district",
          "overheid-overig", "other-government",
          "andere-overheid", "other-government",
          "woningcorporatie", "housing-corporation",
          "corporatie", "housing-corporation",
          "welzijn", "welfare",
          "zorg", "care",
          "onderwijs", "education",
          "school", "education",
          "bedrijf", "business",
          "ondernemer", "business",
          "fonds", "fund",
          "bewonersorganisatie", "residents-organisation",
          "buurthuis", "community-centre",
          "coöperatie", "cooperative",
          "religieus", "religious",
          "anders", "other")),
  PARTNER_ROLE(
      "role",
      List.of(
          "client",
          "funder",
          "delivery-partner",
          "housing",
          "referrer",
          "knowledge",
          "customer",
          "other"),
      ordered(
          "opdrachtgever", "client",
          "financier", "funder",
          "uitvoeringspartner", "delivery-partner",
          "huisvesting", "housing",
          "doorverwijzer", "referrer",
          "kennis", "knowledge",
          "afnemer", "customer",
          "anders", "other")),
  COMMITMENT(
      "commitment",
      List.of("idea", "in-talks", "letter-of-intent", "agreement"),
      ordered(
          "idee", "idea",
          "in-gesprek", "in-talks",
          "intentieverklaring", "letter-of-intent",
          "overeenkomst", "agreement",
          "contract", "agreement",
          "samenwerkingsovereenkomst", "agreement")),
  GROUP_TYPE(
      "type",
      List.of(
          "residents-organisation",
          "self-managed-community-centre",
          "bewonersbedrijf",
          "cooperative",
          "tenants-association",
          "other"),
      ordered(
          "bewonersorganisatie", "residents-organisation",
          "buurthuis-zelfbeheer", "self-managed-community-centre",
          "buurthuis in zelfbeheer", "self-managed-community-centre",
          "coöperatie", "cooperative",
          "huurdersvereniging", "tenants-association",
          "anders", "other")),
  GROUP_RELATION(
      "relation",
      List.of("member", "co-owner", "joint-delivery", "housing", "referral", "contact"),
      ordered(
          "lid", "member",
          "mede-eigenaar", "co-owner",
          "gezamenlijke-uitvoering", "joint-delivery",
          "huisvesting", "housing",
          "doorverwijzing", "referral")),
  THEME(
      "theme",
      List.of(
          "green",
          "cleaning",
          "caretaking",
          "restaurant",
          "odd-jobs",
          "care-welfare",
          "energy",
          "meeting-place",
          "shop",
          "rental",
          "transport",
          "other"),
      ordered(
          "groen", "green",
          "schoonmaak", "cleaning",
          "buurtconciërge", "caretaking",
          "wijkrestaurant", "restaurant",
          "klussen", "odd-jobs",
          "zorg-welzijn", "care-welfare",
          "energie", "energy",
          "ontmoeting", "meeting-place",
          "winkel", "shop",
          "verhuur", "rental",
          "vervoer", "transport",
          "anders", "other")),
  REVENUE_TYPE(
      "type",
      List.of(
          "social-tender",
          "right-to-challenge",
          "municipal-contract",
          "housing-contract",
          "sales",
          "rent",
          "membership",
          "service-fee",
          "subsidy",
          "fund-grant",
          "donation",
          "loan",
          "investment",
          "other"),
      ordered(
          "maatschappelijke aanbesteding", "social-tender",
          "aanbesteding", "social-tender",
          "uitdaagrecht", "right-to-challenge",
          "right to challenge", "right-to-challenge",
          "r2c", "right-to-challenge",
          "gemeentelijke-opdracht", "municipal-contract",
          "corporatie-opdracht", "housing-contract",
          "verkoop", "sales",
          "huur", "rent",
          "verhuur", "rent",
          "contributie", "membership",
          "dienstverlening", "service-fee",
          "subsidie", "subsidy",
          "fonds", "fund-grant",
          "fondsbijdrage", "fund-grant",
          "gift", "donation",
          "donatie", "donation",
          "lening", "loan",
          "investering", "investment",
          "anders", "other")),
  REVENUE_STATUS(
      "status",
      List.of(
          "idea", "in-talks", "applied", "letter-of-intent", "forecast", "contract", "realised"),
      ordered(
          "idee", "idea",
          "in-gesprek", "in-talks",
          "aangevraagd", "applied",
          "intentieverklaring", "letter-of-intent",
          "prognose", "forecast",
          "overeenkomst", "contract",
          "contract", "contract",
          "gerealiseerd", "realised")),
  ASSET_TYPE(
      "type",
      List.of("building", "land", "vehicle", "equipment", "other"),
      ordered(
          "gebouw", "building",
          "grond", "land",
          "voertuig", "vehicle",
          "gereedschap", "equipment",
          "uitrusting", "equipment",
          "anders", "other")),
  TENURE(
      "tenure",
      List.of(
          "ownership",
          "leasehold",
          "community-transfer",
          "management",
          "self-management",
          "rent",
          "loan",
          "occasional"),
      ordered(
          "eigendom", "ownership",
          "erfpacht", "leasehold",
          "overdracht", "community-transfer",
          "beheer", "management",
          "zelfbeheer", "self-management",
          "huur", "rent",
          "bruikleen", "loan",
          "incidenteel", "occasional")),
  LEVEL(
      "likelihood",
      List.of("low", "medium", "high"),
      ordered("laag", "low", "midden", "medium", "gemiddeld", "medium", "hoog", "high")),
  INDICATOR_THEME(
      "theme",
      List.of("work", "participation", "liveability", "poverty", "health", "other"),
      ordered(
          "werk", "work",
          "participatie", "participation",
          "leefbaarheid", "liveability",
          "armoede", "poverty",
          "gezondheid", "health",
          "anders", "other"));

  /** Patterns in a holder: an enum's static fields are set only after its constants. */
  private static final class P {
    static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-]+");
    static final Pattern MARKS = Pattern.compile("\\p{M}+");
  }

  private final String field;
  private final List<String> canonical;
  private final Map<String, String> synonyms;
  private final Map<String, String> lookup = new LinkedHashMap<>();

  Vocabulary(String field, List<String> canonical, Map<String, String> synonyms) {
    this.field = field;
    this.canonical = canonical;
    this.synonyms = Collections.unmodifiableMap(new LinkedHashMap<>(synonyms));
    for (String c : canonical) {
      lookup.put(normalise(c), c);
    }
    synonyms.forEach((word, c) -> lookup.put(normalise(word), c));
    lookup.forEach(
        (word, c) -> {
          int i = quickSlot(word);
          while (quickWords[i] != null) {
            i = (i + 1) & (QUICK - 1); // taken: the next free slot (the table is mostly empty)
          }
          quickWords[i] = word;
          quickValues[i] = c;
        });
  }

  /**
   * The known words in a small open-addressed table by length, first and last character: a word as
   * written is found by comparing it with a candidate or two, where a map would first hash all of
   * its characters. Batch looks up a dozen words for every row of a million-row list, and cells
   * fresh from the list have no hash yet. A vocabulary has at most a few dozen words, so the table
   * never fills.
   */
  private static final int QUICK = 256;

  private final String[] quickWords = new String[QUICK];
  private final String[] quickValues = new String[QUICK];

  private static int quickSlot(String word) {
    int n = word.length();
    return n == 0 ? 0 : ((n * 31 + word.charAt(0)) * 31 + word.charAt(n - 1)) & (QUICK - 1);
  }

  private static final class Paths {
    static final Map<String, Vocabulary> BY_PATH =
        Map.ofEntries(
            Map.entry("language", LANGUAGE),
            Map.entry("stage", STAGE),
            Map.entry("legal_form", LEGAL_FORM),
            Map.entry("residents.consultations.type", CONSULTATION_TYPE),
            Map.entry("governance.connector.employer", EMPLOYER),
            Map.entry("governance.connector.reports_to", REPORTS_TO),
            Map.entry("partners.sector", SECTOR),
            Map.entry("partners.role", PARTNER_ROLE),
            Map.entry("partners.commitment", COMMITMENT),
            Map.entry("resident_groups.type", GROUP_TYPE),
            Map.entry("resident_groups.relation", GROUP_RELATION),
            Map.entry("activities.theme", THEME),
            Map.entry("revenue.type", REVENUE_TYPE),
            Map.entry("revenue.status", REVENUE_STATUS),
            Map.entry("assets.type", ASSET_TYPE),
            Map.entry("assets.tenure", TENURE),
            Map.entry("risks.likelihood", LEVEL),
            Map.entry("risks.impact", LEVEL),
            Map.entry("impact_indicators.theme", INDICATOR_THEME));
  }

  /**
   * The vocabulary of the field at a YAML path ({@code partners[2].sector} is a sector), or null
   * for a field that is not enumerated.
   */
  public static Vocabulary forPath(String path) {
    return Paths.BY_PATH.get(path.replaceAll("\\[\\d+]", ""));
  }

  /**
   * The name {@code wijktoets explain} lists this vocabulary's values under: the shortest name of
   * the first field that uses it ({@code sector}, {@code revenue.type}).
   */
  public String explainName() {
    String path =
        Paths.BY_PATH.entrySet().stream()
            .filter(e -> e.getValue() == this)
            .map(Map.Entry::getKey)
            .sorted()
            .findFirst()
            .orElse(field);
    return ProposalSchema.get().shortName(path);
  }

  /** The field name this vocabulary is for (as written in the proposal). */
  public String field() {
    return field;
  }

  public List<String> canonical() {
    return canonical;
  }

  /** The accepted words other than the canonical values, each with its canonical value. */
  public Map<String, String> synonyms() {
    return synonyms;
  }

  /** The canonical value for what a user wrote, if it is a known word. */
  public Optional<String> canonicalise(String written) {
    for (int i = quickSlot(written); quickWords[i] != null; i = (i + 1) & (QUICK - 1)) {
      if (quickWords[i].equals(written)) {
        return Optional.of(quickValues[i]);
      }
    }
    String exact = lookup.get(written); // canonical values as written need no normalising
    return Optional.ofNullable(exact != null ? exact : lookup.get(normalise(written)));
  }

  /**
   * The canonical value for the word written in {@code text} from {@code from} to {@code to}
   * (stripped), or null when it is not a known word. A word as a list usually has it is found in
   * the quick table without copying it out of the cell first; any other is looked up as {@link
   * #canonicalise(String)} does.
   */
  public String canonicalise(String text, int from, int to) {
    int n = to - from;
    if (n > 0) {
      int slot = ((n * 31 + text.charAt(from)) * 31 + text.charAt(to - 1)) & (QUICK - 1);
      for (int i = slot; quickWords[i] != null; i = (i + 1) & (QUICK - 1)) {
        String w = quickWords[i];
        if (w.length() == n && text.regionMatches(from, w, 0, n)) {
          return quickValues[i];
        }
      }
    }
    return canonicalise(text.substring(from, to)).orElse(null);
  }

  /** Every accepted word, canonical first, for messages ("allowed: ..."). */
  public List<String> allowed() {
    List<String> all = new ArrayList<>(canonical);
    synonyms.keySet().stream().filter(w -> !all.contains(w)).forEach(all::add);
    return all;
  }

  /**
   * Case-, accent- and separator-insensitive form of a word: {@code Coöperatie U.A.} becomes {@code
   * cooperatie-u.a.}.
   */
  public static String normalise(String word) {
    String s = Normalizer.normalize(word.strip(), Normalizer.Form.NFD);
    s = P.MARKS.matcher(s).replaceAll("");
    s = s.toLowerCase(Locale.ROOT);
    s = P.SEPARATORS.matcher(s).replaceAll("-");
    if (s.startsWith("-")) {
      s = s.substring(1);
    }
    if (s.endsWith("-")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  private static final Optional<Boolean> TRUE = Optional.of(Boolean.TRUE);
  private static final Optional<Boolean> FALSE = Optional.of(Boolean.FALSE);

  /** Booleans as users write them: true, false, ja, nee, yes, no, waar, onwaar (any case). */
  public static Optional<Boolean> bool(String written) {
    // the words as a list usually has them, without making a lower-case copy first
    if (written.equals("yes") || written.equals("ja") || written.equals("true")) {
      return TRUE;
    }
    if (written.equals("no") || written.equals("nee") || written.equals("false")) {
      return FALSE;
    }
    return switch (written.strip().toLowerCase(Locale.ROOT)) {
      case "true", "ja", "yes", "waar" -> TRUE;
      case "false", "nee", "no", "onwaar" -> FALSE;
      default -> Optional.empty();
    };
  }
}
