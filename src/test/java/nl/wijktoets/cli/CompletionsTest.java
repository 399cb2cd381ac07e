package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.wijktoets.testutil.Golden;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shell completion scripts checked in under {@code completions/} are generated from the command
 * model and must not go stale.
 *
 * <p>After changing a command or an option, regenerate them with {@code mvn -B verify
 * -Dwijktoets.updateGolden=true} (this test then rewrites the files instead of failing), or with
 * {@code java -jar target/wijktoets.jar completion bash > completions/wijktoets.bash} and {@code
 * java -jar target/wijktoets.jar completion zsh > completions/wijktoets.zsh}; review the diff.
 */
class CompletionsTest {

  private static final Path DIR = Path.of("completions");

  private static Path file(CompletionCommand.Shell shell) {
    return DIR.resolve("wijktoets." + shell.name());
  }

  @ParameterizedTest
  @EnumSource(CompletionCommand.Shell.class)
  void checkedInScriptIsUpToDate(CompletionCommand.Shell shell) throws IOException {
    Golden.check(file(shell), CompletionCommand.script(shell));
  }

  @ParameterizedTest
  @EnumSource(CompletionCommand.Shell.class)
  void completionCommandPrintsTheScript(CompletionCommand.Shell shell) {
    Run r = run("completion", shell.name());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(CompletionCommand.script(shell));
  }

  @Test
  void bashIsTheDefault() {
    Run r = run("completion");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(CompletionCommand.script(CompletionCommand.Shell.bash));
  }

  @Test
  void unknownShellIsAUsageError() {
    Run r = run("completion", "fish");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("fish");
  }

  @Test
  void bashScriptKnowsEveryCommandAndOption() {
    String bash = CompletionCommand.script(CompletionCommand.Shell.bash);
    assertThat(bash).contains("wijktoets");
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    Set<String> commands =
        new TreeSet<>(
            Main.commandLine(new Console(none, none, InputStream.nullInputStream(), Map.of()))
                .getSubcommands()
                .keySet());
    commands.addAll(List.of("assess", "validate", "init", "schema", "completion"));
    for (String command : commands) {
      assertThat(bash).as("subcommand %s", command).containsPattern("\\b" + command + "\\b");
    }
    assertThat(bash)
        .contains(
            "--min-score",
            "--min-lesson",
            "--no-fail",
            "--format",
            "--output",
            "--lang",
            "--strict",
            "--force",
            "--top");
    // enumerated values complete too
    assertThat(bash).contains("sarif", "junit", "github");
    assertThat(bash).containsPattern("(?m)^complete -F [_A-Za-z]+ .*\\bwijktoets\\b");
  }

  @Test
  void zshScriptLoadsBashCompletion() {
    String zsh = CompletionCommand.script(CompletionCommand.Shell.zsh);
    assertThat(zsh.lines().limit(3))
        .anyMatch(l -> l.contains("compinit"))
        .anyMatch(l -> l.contains("bashcompinit"));
    assertThat(zsh).endsWith(CompletionCommand.script(CompletionCommand.Shell.bash));
  }

  /** What bash offers after TAB for a command line typed so far (run in the project folder). */
  private static String complete(String line) throws Exception {
    String script =
        "source completions/wijktoets.bash\n"
            + "COMP_LINE=\"$1\"; COMP_POINT=${#COMP_LINE}; read -ra COMP_WORDS <<<\"$COMP_LINE\"\n"
            + "[[ \"$COMP_LINE\" == *' ' ]] && COMP_WORDS+=('')\n"
            + "COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()\n"
            + "_complete_wijktoets wijktoets \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\""
            + " 2>/dev/null\n"
            + "echo \"${COMPREPLY[*]}\"\n";
    Process p = new ProcessBuilder("bash", "-c", script, "bash", line).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor()).isZero();
    return out;
  }

  @Test
  void bashCompletesLanguagesCriteriaSchemaKindsAndFiles() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
        "bash is not installed");
    assertThat(complete("wijktoets --lang ")).isEqualTo("nl en");
    assertThat(complete("wijktoets assess --lang e")).isEqualTo("en");
    // criteria first, then the proposal's fields (short names, then paths)
    assertThat(complete("wijktoets explain con")).startsWith("connector consultations ");
    assertThat(complete("wijktoets explain sec")).isEqualTo("sector");
    assertThat(complete("wijktoets explain revenue.st")).isEqualTo("revenue.status");
    assertThat(complete("wijktoets explain ").split(" "))
        .hasSizeGreaterThan(100)
        .contains("resident-groups", "sector", "partners.commitment", "revenue.status");
    assertThat(complete("wijktoets schema r")).isEqualTo("report rubric");
    assertThat(complete("wijktoets assess examples/mo")).isEqualTo("examples/moerwijk.yaml");
    assertThat(complete("wijktoets validate examples/du")).isEqualTo("examples/duindorp.yaml");
    assertThat(complete("wijktoets diff examples/du")).isEqualTo("examples/duindorp.yaml");
    assertThat(complete("wijktoets init examples/tr")).isEqualTo("examples/transvaal.yaml");
    assertThat(complete("wijktoets assess -o examples/rep")).isEqualTo("examples/reports");
    assertThat(complete("wijktoets rubric check examples/rubrics/w"))
        .isEqualTo("examples/rubrics/werk-eerst.yaml");
  }

  @Test
  void bashCompletesConfigsCommandAndThatCommandsOptions() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
        "bash is not installed");
    // config [COMMAND [OPTION...]]: the commands whose settings it shows
    assertThat(complete("wijktoets config a")).isEqualTo("assess");
    List<String> commands = new ArrayList<>();
    new ConfigCommand.CommandNames().forEach(commands::add);
    assertThat(complete("wijktoets config ").split(" "))
        .containsExactlyInAnyOrderElementsOf(commands)
        .doesNotContain("config", "help");
    // after the command: its options, and config's own (config's --format wins)
    assertThat(complete("wijktoets config assess --min-")).isEqualTo("--min-score --min-lesson");
    assertThat(complete("wijktoets config validate --st")).isEqualTo("--strict");
    assertThat(complete("wijktoets config batch --min-score 60 --th")).isEqualTo("--threads");
    assertThat(complete("wijktoets config assess -f ")).isEqualTo("text json");
    assertThat(complete("wijktoets config assess --lang ")).isEqualTo("nl en");
    assertThat(complete("wijktoets config assess --rubric examples/rubrics/w"))
        .isEqualTo("examples/rubrics/werk-eerst.yaml");
    // config's own options still complete before a command
    assertThat(complete("wijktoets config --no-c")).isEqualTo("--no-config");
  }
}
