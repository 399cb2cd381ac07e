package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command line speaks the user's language (issue 14, item 7): numbers with a decimal comma,
 * {@code --top} within the rubric's criteria, {@code help [COMMAND]}, picocli's parse errors and
 * every help line in Dutch when the messages are Dutch, never a Java class or exception name.
 */
class CommandLineLanguageTest {

  private static final String EXAMPLE = "examples/moerwijk.yaml";

  @TempDir Path dir;

  private static CommandLine commandLine(String lang) {
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    return Main.commandLine(
        new Console(none, none, InputStream.nullInputStream(), Map.of("LANG", lang)));
  }

  static Stream<String> commands() {
    return Main.COMMANDS.stream();
  }

  /** No Java words: class names, exceptions, picocli's English. */
  private static void assertPlain(Run r) {
    assertThat(r.err())
        .doesNotContain(
            "Exception",
            "java.",
            "BigDecimal",
            "Integer",
            "int'",
            "Invalid value",
            "Unknown option",
            "Missing required",
            "Unmatched argument",
            "Did you mean",
            "Try '",
            "\tat ");
  }

  // -----------------------------------------------------------------------------------------
  // numbers with a decimal comma

  @Test
  void minScoreTakesADecimalComma() {
    Run comma = run("assess", EXAMPLE, "--min-score", "80,5", "--lang", "nl", "-f", "json");
    Run point = run("assess", EXAMPLE, "--min-score", "80.5", "--lang", "nl", "-f", "json");
    assertThat(comma.code()).isEqualTo(point.code()).isIn(0, 1);
    assertThat(comma.out()).isEqualTo(point.out());
    assertThat(comma.err()).isEqualTo(point.err());
    Run lesson = run("validate", EXAMPLE, "--lang", "nl");
    assertThat(lesson.code()).isZero();
    Run minLesson = run("assess", EXAMPLE, "--min-lesson", "30,25", "-f", "json");
    assertThat(minLesson.code()).as(minLesson.err()).isZero();
  }

  @Test
  void aNumberThatIsNoNumberIsAUsageErrorInPlainWords() {
    Run nl = run("assess", EXAMPLE, "--min-score", "tachtig", "--lang", "nl");
    assertThat(nl.code()).isEqualTo(2);
    assertThat(nl.errLines().get(0))
        .isEqualTo(
            "wijktoets: fout: --min-score heeft een getal nodig, zoals 80 of 80,5, niet"
                + " \"tachtig\"");
    assertPlain(nl);
    Run en = run("assess", EXAMPLE, "--min-score", "80,5,5", "--lang", "en");
    assertThat(en.code()).isEqualTo(2);
    assertThat(en.errLines().get(0)).contains("--min-score needs a number such as 80 or 80,5");
    assertPlain(en);
    Run range = run("assess", EXAMPLE, "--min-score", "100,5", "--lang", "en");
    assertThat(range.code()).isEqualTo(2);
    assertThat(range.err()).contains("--min-score takes a number from 0 to 100");
  }

  // -----------------------------------------------------------------------------------------
  // --top within the rubric's criteria

  @Test
  void topTakesOneUpToTheNumberOfCriteria() {
    for (String top : List.of("0", "-1", "16", "1000")) {
      for (String command : List.of("assess", "batch")) {
        String input = command.equals("assess") ? EXAMPLE : "examples/batch/proposals.csv";
        Run r = run(command, input, "--top", top, "--lang", "en", "-o", dir + "/out-" + top);
        assertThat(r.code()).as(command + " --top " + top).isEqualTo(2);
        assertThat(r.errLines().get(0))
            .isEqualTo(
                "wijktoets: error: --top takes 1 up to 15 (the rubric in use has 15 criteria),"
                    + " not "
                    + top);
        assertThat(Files.exists(dir.resolve("out-" + top))).isFalse();
      }
    }
    assertThat(run("assess", EXAMPLE, "--top", "1").code()).isZero();
    assertThat(run("assess", EXAMPLE, "--top", "15").code()).isZero();
    Run nl = run("assess", EXAMPLE, "--top", "0", "--lang", "nl");
    assertThat(nl.err()).contains("--top moet 1 tot en met 15 zijn");
    Run notANumber = run("assess", EXAMPLE, "--top", "drie", "--lang", "nl");
    assertThat(notANumber.code()).isEqualTo(2);
    assertThat(notANumber.errLines().get(0))
        .isEqualTo("wijktoets: fout: --top heeft een heel getal nodig, niet \"drie\"");
    assertPlain(notANumber);
  }

  // -----------------------------------------------------------------------------------------
  // help [COMMAND]

  @Test
  void helpPrintsTheUsage() {
    Run top = run("help", "--lang", "en");
    assertThat(top.code()).isZero();
    assertThat(top.out()).isEqualTo(run("--help", "--lang", "en").out());
    for (String command : Main.COMMANDS) {
      Run help = run("help", command, "--lang", "nl");
      assertThat(help.code()).as(command).isZero();
      assertThat(help.err()).isEmpty();
      assertThat(help.out()).isEqualTo(run(command, "--help", "--lang", "nl").out());
    }
    assertThat(top.out()).containsPattern("(?m)^  help\\s");
  }

