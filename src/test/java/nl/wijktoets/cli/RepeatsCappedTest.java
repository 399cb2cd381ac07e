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
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors first, repeats capped: an input that cannot be scored shows its errors and only a count of
 * its warnings; in text output (assess, validate text and github) a rule is shown five times per
 * file and then counted; machine formats (JSON, SARIF, JUnit) keep every finding.
 */
class RepeatsCappedTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** A proposal with an anchor and a hundred aliases (101 yaml/alias errors). */
  private String hundredAliases() throws IOException {
    StringBuilder yaml =
        new StringBuilder(
            "version: 1\nname: Test\nneighbourhood: Moerwijk\nbase: &b x\npartners:\n");
    for (int i = 0; i < 100; i++) {
      yaml.append("  - name: *b\n    commitment: idee\n");
    }
    return write("aliases.yaml", yaml.toString());
  }

  /** One error (line 4) and every scored block missing: ten warnings and more. */
  private String oneErrorManyWarnings() throws IOException {
    return write(
        "one-error.yaml", "version: 1\nname: Test\nneighbourhood: Moerwijk\nstage: vlug\n");
  }

  private String write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file.toString();
  }

  private static List<String> withRule(List<String> lines, String rule) {
    return lines.stream().filter(l -> l.contains("[" + rule + "]")).toList();
  }

  @Test
  void aHundredAliasesAreSixLinesInAssess() throws IOException {
    String file = hundredAliases();
    Run en = run("assess", file, "--lang", "en");
    assertThat(en.code()).isEqualTo(3);
    List<String> aliases = withRule(en.errLines(), "yaml/alias");
    assertThat(aliases).hasSize(6);
    assertThat(aliases.get(5))
        .isEqualTo(file + ":14:11: error: and 96 more of this kind, up to line 204 [yaml/alias]");
    Run nl = run("assess", file, "--lang", "nl");
    assertThat(withRule(nl.errLines(), "yaml/alias").get(5))
        .isEqualTo(
            file + ":14:11: fout: en nog 96 van deze soort, tot en met regel 204 [yaml/alias]");
  }

  @Test
  void anInputThatCannotBeScoredShowsItsErrorsFirstAndCountsItsWarnings() throws IOException {
    String file = oneErrorManyWarnings();
    Run nl = run("assess", file, "--lang", "nl");
    assertThat(nl.code()).isEqualTo(3);
    assertThat(nl.errLines())
        .containsExactly(
            file
                + ":4:1: fout: onbekende waarde vlug voor stage; de toegestane waarden staan in"
                + " wijktoets explain stage [schema/enum]",
            file + ": en 11 waarschuwingen: wijktoets validate " + file + " toont ze",
            file + ": niet beoordeeld vanwege de fouten hierboven");
    Run en = run("assess", file, "--lang", "en");
    assertThat(en.errLines().get(0)).contains(": error: unknown value vlug for stage");
    assertThat(en.errLines().get(1))
        .isEqualTo(file + ": and 11 warnings: wijktoets validate " + file + " shows them");
    // the command it names shows them
    Run validate = run("validate", file, "--lang", "en", "-f", "json");
    assertThat(validate.json().get("files").get(0).get("findings")).hasSize(12);
    // quiet: no warnings, not even counted
    Run quiet = run("assess", file, "--lang", "en", "-q");
    assertThat(quiet.errLines()).hasSize(2).noneMatch(l -> l.contains("warning"));
  }

  @Test
  void oneWarningIsCountedInTheSingular() throws IOException {
    String file =
        write(
            "one-warning.yaml",
            "version: 1\nname: Test\nneighbourhood: Moerwijk\nstage: vlug\nbudget:\n"
                + "  - year: 2027\n    costs: 1000\nrevenue: []\nactivities: []\nemployment: []\n"
                + "partners: []\ngovernance: {}\nresident_groups: []\nassets: []\nresidents: {}\n"
                + "impact_indicators: []\nfounders: []\nunknown_key: 1\n");
    Run en = run("assess", file, "--lang", "en");
    List<String> counts =
        en.errLines().stream().filter(l -> l.contains("wijktoets validate")).toList();
    assertThat(counts).hasSize(1);
    assertThat(counts.get(0))
        .matches(".*: and (1 warning: .* shows it|\\d+ warnings: .* shows them)");
  }

  @Test
  void diffShowsErrorsFirstToo() throws IOException {
    String file = oneErrorManyWarnings();
    Run r = run("diff", file, "examples/moerwijk.yaml", "--lang", "en");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.errLines().get(0)).contains("[schema/enum]");
    assertThat(r.errLines().get(1)).contains("and 11 warnings: wijktoets validate");
  }

  @Test
  void aScoredInputWithManyWarningsOfOneRuleIsCappedToo() throws IOException {
    StringBuilder yaml = new StringBuilder("version: 1\nname: Test\nneighbourhood: Moerwijk\n");
    yaml.append("partners:\n");
    for (int i = 0; i < 12; i++) {
      yaml.append("  - name: P").append(i).append("\n    sector: welzijn\n");
    }
    String file = write("partners.yaml", yaml.toString());
    Run r = run("assess", file, "--lang", "en", "-o", dir.resolve("r.md").toString());
    assertThat(r.code()).isZero();
    List<String> missing = withRule(r.errLines(), "evidence/missing-commitment");
    assertThat(missing).hasSize(6);
    assertThat(missing.get(5))
        .endsWith(
            ": warning: and 7 more of this kind, up to line 27" + " [evidence/missing-commitment]");
  }

  @Test
  void validateTextAndGithubAreCappedMachineFormatsKeepEveryFinding() throws IOException {
    String file = hundredAliases();
    Run text = run("validate", file, "-q");
    assertThat(text.code()).isEqualTo(1);
    assertThat(withRule(text.lines(), "yaml/alias")).hasSize(6);
    Run github = run("validate", file, "-f", "github", "-q");
    List<String> annotations =
        github.lines().stream().filter(l -> l.contains("title=yaml/alias")).toList();
    assertThat(annotations).hasSize(6);
    assertThat(annotations.get(5)).endsWith("::and 96 more of this kind, up to line 204");

    JsonNode json = run("validate", file, "-f", "json", "-q").json();
    long aliasesInJson = 0;
    for (JsonNode f : json.get("files").get(0).get("findings")) {
      aliasesInJson += f.get("rule").asText().equals("yaml/alias") ? 1 : 0;
    }
    assertThat(aliasesInJson).isEqualTo(101);
    JsonNode sarif = JSON.readTree(run("validate", file, "-f", "sarif", "-q").out());
    long aliasesInSarif = 0;
    for (JsonNode result : sarif.get("runs").get(0).get("results")) {
      aliasesInSarif += result.get("ruleId").asText().equals("yaml/alias") ? 1 : 0;
    }
    assertThat(aliasesInSarif).isEqualTo(101);
    String junit = run("validate", file, "-f", "junit", "-q").out();
    assertThat(junit.split("er staat een alias|there is an alias|alias \\(", -1).length - 1)
        .isGreaterThanOrEqualTo(100);
    // the summary still counts every finding
    assertThat(text.err()).contains("101 error(s)");
  }
}
