package nl.wijktoets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

  private static boolean updating() {
    return Boolean.parseBoolean(System.getProperty("wijktoets.updateGolden", "false"));
  }

  private static Path file(CompletionCommand.Shell shell) {
    return DIR.resolve("wijktoets." + shell.name());
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args,
            new PrintWriter(out),
            new PrintWriter(err),
            new ByteArrayInputStream(new byte[0]),
            Map.of());
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @ParameterizedTest
  @EnumSource(CompletionCommand.Shell.class)
  void checkedInScriptIsUpToDate(CompletionCommand.Shell shell) throws IOException {
    String expected = CompletionCommand.script(shell);
    Path file = file(shell);
    if (updating()) {
      String current = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
      if (!expected.equals(current)) {
        Files.createDirectories(DIR);
        Files.writeString(file, expected, StandardCharsets.UTF_8);
      }
      return;
    }
    assertThat(file)
        .as("%s is missing; regenerate it with -Dwijktoets.updateGolden=true", file)
        .exists();
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .as(
            "%s is stale: regenerate it with `mvn -B verify -Dwijktoets.updateGolden=true` or"
                + " `java -jar target/wijktoets.jar completion %s > %s`",
            file, shell, file)
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(CompletionCommand.Shell.class)
  void completionCommandPrintsTheScript(CompletionCommand.Shell shell) {
    String[] r = run("completion", shell.name());
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).isEqualTo(CompletionCommand.script(shell));
  }

  @Test
  void bashIsTheDefault() {
    String[] r = run("completion");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).isEqualTo(CompletionCommand.script(CompletionCommand.Shell.bash));
  }

  @Test
  void unknownShellIsAUsageError() {
    String[] r = run("completion", "fish");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).isEmpty();
    assertThat(r[2]).contains("fish");
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
}
