package nl.wijktoets.rubric;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A custom rubric changes scores as intended: examples/rubrics/werk-eerst.yaml, and an advisor's
 * own rubric made from {@code rubric show}.
 */
class CustomRubricTest {

  private static final String TRANSVAAL = "examples/transvaal.yaml";
  private static final String MOERWIJK = "examples/moerwijk.yaml";
  private static final String WERK_EERST = "examples/rubrics/werk-eerst.yaml";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String werkEerstText;
  private static String werkEerstSha;

  @BeforeAll
  static void readRubric() throws Exception {
    byte[] bytes = Files.readAllBytes(Path.of(WERK_EERST));
    werkEerstText = new String(bytes, StandardCharsets.UTF_8);
    assertThat(werkEerstText).doesNotContain("\r");
    // an independent SHA-256 of the file as stored (it has \n line endings)
    werkEerstSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** criterion id -> criterion node of a JSON assessment. */
  private static Map<String, JsonNode> criteria(JsonNode assessment) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (JsonNode l : assessment.get("lessons")) {
      for (JsonNode c : l.get("criteria")) {
        out.put(c.get("id").asText(), c);
      }
    }
    return out;
  }

  private static JsonNode lesson(JsonNode assessment, String id) {
    for (JsonNode l : assessment.get("lessons")) {
      if (l.get("id").asText().equals(id)) {
        return l;
      }
    }
    throw new AssertionError("no lesson " + id);
  }

  private static void assertNumber(JsonNode n, String expected) {
    assertThat(n).as("number").isNotNull();
    assertThat(n.decimalValue()).isEqualByComparingTo(new BigDecimal(expected));
  }

  @Test
  void werkEerstHashIsTheSha256OfTheFile() {
    assertThat(RubricLoader.hash(werkEerstText)).isEqualTo(werkEerstSha);
    Run r = run("rubric", "check", WERK_EERST);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("error").doesNotContain("warning");
  }

  @Test
  void werkEerstGivesWeightTimesLevelOverFour() throws IOException {
    Run builtin = run("assess", TRANSVAAL, "-f", "json");
    Run custom = run("assess", TRANSVAAL, "-f", "json", "--rubric", WERK_EERST);
    assertThat(builtin.code()).as(builtin.err()).isZero();
    assertThat(custom.code()).as(custom.err()).isZero();
    Map<String, JsonNode> before = criteria(builtin.json());
    Map<String, JsonNode> after = criteria(custom.json());
    assertThat(after.keySet()).containsExactlyElementsOf(before.keySet()).hasSize(15);

    // levels are unchanged: the rubric only changed weights and an advice text
    for (String id : before.keySet()) {
      assertThat(after.get(id).get("level").asInt())
          .as(id)
          .isEqualTo(before.get(id).get("level").asInt());
    }
    assertThat(after.get("public-task-revenue").get("level").asInt()).isEqualTo(3);
    assertThat(after.get("challenge-fit").get("level").asInt()).isEqualTo(2);
    assertThat(after.get("jobs-for-residents").get("level").asInt()).isEqualTo(2);

    // weight x level / 4
    assertNumber(after.get("public-task-revenue").get("weight"), "8");
    assertNumber(after.get("public-task-revenue").get("points"), "6"); // 8 x 3 / 4
    assertNumber(after.get("challenge-fit").get("weight"), "4");
    assertNumber(after.get("challenge-fit").get("points"), "2"); // 4 x 2 / 4
    assertNumber(after.get("jobs-for-residents").get("weight"), "14");
    assertNumber(after.get("jobs-for-residents").get("points"), "7"); // 14 x 2 / 4
    // and the built-in's for comparison
    assertNumber(before.get("public-task-revenue").get("points"), "7.5");
    assertNumber(before.get("challenge-fit").get("points"), "3");
    assertNumber(before.get("jobs-for-residents").get("points"), "5");

    // every other criterion scores exactly as before
    for (String id : before.keySet()) {
      if (!List.of("public-task-revenue", "challenge-fit", "jobs-for-residents").contains(id)) {
        assertThat(after.get(id).get("points").decimalValue())
            .as(id)
            .isEqualByComparingTo(before.get(id).get("points").decimalValue());
        assertThat(after.get(id).get("weight").decimalValue())
            .as(id)
            .isEqualByComparingTo(before.get(id).get("weight").decimalValue());
      }
    }

    // 62 - (7.5 + 3 + 5) + (6 + 2 + 7) = 61.5
    assertNumber(builtin.json().get("total"), "62");
    assertNumber(custom.json().get("total"), "61.5");
    assertThat(custom.json().get("band").get("id").asText()).isEqualTo("B");
    assertNumber(lesson(custom.json(), "social-tendering").get("weight"), "35");
    assertNumber(lesson(custom.json(), "social-tendering").get("score"), "19.5");
    assertNumber(lesson(custom.json(), "middle-up-down").get("score"), "24.5");
    assertNumber(lesson(custom.json(), "participation-trends").get("score"), "17.5");
  }

