package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.source.Finding;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wijktoets rubric show|check}, {@code schema rubric} and bad rubrics on other commands. */
class RubricCommandTest {

  private static final String BUILTIN =
      new String(RubricLoader.builtinBytes(), StandardCharsets.UTF_8);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static String replaceOnce(String text, String from, String to) {
    int i = text.indexOf(from);
    assertThat(i).as("%s in the rubric", from).isNotNegative();
    assertThat(text.indexOf(from, i + 1)).as("%s once", from).isNegative();
    return text.substring(0, i) + to + text.substring(i + from.length());
  }

  private static int lineOf(String text, String snippet) {
    int i = text.indexOf(snippet);
    assertThat(i).isNotNegative();
    return (int) text.substring(0, i).chars().filter(c -> c == '\n').count() + 1;
  }

  /** A rubric with two errors: an unknown measure and a floor_cap naming no band. */
  private Path broken() throws IOException {
    String text =
        replaceOnce(
            replaceOnce(BUILTIN, "\nfloor_cap: C\n", "\nfloor_cap: E\n"),
            "        measure: challenge-fit\n",
            "        measure: chalenge-fit\n");
    return write("broken.yaml", text);
  }

  @Test
  void showPrintsTheBuiltinRubric() {
    Run r = run("rubric", "show");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(BUILTIN);
    assertThat(r.err()).isEmpty();
    // show is the default action
    assertThat(run("rubric").out()).isEqualTo(BUILTIN);
  }

  @Test
  void shownRubricChecksWithoutFindings() throws IOException {
    Path p = write("shown.yaml", run("rubric", "show").out());
    RubricLoader.Result r = RubricLoader.check(p.toString(), Files.readAllBytes(p));
    assertThat(r.findings()).isEmpty();
    Run check = run("rubric", "check", p.toString(), "--lang", "en");
    assertThat(check.code()).isZero();
    assertThat(check.err().strip()).isEqualTo(p + ": the rubric can be used");
  }

  @Test
  void checkExitsOneOnErrorsWithLocatedMessages() throws IOException {
    Path p = broken();
    String text = Files.readString(p, StandardCharsets.UTF_8);
    Run r = run("rubric", "check", p.toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(ExitCode.GATE_FAILED.number());
    assertThat(r.out()).isEmpty();
    List<String> lines = r.err().lines().toList();
    int floorLine = lineOf(text, "\nfloor_cap: E\n") + 1;
    int measureLine = lineOf(text, "        measure: chalenge-fit\n");
    assertThat(lines)
        .contains(
            p
                + ":"
                + floorLine
                + ":12: error: floor_cap names no band E; bands: A, B, C, D"
                + " [rubric/invalid]",
            p
                + ":"
                + measureLine
                + ":18: error: no measure chalenge-fit; did you mean"
                + " challenge-fit? (wijktoets explain --measures lists them) [rubric/invalid]");
    assertThat(r.err()).contains("cannot be used").doesNotContain("Exception");
  }

  @Test
  void checkMessagesInDutch() throws IOException {
    Path p = broken();
    Run r = run("rubric", "check", p.toString(), "--lang", "nl");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains(": fout: ")
        .contains("bedoelt u challenge-fit")
        .contains("niet bruikbaar");
  }

  @Test
  void checkExitsZeroWithOnlyWarnings() throws IOException {
    String text =
        replaceOnce(
            replaceOnce(
                BUILTIN,
                "  - id: social-tendering\n    weight: 35\n",
                "  - id: social-tendering\n    weight: 40\n"),
            "      - id: public-task-revenue\n        weight: 10\n",
            "      - id: public-task-revenue\n        weight: 15\n");
    Path p = write("warn.yaml", text);
    Run r = run("rubric", "check", p.toString(), "--lang", "en");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err())
        .contains(": warning: the lessons weigh 105 together")
        .contains("[rubric/warning]")
        .contains("the rubric can be used")
        .doesNotContain(": error: ");
  }

