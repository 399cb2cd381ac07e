package nl.wijktoets.batch;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.proposal.Proposal;
import nl.wijktoets.proposal.ProposalYamlWriter;
import nl.wijktoets.proposal.Vocabulary;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.testutil.Run;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flat row and the YAML proposal written for it score the same: random valid rows over every flat
 * column, and {@code batch --to-yaml} on the example list.
 */
class FlatRowYamlEquivalenceTest {

  private static final Assessor ASSESSOR = new Assessor(RubricLoader.builtin());

  // ---------------------------------------------------------------------------------------------
  // generators

  /** Pieces of free text: YAML-significant characters, quotes, accents, emoji, line breaks. */
  private static final List<String> TOKENS =
      List.of(
          "Buurt",
          "wijk",
          "De",
          "Moerwijk",
          "Haag",
          "Wonen",
          "Fonds",
          "1818",
          "various",
          "divers",
          "Gemeente",
          "Stadsdeel",
          "Escamp",
          "Den Haag",
          "'s-Gravenhage",
          " ",
          "  ",
          "coöperatie",
          "Ærø",
          "ß",
          "ñ",
          "€",
          "漢字",
          "😀",
          "\u00A0",
          "'",
          "\"",
          "\\",
          "#",
          ": ",
          "- ",
          "-",
          "&",
          "&a",
          "*a",
          "!tag",
          "%",
          "@",
          "|",
          ">",
          "{",
          "}",
          "[",
          "]",
          "?",
          ",",
          ".",
          "`",
          "~",
          "null",
          "true",
          "yes",
          "no",
          "on",
          "1.0",
          "012",
          "0x1F",
          "1e3",
          "---",
          "...",
          "<<",
          "=1+1",
          "\t",
          "\n",
          "\r\n",
          "\u2028",
          "<b>");

