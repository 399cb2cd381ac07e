package nl.wijktoets.cli;

import static nl.wijktoets.cli.ProjectConfigTest.setting;
import static nl.wijktoets.testutil.Run.runIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.wijktoets.testutil.Golden;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Precedence of the project settings for every key (command line, then {@code .wijktoets.yaml},
 * then built in), {@code wijktoets config} in text and JSON, a CI run whose gates come from the
 * file, and the file named in every report and in {@code --version}.
 */
class ConfigCommandTest {

  @TempDir Path tmp;

  private Path project;

  /** The working folder: a subfolder of the project. */
  private Path docs;

  @BeforeEach
  void createProject() throws IOException {
    project = Files.createDirectories(tmp.resolve("proj"));
    Files.createDirectories(project.resolve(".git"));
    docs = Files.createDirectories(project.resolve("docs"));
    Files.createDirectories(project.resolve("proposals"));
    for (String name : List.of("transvaal", "duindorp", "moerwijk")) {
      Files.copy(
          Path.of("examples/" + name + ".yaml"), project.resolve("proposals/" + name + ".yaml"));
    }
    Files.createDirectories(project.resolve("rubrics"));
    Files.copy(
        Path.of("examples/rubrics/werk-eerst.yaml"), project.resolve("rubrics/werk-eerst.yaml"));
    // a second rubric, to name on the command line
    String other =
        Files.readString(Path.of("examples/rubrics/werk-eerst.yaml"))
            .replace("id: werk-eerst", "id: ander-kader");
    write(docs.resolve("ander.yaml"), other);
    write(project.resolve("templates/report.md.ftl"), "FILE TEMPLATE ${total}\n");
    write(docs.resolve("cli-templates/report.md.ftl"), "CLI TEMPLATE ${total}\n");
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private void settings(String yaml) throws IOException {
    write(project.resolve(".wijktoets.yaml"), yaml);
  }

  private String proposal(String name) {
    return project.resolve("proposals/" + name + ".yaml").toString();
  }

  private Run in(String... args) {
    return runIn(docs, args);
  }

  private static JsonNode json(Run r) {
    try {
      return r.json();
    } catch (IOException e) {
      throw new AssertionError(r.out() + r.err(), e);
    }
  }

  // ------------------------------------------------------------------ precedence, per key

  /**
   * For each key: a file value, a command-line value, and the built-in default, seen through {@code
   * wijktoets config COMMAND -f json} (which parses the options as the command does).
   */
  static Stream<Arguments> everyKey() {
    return Stream.of(
        Arguments.of("assess", "lang", "lang: en", "en", List.of("--lang", "nl"), "nl", null),
        Arguments.of(
            "assess",
            "rubric",
            "rubric: rubrics/werk-eerst.yaml",
            "../rubrics/werk-eerst.yaml",
            List.of("--rubric", "ander.yaml"),
            "ander.yaml",
            null),
        Arguments.of(
            "assess",
            "templates",
            "templates: templates",
            "../templates",
            List.of("--templates", "cli-templates"),
            "cli-templates",
            null),
        Arguments.of("assess", "top", "top: 5", 5, List.of("--top", "3"), 3, 3),
        Arguments.of(
            "batch",
            "gates.min_score",
            "gates: {min_score: 70}",
            70,
            List.of("--min-score", "60.5"),
            "60.5",
            null),
        Arguments.of(
            "assess",
            "gates.min_lesson",
            "gates: {min_lesson: 60}",
            60,
            List.of("--min-lesson", "40"),
            40,
            null),
        Arguments.of(
            "validate",
            "validate.strict",
            "validate: {strict: true}",
            true,
            List.of("--no-strict"),
            false,
            false),
        Arguments.of(
            "batch", "batch.threads", "batch: {threads: 4}", 4, List.of("--threads", "2"), 2, null),
        Arguments.of(
            "batch",
            "batch.xlsx",
            "batch: {xlsx: true}",
            true,
            List.of("--xlsx", "w.xlsx"),
            "w.xlsx",
            null));
  }

  @ParameterizedTest
  @MethodSource("everyKey")
  void commandLineWinsOverTheFileWhichWinsOverTheBuiltInDefault(
      String command,
      String key,
      String yaml,
      Object fromFile,
      List<String> option,
      Object fromCommandLine,
      Object builtIn)
      throws IOException {
    // built in: no file
    JsonNode none = setting(json(in("config", command, "-f", "json")), key);
    assertThat(none.get("from").asText()).isEqualTo("built-in");
    assertThat(value(none)).isEqualTo(builtIn == null ? null : builtIn.toString());
    // the file
    settings("version: 1\n" + yaml + "\n");
    JsonNode file = setting(json(in("config", command, "-f", "json")), key);
    assertThat(file.get("from").asText()).isEqualTo("file");
    assertThat(file.get("line").asInt()).isEqualTo(2);
    assertThat(value(file)).isEqualTo(fromFile.toString());
    // the command line, even when it says the built-in default (--top 3)
    List<String> args = new ArrayList<>(List.of("config", command, "-f", "json"));
    args.addAll(option);
    JsonNode cli = setting(json(in(args.toArray(String[]::new))), key);
    assertThat(cli.get("from").asText()).isEqualTo("command-line");
    assertThat(value(cli)).isEqualTo(fromCommandLine.toString());
    // --no-config: built in again
    JsonNode ignored = setting(json(in("config", command, "-f", "json", "--no-config")), key);
    assertThat(ignored.get("from").asText()).isEqualTo("built-in");
  }

  private static String value(JsonNode setting) {
    JsonNode v = setting.get("value");
    return v.isNull() ? null : v.asText();
  }

  @Test
  void langFromTheFileAndTheCommandLine() throws IOException {
    String transvaal = proposal("transvaal"); // its own language is nl
    assertThat(json(in("assess", transvaal, "-f", "json")).get("language").asText())
        .isEqualTo("nl");
    settings("lang: en\n");
    assertThat(json(in("assess", transvaal, "-f", "json")).get("language").asText())
        .isEqualTo("en");
    assertThat(json(in("assess", transvaal, "-f", "json", "--lang", "nl")).get("language").asText())
        .isEqualTo("nl");
    // messages follow it too
    String none = project.resolve("proposals/none.yaml").toString();
    assertThat(in("assess", none).err()).contains("no such file");
    settings("lang: nl\n");
    assertThat(in("assess", none).err()).contains("bestand bestaat niet");
  }

  @Test
  void helpAndUsageErrorsFollowTheFilesLang() throws IOException {
    settings("lang: nl\n");
    assertThat(in("assess", "--help").out()).startsWith("Gebruik: wijktoets assess");
    assertThat(in("assess", "--help", "--lang", "en").out()).startsWith("Usage: wijktoets assess");
    assertThat(in("assess", "--help", "--no-config").out()).startsWith("Usage: wijktoets assess");
    assertThat(in("validate").err()).contains("fout");
    // init's --config is a flag, not a file name
    assertThat(in("init", "--config", "--help").out()).startsWith("Gebruik: wijktoets init");
    Path english = write(docs.resolve("en.yaml"), "lang: en\n");
    assertThat(
            runIn(
                    docs,
                    Map.of("LANG", "nl_NL.UTF-8"),
                    "assess",
                    "--help",
                    "--config",
                    english.toString())
                .out())
        .startsWith("Usage: wijktoets assess");
  }

  @Test
  void rubricFromTheFileAndTheCommandLine() throws IOException {
    String transvaal = proposal("transvaal");
    settings("rubric: rubrics/werk-eerst.yaml\n");
    JsonNode fromFile = json(in("assess", transvaal, "-f", "json"));
    assertThat(fromFile.get("rubric").get("id").asText()).isEqualTo("werk-eerst");
    assertThat(fromFile.get("total").decimalValue()).isEqualByComparingTo("61.5");
    String other = docs.resolve("ander.yaml").toString();
    assertThat(
            json(in("assess", transvaal, "-f", "json", "--rubric", other))
                .get("rubric")
                .get("id")
                .asText())
        .isEqualTo("ander-kader");
    assertThat(
            json(in("assess", transvaal, "-f", "json", "--no-config"))
                .get("rubric")
                .get("id")
                .asText())
        .isEqualTo("wijktoets-haags");
    // validate, explain and diff use it too
    assertThat(in("explain", "--lang", "en").out()).contains("werk-eerst");
  }

  @Test
  void templatesFromTheFileAndTheCommandLine() throws IOException {
    String transvaal = proposal("transvaal");
    settings("templates: templates/\n");
    assertThat(in("assess", transvaal).out()).startsWith("FILE TEMPLATE 62");
    String cli = docs.resolve("cli-templates").toString();
    assertThat(in("assess", transvaal, "--templates", cli).out()).startsWith("CLI TEMPLATE 62");
    assertThat(in("assess", transvaal, "--no-config").out()).startsWith("# ");
  }

  @Test
  void topFromTheFileAndTheCommandLine() throws IOException {
    String transvaal = proposal("transvaal");
    assertThat(json(in("assess", transvaal, "-f", "json")).get("nextSteps")).hasSize(3);
    settings("top: 5\n");
    assertThat(json(in("assess", transvaal, "-f", "json")).get("nextSteps")).hasSize(5);
    // the command line wins, also when it gives the built-in default's value
    assertThat(json(in("assess", transvaal, "-f", "json", "--top", "3")).get("nextSteps"))
        .hasSize(3);
    assertThat(json(in("assess", transvaal, "-f", "json", "--top", "2")).get("nextSteps"))
        .hasSize(2);
    // more steps than the rubric has criteria: an error of the file (exit 3), located
    settings("version: 1\ntop: 20\n");
    Run tooMany = in("assess", transvaal);
    assertThat(tooMany.code()).isEqualTo(3);
    assertThat(tooMany.out()).isEmpty();
    assertThat(tooMany.err())
        .contains("../.wijktoets.yaml:2:1: error: top must be 1 up to 15 here")
        .contains("[config/type]");
    assertThat(
            in("batch", Path.of("examples/batch/proposals.csv").toAbsolutePath().toString()).code())
        .isEqualTo(3);
    // on the command line it stays a usage error
    assertThat(in("assess", transvaal, "--top", "20", "--no-config").code()).isEqualTo(2);
    assertThat(in("assess", transvaal, "--top", "4").code()).isZero();
  }

  @Test
  void gatesFromTheFileAndTheCommandLine() throws IOException {
    String transvaal = proposal("transvaal"); // total 62; lessons 57%, 82%, 50%
    assertThat(in("assess", transvaal).code()).isZero();
    settings("gates: {min_score: 70}\n");
    Run failed = in("assess", transvaal, "--lang", "en");
    assertThat(failed.code()).isEqualTo(1);
    assertThat(failed.err()).contains("total 62.0 is below --min-score 70 (../.wijktoets.yaml:1)");
    assertThat(in("assess", transvaal, "--min-score", "60").code()).isZero();
    assertThat(in("assess", transvaal, "--min-score", "65").err())
        .contains("is below --min-score 65")
        .doesNotContain("wijktoets.yaml");
    assertThat(in("assess", transvaal, "--no-fail").code()).isZero();
    settings("gates:\n  min_score: 62,5\n"); // a Dutch decimal comma, as on the command line
    assertThat(in("assess", transvaal).code()).isEqualTo(1);
    assertThat(
            setting(json(in("config", "assess", "-f", "json")), "gates.min_score")
                .get("value")
                .decimalValue())
        .isEqualByComparingTo("62.5");
    settings("gates: {min_lesson: 55}\n");
    assertThat(in("assess", transvaal).code()).isEqualTo(1);
    assertThat(in("assess", transvaal, "--min-lesson", "40").code()).isZero();
  }

  @Test
  void strictFromTheFileAndTheCommandLine() throws IOException {
    Path warns =
        write(
            project.resolve("proposals/warns.yaml"),
            Files.readString(Path.of("examples/moerwijk.yaml")) + "onbekend: 1\n");
    String file = warns.toString();
    assertThat(in("validate", file).code()).isZero();
    assertThat(in("validate", file, "--strict").code()).isEqualTo(1);
    settings("validate: {strict: true}\n");
    assertThat(in("validate", file).code()).isEqualTo(1);
    // --strict stays strict when the file has made strict the default (not "the opposite")
    assertThat(in("validate", file, "--strict").code()).isEqualTo(1);
    assertThat(in("validate", file, "--no-strict").code()).isZero();
    settings("validate: {strict: false}\n");
    assertThat(in("validate", file).code()).isZero();
    assertThat(in("validate", file, "--strict").code()).isEqualTo(1);
  }

  @Test
  void threadsFromTheFileGiveTheSameResults() throws IOException {
    Path list = Path.of("examples/batch/proposals.csv").toAbsolutePath();
    Run builtIn = in("batch", list.toString(), "--no-config");
    settings("batch: {threads: 1}\n");
    Run one = in("batch", list.toString());
    assertThat(one.code()).isEqualTo(builtIn.code());
    assertThat(one.out()).isEqualTo(builtIn.out());
    // the key is batch's only: assess has no --threads, validate keeps its own --strict
    JsonNode assess = json(in("config", "assess", "-f", "json"));
    assertThat(assess.get("settings"))
        .extracting(s -> s.get("key").asText())
        .doesNotContain("batch.threads", "validate.strict");
  }

  @Test
  void xlsxFromTheFileAndTheCommandLine() throws IOException {
    String list = Path.of("examples/batch/proposals.csv").toAbsolutePath().toString();
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path results = out.resolve("results.csv");
    Path beside = out.resolve("results.xlsx");
    in("batch", list, "-o", results.toString());
    assertThat(beside).doesNotExist();
    // true: next to the results
    settings("batch: {xlsx: true}\n");
    in("batch", list, "-o", results.toString());
    assertThat(beside).exists();
    assertThat(Files.readAllBytes(beside)).startsWith('P', 'K'); // a workbook is a zip file
    Files.delete(beside);
    // --no-xlsx turns it off; --xlsx FILE wins
    in("batch", list, "-o", results.toString(), "--no-xlsx");
    assertThat(beside).doesNotExist();
    Path other = out.resolve("other.xlsx");
    in("batch", list, "-o", results.toString(), "--xlsx", other.toString());
    assertThat(other).exists();
    assertThat(beside).doesNotExist();
    Run both = in("batch", list, "--xlsx", other.toString(), "--no-xlsx");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("--xlsx and --no-xlsx cannot be used together");
    // a file name: relative to the settings file's folder
    settings("batch:\n  xlsx: werkmap.xlsx\n");
    in("batch", list, "-o", results.toString());
    assertThat(project.resolve("werkmap.xlsx")).exists();
    assertThat(beside).doesNotExist();
    // false: none
    settings("batch: {xlsx: false}\n");
    Files.delete(project.resolve("werkmap.xlsx"));
    in("batch", list, "-o", results.toString());
    assertThat(beside).doesNotExist();
    JsonNode off = setting(json(in("config", "batch", "-f", "json")), "batch.xlsx");
    assertThat(off.get("from").asText()).isEqualTo("file");
    assertThat(off.get("value").asBoolean()).isFalse();
    settings("batch: {xlsx: true}\n");
    JsonNode cli = setting(json(in("config", "batch", "-f", "json", "--no-xlsx")), "batch.xlsx");
    assertThat(cli.get("from").asText()).isEqualTo("command-line");
    assertThat(cli.get("option").asText()).isEqualTo("--no-xlsx");
  }

  @Test
  void theWorkbookNextToTheResults() {
    assertThat(BatchCommand.besideResults(Path.of("out/results.csv"), Path.of("lijst.csv")))
        .isEqualTo(Path.of("out/results.xlsx"));
    assertThat(BatchCommand.besideResults(Path.of("uit.CSV"), Path.of("lijst.csv")))
        .isEqualTo(Path.of("uit.xlsx"));
    assertThat(BatchCommand.besideResults(Path.of("resultaten.txt"), Path.of("lijst.csv")))
        .isEqualTo(Path.of("resultaten.txt.xlsx"));
    assertThat(BatchCommand.besideResults(null, Path.of("data/lijst.csv")))
        .isEqualTo(Path.of("lijst-results.xlsx"));
  }

  // ------------------------------------------------------------------ wijktoets config

  private void fullSettings() throws IOException {
    settings(
        "version: 1\n"
            + "lang: en\n"
            + "rubric: rubrics/werk-eerst.yaml\n"
            + "top: 5\n"
            + "gates: {min_score: 55, min_lesson: 30}\n"
            + "validate: {strict: true}\n"
            + "batch: {threads: 4, xlsx: true}\n");
  }

  @Test
  void configOutputAsText() throws IOException {
    fullSettings();
    Run r = in("config", "assess", "--min-score", "60");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    Golden.check("config/assess.en.txt", r.out());
    Run nl = in("config", "assess", "--min-score", "60", "--lang", "nl");
    Golden.check("config/assess.nl.txt", nl.out());
    Run all = in("config");
    Golden.check("config/all.en.txt", all.out());
  }

  @Test
  void configOutputAsJson() throws IOException {
    fullSettings();
    Run r = in("config", "validate", "-f", "json", "--no-strict");
    assertThat(r.code()).as(r.err()).isZero();
    Golden.check("config/validate.json", r.out());
    JsonNode json = r.json();
    assertThat(json.get("config").asText()).isEqualTo("../.wijktoets.yaml");
    assertThat(json.get("command").asText()).isEqualTo("validate");
    assertThat(setting(json, "validate.strict").get("from").asText()).isEqualTo("command-line");
    assertThat(setting(json, "validate.strict").get("value").asBoolean()).isFalse();
    assertThat(setting(json, "rubric").get("value").asText())
        .isEqualTo("../rubrics/werk-eerst.yaml");
    JsonNode all = json(in("config", "-f", "json"));
    assertThat(all.get("command").isNull()).isTrue();
    assertThat(setting(all, "batch.threads").get("commands"))
        .extracting(JsonNode::asText)
        .containsExactly("batch");
  }

  @Test
  void configWithoutAFileSaysSo() {
    Run r = in("config", "assess");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("Settings file: none (no .wijktoets.yaml in this folder or a folder above it");
    assertThat(in("config", "assess", "--no-config").out())
        .startsWith("Settings file: none (--no-config)");
  }

  @Test
  void configUsageErrors() {
    Run unknown = in("config", "asses");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown command \"asses\"").contains("assess");
    Run badOption = in("config", "assess", "--top", "many");
    assertThat(badOption.code()).isEqualTo(2);
    Run noCommand = in("config", "--top", "5");
    assertThat(noCommand.code()).isEqualTo(2);
  }

