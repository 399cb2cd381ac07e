package nl.wijktoets.proposal;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.source.Finding;
import nl.wijktoets.source.YamlTreeReader;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs made to hurt: huge, deep, self-multiplying, binary, or with numbers too large to hold.
 * Each must end quickly with a located finding (and under the CLI exit 3 without a stack trace),
 * never with an exception, a hang or an out-of-memory error.
 */
class HostileInputTest {

  private static final String HEADER = "version: 1\nname: Test\nneighbourhood: Moerwijk\n";
  private static final Duration QUICK = Duration.ofSeconds(3);
  // generous for a loaded CI machine: on a quiet one the slowest case (5 MiB) takes about 1.5 s
  private static final Duration SLOW = Duration.ofSeconds(15);

  @TempDir Path dir;

  /** An input that could not be scored: exit 3, nothing on stdout, no stack trace. */
  private static void assertRefusedCleanly(Run run, String file) {
    assertThat(run.code()).as("exit code; stderr: %s", run.err()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("internal error")
        .contains(file + ": not scored because of the errors above");
  }

  private static List<Finding> read(String text) {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<Finding> read(byte[] bytes) {
    return ProposalReader.read("h.yaml", bytes).findings();
  }

  private static Finding only(List<Finding> findings, String rule) {
    List<Finding> matching = findings.stream().filter(f -> f.rule().equals(rule)).toList();
    assertThat(matching).as("findings with rule %s among %s", rule, findings).hasSize(1);
    return matching.get(0);
  }

  private static void assertAt(Finding f, String rule, int line, int column) {
    assertThat(f.rule()).isEqualTo(rule);
    assertThat(f.level()).isEqualTo(Finding.Level.ERROR);
    assertThat(f.location().line()).as("line of %s", f).isEqualTo(line);
    assertThat(f.location().column()).as("column of %s", f).isEqualTo(column);
  }

  // ---------------------------------------------------------------------------------------------
  // size

  @Test
  void fiftyMegabyteFileIsRefusedBeforeParsing() throws IOException {
    Path big = dir.resolve("big.yaml");
    byte[] chunk =
        (HEADER + "mission: " + "x".repeat(1000) + "\n")
            .repeat(1000)
            .getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(big)) {
      long written = 0;
      while (written < 50L * 1024 * 1024) {
        out.write(chunk);
        written += chunk.length;
      }
    }
    assertThat(Files.size(big)).isGreaterThanOrEqualTo(50L * 1024 * 1024);
    Run run = assertTimeoutPreemptively(SLOW, () -> run("assess", big.toString()));
    assertRefusedCleanly(run, big.toString());
    assertThat(run.err())
        .contains(big + ":1:1: error: the file is larger than 5242880 bytes")
        .contains("[limit/size]");
    assertThat(run.err().lines().count()).isEqualTo(2);
  }

  @Test
  void endlessStandardInputIsCutOffAtTheLimit() {
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 'a';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            Arrays.fill(b, off, off + len, (byte) 'a');
            return len;
          }
        };
    Run run = assertTimeoutPreemptively(SLOW, () -> run(endless, "assess", "-"));
    assertRefusedCleanly(run, "<stdin>");
    assertThat(run.err()).contains("<stdin>:1:1: error: ").contains("[limit/size]");
  }

  @Test
  void fiveMebibytesOfSmallKeysFinishesWithANodeLimitFinding() throws IOException {
    StringBuilder sb = new StringBuilder(HEADER).append("residents:\n");
    int i = 0;
    while (true) {
      String line = "  k" + i + ": 1\n";
      if (sb.length() + line.length() > 5 * 1024 * 1024) {
        break;
      }
      sb.append(line);
      i++;
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    assertThat(bytes.length).isLessThanOrEqualTo(5 * 1024 * 1024).isGreaterThan(5_200_000);
    Path file = dir.resolve("keys.yaml");
    Files.write(file, bytes);
    Run run = assertTimeoutPreemptively(SLOW, () -> run("assess", file.toString()));
    assertRefusedCleanly(run, file.toString());
    // values counted: the root mapping, 3 header values, `residents`, then one per key; the
    // 250,001st is the value of k249995 on line 5 + 249,995, after "  k249995: "
    assertThat(run.err())
        .contains(file + ":250000:12: error: ")
        .contains("more than 250000 values")
        .contains("[limit/size]");
    assertThat(run.err().lines().count()).isEqualTo(2);
  }

  @Test
  void fiveMebibytesOfPartnersUnderTheNodeLimitIsScoredInTime() {
    StringBuilder sb = new StringBuilder(HEADER).append("partners:\n");
    int i = 0;
    while (true) {
      String line =
          "  - name: partner "
              + String.format(Locale.ROOT, "%06d", i)
              + " "
              + "x".repeat(60)
              + "\n";
      if (sb.length() + line.length() > 5 * 1024 * 1024) {
        break;
      }
      sb.append(line);
      i++;
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    int partners = i;
    Assessor.Outcome outcome =
        assertTimeoutPreemptively(
            SLOW, () -> new Assessor(RubricLoader.builtin()).assess("p.yaml", bytes, Language.EN));
    assertThat(outcome.errors()).isEmpty();
    assertThat(outcome.scored()).isTrue();
    assertThat(outcome.proposal().partners()).hasSize(partners);
    // each partner without a commitment is located
    Finding last = outcome.findings().get(outcome.findings().size() - 1);
    assertThat(last.rule()).isEqualTo("evidence/missing-commitment");
    assertThat(last.location().line()).isEqualTo(4 + partners);
    assertThat(last.location().column()).isEqualTo(5);
  }

  // ---------------------------------------------------------------------------------------------
  // depth

  @Test
  void tenThousandNestedBlockMappings() {
    StringBuilder sb = new StringBuilder();
    for (int d = 0; d < 10_000; d++) {
      sb.append(" ".repeat(d)).append("k:\n");
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    // with one space per level this is about 50 MB: the proposal reader refuses it on size ...
    List<Finding> findings = assertTimeoutPreemptively(QUICK, () -> read(bytes));
    assertAt(only(findings, "limit/size"), "limit/size", 1, 1);
    // ... and a reader with a larger byte limit stops at depth 65, without recursing
    YamlTreeReader reader = new YamlTreeReader(new YamlTreeReader.Limits(64L << 20, 64, 250_000));
    YamlTreeReader.Result r = assertTimeoutPreemptively(SLOW, () -> reader.read("h.yaml", bytes));
    assertThat(r.root()).isNull();
    assertThat(r.findings()).hasSize(1);
    Finding f = r.findings().get(0);
    assertThat(f.rule()).isEqualTo("limit/depth");
    assertThat(f.location().line()).isEqualTo(65);
    assertThat(f.location().column()).isEqualTo(65);
  }

  @Test
  void nestedBlockMappingsUnderTheSizeLimitStopAtDepth65() {
    StringBuilder sb = new StringBuilder();
    for (int d = 0; d < 3_000; d++) {
      sb.append(" ".repeat(d)).append("k:\n");
    }
    List<Finding> findings = assertTimeoutPreemptively(QUICK, () -> read(sb.toString()));
    assertThat(findings).hasSize(1);
    assertAt(findings.get(0), "limit/depth", 65, 65);
  }

  @Test
  void tenThousandNestedFlowSequences() {
    String open = HEADER + "x: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    List<Finding> findings = assertTimeoutPreemptively(QUICK, () -> read(open));
    assertThat(findings).hasSize(1);
    // the 65th level: the root mapping is 1, `x:` holds level 2 at column 4
    assertAt(findings.get(0), "limit/depth", 4, 4 + 63);
    String unclosed = HEADER + "x: " + "[".repeat(10_000) + "\n";
    List<Finding> unclosedFindings = assertTimeoutPreemptively(QUICK, () -> read(unclosed));
    assertThat(unclosedFindings).hasSize(1);
    assertAt(unclosedFindings.get(0), "limit/depth", 4, 67);
  }

  @Test
  void tenThousandNestedFlowMappingsAndCompactSequences() {
    String maps = HEADER + "x: " + "{a: ".repeat(10_000) + "1" + "}".repeat(10_000) + "\n";
    List<Finding> findings = assertTimeoutPreemptively(QUICK, () -> read(maps));
    assertThat(findings).hasSize(1);
    assertAt(findings.get(0), "limit/depth", 4, 4 + 4 * 63);
    String seqs = "- ".repeat(10_000) + "z\n";
    List<Finding> seqFindings = assertTimeoutPreemptively(QUICK, () -> read(seqs));
    assertThat(seqFindings).hasSize(1);
    assertAt(seqFindings.get(0), "limit/depth", 1, 1 + 2 * 64);
  }

  @Test
  void deepFlowSequencesThroughTheCli() throws IOException {
    Path file = dir.resolve("deep.yaml");
    Files.writeString(
        file,
        HEADER + "x: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n",
        StandardCharsets.UTF_8);
    Run run = assertTimeoutPreemptively(SLOW, () -> run("assess", file.toString()));
    assertRefusedCleanly(run, file.toString());
    assertThat(run.err()).contains(file + ":4:67: error: ").contains("[limit/depth]");
  }

  // ---------------------------------------------------------------------------------------------
  // aliases

  private static String billionLaughs() {
    StringBuilder sb = new StringBuilder(HEADER);
    sb.append("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char previous = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      sb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        sb.append(i == 0 ? "" : ",").append('*').append(previous);
      }
      sb.append("]\n");
      previous = c;
    }
    return sb.toString();
  }

  @Test
  void billionLaughsIsNotExpanded() {
    List<Finding> findings = assertTimeoutPreemptively(QUICK, () -> read(billionLaughs()));
    List<Finding> alias = findings.stream().filter(f -> f.rule().equals("yaml/alias")).toList();
    // 10 anchors and 9 x 9 aliases, each located, none expanded
    assertThat(alias).hasSize(10 + 81);
    assertAt(alias.get(0), "yaml/alias", 4, 4);
    assertThat(alias.get(0).message(Language.EN)).contains("&a");
    assertAt(alias.get(2), "yaml/alias", 5, 8);
    assertThat(alias.get(2).message(Language.EN)).contains("*a");
    assertThat(findings)
        .allMatch(f -> f.rule().equals("yaml/alias") || f.rule().equals("schema/unknown-key"));
  }

  @Test
  void billionLaughsThroughTheCli() throws IOException {
    Path file = dir.resolve("lol.yaml");
    Files.writeString(file, billionLaughs(), StandardCharsets.UTF_8);
    Run run = assertTimeoutPreemptively(SLOW, () -> run("assess", file.toString()));
    assertRefusedCleanly(run, file.toString());
    assertThat(run.err()).contains(file + ":4:4: error: an anchor (&a)").contains("[yaml/alias]");
  }

  // ---------------------------------------------------------------------------------------------
  // garbage

  @Test
  void binaryGarbageIsAnEncodingFinding() {
    byte[] garbage = new byte[1_000_000];
    new Random(42).nextBytes(garbage);
    List<Finding> findings = assertTimeoutPreemptively(QUICK, () -> read(garbage));
    assertThat(findings).hasSize(1);
    assertAt(findings.get(0), "encoding/not-utf8", 1, 2);
    assertThat(findings.get(0).message(Language.EN)).contains("0x9D");
  }

  @Test
  void binaryGarbageThroughTheCli() throws IOException {
    byte[] garbage = new byte[100_000];
    new Random(42).nextBytes(garbage);
    Path file = dir.resolve("garbage.yaml");
    Files.write(file, garbage);
    Run run = assertTimeoutPreemptively(SLOW, () -> run("assess", file.toString()));
    assertRefusedCleanly(run, file.toString());
    assertThat(run.err()).contains(file + ":1:2: error: byte 0x9D is not UTF-8");
  }

  @Test
  void randomYamlLikeTextAlwaysGivesALocatedError() {
    String alphabet = "abc:- []{}#&*!|>'\"\n\n\n  ,?%@`0123456789.\t";
    assertTimeoutPreemptively(
        SLOW,
        () -> {
          for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            char[] text = new char[2_000];
            for (int i = 0; i < text.length; i++) {
              text[i] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String s = new String(text);
            List<Finding> findings = read(s);
            long lines = s.lines().count();
            assertThat(findings).as("seed %d", seed).anyMatch(Finding::isError);
            for (Finding f : findings) {
              assertThat(f.location().line())
                  .as("seed %d: %s", seed, f)
                  .isBetween(1, (int) lines + 1);
              assertThat(f.location().column()).as("seed %d: %s", seed, f).isPositive();
              assertThat(f.message(Language.EN)).doesNotContain("{0}").isNotBlank();
            }
          }
        });
  }

  // ---------------------------------------------------------------------------------------------
  // numbers too large to hold

  @Test
  void hugeExponentInACount() {
    List<Finding> findings =
        assertTimeoutPreemptively(
            QUICK, () -> read(HEADER + "residents: {involved: 1e999999999}\n"));
    assertThat(findings).hasSize(1);
    assertAt(findings.get(0), "schema/type", 4, 23);
    assertThat(findings.get(0).message(Language.EN)).contains("1e999999999");
  }

  @Test
  void hugeExponentInAnAmount() {
    List<Finding> findings =
        assertTimeoutPreemptively(
            QUICK,
            () -> read(HEADER + "activities:\n  - name: Groen\n    current_cost: 1e999999999\n"));
    assertThat(findings).hasSize(1);
    assertAt(findings.get(0), "schema/type", 6, 19);
    assertThat(findings.get(0).message(Language.EN))
        .contains("1e999999999")
        .contains("cannot be read");
  }

  @Test
  void hugeExponentInAYearAmountAndInADecimal() {
    List<Finding> perYear =
        assertTimeoutPreemptively(
            QUICK,
            () ->
                read(
                    HEADER
                        + "revenue:\n  - source: x\n    status: contract\n"
                        + "    per_year: {2026: 1e999999999}\n"));
    assertAt(only(perYear, "schema/type"), "schema/type", 7, 22);
    List<Finding> fte =
        assertTimeoutPreemptively(
            QUICK, () -> read(HEADER + "employment:\n  - year: 2026\n    fte: 1e999999999\n"));
    assertAt(only(fte, "schema/type"), "schema/type", 6, 10);
  }

  @Test
  void hugeExponentThroughTheCli() throws IOException {
    Path file = dir.resolve("exp.yaml");
    Files.writeString(
        file,
        HEADER + "activities:\n  - name: Groen\n    current_cost: 1e999999999\n",
        StandardCharsets.UTF_8);
    Run run = assertTimeoutPreemptively(SLOW, () -> run("assess", file.toString()));
    assertRefusedCleanly(run, file.toString());
    assertThat(run.err()).contains(file + ":6:19: error: the number 1e999999999 cannot be read");
  }

  @Test
  void hundredThousandDigitAmount() {
    List<Finding> findings =
        assertTimeoutPreemptively(
            QUICK,
            () ->
                read(
                    HEADER
                        + "activities:\n  - name: Groen\n    current_cost: "
                        + "9".repeat(100_000)
                        + "\n"));
    assertThat(findings).hasSize(1);
    assertAt(findings.get(0), "schema/type", 6, 19);
  }
}