  private static Arbitrary<String> text() {
    return Arbitraries.of(TOKENS).list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l));
  }

  private static Arbitrary<String> optional(Arbitrary<String> a) {
    return Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just(" "), a, a);
  }

  private static Arbitrary<String> word(Vocabulary v) {
    return Arbitraries.of(v.allowed())
        .flatMap(
            w -> Arbitraries.of(w, w.toUpperCase(Locale.ROOT), " " + w + " ", w.replace('-', ' ')));
  }

  private static Arbitrary<String> bool() {
    return Arbitraries.of("yes", "no", "ja", "nee", "true", "false", "waar", "onwaar", "JA", "No");
  }

  private static Arbitrary<String> count(int max) {
    return Arbitraries.integers().between(0, max).map(String::valueOf);
  }

  /** A decimal written with a point or a Dutch comma. */
  private static Arbitrary<String> decimal() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 60),
            Arbitraries.integers().between(0, 99),
            Arbitraries.of(".", ",", ""))
        .as(
            (i, f, sep) ->
                sep.isEmpty()
                    ? String.valueOf(i)
                    : i + sep + String.format(Locale.ROOT, "%02d", f));
  }

  private static String grouped(long n, char sep) {
    String s = Long.toString(n);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (i > 0 && (s.length() - i) % 3 == 0) {
        b.append(sep);
      }
      b.append(s.charAt(i));
    }
    return b.toString();
  }

  /** An amount of euros in one of the shapes people write. */
  private static Arbitrary<String> amount() {
    return Combinators.combine(
            Arbitraries.longs().between(0, 900_000),
            Arbitraries.integers().between(0, 99),
            Arbitraries.integers().between(0, 8))
        .as(
            (n, cents, shape) -> {
              String c = String.format(Locale.ROOT, "%02d", cents);
              return switch (shape) {
                case 0 -> Long.toString(n);
                case 1 -> grouped(n, '.');
                case 2 -> n + "," + c;
                case 3 -> n + "." + c;
                case 4 -> "€ " + grouped(n, '.') + "," + c;
                case 5 -> grouped(n, ',') + "." + c;
                case 6 -> "EUR " + n;
                case 7 -> grouped(n, '.') + ",-";
                default -> grouped(n, ' ');
              };
            });
  }

  private static Arbitrary<String> items(Arbitrary<String> item, int max) {
    return item.list()
        .ofMinSize(0)
        .ofMaxSize(max)
        .flatMap(
            l ->
                Arbitraries.of("; ", ";", " ; ")
                    .map(sep -> l.isEmpty() ? ";" : String.join(sep, l)));
  }

  private static Arbitrary<String> pair(Vocabulary first, Vocabulary second) {
    return Combinators.combine(word(first), word(second), Arbitraries.integers().between(0, 3))
        .as((a, b, k) -> k == 0 ? a : a + ":" + b);
  }

  private static Arbitrary<String> revenueItem() {
    return Combinators.combine(
            word(Vocabulary.REVENUE_TYPE),
            amount(),
            word(Vocabulary.REVENUE_STATUS),
            Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.of(
                    "various",
                    "divers",
                    "Gemeente Den Haag",
                    "Stadsdeel Escamp",
                    "Haag Wonen",
                    "The Hague",
                    "gemeente",
                    "Fonds 1818"),
                text().map(t -> t.replace(";", ""))))
        .as((t, a, s, c) -> c.isEmpty() ? t + ":" + a + ":" + s : t + ":" + a + ":" + s + ":" + c);
  }

  /** Two columns where the second is part of the first. */
  private static Arbitrary<Map<String, String>> whole(String whole, String part, int max) {
    return Arbitraries.integers()
        .between(0, max)
        .flatMap(
            n ->
                Arbitraries.integers()
                    .between(0, n)
                    .flatMap(
                        k ->
                            Arbitraries.of(0, 1, 2, 3)
                                .map(
                                    shape -> {
                                      Map<String, String> m = new HashMap<>();
                                      if (shape != 0) {
                                        m.put(whole, String.valueOf(n));
                                      }
                                      if (shape == 2 || shape == 3) {
                                        m.put(part, String.valueOf(shape == 3 ? 0 : k));
                                      }
                                      if (shape == 0 || n == 0) {
                                        m.remove(part);
                                      }
                                      return m;
                                    })));
  }

  private static Arbitrary<Map<String, String>> column(String name, Arbitrary<String> value) {
    return value.map(
        v -> {
          Map<String, String> m = new HashMap<>();
          m.put(name, v);
          return m;
        });
  }

  @Provide
  Arbitrary<Map<String, String>> rows() {
    List<Arbitrary<Map<String, String>>> columns =
        List.of(
            column("id", optional(text())),
            column("name", text().map(t -> "P " + t)),
            column("neighbourhood", text().map(t -> "W" + t)),
            column("district", optional(text())),
            column(
                "municipality",
                optional(
                    Arbitraries.of(
                        "Den Haag",
                        "'s-Gravenhage",
                        "The Hague",
                        "Gemeente Den Haag",
                        "den  haag",
                        "Rotterdam",
                        "Gemeente Rotterdam",
                        "Municipality of Delft",
                        "Leiden"))),
            column("language", optional(Arbitraries.of("nl", "en"))),
            column("stage", optional(word(Vocabulary.STAGE))),
            column("legal_form", optional(word(Vocabulary.LEGAL_FORM))),
            whole("founders", "founders_resident", 8),
            column("residents_involved", optional(count(400))),
            column("members", optional(count(900))),
            column("consultation_participants", optional(count(300))),
            whole("board_seats", "board_resident_seats", 9),
            column("members_meeting", optional(bool())),
            column("profit_reinvested", optional(bool())),
            column("connector_hours", optional(decimal())),
            column("connector_paid", optional(bool())),
            column("connector_employer", optional(word(Vocabulary.EMPLOYER))),
            column("connector_reports_to", optional(word(Vocabulary.REPORTS_TO))),
            column("partners", optional(items(pair(Vocabulary.SECTOR, Vocabulary.COMMITMENT), 6))),
            column(
                "resident_groups",
                optional(items(pair(Vocabulary.GROUP_TYPE, Vocabulary.GROUP_RELATION), 4))),
            column("public_task_provider", optional(text())),
            column("public_task_current_cost", optional(amount())),
            column("public_task_price", optional(amount())),
            column("public_task_jobs", optional(count(15))),
            column("revenue", optional(items(revenueItem(), 5))),
            column("costs", optional(amount())),
            column(
                "first_year",
                optional(Arbitraries.integers().between(2020, 2040).map(String::valueOf))),
            column(
                "plan_years", optional(Arbitraries.integers().between(1, 5).map(String::valueOf))),
            column("residents_hired", optional(count(15))),
            column("entry_jobs", optional(count(8))),
            column("guidance", optional(bool())),
            column("asset_tenure", optional(word(Vocabulary.TENURE))),
            column("asset_term_years", optional(decimal())),
            column("impact_indicators", optional(count(6))),
            column(
                "impact_themes",
                optional(items(word(Vocabulary.INDICATOR_THEME), 3).filter(s -> !s.equals(";")))),
            column("risk_mitigated", optional(bool())));
    return Combinators.combine(columns)
        .as(
            parts -> {
              Map<String, String> all = new LinkedHashMap<>();
              parts.forEach(all::putAll);
              return all;
            });
  }

  // ---------------------------------------------------------------------------------------------
  // the property

  static void assertSameScores(Assessment flat, Assessment yaml) {
    assertThat(yaml.total()).as("total").isEqualTo(flat.total());
    assertThat(yaml.band().id()).as("band").isEqualTo(flat.band().id());
    assertThat(yaml.uncappedBand().id()).as("uncapped band").isEqualTo(flat.uncappedBand().id());
    for (int l = 0; l < flat.lessons().size(); l++) {
      Assessment.LessonResult fl = flat.lessons().get(l);
      Assessment.LessonResult yl = yaml.lessons().get(l);
      assertThat(yl.score()).as(fl.lesson().id()).isEqualTo(fl.score());
      for (int c = 0; c < fl.criteria().size(); c++) {
        Assessment.CriterionResult fc = fl.criteria().get(c);
        Assessment.CriterionResult yc = yl.criteria().get(c);
        assertThat(yc.criterion().id()).isEqualTo(fc.criterion().id());
        assertThat(yc.level()).as("level of %s", fc.criterion().id()).isEqualTo(fc.level());
        assertThat(yc.points()).as("points of %s", fc.criterion().id()).isEqualTo(fc.points());
      }
    }
    assertThat(steps(yaml)).as("next steps").isEqualTo(steps(flat));
  }

  static List<String> steps(Assessment a) {
    return a.nextSteps().stream()
        .map(s -> s.criterion().criterion().id() + " " + s.fromLevel() + " +" + s.gain())
        .toList();
  }

  static Assessment fromYaml(Proposal p) {
    String yaml = ProposalYamlWriter.write(p);
    Assessor.Outcome o =
        ASSESSOR.assess("row.yaml", yaml.getBytes(StandardCharsets.UTF_8), Language.NL);
    assertThat(o.errors().stream().map(f -> f.format(Language.EN)).toList())
        .as("errors reading back\n%s", yaml)
        .isEmpty();
    assertThat(o.scored()).isTrue();
    return o.assessment();
  }

  static void check(Map<String, String> cells) throws RowException {
    Proposal p = FlatRow.toProposal(cells, FlatRowTest.INDEX, "list.csv:2", 2, 2027);
    Assessment flat = ASSESSOR.score(p, Language.NL, List.of());
    assertSameScores(flat, fromYaml(p));
  }

  @Property(tries = 200, seed = "4242", edgeCases = EdgeCasesMode.MIXIN)
  void aFlatRowAndItsYamlScoreTheSame(@ForAll("rows") Map<String, String> cells)
      throws RowException {
    check(cells);
  }

  @Property(tries = 50, seed = "77", edgeCases = EdgeCasesMode.MIXIN)
  void theFirstYearDoesNotChangeTheScores(@ForAll("rows") Map<String, String> cells)
      throws RowException {
    Map<String, String> a = new HashMap<>(cells);
    a.remove("first_year");
    Map<String, String> b = new HashMap<>(a);
    b.put("first_year", "2031");
    assertSameScores(
        ASSESSOR.score(
            FlatRow.toProposal(a, FlatRowTest.INDEX, "x", 2, 2026), Language.NL, List.of()),
        ASSESSOR.score(
            FlatRow.toProposal(b, FlatRowTest.INDEX, "x", 2, 2026), Language.NL, List.of()));
  }

  // ---------------------------------------------------------------------------------------------
  // rows found to differ (see the report); each is a minimal input

  private static Map<String, String> row(String... kv) {
    return FlatRowTest.row(kv);
  }

  @Test
  void amountWithManyDecimalsScoresTheSameInYaml() throws Exception {
    // a price a hair above the current cost: not "at most the current cost"
    check(
        row(
            "public_task_provider", "aannemer",
            "public_task_current_cost", "1000",
            "public_task_price", "1.000,0000000000001"));
    check(
        row("revenue", "subsidy:1000:contract", "costs", "1.000,0000000000001", "plan_years", "3"));
  }

  @Test
  void municipalityWrittenWithTwoPrefixesScoresTheSameInYaml() throws Exception {
    check(
        row(
            "municipality",
            "Gemeente Gemeente Rotterdam",
            "revenue",
            "subsidy:50000:contract:Rotterdam; municipal-contract:50000:contract:Gemeente"
                + " Rotterdam"));
  }

  @Test
  void counterpartyWithANextLineCharacterScoresTheSameInYaml() throws Exception {
    check(row("revenue", "sales:50000:contract:X\u0085Y; sales:50000:contract:X Y"));
  }

  @Test
  void nameWithAC1ControlCharacterCanBeReadBack() throws Exception {
    check(row("name", "a\u0080b"));
  }

  // ---------------------------------------------------------------------------------------------
  // batch --to-yaml on the example list

  @TempDir Path dir;

  @Test
  void toYamlWritesOneFilePerFlatRowScoringLikeTheResults() throws Exception {
    Path yamlDir = dir.resolve("yaml");
    Run batch =
        run(
            "batch",
            "examples/batch/proposals.csv",
            "--to-yaml",
            yamlDir.toString(),
            "--lang",
            "en");
    assertThat(batch.code()).as(batch.err()).isEqualTo(3); // the list has two error rows
    List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(batch.out())).getRecords();
    List<String> header = records.get(0).toList();
    int file = header.indexOf("file");
    assertThat(file).as("`file` is a flat column, not passed through").isEqualTo(-1);
    Map<String, String> flatScores = new LinkedHashMap<>();
    for (CSVRecord r : records.subList(1, records.size())) {
      boolean flatRow = !r.get(0).equals("MO-006") && !r.get(0).equals("DD-007");
      if (flatRow && r.get(header.indexOf("status")).equals("ok")) {
        flatScores.put(r.get(0), r.get(header.indexOf("score")));
      }
    }
    assertThat(flatScores).hasSize(8);
    List<String> written;
    try (Stream<Path> files = Files.list(yamlDir)) {
      written = files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
    List<String> expected = new ArrayList<>();
    flatScores.keySet().forEach(id -> expected.add(id + ".yaml"));
    assertThat(written).containsExactlyInAnyOrderElementsOf(expected);
    for (var e : flatScores.entrySet()) {
      Path yaml = yamlDir.resolve(e.getKey() + ".yaml");
      Run assess = run("assess", yaml.toString(), "-f", "json");
      assertThat(assess.code()).as("%s: %s", e.getKey(), assess.err()).isZero();
      assertThat(assess.err()).doesNotContain(": error:");
      BigDecimal total = assess.json().get("total").decimalValue();
      assertThat(total).as(e.getKey()).isEqualByComparingTo(new BigDecimal(e.getValue()));
    }
  }
}