  @Test
  void commandCompletesToEveryCommandConfigShows() {
    // the candidates (completion, help) are the commands config accepts: every one it lists in
    // its usage error, and no other
    Run unknown = in("config", "nothing");
    String listed = unknown.err().substring(unknown.err().lastIndexOf(": ") + 2).strip();
    List<String> candidates = new ArrayList<>();
    new ConfigCommand.CommandNames().forEach(candidates::add);
    assertThat(candidates).isEqualTo(List.of(listed.split(", ")));
    for (String c : candidates) {
      assertThat(in("config", c, "--no-config").code()).as(c).isZero();
    }
    assertThat(in("config", "--help").out()).contains("show: assess, validate,");
  }

  @Test
  void theExplicitFileIsNamedAsGiven() throws IOException {
    Path ci = write(project.resolve("ci/wijktoets.yaml"), "top: 4\n");
    Run r = in("config", "assess", "--config", ci.toString(), "-f", "json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.json().get("config").asText()).isEqualTo(ci.toString());
    assertThat(setting(r.json(), "top").get("value").asInt()).isEqualTo(4);
    // the explicit file replaces the discovered one; its paths are relative to its own folder
    write(
        project.resolve("ci/r.yaml"), Files.readString(project.resolve("rubrics/werk-eerst.yaml")));
    write(ci, "rubric: r.yaml\n");
    JsonNode report =
        json(in("assess", proposal("transvaal"), "-f", "json", "--config", ci.toString()));
    assertThat(report.get("rubric").get("id").asText()).isEqualTo("werk-eerst");
    assertThat(report.get("config").asText()).isEqualTo(ci.toString());
  }

  // ------------------------------------------------------------------ a CI run

  @Test
  void aCiRunTakesRubricLanguageAndGatesFromTheFileFromAnySubfolder() throws IOException {
    settings(
        "version: 1\nlang: en\nrubric: rubrics/werk-eerst.yaml\n"
            + "gates: {min_score: 55, min_lesson: 30}\n");
    Path deep = Files.createDirectories(project.resolve("proposals/archive/2026"));
    Path list =
        write(
            project.resolve("proposals/list.csv"),
            "id,file\nt,transvaal.yaml\nd,duindorp.yaml\nm,moerwijk.yaml\n");
    List<String> all = List.of(proposal("transvaal"), proposal("duindorp"), proposal("moerwijk"));
    for (Path folder : List.of(project, docs, deep)) {
      // validate: the rubric from the file checks waivers; all three are valid
      List<String> args = new ArrayList<>(List.of("validate", "-f", "junit"));
      args.addAll(all);
      Run validate = runIn(folder, args.toArray(String[]::new));
      assertThat(validate.code()).as(validate.err()).isZero();
      // assess: duindorp (19.75 with werk-eerst) fails the gates from the file, in English
      Run below = runIn(folder, "assess", proposal("duindorp"), "-f", "json");
      assertThat(below.code()).isEqualTo(1);
      assertThat(below.err())
          .contains("total 19.8 is below --min-score 55")
          .contains("below --min-lesson 30%");
      JsonNode report = below.json();
      assertThat(report.get("rubric").get("id").asText()).isEqualTo("werk-eerst");
      assertThat(report.get("language").asText()).isEqualTo("en");
      assertThat(report.get("config").asText()).endsWith(".wijktoets.yaml");
      // transvaal (61.5) passes them
      Run above = runIn(folder, "assess", proposal("transvaal"), "-f", "json");
      assertThat(above.code()).isZero();
      // batch: the same gates; only duindorp is below them
      Run batch = runIn(folder, "batch", list.toString());
      assertThat(batch.code()).as(batch.err()).isEqualTo(1);
      assertThat(runIn(folder, "batch", list.toString(), "--no-config").code()).isZero();
    }
    // the names are as the user in each folder knows the file
    assertThat(json(runIn(deep, "config", "-f", "json")).get("config").asText())
        .isEqualTo("../../../.wijktoets.yaml");
    assertThat(json(runIn(project, "config", "-f", "json")).get("config").asText())
        .isEqualTo(".wijktoets.yaml");
  }

  // ------------------------------------------------------------------ named in every report

  @Test
  void everyReportNamesTheFileAndSaysNothingWithoutOne() throws IOException {
    String transvaal = proposal("transvaal");
    Path out = Files.createDirectories(tmp.resolve("out"));
    for (boolean withFile : new boolean[] {true, false}) {
      if (withFile) {
        settings("lang: en\n");
      } else {
        Files.delete(project.resolve(".wijktoets.yaml"));
      }
      Run md = in("assess", transvaal, "--lang", "en");
      Run json = in("assess", transvaal, "-f", "json");
      Run html = in("assess", transvaal, "-f", "html");
      Run diff = in("diff", proposal("duindorp"), transvaal, "--lang", "en");
      Run diffJson = in("diff", proposal("duindorp"), transvaal, "-f", "json");
      Path overview = out.resolve("overview-" + withFile + ".md");
      Path overviewHtml = out.resolve("overview-" + withFile + ".html");
      Run junit = in("assess", transvaal, "-f", "junit");
      Path lines = out.resolve("rows-" + withFile + ".jsonl");
      Path batchJunit = out.resolve("rows-" + withFile + ".xml");
      String list = Path.of("examples/batch/proposals.csv").toAbsolutePath().toString();
      in(
          "batch",
          list,
          "--report",
          overview.toString(),
          "--json",
          lines.toString(),
          "--junit",
          batchJunit.toString());
      in("batch", list, "--report", overviewHtml.toString());
      String sentence = "Settings from ../.wijktoets.yaml.";
      List<String> texts =
          List.of(
              md.out(),
              html.out(),
              diff.out(),
              Files.readString(overview),
              Files.readString(overviewHtml));
      if (withFile) {
        assertThat(md.out()).contains("Settings from ../.wijktoets.yaml.");
        assertThat(texts).allSatisfy(t -> assertThat(t).contains("../.wijktoets.yaml"));
        assertThat(json.json().get("config").asText()).isEqualTo("../.wijktoets.yaml");
        assertThat(diffJson.json().get("config").asText()).isEqualTo("../.wijktoets.yaml");
        // every scored row's line (a failed row's line names no settings: it has no score)
        assertThat(Files.readAllLines(lines).stream().filter(l -> !l.contains("\"status\":")))
            .isNotEmpty()
            .allSatisfy(l -> assertThat(l).contains("\"config\":\"../.wijktoets.yaml\""));
        // every scored row's test suite, as a property next to the rubric
        String property = "<property name=\"config\" value=\"../.wijktoets.yaml\"/>";
        assertThat(junit.out()).contains(property);
        String suites = Files.readString(batchJunit);
        assertThat(suites.split(property, -1).length - 1)
            .isEqualTo(suites.split("<property name=\"rubric\"", -1).length - 1)
            .isPositive();
      } else {
        assertThat(texts)
            .allSatisfy(
                t -> assertThat(t).doesNotContain(sentence).doesNotContain("wijktoets.yaml"));
        assertThat(json.json().has("config")).isFalse();
        assertThat(diffJson.json().has("config")).isFalse();
        assertThat(Files.readString(lines)).doesNotContain("\"config\"");
        assertThat(junit.out()).doesNotContain("\"config\"");
        assertThat(Files.readString(batchJunit)).doesNotContain("\"config\"");
      }
      assertThat(reportSchema().validate(json.json())).isEmpty();
    }
  }

  @Test
  void theDutchReportNamesItInDutch() throws IOException {
    settings("lang: nl\n");
    assertThat(in("assess", proposal("transvaal")).out())
        .contains("Instellingen uit ../.wijktoets.yaml.");
  }

  private static JsonSchema reportSchema() throws IOException {
    JsonNode schema =
        new ObjectMapper()
            .readTree(
                ConfigCommandTest.class.getResourceAsStream(
                    "/nl/wijktoets/schema/report.schema.json"));
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
  }

  @Test
  void versionNamesTheFileAndItsRubric() throws IOException {
    assertThat(in("--version").lines()).hasSize(2);
    settings("rubric: rubrics/werk-eerst.yaml\n");
    for (String[] args : new String[][] {{"--version"}, {"assess", "--version"}}) {
      List<String> lines = in(args).lines();
      assertThat(lines).hasSize(3);
      assertThat(lines.get(1))
          .matches(
              "rubric werk-eerst 2026\\.1 sha256:[0-9a-f]{64} \\(\\.\\./rubrics/werk-eerst.yaml\\)");
      assertThat(lines.get(2)).isEqualTo("config ../.wijktoets.yaml");
    }
    assertThat(in("assess", "--version", "--no-config").lines()).hasSize(2);
    settings("top: many\n");
    Run bad = runIn(docs, Map.of(), "--version");
    assertThat(bad.code()).isZero();
    assertThat(bad.lines().get(2))
        .isEqualTo("config ../.wijktoets.yaml (has errors: see wijktoets config)");
  }
}