  @Test
  void helpOfAnUnknownCommandSuggestsTheNearest() {
    Run typo = run("help", "asess", "--lang", "nl");
    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.errLines())
        .containsExactly("wijktoets: fout: onbekende opdracht asess; bedoelt u assess?");
    Run unknown = run("help", "xyzzy", "--lang", "en");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown command xyzzy; the commands are: assess, validate");
  }

  @Test
  void helpIsNoLongerAMistypedCommand() {
    Run r = run("help");
    assertThat(r.code()).isZero();
    assertThat(r.err()).doesNotContain("schema?");
  }

  // -----------------------------------------------------------------------------------------
  // picocli's parse errors in the user's language

  @Test
  void parseErrorsAreDutchWhenTheMessagesAreDutch() {
    Map<String, String> dutch = Map.of("LANG", "nl_NL.UTF-8");
    List<List<String>> cases =
        List.of(
            List.of("assess", EXAMPLE, "--bogus"),
            List.of("assess", EXAMPLE, "--tpo", "3"),
            List.of("assess"),
            List.of("assess", EXAMPLE, "--top"),
            List.of("validate", EXAMPLE, "-f", "xml"),
            List.of("validate", EXAMPLE, "-f", "sarf"),
            List.of("assess", EXAMPLE, "--lang", "de"),
            List.of("asess", EXAMPLE),
            List.of("diff", EXAMPLE, EXAMPLE, EXAMPLE),
            List.of("schema", "proposal", "extra"),
            List.of("assess", EXAMPLE, "--top", "2", "--top", "3"));
    List<String> expected =
        List.of(
            "wijktoets: fout: onbekende optie --bogus",
            "wijktoets: fout: onbekende optie --tpo; bedoelt u --top?",
            "wijktoets: fout: BESTAND ontbreekt",
            "wijktoets: fout: optie --top heeft een waarde nodig (N)",
            "wijktoets: fout: --format kent alleen text, json, sarif, junit, github, niet \"xml\"",
            "wijktoets: fout: --format kent geen \"sarf\"; bedoelt u sarif?",
            "wijktoets: fout: --lang kent alleen nl, en, niet \"de\"",
            "wijktoets: fout: onbekende opdracht asess; bedoelt u assess?",
            "wijktoets: fout: onverwacht argument: examples/moerwijk.yaml; deze opdracht verwacht"
                + " het niet",
            "wijktoets: fout: onverwacht argument: extra; deze opdracht verwacht het niet",
            "wijktoets: fout: --top staat er twee keer; geef het één keer");
    for (int i = 0; i < cases.size(); i++) {
      Run r = run(dutch, cases.get(i).toArray(String[]::new));
      assertThat(r.code()).as(cases.get(i).toString()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.errLines().get(0)).as(cases.get(i).toString()).isEqualTo(expected.get(i));
      assertThat(r.errLines()).last().asString().startsWith("Uitleg: wijktoets");
      assertPlain(r);
    }
  }

  @Test
  void parseErrorsAreEnglishWithoutJavaWordsToo() {
    Run r = run("assess", EXAMPLE, "--top", "x", "--lang", "en");
    assertThat(r.errLines().get(0))
        .isEqualTo("wijktoets: error: --top needs a whole number, not \"x\"");
    assertThat(r.errLines()).last().isEqualTo("See: wijktoets assess --help");
    assertPlain(r);
    Run missing = run("assess", "--lang", "en");
    assertThat(missing.errLines().get(0)).isEqualTo("wijktoets: error: FILE is missing");
    assertThat(missing.err()).contains("Usage: wijktoets assess");
  }

  @Test
  void picocliOwnWordsOnlyWithVerbose() {
    Run plain = run("assess", EXAMPLE, "--top", "x", "--lang", "en");
    Run verbose = run("assess", EXAMPLE, "--top", "x", "--lang", "en", "--verbose");
    assertThat(plain.err()).doesNotContain("picocli");
    assertThat(verbose.err()).contains("(picocli: Invalid value for option '--top'");
  }

  // -----------------------------------------------------------------------------------------
  // every help line in Dutch

  @ParameterizedTest
  @MethodSource("commands")
  void everyHelpTextOfACommandHasADutchVersion(String name) {
    CommandSpec nl = commandLine("nl_NL.UTF-8").getSubcommands().get(name).getCommandSpec();
    CommandSpec en = commandLine("en_GB.UTF-8").getSubcommands().get(name).getCommandSpec();
    List<String> untranslated = new ArrayList<>();
    if (Arrays.equals(nl.usageMessage().description(), en.usageMessage().description())) {
      untranslated.add("description");
    }
    if (Arrays.equals(nl.usageMessage().footer(), en.usageMessage().footer())) {
      untranslated.add("footer");
    }
    List<ArgSpec> nlArgs = new ArrayList<>(nl.args());
    List<ArgSpec> enArgs = new ArrayList<>(en.args());
    for (int i = 0; i < nlArgs.size(); i++) {
      if (Arrays.equals(nlArgs.get(i).description(), enArgs.get(i).description())) {
        untranslated.add(
            nlArgs.get(i) instanceof CommandLine.Model.OptionSpec o
                ? o.longestName()
                : nlArgs.get(i).paramLabel());
      }
    }
    assertThat(untranslated).as("help texts of %s without a Dutch version", name).isEmpty();
  }

  @Test
  void theTopCommandsHelpIsDutchToo() {
    Run r = run("--help", "--lang", "nl");
    assertThat(r.out()).contains("Taal van de hulp en de meldingen").doesNotContain("Language of");
    assertThat(r.out()).contains("Opdrachten:", "Afsluitcodes:");
  }

  @Test
  void parameterLabelsAreDutchInTheUsageAndTheOptionList() {
    Run nl = run("assess", "--help", "--lang", "nl");
    assertThat(nl.out())
        .contains("[-o=PAD]", "[--rubric=BESTAND]", "[--templates=MAP]", "BESTAND...")
        .contains("-f, --format=FORMAAT")
        .doesNotContain("=FILE", "=PATH", "=DIR", "FORMAT ");
    Run en = run("assess", "--help", "--lang", "en");
    assertThat(en.out()).contains("[-o=PATH]", "FILE...");
    Run batch = run("batch", "--help", "--lang", "nl");
    assertThat(batch.out()).contains("LIJST.csv");
  }

  // -----------------------------------------------------------------------------------------
  // a glob that matches nothing says so

  @Test
  void aPatternThatMatchesNothingSaysSoAndExitsThree() {
    String pattern = dir + "/proposals/*.yaml";
    Run en = run("validate", pattern, "--lang", "en");
    assertThat(en.code()).isEqualTo(3);
    assertThat(en.errLines())
        .containsExactly(
            "wijktoets: error: cannot read " + pattern + ": no file matches this pattern",
            "wijktoets validate: 0 file(s) checked, 0 error(s), 0 warning(s); 1 could not be"
                + " read (see above)");
    Run nl = run("validate", pattern, "--lang", "nl");
    assertThat(nl.err()).contains("geen bestand past bij dit patroon", "1 niet te lezen");
    Run assess = run("assess", pattern, "--lang", "en");
    assertThat(assess.code()).isEqualTo(3);
    assertThat(assess.err()).contains("no file matches this pattern");
    Run missing = run("validate", dir + "/missing.yaml", "--lang", "en");
    assertThat(missing.err()).contains("no such file").doesNotContain("pattern");
  }

  @Test
  void aPatternTheShellDidNotExpandIsExpandedInNameOrder() throws Exception {
    Path proposals = Files.createDirectories(dir.resolve("proposals"));
    Files.copy(Path.of(EXAMPLE), proposals.resolve("b.yaml"));
    Files.copy(Path.of(EXAMPLE), proposals.resolve("a.yaml"));
    Files.writeString(proposals.resolve("notes.txt"), "not a proposal");
    Run r = run("validate", dir + "/proposals/*.yaml", "-f", "json", "--lang", "en");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.json().get("files").findValuesAsText("file"))
        .containsExactly(dir + "/proposals/a.yaml", dir + "/proposals/b.yaml");
    assertThat(r.err()).contains("wijktoets validate: 2 file(s)");
  }

  // -----------------------------------------------------------------------------------------
  // validate -f junit: a file that cannot be parsed skips its other test cases

  @Test
  void junitSkipsWhatWasNotCheckedAfterASyntaxError() throws Exception {
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "version: 1\nname Test\nneighbourhood: Moerwijk\n");
    Run r = run("validate", broken.toString(), "-f", "junit", "--lang", "en");
    assertThat(r.code()).isEqualTo(1);
    var doc =
        javax.xml.parsers.DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new java.io.ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
    var cases = doc.getElementsByTagName("testcase");
    List<String> skipped = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<String> passed = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      var c = (org.w3c.dom.Element) cases.item(i);
      String name = c.getAttribute("name");
      if (c.getElementsByTagName("skipped").getLength() > 0) {
        skipped.add(name);
      } else if (c.getElementsByTagName("failure").getLength() > 0) {
        failed.add(name);
      } else {
        passed.add(name);
      }
    }
    assertThat(failed).containsExactly("yaml");
    assertThat(passed).containsExactlyInAnyOrder("limit", "encoding");
    assertThat(skipped).contains("schema", "amount", "waiver", "proposal").doesNotContain("yaml");
    var suite = (org.w3c.dom.Element) doc.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("skipped")).isEqualTo(Integer.toString(skipped.size()));
    // a file that parses has no skipped case
    Run ok = run("validate", EXAMPLE, "-f", "junit");
    assertThat(ok.out()).doesNotContain("<skipped");
  }
}