  @Test
  void jsonReportNamesTheCustomRubric() throws IOException {
    Run r = run("assess", TRANSVAAL, "-f", "json", "--rubric", WERK_EERST);
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode rubric = r.json().get("rubric");
    assertThat(rubric.get("id").asText()).isEqualTo("werk-eerst");
    assertThat(rubric.get("version").asText()).isEqualTo("2026.1");
    assertThat(rubric.get("hash").asText()).isEqualTo(werkEerstSha);
    String advice = criteria(r.json()).get("jobs-for-residents").get("advice").asText();
    assertThat(advice).contains("Werkgeversservicepunt").contains("5 bewoners per jaar");
  }

  @Test
  void markdownReportNamesTheCustomRubricAndItsAdvice() {
    Run r = run("assess", TRANSVAAL, "--rubric", WERK_EERST);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("werk-eerst")
        .contains("2026.1")
        .contains(werkEerstSha)
        .contains("Werkgeversservicepunt")
        .doesNotContain("wijktoets-haags")
        .doesNotContain(RubricLoader.builtin().hash());
    // the built-in advice text is gone
    assertThat(r.out()).doesNotContain("Reken per planjaar uit hoeveel bewoners");
    String footer = r.out().lines().filter(l -> l.contains(werkEerstSha)).findFirst().orElseThrow();
    assertThat(footer).contains("werk-eerst").contains("2026.1");
  }

  @Test
  void htmlReportNamesTheCustomRubricAndItsAdvice() {
    Run r = run("assess", TRANSVAAL, "-f", "html", "--rubric", WERK_EERST);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("werk-eerst")
        .contains("2026.1")
        .contains(werkEerstSha)
        .contains("Werkgeversservicepunt")
        .doesNotContain("wijktoets-haags");
  }

  @Test
  void englishReportUsesTheCustomEnglishAdvice() {
    Run r = run("assess", TRANSVAAL, "--lang", "en", "--rubric", WERK_EERST);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("municipal employer service")
        .contains("rubric werk-eerst version 2026.1")
        .contains(werkEerstSha);
  }

