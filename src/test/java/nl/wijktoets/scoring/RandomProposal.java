package nl.wijktoets.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * A random proposal in format version 1, kept as a small tree so it can be written twice: once with
 * the English canonical values and once with the Dutch words users write (product.md's synonym
 * table, transcribed here independently of the reader), Dutch booleans, amounts as Dutch text and
 * the municipality as {@code 's-Gravenhage}.
 */
final class RandomProposal {

  /** An enumerated value of a field. */
  record E(String field, String canonical) {}

  /** A boolean. */
  record B(boolean value) {}

  /** An amount of euros (written as a number, or as Dutch text). */
  record A(BigDecimal value) {}

  /** Free text. */
  record T(String text) {}

  /** A plain number. */
  record N(String number) {}

  /** A counterparty. */
  record C(String name) {}

  /** The municipality, Den Haag. */
  record M() {}

  /** A word written as it is (such as the value a missing condition needs). */
  record W(String word) {}

  private static final Map<String, List<String>> CANONICAL = new LinkedHashMap<>();
  private static final Map<String, Map<String, String>> DUTCH = new LinkedHashMap<>();

  private static void vocab(String field, String... canonicalDutch) {
    List<String> values = new ArrayList<>();
    Map<String, String> dutch = new LinkedHashMap<>();
    for (String pair : canonicalDutch) {
      String[] p = pair.split("=");
      values.add(p[0]);
      if (p.length > 1) {
        dutch.put(p[0], p[1]);
      }
    }
    CANONICAL.put(field, values);
    DUTCH.put(field, dutch);
  }

  static {
    vocab("stage", "idea=idee", "founding=in-oprichting", "operating=operationeel");
    vocab(
        "legal_form",
        "cooperative=coöperatie",
        "association=vereniging",
        "foundation=stichting",
        "company=bv",
        "none=geen",
        "other=anders");
    vocab(
        "consultation",
        "survey=enquête",
        "meeting=bijeenkomst",
        "home-visits=huisbezoeken",
        "online",
        "other=anders");
    vocab("employer", "self=zelf", "partner", "volunteer=vrijwilliger");
    vocab("reports_to", "board=bestuur", "partner", "none=geen");
    vocab(
        "sector",
        "municipality=gemeente",
        "district=stadsdeel",
        "other-government=andere-overheid",
        "housing-corporation=woningcorporatie",
        "welfare=welzijn",
        "care=zorg",
        "education=onderwijs",
        "business=bedrijf",
        "fund=fonds",
        "residents-organisation=bewonersorganisatie",
        "community-centre=buurthuis",
        "cooperative=coöperatie",
        "religious=religieus",
        "other=anders");
    vocab(
        "role",
        "client=opdrachtgever",
        "funder=financier",
        "delivery-partner=uitvoeringspartner",
        "housing=huisvesting",
        "referrer=doorverwijzer",
        "knowledge=kennis",
        "customer=afnemer",
        "other=anders");
    vocab(
        "commitment",
        "idea=idee",
        "in-talks=in-gesprek",
        "letter-of-intent=intentieverklaring",
        "agreement=overeenkomst");
    vocab(
        "group_type",
        "residents-organisation=bewonersorganisatie",
        "self-managed-community-centre=buurthuis in zelfbeheer",
        "bewonersbedrijf",
        "cooperative=coöperatie",
        "tenants-association=huurdersvereniging",
        "other=anders");
    vocab(
        "relation",
        "member=lid",
        "co-owner=mede-eigenaar",
        "joint-delivery=gezamenlijke-uitvoering",
        "housing=huisvesting",
        "referral=doorverwijzing",
        "contact");
    vocab(
        "theme",
        "green=groen",
        "cleaning=schoonmaak",
        "caretaking=buurtconciërge",
        "restaurant=wijkrestaurant",
        "odd-jobs=klussen",
        "care-welfare=zorg-welzijn",
        "energy=energie",
        "meeting-place=ontmoeting",
        "shop=winkel",
        "rental=verhuur",
        "transport=vervoer",
        "other=anders");
    vocab(
        "revenue_type",
        "social-tender=maatschappelijke aanbesteding",
        "right-to-challenge=uitdaagrecht",
        "municipal-contract=gemeentelijke-opdracht",
        "housing-contract=corporatie-opdracht",
        "sales=verkoop",
        "rent=huur",
        "membership=contributie",
        "service-fee=dienstverlening",
        "subsidy=subsidie",
        "fund-grant=fondsbijdrage",
        "donation=donatie",
        "loan=lening",
        "investment=investering",
        "other=anders");
    vocab(
        "status",
        "idea=idee",
        "in-talks=in-gesprek",
        "applied=aangevraagd",
        "letter-of-intent=intentieverklaring",
        "forecast=prognose",
        "contract=overeenkomst",
        "realised=gerealiseerd");
    vocab(
        "asset_type",
        "building=gebouw",
        "land=grond",
        "vehicle=voertuig",
        "equipment=gereedschap",
        "other=anders");
    vocab(
        "tenure",
        "ownership=eigendom",
        "leasehold=erfpacht",
        "community-transfer=overdracht",
        "management=beheer",
        "self-management=zelfbeheer",
        "rent=huur",
        "loan=bruikleen",
        "occasional=incidenteel");
    vocab("level", "low=laag", "medium=midden", "high=hoog");
    vocab(
        "indicator_theme",
        "work=werk",
        "participation=participatie",
        "liveability=leefbaarheid",
        "poverty=armoede",
        "health=gezondheid",
        "other=anders");
  }

  private static final List<String> COUNTERPARTIES =
      List.of(
          "Gemeente Den Haag",
          "Stadsdeel Escamp",
          "'s-Gravenhage",
          "The Hague",
          "Haags Buurtfonds",
          "Haag Wonen",
          "Fonds Zuidwest",
          "fonds  ZUIDWEST",
          "Hofstad Wonen",
          "various",
          "");

  private static final List<String> GROUP_NAMES =
      List.of(
          "Bewonersorganisatie Oost",
          "bewonersorganisatie  OOST",
          "Buurthuis Café",
          "buurthuis cafe",
          "Energiecoöperatie Zuid",
          "Huurders De Lindeboom",
          "Vrouwengroep",
          "");

  final Map<String, Object> tree;
  private final long seed;

  private RandomProposal(Map<String, Object> tree, long seed) {
    this.tree = tree;
    this.seed = seed;
  }

  // ---------------------------------------------------------------------------------------------
  // Generating

  /** Values a strong proposal tends to have, so the random proposals reach every band. */
  private static final Map<String, List<String>> STRONG =
      Map.of(
          "commitment", List.of("agreement", "letter-of-intent", "in-talks"),
          "status", List.of("contract", "realised", "letter-of-intent", "in-talks"),
          "revenue_type",
              List.of(
                  "right-to-challenge", "social-tender", "housing-contract", "sales", "subsidy"),
          "tenure", List.of("ownership", "self-management", "rent"),
          "relation", List.of("member", "joint-delivery", "co-owner"),
          "employer", List.of("self"),
          "reports_to", List.of("board"),
          "sector",
              List.of("municipality", "district", "housing-corporation", "business", "welfare"),
          "asset_type", List.of("building", "land"));

  /** Set by each {@link #generate} call (generation is sequential). */
  private static boolean strong;

  static RandomProposal generate(long seed, int size) {
    Random r = new Random(seed);
    strong = r.nextInt(3) > 0;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", new N("1"));
    m.put("name", new T("Buurtbedrijf " + r.nextInt(100)));
    m.put("neighbourhood", new T("Wijk"));
    if (r.nextBoolean()) {
      m.put("municipality", new M());
    }
    if (r.nextBoolean()) {
      m.put("stage", e(r, "stage"));
    }
    if (r.nextBoolean()) {
      m.put("legal_form", e(r, "legal_form"));
    }
    m.put(
        "founders",
        list(
            r,
            size,
            i -> {
              Map<String, Object> f = new LinkedHashMap<>();
              f.put("name", new T("Oprichter " + i));
              if (r.nextInt(5) > 0) {
                f.put("lives_in_neighbourhood", new B(strong ? r.nextInt(4) > 0 : r.nextBoolean()));
              }
              return f;
            }));
    if (r.nextInt(4) > 0) {
      Map<String, Object> res = new LinkedHashMap<>();
      res.put(
          "involved",
          new N(
              String.valueOf(
                  strong ? pick(r, 30, 74, 75, 120) : pick(r, 0, 4, 5, 14, 15, 29, 30, 74, 75))));
      if (r.nextBoolean()) {
        res.put("members", new N(String.valueOf(pick(r, 0, 24, 25, 300))));
      }
      res.put(
          "consultations",
          list(
              r,
              Math.min(size, 3),
              i -> {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("type", e(r, "consultation"));
                if (r.nextInt(4) > 0) {
                  c.put(
                      "participants",
                      new N(
                          String.valueOf(
                              strong
                                  ? pick(r, 25, 49, 50, 80)
                                  : pick(r, 0, 1, 24, 25, 49, 50, 80))));
                }
                return c;
              }));
      m.put("residents", res);
    }
    if (r.nextInt(4) > 0) {
      Map<String, Object> g = new LinkedHashMap<>();
      g.put(
          "board",
          list(
              r,
              size,
              i -> {
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("role", new T("lid " + i));
                b.put("resident", new B(strong ? r.nextInt(4) > 0 : r.nextBoolean()));
                return b;
              }));
      if (strong || r.nextBoolean()) {
        g.put("members_meeting", new B(strong || r.nextBoolean()));
      }
      if (strong || r.nextBoolean()) {
        g.put("profit_reinvested", new B(strong || r.nextBoolean()));
      }
      if (strong || r.nextBoolean()) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("role", new T("kwartiermaker"));
        if (r.nextInt(4) > 0) {
          c.put("hours_per_week", new N(pick(r, "0", "7.5", "8", "15.5", "16", "24", "40")));
        }
        if (strong || r.nextBoolean()) {
          c.put("paid", new B(strong || r.nextBoolean()));
        }
        if (r.nextBoolean()) {
          c.put("employer", e(r, "employer"));
        }
        if (r.nextBoolean()) {
          c.put("reports_to", e(r, "reports_to"));
        }
        g.put("connector", c);
      }
      m.put("governance", g);
    }
    m.put(
        "partners",
        list(
            r,
            size,
            i -> {
              Map<String, Object> p = new LinkedHashMap<>();
              p.put("name", new T("Partner " + i));
              p.put("sector", e(r, "sector"));
              if (r.nextBoolean()) {
                p.put("role", e(r, "role"));
              }
              if (r.nextInt(5) > 0) {
                p.put("commitment", e(r, "commitment"));
              }
              return p;
            }));
    m.put(
        "resident_groups",
        list(
            r,
            size,
            i -> {
              Map<String, Object> g = new LinkedHashMap<>();
              String name = GROUP_NAMES.get(r.nextInt(GROUP_NAMES.size()));
              if (!name.isEmpty()) {
                g.put("name", new T(name));
              }
              g.put("type", e(r, "group_type"));
              if (r.nextInt(4) > 0) {
                g.put("relation", e(r, "relation"));
              }
              return g;
            }));
    m.put(
        "activities",
        list(
            r,
            Math.min(size, 3),
            i -> {
              Map<String, Object> a = new LinkedHashMap<>();
              a.put("name", new T("Activiteit " + i));
              if (r.nextBoolean()) {
                a.put("theme", e(r, "theme"));
              }
              if (strong || r.nextInt(4) > 0) {
                a.put("public_task", new B(r.nextInt(3) > 0));
              }
              if (strong || r.nextBoolean()) {
                a.put("current_provider", new T("aannemer"));
              }
              if (r.nextBoolean()) {
                a.put("current_cost", amount(r));
              }
              if (r.nextBoolean()) {
                a.put("proposed_price", amount(r));
              }
              if (r.nextBoolean()) {
                a.put("added_value", new T("werk voor bewoners"));
              }
              if (r.nextBoolean()) {
                a.put("jobs_for_residents", new N(String.valueOf(r.nextInt(4))));
              }
              return a;
            }));
    m.put(
        "revenue",
        list(
            r,
            size,
            i -> {
              Map<String, Object> line = new LinkedHashMap<>();
              line.put("source", new T("Bron " + i));
              line.put("type", e(r, "revenue_type"));
              if (r.nextInt(5) > 0) {
                line.put(
                    "counterparty", new C(COUNTERPARTIES.get(r.nextInt(COUNTERPARTIES.size()))));
              }
              if (r.nextInt(6) > 0) {
                line.put("status", e(r, "status"));
              }
              Map<Integer, Object> perYear = new TreeMap<>();
              int years = strong ? 1 + r.nextInt(3) : r.nextInt(4);
              for (int k = 0; k < years; k++) {
                perYear.put(strong ? 2026 + k : 2025 + r.nextInt(5), amount(r));
              }
              line.put("per_year", perYear);
              return line;
            }));
    if (r.nextInt(4) > 0) {
      List<Integer> years = new ArrayList<>(List.of(2026, 2027, 2028, 2025, 2029));
      if (!strong) {
        Collections.shuffle(years, r);
      }
      int n = strong ? 2 + r.nextInt(2) : r.nextInt(5);
      List<Object> budget = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("year", new N(String.valueOf(years.get(k))));
        if (r.nextInt(6) > 0) {
          b.put("costs", amount(r));
        }
        budget.add(b);
      }
      m.put("budget", budget);
    }
    if (r.nextBoolean()) {
      List<Integer> years = new ArrayList<>(List.of(2026, 2027, 2028, 2025, 2029, 2030));
      if (!strong) {
        Collections.shuffle(years, r);
      }
      int n = strong ? 1 + r.nextInt(3) : r.nextInt(5);
      List<Object> employment = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("year", new N(String.valueOf(years.get(k))));
        e.put("residents_hired", new N(String.valueOf(r.nextInt(16))));
        if (r.nextBoolean()) {
          e.put("entry_jobs", new N(String.valueOf(r.nextInt(7))));
        }
        employment.add(e);
      }
      m.put("employment", employment);
    }
    if (strong || r.nextBoolean()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("guidance", new B(strong || r.nextBoolean()));
      m.put("employment_support", s);
    }
    m.put(
        "assets",
        list(
            r,
            Math.min(size, 3),
            i -> {
              Map<String, Object> a = new LinkedHashMap<>();
              a.put("type", e(r, "asset_type"));
              if (r.nextInt(5) > 0) {
                a.put("tenure", e(r, "tenure"));
              }
              if (r.nextBoolean()) {
                a.put("term_years", new N(pick(r, "1", "4.99", "5", "10")));
              }
              return a;
            }));
    m.put(
        "risks",
        list(
            r,
            Math.min(size, 2),
            i -> {
              Map<String, Object> k = new LinkedHashMap<>();
              k.put("description", new T("risico " + i));
              if (r.nextBoolean()) {
                k.put("likelihood", e(r, "level"));
              }
              if (strong || r.nextBoolean()) {
                k.put("mitigation", new T("plan B"));
              }
              return k;
            }));
    m.put(
        "impact_indicators",
        list(
            r,
            size,
            i -> {
              Map<String, Object> ind = new LinkedHashMap<>();
              ind.put("name", new T("indicator " + i));
              if (r.nextInt(5) > 0) {
                ind.put("theme", e(r, "indicator_theme"));
              }
              if (strong || r.nextInt(4) > 0) {
                ind.put("baseline", r.nextBoolean() ? new N("0") : new T("onbekend"));
              }
              if (strong || r.nextInt(4) > 0) {
                ind.put("target", new N(String.valueOf(1 + r.nextInt(50))));
              }
              if (strong || r.nextInt(4) > 0) {
                ind.put("method", new T("telling"));
              }
              return ind;
            }));
    // drop some blocks entirely (absent, not empty)
    for (String block :
        List.of("founders", "partners", "resident_groups", "activities", "assets", "risks")) {
      if (!strong && r.nextInt(6) == 0) {
        m.remove(block);
      }
    }
    return new RandomProposal(m, seed);
  }

  private static E e(Random r, String field) {
    List<String> values =
        strong && STRONG.containsKey(field) && r.nextInt(4) > 0
            ? STRONG.get(field)
            : CANONICAL.get(field);
    return new E(field, values.get(r.nextInt(values.size())));
  }

  private static A amount(Random r) {
    int kind = r.nextInt(10);
    BigDecimal v =
        switch (kind) {
          case 0 -> BigDecimal.ZERO;
          case 1 -> new BigDecimal(r.nextInt(1000) + ".5");
          case 2 -> new BigDecimal(r.nextInt(100000) + ".25");
          default -> BigDecimal.valueOf(r.nextInt(200) * 1000L + r.nextInt(3) * 250L);
        };
    return new A(v);
  }

  @SafeVarargs
  private static <X> X pick(Random r, X... xs) {
    return xs[r.nextInt(xs.length)];
  }

  private static List<Object> list(Random r, int size, IntFunction<Map<String, Object>> item) {
    int n = size == 0 ? 0 : strong ? 1 + r.nextInt(size) : r.nextInt(size + 1);
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(item.apply(i));
    }
    return out;
  }

  /** The same proposal with waivers added. */
  RandomProposal withWaivers(List<String> criteria) {
    Map<String, Object> copy = new LinkedHashMap<>(tree);
    List<Object> waivers = new ArrayList<>();
    for (String c : criteria) {
      Map<String, Object> w = new LinkedHashMap<>();
      w.put("criterion", new T(c));
      w.put("reason", new T("past niet bij deze wijkonderneming"));
      waivers.add(w);
    }
    copy.put("waivers", waivers);
    return new RandomProposal(copy, seed);
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  String canonical() {
    return new Writer(false, new Random(seed)).write(tree);
  }

  String dutch() {
    return new Writer(true, new Random(~seed)).write(tree);
  }

  @Override
  public String toString() {
    return "\n" + canonical();
  }

  /**
   * A copy with one field set, by its YAML path ({@code governance.connector.paid}, {@code
   * partners[2].commitment}); blocks on the way that are not there yet are added.
   */
  @SuppressWarnings("unchecked")
  RandomProposal with(String path, Object value) {
    Map<String, Object> copy = (Map<String, Object>) copy(tree);
    Map<String, Object> at = copy;
    String[] steps = path.split("\\.");
    for (int i = 0; i < steps.length; i++) {
      String step = steps[i];
      int bracket = step.indexOf('[');
      String key = bracket < 0 ? step : step.substring(0, bracket);
      if (i == steps.length - 1 && bracket < 0) {
        at.put(key, value);
        break;
      }
      Object next = at.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
      if (bracket >= 0) {
        int index = Integer.parseInt(step.substring(bracket + 1, step.indexOf(']')));
        next = ((List<Object>) next).get(index);
      }
      at = (Map<String, Object>) next;
    }
    return new RandomProposal(copy, seed);
  }

  @SuppressWarnings("unchecked")
  private static Object copy(Object node) {
    if (node instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(k, copy(v)));
      return out;
    }
    if (node instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(copy(v)));
      return out;
    }
    return node;
  }

  private static final class Writer {
    private final boolean dutch;
    private final Random casing;
    private final StringBuilder sb = new StringBuilder();

    Writer(boolean dutch, Random casing) {
      this.dutch = dutch;
      this.casing = casing;
    }

    String write(Map<String, Object> root) {
      map(root, 0, false);
      return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private void map(Map<?, Object> m, int indent, boolean listItem) {
      boolean first = true;
      for (var entry : m.entrySet()) {
        String lead = first && listItem ? " ".repeat(indent - 2) + "- " : " ".repeat(indent);
        first = false;
        String key = key(entry.getKey());
        Object v = entry.getValue();
        if (v instanceof Map<?, ?> mm) {
          if (mm.isEmpty()) {
            sb.append(lead).append(key).append(": {}\n");
          } else {
            sb.append(lead).append(key).append(":\n");
            map((Map<?, Object>) mm, indent + 2, false);
          }
        } else if (v instanceof List<?> l) {
          if (l.isEmpty()) {
            sb.append(lead).append(key).append(": []\n");
          } else {
            sb.append(lead).append(key).append(":\n");
            for (Object item : l) {
              map((Map<?, Object>) item, indent + 4, true);
            }
          }
        } else {
          sb.append(lead).append(key).append(": ").append(scalar(v)).append('\n');
        }
      }
    }

    private String key(Object key) {
      if (key instanceof Integer year) {
        return dutch && casing.nextBoolean() ? "\"" + year + "\"" : String.valueOf(year);
      }
      return (String) key;
    }

    private String scalar(Object v) {
      if (v instanceof E e) {
        String word = e.canonical();
        if (dutch) {
          word = DUTCH.get(e.field()).getOrDefault(word, word);
          word = casing.nextBoolean() ? word.toUpperCase(Locale.ROOT) : word;
        }
        return quote(word);
      }
      if (v instanceof B b) {
        if (!dutch) {
          return String.valueOf(b.value());
        }
        String word = b.value() ? "ja" : "nee";
        return casing.nextBoolean() ? word.toUpperCase(Locale.ROOT) : word;
      }
      if (v instanceof A a) {
        return dutch ? quote(dutchAmount(a.value())) : a.value().toPlainString();
      }
      if (v instanceof T t) {
        return quote(t.text());
      }
      if (v instanceof N n) {
        return n.number();
      }
      if (v instanceof C c) {
        String name = c.name();
        if (dutch && name.equals("various")) {
          name = casing.nextBoolean() ? "divers" : "Diversen";
        }
        return quote(name);
      }
      if (v instanceof W w) {
        return quote(w.word());
      }
      if (v instanceof M) {
        return quote(dutch ? "'s-Gravenhage" : "Den Haag");
      }
      throw new IllegalArgumentException(String.valueOf(v));
    }

    private static String quote(String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** 12500.25 as "€ 12.500,25", 20000 as "€ 20.000,-". */
    private String dutchAmount(BigDecimal v) {
      BigDecimal whole = new BigDecimal(v.toBigInteger());
      String digits = whole.toPlainString();
      StringBuilder grouped = new StringBuilder();
      for (int i = 0; i < digits.length(); i++) {
        if (i > 0 && (digits.length() - i) % 3 == 0) {
          grouped.append('.');
        }
        grouped.append(digits.charAt(i));
      }
      String decimals = v.subtract(whole).stripTrailingZeros().toPlainString();
      String tail;
      if (v.compareTo(whole) == 0) {
        tail = casing.nextBoolean() ? ",-" : "";
      } else {
        tail = "," + decimals.substring(decimals.indexOf('.') + 1);
      }
      return (casing.nextBoolean() ? "€ " : "EUR ") + grouped + tail;
    }
  }
}
