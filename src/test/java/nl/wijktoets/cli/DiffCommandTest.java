package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wijktoets diff OLD NEW}: totals, lessons, criteria, fields, and privacy. */
class DiffCommandTest {

  private static final String V1 = "examples/transvaal.yaml";
  private static final String V2 = "examples/diff/transvaal-v2.yaml";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> CHANGED =
      List.of(
          "public-task-revenue", "earned-income-share", "resident-governance", "resident-groups");

  @TempDir Path dir;

  private static void assertNumber(JsonNode n, String expected) {
    assertThat(n).isNotNull();
    assertThat(n.isNumber()).as("%s is a number", n).isTrue();
    assertThat(n.decimalValue()).isEqualByComparingTo(new BigDecimal(expected));
  }

  private static Map<String, JsonNode> byId(JsonNode array) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    array.forEach(n -> out.put(n.get("id").asText(), n));
    return out;
  }

  private static List<String> fields(JsonNode criterion) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : criterion.get("fields")) {
      out.add(
          f.get("path").asText()
              + ": "
              + (f.get("before").isNull() ? "null" : "\"" + f.get("before").asText() + "\"")
              + " -> "
              + (f.get("after").isNull() ? "null" : "\"" + f.get("after").asText() + "\""));
    }
    return out;
  }

  @Test
  void jsonDiffOfTransvaalVersions() throws IOException {
    Run r = run("diff", V1, V2, "-f", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode d = r.json();
    assertThat(d.get("schemaVersion").asText()).isEqualTo("1");
    assertThat(d.get("old").asText()).isEqualTo(V1);
    assertThat(d.get("new").asText()).isEqualTo(V2);
    assertThat(d.get("rubric").get("id").asText()).isEqualTo("wijktoets-haags");
    assertNumber(d.get("total").get("before"), "62");
    assertNumber(d.get("total").get("after"), "73.75");
    assertNumber(d.get("total").get("change"), "11.75");
    assertThat(d.get("band").get("before").asText()).isEqualTo("B");
    assertThat(d.get("band").get("after").asText()).isEqualTo("B");

    Map<String, JsonNode> lessons = byId(d.get("lessons"));
    assertThat(lessons.keySet())
        .containsExactly("social-tendering", "middle-up-down", "participation-trends");
    assertNumber(lessons.get("social-tendering").get("change"), "3.75");
    assertNumber(lessons.get("social-tendering").get("before"), "20");
    assertNumber(lessons.get("social-tendering").get("after"), "23.75");
    assertNumber(lessons.get("participation-trends").get("change"), "8");
    assertNumber(lessons.get("participation-trends").get("before"), "17.5");
    assertNumber(lessons.get("participation-trends").get("after"), "25.5");
    assertNumber(lessons.get("middle-up-down").get("change"), "0");

    Map<String, JsonNode> criteria = byId(d.get("criteria"));
    assertThat(criteria).hasSize(15);
    List<String> changed = new ArrayList<>();
    criteria.forEach(
        (id, c) -> {
          if (c.get("levelBefore").asInt() != c.get("levelAfter").asInt()
              || c.get("change").decimalValue().signum() != 0) {
            changed.add(id);
          }
        });
    assertThat(changed).containsExactlyElementsOf(CHANGED);
    assertLevels(criteria.get("public-task-revenue"), 3, 4, "2.5");
    assertLevels(criteria.get("earned-income-share"), 2, 3, "1.25");
    assertLevels(criteria.get("resident-governance"), 2, 4, "4.5");
    assertLevels(criteria.get("resident-groups"), 2, 4, "3.5");
    assertThat(criteria.get("resident-governance").get("lesson").asText())
        .isEqualTo("participation-trends");

    assertThat(fields(criteria.get("resident-governance")))
        .containsExactly(
            "governance.members_meeting: \"false\" -> \"true\"",
            "residents.members: null -> \"40\"");
    assertThat(fields(criteria.get("public-task-revenue")))
        .containsExactly("revenue[0].status: \"in-talks\" -> \"letter-of-intent\"");
    assertThat(fields(criteria.get("resident-groups")))
        .contains("resident_groups[2].type: null -> \"tenants-association\"")
        .allSatisfy(f -> assertThat(f).startsWith("resident_groups[2]."));

    // unchanged criteria have no fields
    criteria.forEach(
        (id, c) -> {
          if (!CHANGED.contains(id)) {
            assertThat(c.get("fields")).as(id).isEmpty();
            assertNumber(c.get("change"), "0");
          }
        });
  }

  private static void assertLevels(JsonNode c, int before, int after, String change) {
    assertThat(c.get("levelBefore").asInt()).as(c.get("id").asText()).isEqualTo(before);
    assertThat(c.get("levelAfter").asInt()).as(c.get("id").asText()).isEqualTo(after);
    assertNumber(c.get("change"), change);
  }

  @Test
  void markdownDiffShowsTheSame() {
    Run r = run("diff", V1, V2);
    assertThat(r.code()).as(r.err()).isZero();
    String md = r.out();
    List<String> lines = md.lines().toList();
    assertThat(lines.get(0))
        .isEqualTo("# Wat is er veranderd: Stichting Buurtconciërges Transvaal");
    assertThat(lines)
        .contains(
            "| **Band** | B | B | = |",
            "| Maatschappelijk aanbesteden | 20,00 | 23,75 | +3,75 |",
            "| Middle-up-down | 24,50 | 24,50 | = |",
            "| Trends in de participatiesamenleving | 17,50 | 25,50 | +8,00 |",
            "### Inkomsten uit publieke taken: niveau 3 → 4 (+2,5)",
            "### Verdiende inkomsten: niveau 2 → 3 (+1,25)",
            "### Bewoners aan het roer: niveau 2 → 4 (+4,5)",
            "### Bouwen op actieve bewonersgroepen: niveau 2 → 4 (+3,5)",
            "- `governance.members_meeting`: `false` → `true`",
            "- `residents.members`: _niet ingevuld_ → `40`",
            "- `revenue[0].status`: `in-talks` → `letter-of-intent`");
    // the total row: two decimals, so before + change = after as printed
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).isEqualTo("| **Totaal** | 62,00 | 73,75 | +11,75 |"));
    assertThat(lines.stream().filter(l -> l.startsWith("### "))).hasSize(4);
    // unchanged criteria are not listed
    assertThat(md)
        .doesNotContain("Spreiding van inkomsten")
        .doesNotContain("Betaald werk voor bewoners");
    assertThat(md).contains(RubricLoader.builtin().hash());
  }

  @Test
  void markdownDiffInEnglish() {
    Run r = run("diff", V1, V2, "--lang", "en");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList())
        .contains(
            "| Social tendering | 20.00 | 23.75 | +3.75 |",
            "### Residents in charge: level 2 → 4 (+4.5)",
            "- `governance.members_meeting`: `false` → `true`",
            "- `residents.members`: _not given_ → `40`");
    assertThat(r.out().lines())
        .anySatisfy(l -> assertThat(l).isEqualTo("| **Total** | 62.00 | 73.75 | +11.75 |"));
  }

  @Test
  void diffToAFile() throws IOException {
    Path out = dir.resolve("diff.json");
    Run r = run("diff", V1, V2, "-f", "json", "-o", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    JsonNode d = JSON.readTree(Files.readString(out, StandardCharsets.UTF_8));
    assertNumber(d.get("total").get("change"), "11.75");
  }

  @Test
  void diffOfAFileWithItselfChangesNothing() throws IOException {
    Run r = run("diff", V2, V2, "-f", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode d = r.json();
    assertNumber(d.get("total").get("change"), "0");
    assertThat(d.get("band").get("before").asText()).isEqualTo(d.get("band").get("after").asText());
    for (JsonNode l : d.get("lessons")) {
      assertNumber(l.get("change"), "0");
    }
    for (JsonNode c : d.get("criteria")) {
      assertThat(c.get("levelBefore").asInt()).isEqualTo(c.get("levelAfter").asInt());
      assertNumber(c.get("change"), "0");
      assertThat(c.get("fields")).isEmpty();
    }
    Run md = run("diff", V1, V1, "--lang", "en");
    assertThat(md.code()).isZero();
    assertThat(md.out()).contains("No criterion changed.").doesNotContain("### ");
    Run nl = run("diff", V1, V1);
    assertThat(nl.out())
        .contains("Geen criterium is veranderd.")
        .contains("| **Totaal** | 62,00 | 62,00 | = |");
  }

  @Test
  void contactDetailsAndFounderNamesNeverAppear() throws IOException {
    String text = Files.readString(Path.of(V1), StandardCharsets.UTF_8);
    String founder = "  - name: P. Ramautar\n    lives_in_neighbourhood: true\n";
    assertThat(text).contains(founder).contains("S. Yıldız").doesNotContain("\ncontact:");
    // old: a founder not living in the neighbourhood; contact details
    String old =
        text.replace(founder, "  - name: P. Ramautar\n    lives_in_neighbourhood: false\n")
            + "contact:\n  name: Fenna Geheimhouding\n  email: oud-adres@example.org\n"
            + "  phone: \"070 111 2222\"\n";
    // new: the founder lives here now (a real change), another founder's name and the contact
    // details changed
    String neu =
        text.replace("S. Yıldız", "Z. Verbergmij")
            + "contact:\n  name: Fenna Geheimhouding-Jansen\n  email: nieuw-adres@example.org\n"
            + "  phone: \"070 333 4444\"\n";
    Path a = dir.resolve("oud.yaml");
    Path b = dir.resolve("nieuw.yaml");
    Files.writeString(a, old, StandardCharsets.UTF_8);
    Files.writeString(b, neu, StandardCharsets.UTF_8);

    Run json = run("diff", a.toString(), b.toString(), "-f", "json");
    Run md = run("diff", a.toString(), b.toString());
    Run en = run("diff", a.toString(), b.toString(), "--lang", "en");
    for (Run r : List.of(json, md, en)) {
      assertThat(r.code()).as(r.err()).isZero();
      String all = r.out() + r.err();
      assertThat(all)
          .doesNotContain("Yıldız")
          .doesNotContain("Verbergmij")
          .doesNotContain("Ramautar")
          .doesNotContain("Geheimhouding")
          .doesNotContain("adres@example.org")
          .doesNotContain("070 ")
          .doesNotContain("contact.")
          .doesNotContain("founders[0].name")
          .doesNotContain("founders[0].name");
    }
    // the real change is shown
    Map<String, JsonNode> criteria = byId(json.json().get("criteria"));
    JsonNode led = criteria.get("resident-led-with-backing");
    assertThat(led.get("levelAfter").asInt()).isGreaterThan(led.get("levelBefore").asInt());
    // but not the founder's field: every value under founders is private, with no exemptions
    assertThat(fields(led)).isEmpty();
    assertThat(md.out()).doesNotContain("lives_in_neighbourhood").doesNotContain("lives\\_in");
  }

  @Test
  void missingFileExitsThree() {
    Run r = run("diff", V1, dir.resolve("nope.yaml").toString());
    assertThat(r.code()).isEqualTo(ExitCode.INPUT_ERROR.number());
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("nope.yaml");
    Run old = run("diff", dir.resolve("nope.yaml").toString(), V1);
    assertThat(old.code()).isEqualTo(3);
    assertThat(old.out()).isEmpty();
  }

  @Test
  void directoryExitsThree() {
    Run r = run("diff", dir.toString(), V1);
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void invalidFileExitsThree() throws IOException {
    Path bad = dir.resolve("kapot.yaml");
    Files.writeString(bad, "name: [unclosed\nneighbourhood: x\n", StandardCharsets.UTF_8);
    Run r = run("diff", V1, bad.toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(ExitCode.INPUT_ERROR.number());
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains(bad + ":").contains("error");

    Path noName = dir.resolve("leeg.yaml");
    Files.writeString(noName, "version: 1\nlanguage: nl\n", StandardCharsets.UTF_8);
    Run r2 = run("diff", noName.toString(), V1);
    assertThat(r2.code()).isEqualTo(3);
    assertThat(r2.out()).isEmpty();
  }

  @Test
  void missingArgumentIsAUsageError() {
    assertThat(run("diff", V1).code()).isEqualTo(ExitCode.USAGE.number());
  }
}