  @Test
  void batchAcceptsTheCustomRubric(@TempDir Path dir) throws IOException {
    Files.copy(Path.of(TRANSVAAL), dir.resolve("transvaal.yaml"));
    Files.copy(Path.of(MOERWIJK), dir.resolve("moerwijk.yaml"));
    Path list = dir.resolve("list.csv");
    Files.writeString(
        list, "id,file\nTV,transvaal.yaml\nMO,moerwijk.yaml\n", StandardCharsets.UTF_8);
    Path results = dir.resolve("results.csv");
    Path overview = dir.resolve("overview.md");
    Path json = dir.resolve("all.jsonl");
    Run r =
        run(
            "batch",
            list.toString(),
            "--rubric",
            WERK_EERST,
            "-o",
            results.toString(),
            "--report",
            overview.toString(),
            "--json",
            json.toString(),
            "--no-progress");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> rows = Files.readAllLines(results, StandardCharsets.UTF_8);
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1)).startsWith("TV,").contains(",61.5,B,19.5,").endsWith(",ok");
    String report = Files.readString(overview, StandardCharsets.UTF_8);
    assertThat(report).contains("werk-eerst").contains("2026.1").contains(werkEerstSha);
    List<String> lines = Files.readAllLines(json, StandardCharsets.UTF_8);
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      JsonNode a = JSON.readTree(line);
      assertThat(a.get("rubric").get("id").asText()).isEqualTo("werk-eerst");
      assertThat(a.get("rubric").get("hash").asText()).isEqualTo(werkEerstSha);
    }
  }

  @Test
  void validateAcceptsTheCustomRubric() {
    Run r = run("validate", TRANSVAAL, "--rubric", WERK_EERST);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("rubric/");
  }

  @Test
  void advisorWorkflow(@TempDir Path dir) throws IOException {
    // 1. save `rubric show`
    Run show = run("rubric", "show");
    assertThat(show.code()).isZero();
    String text = show.out();
    assertThat(text).isEqualTo(new String(RubricLoader.builtinBytes(), StandardCharsets.UTF_8));

    // 2. two weights changed within lesson 2 (sum stays 30), one advice text rewritten
    String edited =
        replaceOnce(
            text,
            "      - id: cross-sector-partners\n        weight: 8\n",
            "      - id: cross-sector-partners\n        weight: 10\n");
    edited =
        replaceOnce(
            edited,
            "      - id: dependency-spread\n        weight: 5\n",
            "      - id: dependency-spread\n        weight: 3\n");
    String oldAdvice =
        "              groups: \"Breng in kaart welke bewonersgroepen al actief zijn in de wijk";
    edited =
        replaceOnce(
            edited,
            oldAdvice,
            "              groups: \"Bel het Haags Bewonersnetwerk voor een kennismaking. Breng in"
                + " kaart welke bewonersgroepen al actief zijn in de wijk");
    Path mine = dir.resolve("mijn-kader.yaml");
    Files.writeString(mine, edited, StandardCharsets.UTF_8);

    // 3. check it
    Run check = run("rubric", "check", mine.toString());
    assertThat(check.code()).as(check.err()).isZero();
    assertThat(check.err()).contains("the rubric can be used").doesNotContain("warning");

    // 4. assess with it
    Run builtin = run("assess", TRANSVAAL, "-f", "json");
    Run custom = run("assess", TRANSVAAL, "-f", "json", "--rubric", mine.toString());
    assertThat(custom.code()).as(custom.err()).isZero();
    Map<String, JsonNode> before = criteria(builtin.json());
    Map<String, JsonNode> after = criteria(custom.json());
    assertThat(after.get("cross-sector-partners").get("level").asInt()).isEqualTo(4);
    assertNumber(after.get("cross-sector-partners").get("weight"), "10");
    assertNumber(after.get("cross-sector-partners").get("points"), "10"); // 10 x 4 / 4
    assertThat(after.get("dependency-spread").get("level").asInt()).isEqualTo(2);
    assertNumber(after.get("dependency-spread").get("weight"), "3");
    assertNumber(after.get("dependency-spread").get("points"), "1.5"); // 3 x 2 / 4
    assertNumber(before.get("cross-sector-partners").get("points"), "8");
    assertNumber(before.get("dependency-spread").get("points"), "2.5");
    // 62 + 2 - 1
    assertNumber(custom.json().get("total"), "63");
    assertNumber(lesson(custom.json(), "middle-up-down").get("weight"), "30");
    assertNumber(lesson(custom.json(), "middle-up-down").get("score"), "25.5");
    assertThat(after.get("resident-groups").get("advice").asText())
        .startsWith("Bel het Haags Bewonersnetwerk");
    JsonNode rubric = custom.json().get("rubric");
    assertThat(rubric.get("id").asText()).isEqualTo("wijktoets-haags");
    assertThat(rubric.get("hash").asText())
        .isEqualTo(RubricLoader.hash(edited))
        .isNotEqualTo(RubricLoader.builtin().hash());

    Run md = run("assess", TRANSVAAL, "--rubric", mine.toString());
    assertThat(md.code()).isZero();
    assertThat(md.out())
        .contains("Bel het Haags Bewonersnetwerk")
        .contains(RubricLoader.hash(edited));
  }

  private static String replaceOnce(String text, String from, String to) {
    int i = text.indexOf(from);
    assertThat(i).as("%s in the rubric", from).isNotNegative();
    assertThat(text.indexOf(from, i + 1)).as("%s once", from).isNegative();
    return text.substring(0, i) + to + text.substring(i + from.length());
  }
}
