package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --help} lists the exit codes of every command; {@code --version} names the rubric. */
class HelpTest {

  private static final Pattern VERSION = Pattern.compile("wijktoets (\\d+\\.\\d+\\.\\d+\\S*)");
  private static final Pattern RUBRIC =
      Pattern.compile("rubric wijktoets-haags 1 sha256:([0-9a-f]{64})");

  private static Run help(String command) {
    List<String> args = new ArrayList<>();
    if (!command.isEmpty()) {
      args.add(command);
    }
    args.add("--help");
    return run(args.toArray(String[]::new));
  }

  /** The exit codes listed under the "Exit codes:" heading, as lines {@code " N ..."}. */
  private static List<Integer> exitCodes(Run r) {
    List<String> lines = r.lines();
    int heading = lines.indexOf("Exit codes:");
    assertThat(heading).as("an 'Exit codes:' heading in%n%s", r.out()).isNotNegative();
    List<Integer> codes = new ArrayList<>();
    Pattern code = Pattern.compile("^  ([0-9])  \\S.*");
    for (String line : lines.subList(heading + 1, lines.size())) {
      Matcher m = code.matcher(line);
      if (m.matches()) {
        codes.add(Integer.parseInt(m.group(1)));
      }
    }
    return codes;
  }

  /** The top command ("") and every subcommand of the command tree. */
  static Stream<String> commands() {
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    Console console = new Console(none, none, InputStream.nullInputStream(), Map.of());
    Set<String> sub = Main.commandLine(console).getSubcommands().keySet();
    assertThat(sub).contains("assess", "validate", "init", "schema", "completion");
    return Stream.concat(Stream.of(""), sub.stream());
  }

  @ParameterizedTest
  @MethodSource("commands")
  void helpListsTheExitCodes(String command) {
    Run r = help(command);
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("Usage: wijktoets" + (command.isEmpty() ? "" : " " + command));
    assertThat(r.out()).contains("Exit codes");
    assertThat(exitCodes(r)).contains(0, 2).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void theToolAndItsWorkCommandsListAllFourCodes() {
    for (String command : List.of("", "assess", "validate")) {
      assertThat(exitCodes(help(command))).as(command).containsExactly(0, 1, 2, 3);
    }
    assertThat(exitCodes(help("init"))).containsExactly(0, 2, 3);
    assertThat(exitCodes(help("schema"))).containsExactly(0, 2);
    assertThat(exitCodes(help("completion"))).containsExactly(0, 2);
  }

  @Test
  void validateHelpSaysWhatExitThreeMeans() {
    String out = help("validate").out();
    assertThat(out).contains("  3  a file cannot be read at all");
    assertThat(out).contains("  1  a file has an error-level finding");
  }

  @Test
  void topHelpListsTheSubcommands() {
    Run r = help("");
    for (String command : List.of("assess", "validate", "init", "schema", "completion")) {
      assertThat(r.out()).containsPattern("(?m)^  " + command + "\\s");
    }
  }

  @Test
  void shortHelpOptionToo() {
    Run r = run("validate", "-h");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(help("validate").out());
  }

  @ParameterizedTest
  @MethodSource("commands")
  void versionNamesToolAndRubric(String command) {
    List<String> args = new ArrayList<>();
    if (!command.isEmpty()) {
      args.add(command);
    }
    args.add("--version");
    Run r = run(args.toArray(String[]::new));
    assertThat(r.code()).isZero();
    List<String> lines = r.lines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).matches(VERSION);
    assertThat(lines.get(1)).matches(RUBRIC);
  }

  @Test
  void versionHashIsTheHashInTheReports() throws IOException {
    Matcher m = RUBRIC.matcher(run("--version").lines().get(1));
    assertThat(m.matches()).isTrue();
    Run assess = run("assess", "examples/moerwijk.yaml", "-f", "json");
    assertThat(assess.code()).isZero();
    var json = new ObjectMapper().readTree(assess.out());
    assertThat(json.get("rubric").get("hash").asText()).isEqualTo(m.group(1));
    Matcher v = VERSION.matcher(run("-V").lines().get(0));
    assertThat(v.matches()).isTrue();
    assertThat(json.get("tool").get("version").asText()).isEqualTo(v.group(1));
  }

  @Test
  void versionAloneIsAnsweredAsPicocliWould() {
    StringWriter picocli = new StringWriter();
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    PrintWriter pw = new PrintWriter(picocli);
    Main.commandLine(new Console(none, none, InputStream.nullInputStream(), Map.of()))
        .printVersionHelp(pw);
    pw.flush();
    assertThat(run("--version").out()).isEqualTo(picocli.toString());
    assertThat(run("-V").out()).isEqualTo(picocli.toString());
    // through picocli (another option with it) the same lines
    assertThat(run("--lang", "en", "--version").out()).isEqualTo(picocli.toString());
  }

  @Test
  void aRunBuildsOnlyTheSubcommandItNames() {
    assertThat(Main.subcommandsFor(new String[] {"--lang", "nl", "assess", "x.yaml"}))
        .containsExactly("assess");
    assertThat(Main.subcommandsFor(new String[] {"validate", "assess"}))
        .containsExactly("validate");
    assertThat(Main.subcommandsFor(new String[] {"--version"})).isEmpty();
    assertThat(Main.subcommandsFor(new String[] {"--help"})).isEqualTo(Main.COMMANDS);
    assertThat(Main.subcommandsFor(new String[] {"--version", "--help"})).isEqualTo(Main.COMMANDS);
    assertThat(Main.subcommandsFor(new String[] {"asess"})).isEqualTo(Main.COMMANDS);
    assertThat(Main.subcommandsFor(new String[] {})).isEqualTo(Main.COMMANDS);
    // the names are those of the commands themselves
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    assertThat(
            Main.commandLine(new Console(none, none, InputStream.nullInputStream(), Map.of()))
                .getSubcommands()
                .keySet())
        .containsExactlyElementsOf(Main.COMMANDS);
    // a mistyped command still gets a suggestion from the full list
    Run typo = run("asess", "x.yaml");
    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.err()).contains("assess");
  }

  @Test
  void unknownOptionIsAUsageError() {
    List<List<String>> commands =
        List.of(
            List.of("assess", "examples/moerwijk.yaml"),
            List.of("validate", "examples/moerwijk.yaml"),
            List.of("init", "-"),
            List.of("schema"),
            List.of("completion"));
    for (List<String> command : commands) {
      List<String> args = new ArrayList<>(command);
      args.add("--no-such-option");
      Run r = run(args.toArray(String[]::new));
      assertThat(r.code()).as(command.get(0)).isEqualTo(2);
      assertThat(r.out()).as(command.get(0)).isEmpty();
      assertThat(r.err()).as(command.get(0)).contains("--no-such-option");
    }
  }

  @Test
  void helpFollowsTheLanguage() {
    Run en = run("validate", "--help", "--lang", "en");
    Run nl = run("validate", "--help", "--lang", "nl");
    assertThat(nl.code()).isZero();
    assertThat(nl.out()).isNotEqualTo(en.out());
    assertThat(run(Map.of("LANG", "nl_NL.UTF-8"), "validate", "--help").out()).isEqualTo(nl.out());
  }
}
