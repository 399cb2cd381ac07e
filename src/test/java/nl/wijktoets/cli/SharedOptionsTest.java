package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The options several commands share are declared once ({@link Mixins}) and mean the same in every
 * command; {@code -q} above all: no warnings (a custom rubric's included), errors always.
 */
class SharedOptionsTest {

  @TempDir Path dir;

  private static CommandLine tree() {
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    return Main.commandLine(new Console(none, none, InputStream.nullInputStream(), Map.of()));
  }

  private static List<CommandSpec> commands() {
    List<CommandSpec> all = new ArrayList<>();
    CommandLine top = tree();
    all.add(top.getCommandSpec());
    top.getSubcommands().values().forEach(c -> all.add(c.getCommandSpec()));
    return all;
  }

  /** The mixin an option of a command comes from, or null when the command declares it itself. */
  private static Class<?> mixinOf(CommandSpec command, String option) {
    for (CommandSpec mixin : command.mixins().values()) {
      if (mixin.findOption(option) != null) {
        return mixin.userObject().getClass();
      }
    }
    return null;
  }

  @Test
  void sharedOptionsComeFromTheirMixinInEveryCommand() {
    Map<String, Class<?>> shared =
        Map.of(
            "--lang", Mixins.LanguageOption.class,
            "--quiet", Mixins.QuietOption.class,
            "--verbose", Mixins.VerboseOption.class,
            "--rubric", Mixins.RubricOption.class,
            "--templates", Mixins.TemplatesOption.class,
            "--min-score", Mixins.GateOptions.class,
            "--min-lesson", Mixins.GateOptions.class,
            "--no-fail", Mixins.GateOptions.class);
    int uses = 0;
    for (CommandSpec command : commands()) {
      for (var e : shared.entrySet()) {
        if (command.findOption(e.getKey()) != null) {
          uses++;
          assertThat(mixinOf(command, e.getKey()))
              .as("%s %s", command.qualifiedName(), e.getKey())
              .isEqualTo(e.getValue());
        }
      }
    }
    // --lang in all ten commands, -q in four, the gates in two, ...
    assertThat(uses).isGreaterThanOrEqualTo(10 + 4 + 3 + 5 + 2 + 6);
  }

  @Test
  void everyHelpKeyNamesARealOption() {
    for (Locale locale : List.of(Locale.ROOT, Locale.forLanguageTag("nl"))) {
      ResourceBundle texts =
          ResourceBundle.getBundle(
              "nl.wijktoets.cli.help",
              locale,
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES));
      CommandLine top = tree();
      for (String key : texts.keySet()) {
        String[] parts = key.split("\\.");
        if (parts.length != 3 || parts[1].equals("usage") || parts[2].contains("[")) {
          continue; // usage texts and positional parameters
        }
        CommandLine command = top.getSubcommands().get(parts[1]);
        assertThat(command).as(key).isNotNull();
        assertThat(command.getCommandSpec().findOption("--" + parts[2])).as(key).isNotNull();
      }
    }
  }

  /** A command's help with its lines joined, so texts can be found whatever the wrapping. */
  private static String help(String command, String lang) {
    return run(command, "--help", "--lang", lang).out().replaceAll("\\s+", " ");
  }

  @Test
  void aCommandSaysASharedOptionItsOwnWayInBothLanguages() {
    String assess = help("assess", "en");
    assertThat(assess).contains("(default: the proposal's `language`, else nl)");
    String batch = help("batch", "en");
    assertThat(batch).contains("Gate: exit 1 when a row's total is below N.");
    String schema = help("schema", "en");
    assertThat(schema).contains("Language of help and messages");
    String assessNl = help("assess", "nl");
    assertThat(assessNl)
        .contains("Taal van het rapport en de meldingen")
        .contains("Toon geen waarschuwingen, ook niet die van een bestand")
        .contains("Drempel: sluit af met code 1 als het totaal");
    String batchNl = help("batch", "nl");
    assertThat(batchNl).contains("als het totaal van een rij onder N ligt");
  }

  /** The built-in rubric, changed so that it only has a warning (the lessons weigh 105). */
  private Path rubricWithAWarning() throws IOException {
    String text = new String(RubricLoader.builtinBytes(), StandardCharsets.UTF_8);
    String from = "  - id: social-tendering\n    weight: 35\n";
    assertThat(text).contains(from);
    text = text.replace(from, "  - id: social-tendering\n    weight: 40\n");
    String criterion = "      - id: public-task-revenue\n        weight: 10\n";
    assertThat(text).contains(criterion);
    text = text.replace(criterion, "      - id: public-task-revenue\n        weight: 15\n");
    Path file = dir.resolve("warning.yaml");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private List<String[]> everyQuietCommand() {
    String out = dir.resolve("out").toString();
    return List.of(
        new String[] {"assess", "examples/moerwijk.yaml"},
        new String[] {"validate", "examples/moerwijk.yaml"},
        new String[] {"diff", "examples/transvaal.yaml", "examples/diff/transvaal-v2.yaml"},
        new String[] {"batch", "examples/batch/proposals.csv", "-o", out + ".csv"});
  }

  private static String[] with(String[] command, String... more) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void quietHidesTheRubricsWarningsInEveryCommandThatHasIt() throws IOException {
    Path rubric = rubricWithAWarning();
    List<String[]> commands = everyQuietCommand();
    assertThat(commands)
        .extracting(c -> c[0])
        .containsExactlyInAnyOrderElementsOf(
            commands().stream()
                .filter(c -> c.findOption("-q") != null)
                .map(CommandSpec::name)
                .toList());
    for (String[] command : commands) {
      Run loud = run(with(command, "--rubric", rubric.toString(), "--lang", "en"));
      assertThat(loud.err()).as(command[0]).contains(": warning: the lessons weigh 105");
      Run quiet = run(with(command, "--rubric", rubric.toString(), "--lang", "en", "-q"));
      assertThat(quiet.code()).as(command[0]).isEqualTo(loud.code());
      assertThat(quiet.out()).as(command[0]).isEqualTo(loud.out());
      assertThat(quiet.err()).as(command[0]).doesNotContain(": warning: ");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"assess", "validate", "diff"})
  void quietStillShowsErrors(String command) throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "version: 1\nname: [unclosed\n", StandardCharsets.UTF_8);
    Run r =
        command.equals("diff")
            ? run("diff", "examples/transvaal.yaml", bad.toString(), "-q", "--lang", "en")
            : run(command, bad.toString(), "-q", "--lang", "en");
    assertThat(r.code()).isNotZero();
    assertThat(r.all()).contains(bad + ":2:7: error: "); // where the [ opens
  }

  @Test
  void quietInBatchAlsoHidesTheSummary() {
    String out = dir.resolve("results.csv").toString();
    assertThat(run("batch", "examples/batch/proposals.csv", "-o", out).err())
        .contains("wijktoets batch:");
    assertThat(run("batch", "examples/batch/proposals.csv", "-o", out, "-q").err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"101", "-1", "100.000001", "55.1234567", "100,5"})
  void gateValuesOutOfRangeAreUsageErrorsNamingTheOption(String value) {
    for (String option : List.of("--min-score", "--min-lesson")) {
      for (String command : List.of("assess", "batch")) {
        String input =
            command.equals("assess") ? "examples/moerwijk.yaml" : "examples/batch/proposals.csv";
        Run r = run(command, input, option, value, "--lang", "en");
        assertThat(r.code()).as("%s %s %s", command, option, value).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
            .isEqualTo(
                "wijktoets: error: "
                    + option
                    + " takes a number from 0 to 100 with at most 6 decimals\n");
      }
    }
    assertThat(run("assess", "examples/moerwijk.yaml", "--min-score", value, "--lang", "nl").err())
        .isEqualTo(
            "wijktoets: fout: --min-score vraagt een getal van 0 tot 100 met hoogstens 6"
                + " decimalen\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "100", "55.123456", "99.5"})
  void gateValuesInRangeAreTakenExactly(String value) {
    Run r = run("assess", "examples/moerwijk.yaml", "--min-score", value, "-f", "json");
    assertThat(r.code()).isIn(0, 1);
    assertThat(r.err()).doesNotContain("takes a number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1e-999999999", "80,5,5", "0x10", ""})
  void aGateThatIsNoNumberIsAUsageErrorInPlainWords(String value) {
    Run r = run("assess", "examples/moerwijk.yaml", "--min-score", value, "--lang", "en");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "wijktoets: error: --min-score needs a number such as 80 or 80,5, not \""
                + value
                + "\"\n");
  }

  @Test
  void theWorseExitCodeWins() {
    assertThat(ExitCode.OK.worst(ExitCode.GATE_FAILED)).isEqualTo(ExitCode.GATE_FAILED);
    assertThat(ExitCode.INPUT_ERROR.worst(ExitCode.GATE_FAILED)).isEqualTo(ExitCode.INPUT_ERROR);
    assertThat(ExitCode.USAGE.worst(ExitCode.INPUT_ERROR)).isEqualTo(ExitCode.INPUT_ERROR);
    assertThat(ExitCode.OK.worst(ExitCode.OK)).isEqualTo(ExitCode.OK);
    assertThat(ExitCode.values()).extracting(ExitCode::number).containsExactly(0, 1, 2, 3);
  }
}