  @Test
  void checkOfAMissingFileExitsThree() {
    Run r = run("rubric", "check", dir.resolve("nope.yaml").toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(ExitCode.INPUT_ERROR.number());
    assertThat(r.err()).contains("nope.yaml").contains("wijktoets: error:");
  }

  @Test
  void checkOfADirectoryExitsThree() {
    Run r = run("rubric", "check", dir.toString());
    assertThat(r.code()).isEqualTo(ExitCode.INPUT_ERROR.number());
  }

  @Test
  void checkOfARubricThatIsAListExitsOneWithoutACrash() throws IOException {
    Path p = write("list.yaml", "- id: x\n- id: y\n");
    Run r = run("rubric", "check", p.toString(), "--lang", "en");
    assertThat(r.err()).doesNotContain("internal error").doesNotContain("ClassCastException");
    assertThat(r.code()).isEqualTo(ExitCode.GATE_FAILED.number());
    assertThat(r.err()).contains(p + ":1:");
  }

  @Test
  void checkOfAnEmptyRubricExitsOne() throws IOException {
    Path p = write("empty.yaml", "");
    Run r = run("rubric", "check", p.toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(ExitCode.GATE_FAILED.number());
    assertThat(r.err()).contains(p + ":1:1: error:");
  }

  @Test
  void checkWithoutAFileExitsTwo() {
    Run r = run("rubric", "check", "--lang", "en");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE.number());
    assertThat(r.err()).contains("rubric check needs a FILE");
  }

  @Test
  void unknownActionExitsTwo() {
    assertThat(run("rubric", "verify").code()).isEqualTo(ExitCode.USAGE.number());
  }

  @Test
  void assessWithABrokenRubricExitsThreeAndPrintsTheErrors() throws IOException {
    Path p = broken();
    Path out = dir.resolve("report.md");
    Run r =
        run(
            "assess",
            "examples/transvaal.yaml",
            "--rubric",
            p.toString(),
            "--lang",
            "en",
            "-o",
            out.toString());
    assertThat(r.code()).isEqualTo(ExitCode.INPUT_ERROR.number());
    assertThat(r.err())
        .contains(p + ":")
        .contains("no measure chalenge-fit")
        .contains("floor_cap names no band E")
        .contains("[rubric/invalid]")
        .contains("cannot be used");
    assertThat(r.out()).isEmpty();
    assertThat(out).doesNotExist();
  }

  @Test
  void otherCommandsRefuseABrokenRubricWithExitThree() throws IOException {
    Path p = broken();
    assertThat(run("validate", "examples/transvaal.yaml", "--rubric", p.toString()).code())
        .isEqualTo(3);
    assertThat(run("explain", "--rubric", p.toString()).code()).isEqualTo(3);
    assertThat(
            run(
                    "diff",
                    "examples/transvaal.yaml",
                    "examples/diff/transvaal-v2.yaml",
                    "--rubric",
                    p.toString())
                .code())
        .isEqualTo(3);
    assertThat(
            run(
                    "assess",
                    "examples/transvaal.yaml",
                    "--rubric",
                    dir.resolve("nope.yaml").toString())
                .code())
        .isEqualTo(3);
  }

  @Test
  void assessPrintsRubricWarningsButScores() throws IOException {
    int start =
        BUILTIN.indexOf(
            "          en:\n            title: \"Public task ready for the Right to Challenge\"");
    int end = BUILTIN.indexOf("      - id: jobs-for-residents\n");
    Path p = write("nl-only.yaml", BUILTIN.substring(0, start) + BUILTIN.substring(end));
    Run r = run("assess", "examples/transvaal.yaml", "--rubric", p.toString(), "--lang", "en");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("challenge-fit has no texts in en").contains("[rubric/warning]");
    // the Dutch title stands in for the English one
    assertThat(r.out()).contains("Publieke taak klaar voor het uitdaagrecht");
  }

  @Test
  void schemaRubricPrintsJsonThatParses() throws IOException {
    Run r = run("schema", "rubric");
    assertThat(r.code()).isZero();
    JsonNode schema = JSON.readTree(r.out());
    assertThat(schema.get("$schema").asText()).contains("2020-12");
    assertThat(schema.get("title").asText()).isEqualTo("wijktoets rubric");
    assertThat(schema.get("required").toString()).contains("lessons").contains("bands");
    assertThat(schema.get("$defs").has("criterion")).isTrue();
  }

  @Test
  void builtinRubricHasNoFindingsAtAll() {
    List<Finding> findings =
        RubricLoader.check("builtin-rubric.yaml", RubricLoader.builtinBytes()).findings();
    assertThat(findings).isEmpty();
  }
}
