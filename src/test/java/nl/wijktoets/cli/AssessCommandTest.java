package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wijktoets assess} in-process: exit codes, gates, outputs and privacy. */
class AssessCommandTest {

  private static final String MOERWIJK = "examples/moerwijk.yaml";
  private static final String TRANSVAAL = "examples/transvaal.yaml";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static void assertNoStackTrace(Run r) {
    assertThat(r.err()).doesNotContain("Exception", "\tat ", "at nl.wijktoets");
    assertThat(r.out()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void moerwijkAsJson() throws IOException {
    Run r = run("assess", MOERWIJK, "-f", "json");
    assertThat(r.code()).isZero();
    JsonNode j = r.json();
    assertThat(j.get("schemaVersion").asText()).isEqualTo("1");
    assertThat(j.get("file").asText()).isEqualTo(MOERWIJK);
    assertThat(j.get("total").decimalValue()).isEqualByComparingTo(new BigDecimal("92.75"));
    assertThat(j.get("band").get("id").asText()).isEqualTo("A");
    assertThat(j.get("band").get("capped").asBoolean()).isFalse();
    assertThat(j.get("rubric").get("id").asText()).isEqualTo("wijktoets-haags");
    assertThat(j.get("rubric").get("hash").asText()).matches("[0-9a-f]{64}");
    assertThat(j.get("lessons")).hasSize(3);
    assertThat(j.get("lessons").get(1).get("score").decimalValue())
        .isEqualByComparingTo(new BigDecimal("26"));
    assertThat(j.get("lessons").get(1).get("share").decimalValue())
        .isEqualByComparingTo(new BigDecimal("0.866667"));
    JsonNode steps = j.get("nextSteps");
    assertThat(steps).hasSize(3);
    assertThat(steps.get(0).get("criterion").asText()).isEqualTo("resident-involvement");
    assertThat(steps.get(0).get("gain").decimalValue()).isEqualByComparingTo("1.75");
  }

  @Test
  void topGivesMoreNextSteps() throws IOException {
    Run r = run("assess", MOERWIJK, "-f", "json", "--top", "4");
    assertThat(r.code()).isZero();
    JsonNode steps = r.json().get("nextSteps");
    assertThat(steps).hasSize(4);
    assertThat(steps.get(3).get("criterion").asText()).isEqualTo("dependency-spread");
    assertThat(steps.get(3).get("gain").decimalValue()).isEqualByComparingTo("1.25");
  }

  @Test
  void aFailedScoreGateExitsOneAndSaysWhich() throws IOException {
    Run r = run("assess", TRANSVAAL, "-f", "json", "--min-score", "80");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(TRANSVAAL).contains("--min-score").contains("80").contains("62.0");
    // the report is still written
    assertThat(r.json().get("total").decimalValue()).isEqualByComparingTo("62");
    assertNoStackTrace(r);
  }

  @Test
  void noFailTurnsAFailedGateIntoExitZero() {
    Run r = run("assess", TRANSVAAL, "-f", "json", "--min-score", "80", "--no-fail");
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("--min-score");
  }

  @Test
  void noFailNeverHidesAnInputError() {
    Run r = run("assess", "examples/does-not-exist.yaml", "--min-score", "80", "--no-fail");
    assertThat(r.code()).isEqualTo(3);
  }

  @Test
  void lessonGate() {
    Run r60 = run("assess", TRANSVAAL, "-f", "json", "--min-lesson", "60");
    assertThat(r60.code()).isEqualTo(1);
    assertThat(r60.err()).contains("participation-trends").contains("--min-lesson");
    assertThat(r60.err()).doesNotContain("middle-up-down");
    // participation trends is exactly 50%: it passes a gate of 50
    Run r50 = run("assess", TRANSVAAL, "-f", "json", "--min-lesson", "50");
    assertThat(r50.code()).isZero();
    assertThat(r50.err()).doesNotContain("--min-lesson");
  }

  @Test
  void gatesCompareTheExactScoresNotTheRoundedOnes() {
    // 92.75 prints as 92.8, but a gate of 92.76 fails
    assertThat(run("assess", MOERWIJK, "-f", "json", "--min-score", "92.75").code()).isZero();
    assertThat(run("assess", MOERWIJK, "-f", "json", "--min-score", "92.76").code()).isEqualTo(1);
    // middle-up-down is 86.666...%, printed 86.7%
    assertThat(run("assess", MOERWIJK, "-f", "json", "--min-lesson", "86.66").code()).isZero();
    assertThat(run("assess", MOERWIJK, "-f", "json", "--min-lesson", "86.67").code()).isEqualTo(1);
  }

  @Test
  void usageErrorsExitTwo() {
    Run unknown = run("assess", MOERWIJK, "--no-such-option");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("--no-such-option");
    assertThat(unknown.out()).isEmpty();
    assertThat(run("assess", MOERWIJK, "--min-score").code()).isEqualTo(2);
    assertThat(run("assess", MOERWIJK, "--min-score", "veel").code()).isEqualTo(2);
    assertThat(run("assess").code()).isEqualTo(2);
  }

  @Test
  void aMissingFileExitsThreeWithOneLine() {
    Run r = run("assess", "examples/nope.yaml", "-f", "json");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("examples/nope.yaml");
    assertThat(r.out()).isEmpty();
    assertNoStackTrace(r);
  }

  @Test
  void aFolderIsNotAProposal(@TempDir Path dir) {
    Run r = run("assess", dir.toString(), "-f", "json");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.errLines()).hasSize(1);
    assertNoStackTrace(r);
  }

  @Test
  void aYamlSyntaxErrorExitsThreeWithALocatedLine(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad, "version: 1\nname: [Buurt\nneighbourhood: Moerwijk\n", StandardCharsets.UTF_8);
    Run r = run("assess", bad.toString(), "-f", "json");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines())
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith(bad + ":2:")
                    .matches(Pattern.quote(bad.toString()) + ":2:\\d+: .*"));
    assertNoStackTrace(r);
  }

  @Test
  void standardInputIsNamedStdin() throws IOException {
    byte[] moerwijk = Files.readAllBytes(Path.of(MOERWIJK));
    Run r = run(new ByteArrayInputStream(moerwijk), "assess", "-", "-f", "json");
    assertThat(r.code()).isZero();
    JsonNode j = r.json();
    assertThat(j.get("file").asText()).isEqualTo("<stdin>");
    assertThat(j.get("total").decimalValue()).isEqualByComparingTo("92.75");
  }

  @Test
  void severalFilesToStandardOutputAreAJsonArray() throws IOException {
    Run r = run("assess", MOERWIJK, TRANSVAAL, "-f", "json");
    assertThat(r.code()).isZero();
    JsonNode j = r.json();
    assertThat(j.isArray()).isTrue();
    assertThat(j).hasSize(2);
    assertThat(j.get(0).get("file").asText()).isEqualTo(MOERWIJK);
    assertThat(j.get(1).get("file").asText()).isEqualTo(TRANSVAAL);
    assertThat(j.get(1).get("band").get("id").asText()).isEqualTo("B");
  }

  @Test
  void severalInputsStayAnArrayWhenOneCannotBeRead() throws IOException {
    Run r = run("assess", MOERWIJK, "examples/nope.yaml", "-f", "json");
    assertThat(r.code()).isEqualTo(3);
    JsonNode j = r.json();
    assertThat(j.isArray()).as("several inputs give a JSON array").isTrue();
    assertThat(j).hasSize(1);
    assertThat(j.get(0).get("file").asText()).isEqualTo(MOERWIJK);
  }

  @Test
  void theWorstExitCodeOverTheFiles() {
    // a failed gate (1) and a missing file (3): 3
    assertThat(run("assess", TRANSVAAL, "examples/nope.yaml", "--min-score", "80").code())
        .isEqualTo(3);
    // one passes, one fails the gate: 1
    assertThat(run("assess", MOERWIJK, TRANSVAAL, "-f", "json", "--min-score", "80").code())
        .isEqualTo(1);
  }

  @Test
  void outputFolderGetsOneReportPerInput(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("reports");
    Run r = run("assess", MOERWIJK, TRANSVAAL, "-f", "json", "-o", out + "/");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("moerwijk.json", "transvaal.json");
    }
    JsonNode m =
        JSON.readTree(Files.readString(out.resolve("moerwijk.json"), StandardCharsets.UTF_8));
    assertThat(m.get("total").decimalValue()).isEqualByComparingTo("92.75");
    assertThat(m.get("file").asText()).isEqualTo(MOERWIJK);
    JsonNode t =
        JSON.readTree(Files.readString(out.resolve("transvaal.json"), StandardCharsets.UTF_8));
    assertThat(t.get("total").decimalValue()).isEqualByComparingTo("62");
    // the file holds exactly what stdout would show
    assertThat(Files.readString(out.resolve("moerwijk.json"), StandardCharsets.UTF_8))
        .isEqualTo(run("assess", MOERWIJK, "-f", "json").out());
  }

  @Test
  void twoInputsWithTheSameNameIntoOneFolderIsAnErrorBeforeAnythingIsWritten(@TempDir Path dir)
      throws IOException {
    Path other = dir.resolve("other");
    Files.createDirectories(other);
    Files.copy(Path.of(MOERWIJK), other.resolve("moerwijk.yml"));
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Run r =
        run(
            "assess",
            TRANSVAAL,
            MOERWIJK,
            other.resolve("moerwijk.yml").toString(),
            "-f",
            "json",
            "-o",
            out.toString());
    assertThat(r.code()).isEqualTo(2); // a usage error
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.toList()).isEmpty();
    }
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("moerwijk.json");
    assertNoStackTrace(r);
  }

  @Test
  void theOutputIsNeverAnInput(@TempDir Path dir) throws IOException {
    Path input = dir.resolve("m.yaml");
    Files.copy(Path.of(MOERWIJK), input);
    byte[] before = Files.readAllBytes(input);
    Run r = run("assess", input.toString(), "-f", "json", "-o", input.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(Files.readAllBytes(input)).isEqualTo(before);
    assertNoStackTrace(r);
    // also when written differently
    Run r2 =
        run(
            "assess",
            input.toString(),
            "-f",
            "json",
            "-o",
            dir.resolve(".").resolve("m.yaml").toString());
    assertThat(r2.code()).isEqualTo(2);
    assertThat(Files.readAllBytes(input)).isEqualTo(before);
  }

  @Test
  void theJsonIsByteIdenticalAcrossRuns() {
    Run first = run("assess", MOERWIJK, TRANSVAAL, "-f", "json");
    Run second = run("assess", MOERWIJK, TRANSVAAL, "-f", "json");
    assertThat(first.code()).isZero();
    assertThat(second.out()).isEqualTo(first.out());
    assertThat(second.out().getBytes(StandardCharsets.UTF_8))
        .isEqualTo(first.out().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void privacyFounderNamesAndContactAreNeverPrinted() {
    for (String format : List.of("json", "md")) {
      Run r = run("assess", MOERWIJK, "-f", format);
      assertThat(r.code()).as(format).isZero();
      assertThat(r.out()).as(format).isNotBlank();
      assertThat(r.out() + r.err())
          .as(format)
          .doesNotContain(
              "El Idrissi", "info@example.org", "J. de Groot", "Baldewsingh", "R. Visser");
    }
  }

  /**
   * The real command in a fresh JVM with a Latin-1 default charset and a Turkish locale: stdout is
   * the UTF-8 report and stderr stays empty for a proposal without findings (no library noise).
   */
  @Test
  void aRealProcessWritesUtf8AndNothingElse() throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            javaBin,
            "-Dfile.encoding=ISO-8859-1",
            "-Duser.language=tr",
            "-Duser.country=TR",
            "-cp",
            System.getProperty("java.class.path"),
            "nl.wijktoets.cli.Main",
            "assess",
            MOERWIJK,
            "-f",
            "json");
    pb.environment().remove("LC_ALL");
    pb.environment().put("LANG", "C");
    Process process = pb.start();
    process.getOutputStream().close();
    byte[] stdout = process.getInputStream().readAllBytes();
    byte[] stderr = process.getErrorStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    String out = new String(stdout, StandardCharsets.UTF_8);
    assertThat(out).contains("\"Buurtcoöperatie De Moerwijkse Handen U.A.\"");
    assertThat(out).isEqualTo(run("assess", MOERWIJK, "-f", "json").out());
    assertThat(new String(stderr, StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void messagesFollowTheLocaleAndLang() {
    Run nl = run(Map.of("LANG", "nl_NL.UTF-8"), "assess", "examples/nope.yaml");
    assertThat(nl.code()).isEqualTo(3);
    assertThat(nl.err()).contains("kan examples/nope.yaml niet lezen");
    Run en = run("assess", "examples/nope.yaml");
    assertThat(en.err()).contains("cannot read examples/nope.yaml");
    Run dutchByOption = run("assess", TRANSVAAL, "-f", "json", "--lang", "nl", "--min-score", "80");
    assertThat(dutchByOption.code()).isEqualTo(1);
    assertThat(dutchByOption.err()).contains("totaal 62,0 ligt onder --min-score 80");
  }

  @Test
  void pathsAreShownAsGiven() throws IOException {
    Run r = run("assess", "./" + MOERWIJK, "-f", "json");
    assertThat(r.code()).isZero();
    assertThat(r.json().get("file").asText()).isEqualTo("./" + MOERWIJK);
  }

  @Test
  void standardInputIntoAFolderIsNamedStdin(@TempDir Path dir) throws IOException {
    byte[] transvaal = Files.readAllBytes(Path.of(TRANSVAAL));
    Run r = run(new ByteArrayInputStream(transvaal), "assess", "-", "-f", "json", "-o", dir + "/");
    assertThat(r.code()).isZero();
    JsonNode j = JSON.readTree(Files.readString(dir.resolve("stdin.json"), StandardCharsets.UTF_8));
    assertThat(j.get("file").asText()).isEqualTo("<stdin>");
    assertThat(j.get("total").decimalValue()).isEqualByComparingTo("62");
  }

  @Test
  void oneInputToOneFile(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("sub").resolve("rapport.json");
    Run r = run("assess", MOERWIJK, "-f", "json", "-o", target.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(
            JSON.readTree(Files.readString(target, StandardCharsets.UTF_8))
                .get("band")
                .get("id")
                .asText())
        .isEqualTo("A");
  }

  @Test
  void aProposalWithAnErrorIsNotScored(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("v2.yaml");
    Files.writeString(bad, "version: 2\nname: T\nneighbourhood: N\n", StandardCharsets.UTF_8);
    Run r = run("assess", bad.toString(), "-f", "json", "--no-fail");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).anySatisfy(l -> assertThat(l).startsWith(bad + ":1:10: "));
    assertThat(r.err()).contains("[format/version]");
  }

  @Test
  void formatNamesIgnoreCaseEvenInATurkishLocale() throws IOException {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(new Locale("tr", "TR"));
      Run r = run("assess", MOERWIJK, "-f", "JSON", "--lang", "EN");
      assertThat(r.code()).isZero();
      assertThat(r.json().get("language").asText()).isEqualTo("en");
      assertThat(r.json().get("total").decimalValue()).isEqualByComparingTo("92.75");
    } finally {
      Locale.setDefault(before);
    }
  }
}
