package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static nl.wijktoets.testutil.Run.runIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.source.Finding;
import nl.wijktoets.source.Rules;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project settings file {@code .wijktoets.yaml}: found from a nested folder up to the folder
 * with {@code .git}, checked like a proposal (each problem a located finding with a rule id), and
 * never used in part.
 */
class ProjectConfigTest {

  @TempDir Path tmp;

  /** A project: {@code proj/} with a {@code .git} folder, and a nested working folder. */
  private Path project;

  private Path nested;

  @BeforeEach
  void createProject() throws IOException {
    project = Files.createDirectories(tmp.resolve("proj"));
    Files.createDirectories(project.resolve(".git"));
    nested = Files.createDirectories(project.resolve("proposals/2026"));
  }

  private Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  // ------------------------------------------------------------------ discovery

  @Test
  void discoveryFindsTheFileAtTheProjectRootFromANestedFolder() throws IOException {
    Path file = write(project.resolve(".wijktoets.yaml"), "lang: en\n");
    assertThat(ProjectConfig.discover(nested)).contains(file);
    assertThat(ProjectConfig.discover(project)).contains(file);
    Run r = runIn(nested, "config", "-f", "json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.json().get("config").asText()).isEqualTo("../../.wijktoets.yaml");
  }

  @Test
  void discoveryStopsAtTheFolderWithGit() throws IOException {
    // a file above the project root is not the project's: it is not found
    write(tmp.resolve(".wijktoets.yaml"), "lang: en\n");
    assertThat(ProjectConfig.discover(nested)).isEmpty();
    assertThat(ProjectConfig.discover(project)).isEmpty();
    Run r = runIn(nested, "config", "-f", "json");
    assertThat(r.json().get("config").isNull()).isTrue();
    // without the .git entry, the search goes on upwards and finds it
    Files.delete(project.resolve(".git"));
    assertThat(ProjectConfig.discover(nested)).contains(tmp.resolve(".wijktoets.yaml"));
  }

  @Test
  void aGitFileStopsTheSearchToo() throws IOException {
    // a git worktree or submodule has a .git file, not a folder
    write(tmp.resolve(".wijktoets.yaml"), "lang: en\n");
    Files.delete(project.resolve(".git"));
    write(project.resolve(".git"), "gitdir: ../elsewhere\n");
    assertThat(ProjectConfig.discover(nested)).isEmpty();
  }

  @Test
  void theNearestFileWinsAndFilesAreNotMerged() throws IOException {
    write(project.resolve(".wijktoets.yaml"), "lang: en\ntop: 7\n");
    Path inner = write(project.resolve("proposals/.wijktoets.yaml"), "top: 5\n");
    assertThat(ProjectConfig.discover(nested)).contains(inner);
    JsonNode json = runIn(nested, "config", "assess", "-f", "json").json();
    assertThat(json.get("config").asText()).isEqualTo("../.wijktoets.yaml");
    assertThat(setting(json, "top").get("value").asInt()).isEqualTo(5);
    // lang is not taken from the outer file
    assertThat(setting(json, "lang").get("from").asText()).isEqualTo("built-in");
  }

  @Test
  void noFileAnywhereMeansTheBuiltInDefaults() {
    Path lonely = tmp.resolve("no-project");
    assertThat(ProjectConfig.discover(lonely.resolve("a/b"))).isEmpty();
  }

  static JsonNode setting(JsonNode configJson, String key) {
    for (JsonNode s : configJson.get("settings")) {
      if (s.get("key").asText().equals(key)) {
        return s;
      }
    }
    throw new AssertionError("no setting " + key + " in " + configJson);
  }

  // ------------------------------------------------------------------ each error located

  /** A settings text, the finding it must give (location, level, rule) and what it says. */
  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("version: 2\n", "1:1: error", "config/version", "version 1"),
        Arguments.of("lang: fr\n", "1:1: error", "config/enum", "nl, en"),
        Arguments.of(
            "lang: nll\n", "1:1: error", "config/enum", "did you mean nl? Allowed: nl, en"),
        Arguments.of("version: 1\ntop: -1\n", "2:1: error", "config/type", "from 1 to 1000"),
        Arguments.of("top: veel\n", "1:1: error", "config/type", "whole number"),
        Arguments.of("gates: {min_score: 120}\n", "1:9: error", "config/type", "0 to 100"),
        Arguments.of("gates: {min_score: 80.5.1}\n", "1:9: error", "config/type", "0 to 100"),
        Arguments.of("gates: {min_score: '101,5'}\n", "1:9: error", "config/type", "0 to 100"),
        Arguments.of(
            "gates:\n  min_lesson: 12.1234567\n", "2:3: error", "config/type", "6 decimals"),
        Arguments.of("gates: 55\n", "1:1: error", "config/type", "block of keys"),
        Arguments.of("validate: {strict: ja}\n", "1:12: error", "config/type", "true or false"),
        Arguments.of("batch:\n  threads: 0\n", "2:3: error", "config/type", "from 1 to 64"),
        Arguments.of("rubric: missing.yaml\n", "1:9: error", "config/missing-path", "missing"),
        Arguments.of("rubric: rubrics\n", "1:9: error", "config/missing-path", "is a folder"),
        Arguments.of("templates: nothing/\n", "1:12: error", "config/missing-path", "nothing"),
        Arguments.of("rubric: \"a\\0b\"\n", "1:9: error", "config/missing-path", "a\\u0000b"),
        Arguments.of(
            "templates: notes.txt\n", "1:12: error", "config/missing-path", "not a folder"),
        Arguments.of("- lang: en\n", "1:1: error", "config/type", "keys such as lang"),
        Arguments.of("lang: nl\nlang: en\n", "2:1: error", "yaml/duplicate-key", "lang"),
        Arguments.of("lang: [nl\n", "error", "yaml/syntax", ""),
        Arguments.of("gates:\n\tmin_score: 5\n", "2:1: error", "yaml/tab-indent", ""));
  }

  @ParameterizedTest
  @MethodSource("badFiles")
  void eachErrorIsLocatedAndStopsTheCommand(String yaml, String where, String rule, String says)
      throws IOException {
    write(project.resolve(".wijktoets.yaml"), yaml);
    Files.createDirectories(project.resolve("rubrics"));
    write(project.resolve("notes.txt"), "notes\n");
    Run r = runIn(nested, "assess", Path.of("examples/transvaal.yaml").toAbsolutePath().toString());
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.out()).as("no report from a bad settings file").isEmpty();
    String line =
        r.errLines().stream().filter(l -> l.endsWith("[" + rule + "]")).findFirst().orElseThrow();
    assertThat(line).startsWith("../../.wijktoets.yaml:").contains(where).contains(says);
    assertThat(r.err())
        .contains("the settings file ../../.wijktoets.yaml has errors")
        .contains("--no-config");
    // --no-config ignores the file
    Run ignored =
        runIn(
            nested,
            "assess",
            Path.of("examples/transvaal.yaml").toAbsolutePath().toString(),
            "--no-config");
    assertThat(ignored.code()).isZero();
  }

  @ParameterizedTest
  @MethodSource("badFiles")
  void initConfigRewritesABrokenFileWhichOtherCommandsRefuse(
      String yaml, String where, String rule, String says) throws IOException {
    Path file = write(project.resolve(".wijktoets.yaml"), yaml);
    Files.createDirectories(project.resolve("rubrics"));
    write(project.resolve("notes.txt"), "notes\n");
    // init --config reads no settings file: a broken one is just a file that exists (paths in
    // full: a test's working folder is only where the settings file is looked for)
    Run kept = runIn(project, "init", "--config", file.toString());
    assertThat(kept.code()).as(kept.err()).isEqualTo(3);
    assertThat(kept.err()).contains(".wijktoets.yaml exists already").contains("--force");
    assertThat(kept.err()).doesNotContain("[" + rule + "]").doesNotContain("has errors");
    assertThat(Files.readString(file)).isEqualTo(yaml);
    Run rewritten = runIn(project, "init", "--config", file.toString(), "--force", "--lang", "en");
    assertThat(rewritten.code()).as(rewritten.err()).isZero();
    assertThat(rewritten.err()).doesNotContain("[" + rule + "]");
    assertThat(Files.readString(file)).isEqualTo(InitCommand.settingsTemplate(Language.EN));
    assertThat(runIn(nested, "config", "assess").code()).isZero();
    // every other command, init of a proposal too, still stops on the broken file
    write(file, yaml);
    Run proposal = runIn(project, "init", project.resolve("voorstel.yaml").toString());
    assertThat(proposal.code()).isEqualTo(3);
    assertThat(proposal.err()).contains("[" + rule + "]").contains("has errors");
    assertThat(project.resolve("voorstel.yaml")).doesNotExist();
    assertThat(runIn(project, "config").code()).isEqualTo(3);
  }

  @Test
  void aFileOverTheLimitOrNotUtf8IsAnErrorToo() throws IOException {
    write(project.resolve(".wijktoets.yaml"), "# " + "x".repeat(70 * 1024) + "\n");
    Run big = runIn(nested, "config");
    assertThat(big.code()).isEqualTo(3);
    assertThat(big.err()).contains("../../.wijktoets.yaml:1:1: error:").contains("[limit/size]");
    Files.write(project.resolve(".wijktoets.yaml"), new byte[] {'l', 'a', 'n', 'g', ':', ' ', -1});
    Run latin = runIn(nested, "config");
    assertThat(latin.code()).isEqualTo(3);
    assertThat(latin.err()).contains("[encoding/not-utf8]");
  }

  @Test
  void everyErrorOfAFileIsReportedAtOnceInFileOrder() throws IOException {
    write(
        project.resolve(".wijktoets.yaml"),
        "version: 2\nlang: fr\ntop: 0\ngates: {min_score: 101}\nbatch: {threads: 65}\n");
    Run r = runIn(nested, "config");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.errLines().stream().filter(l -> l.startsWith("../../")).toList())
        .extracting(l -> l.substring(0, l.indexOf(": error")))
        .containsExactly(
            "../../.wijktoets.yaml:1:1",
            "../../.wijktoets.yaml:2:1",
            "../../.wijktoets.yaml:3:1",
            "../../.wijktoets.yaml:4:9",
            "../../.wijktoets.yaml:5:9");
  }

  @Test
  void unknownKeysAreWarningsWithDidYouMean() throws IOException {
    write(
        project.resolve(".wijktoets.yaml"),
        "lang: en\nmin_score: 50\ngates: {min-score: 55}\nstrict: true\ntopp: 4\n"
            + "batch: {top: 5}\n");
    Run r = runIn(nested, "config", "assess");
    assertThat(r.code()).as("warnings do not stop a command").isZero();
    assertThat(r.errLines())
        .containsExactly(
            "../../.wijktoets.yaml:2:1: warning: min_score is not read here; move it"
                + " to gates.min_score [config/unknown-key]",
            "../../.wijktoets.yaml:3:9: warning: unknown key min-score; did you mean"
                + " min_score? [config/unknown-key]",
            "../../.wijktoets.yaml:4:1: warning: strict is not read here; move it to"
                + " validate.strict [config/unknown-key]",
            "../../.wijktoets.yaml:5:1: warning: unknown key topp; did you mean top?"
                + " [config/unknown-key]",
            "../../.wijktoets.yaml:6:9: warning: top is not read here; it belongs at the top"
                + " level of the file, not inside a block [config/unknown-key]");
    // the known keys are used; -q hides the warnings
    assertThat(r.out()).contains("lang").contains("en");
    Run quiet = runIn(nested, "validate", "-q", abs("examples/moerwijk.yaml"));
    assertThat(quiet.err()).doesNotContain("unknown key");
  }

  @Test
  void findingsAreInTheReadersLanguage() throws IOException {
    write(project.resolve(".wijktoets.yaml"), "top: nul\n");
    Run r = runIn(nested, Map.of("LANG", "nl_NL.UTF-8"), "config");
    assertThat(r.err())
        .contains("../../.wijktoets.yaml:1:1: fout: top moet een heel getal van 1 tot en met 1000")
        .contains("het instellingenbestand ../../.wijktoets.yaml bevat fouten");
  }

  @Test
  void anExplicitFileThatCannotBeReadIsAnError() throws IOException {
    Run missing = runIn(nested, "assess", abs("examples/transvaal.yaml"), "--config", "nope.yaml");
    assertThat(missing.code()).isEqualTo(3);
    assertThat(missing.out()).isEmpty();
    assertThat(missing.err()).contains("cannot read the settings file nope.yaml: no such file");
    Run folder = runIn(nested, "config", "--config", ".");
    assertThat(folder.code()).isEqualTo(3);
    assertThat(folder.err()).contains("is a folder");
    Run both = runIn(nested, "config", "--config", "x.yaml", "--no-config");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("--config and --no-config cannot be used together");
  }

  @Test
  void anEmptyFileSetsNothing() throws IOException {
    write(project.resolve(".wijktoets.yaml"), "# nothing yet\n");
    Run r = runIn(nested, "config", "assess", "-f", "json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.json().get("settings"))
        .allSatisfy(s -> assertThat(s.get("from").asText()).isEqualTo("built-in"));
  }

  // ------------------------------------------------------------------ rules, schema, template

  @Test
  void everyConfigRuleHasTitleAndRemediationInBothLanguages() {
    List<Rules.Rule> config = Rules.ALL.stream().filter(r -> r.family().equals("config")).toList();
    assertThat(config)
        .extracting(Rules.Rule::id)
        .containsExactly(
            "config/unknown-key",
            "config/type",
            "config/enum",
            "config/version",
            "config/missing-path");
    assertThat(Rules.byId("config/unknown-key").level()).isEqualTo(Finding.Level.WARNING);
    for (Rules.Rule rule : config) {
      for (Language lang : Language.values()) {
        assertThat(rule.title(lang)).isNotBlank().doesNotContain("rule.");
        assertThat(rule.help(lang)).isNotBlank().doesNotContain("rule.");
      }
    }
  }

  @Test
  void theSchemaNamesEveryKeyTheToolReads() throws IOException {
    Run r = run("schema", "config");
    assertThat(r.code()).isZero();
    JsonNode schema = new ObjectMapper().readTree(r.out());
    assertThat(schema.get("$schema").asText()).contains("2020-12");
    List<String> paths = new ArrayList<>();
    schema
        .get("properties")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().has("properties")) {
                e.getValue()
                    .get("properties")
                    .fieldNames()
                    .forEachRemaining(k -> paths.add(e.getKey() + "." + k));
              } else if (!e.getKey().equals("version")) {
                paths.add(e.getKey());
              }
            });
    assertThat(paths)
        .containsExactlyInAnyOrderElementsOf(
            Stream.of(ProjectConfig.Key.values()).map(ProjectConfig.Key::path).toList());
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void initConfigWritesACommentedFileThatIsValidAsItIs(Language lang) throws IOException {
    Path target = project.resolve(".wijktoets.yaml");
    Run r = run("init", "--config", target.toString(), "--lang", lang.code());
    assertThat(r.code()).as(r.err()).isZero();
    String text = Files.readString(target);
    assertThat(text).isEqualTo(InitCommand.settingsTemplate(lang));
    // no first line for editors that points to a schema file that is not there (see --schema)
    assertThat(text)
        .doesNotContainPattern("(?m)^#\\s*yaml-language-server")
        .contains("wijktoets init --config --schema")
        .contains("version: 1");
    // every key is explained, switched off behind #
    for (ProjectConfig.Key key : ProjectConfig.Key.values()) {
      String last = key.path().substring(key.path().lastIndexOf('.') + 1);
      assertThat(text).containsPattern("(?m)^#\\s+" + last + ":").contains(key.option());
    }
    Run check = runIn(nested, "config", "-f", "json");
    assertThat(check.code()).as(check.err()).isZero();
    assertThat(check.err()).isEmpty();
    // switched on, the example values are valid too (the paths aside, which must exist)
    String on =
        text.lines()
            .map(l -> l.replaceFirst("^# ((lang|top|gates|validate|batch):)", "$1"))
            .map(l -> l.replaceFirst("^#   ", "  "))
            .reduce("", (a, b) -> a + b + "\n");
    Files.writeString(target, on);
    Run switchedOn = runIn(nested, "config", "-f", "json");
    assertThat(switchedOn.code()).as(switchedOn.err()).isZero();
    assertThat(switchedOn.err()).isEmpty();
    assertThat(
            Stream.of("lang", "top", "gates.min_score", "validate.strict", "batch.threads")
                .map(k -> setting(json(switchedOn), k).get("from").asText()))
        .containsOnly("file");
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void initConfigSchemaWritesTheSchemaTheFirstLinePointsTo(Language lang) throws IOException {
    Path target = project.resolve(".wijktoets.yaml");
    Run r = run("init", "--config", target.toString(), "--schema", "--lang", lang.code());
    assertThat(r.code()).as(r.err()).isZero();
    String text = Files.readString(target);
    assertThat(text)
        .isEqualTo(InitCommand.CONFIG_SCHEMA_LINE + InitCommand.settingsTemplate(lang))
        .startsWith("# yaml-language-server: $schema=./config.schema.json\n");
    // the line's path, from the file's folder as the YAML language server reads it, is the schema
    // that wijktoets schema config prints
    String path = text.lines().findFirst().orElseThrow().replaceFirst(".*\\$schema=", "");
    Path schema = target.getParent().resolve(path).normalize();
    assertThat(schema).isEqualTo(project.resolve("config.schema.json"));
    assertThat(Files.readString(schema)).isEqualTo(run("schema", "config").out());
    assertThat(r.err()).contains(schema.toString()).contains(target.toString());
    assertThat(runIn(nested, "config").code()).isZero();

    // again: the file exists (--force); a schema that is the same is fine, another one needs
    // --force
    assertThat(run("init", "--config", target.toString(), "--schema").code()).isEqualTo(3);
    Path other = project.resolve("ci.yaml");
    assertThat(run("init", "--config", other.toString(), "--schema").code()).isZero();
    Files.writeString(schema, "{}\n");
    Path third = project.resolve("ci-2.yaml");
    Run changed = run("init", "--config", third.toString(), "--schema");
    assertThat(changed.code()).isEqualTo(3);
    assertThat(changed.err()).contains(schema.toString()).contains("--force");
    assertThat(third).doesNotExist();
    Run forced = run("init", "--config", third.toString(), "--schema", "--force");
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(Files.readString(schema)).isEqualTo(run("schema", "config").out());
  }

  @Test
  void initSchemaWritesTheProposalSchemaAndNeedsAFile() throws IOException {
    Path first = nested.resolve("a.yaml");
    Path second = nested.resolve("b.yaml");
    assertThat(run("init", first.toString(), "--schema").code()).isZero();
    assertThat(run("init", second.toString(), "--schema").code()).isZero(); // shares the schema
    assertThat(Files.readString(first)).startsWith("# yaml-language-server: $schema=./proposal");
    assertThat(Files.readString(nested.resolve("proposal.schema.json")))
        .isEqualTo(run("schema").out());
    assertThat(nested.resolve("config.schema.json")).doesNotExist();

    Run dash = run("init", "--config", "-", "--schema");
    assertThat(dash.code()).isEqualTo(2);
    assertThat(dash.out()).isEmpty();
    assertThat(dash.err()).contains("--schema").contains("wijktoets schema config >");
    // the file and its schema cannot be one file
    Run clash =
        run("init", "--config", project.resolve("config.schema.json").toString(), "--schema");
    assertThat(clash.code()).isEqualTo(2);
    assertThat(project.resolve("config.schema.json")).doesNotExist();
  }

  @Test
  void initConfigDoesNotOverwriteAndWritesToStandardOutput() throws IOException {
    Path target = write(project.resolve(".wijktoets.yaml"), "lang: en\n");
    Run r = run("init", "--config", target.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(Files.readString(target)).isEqualTo("lang: en\n");
    Run out = run("init", "--config", "-", "--lang", "nl");
    assertThat(out.code()).isZero();
    assertThat(out.out()).isEqualTo(InitCommand.settingsTemplate(Language.NL));
    assertThat(out.out()).contains("Projectinstellingen voor wijktoets");
  }

  private static JsonNode json(Run r) {
    try {
      return r.json();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String abs(String path) {
    return Path.of(path).toAbsolutePath().toString();
  }
}
