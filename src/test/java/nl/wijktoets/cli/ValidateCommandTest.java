package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.wijktoets.source.Finding;
import nl.wijktoets.source.Rules;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * {@code wijktoets validate} in-process, as CI uses it: exit codes over many files, the located
 * one-line findings, and the json, sarif, junit and github formats.
 */
class ValidateCommandTest {

  static final List<String> EXAMPLES =
      List.of(
          "examples/bouwlust-vrederust.yaml",
          "examples/duindorp.yaml",
          "examples/moerwijk.yaml",
          "examples/schilderswijk.yaml",
          "examples/transvaal.yaml");

  /** A proposal with three errors (enum, negative amount, waiver without reason) and warnings. */
  static final String BROKEN =
      """
      version: 1
      name: Test
      neighbourhood: Moerwijk
      stage: flying
      legal_form: stichting
      partnrs: []
      revenue:
        - source: x
          type: subsidie
          status: contract
          per_year: {2026: -5}
      waivers:
        - criterion: community-assets
      """;

  /** Valid, but every scored block is missing: warnings only. */
  static final String WARNINGS_ONLY =
      """
      version: 1
      name: Test
      neighbourhood: Moerwijk
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** file:line:col: level: message [rule-id] */
  private static final Pattern FINDING_LINE =
      Pattern.compile("^(.+):(\\d+):(\\d+): (error|warning): (.+) \\[([a-z]+/[a-z0-9-]+)\\]$");

  static Run validate(List<String> files, String... options) {
    List<String> args = new ArrayList<>();
    args.add("validate");
    args.addAll(files);
    args.addAll(Arrays.asList(options));
    return run(args.toArray(String[]::new));
  }

  static Document xml(String text) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
  }

  static List<Element> elements(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  static Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }

  @TempDir Path dir;

  private String write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file.toString();
  }

  private String write(String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content);
    return file.toString();
  }

  // ---------------------------------------------------------------- rule ids

  @Test
  void ruleIdsAreStable() {
    // CI configurations and SARIF baselines refer to these ids: never rename or reorder them
    assertThat(Rules.ALL.stream().map(Rules.Rule::id).toList())
        .containsExactly(
            "yaml/syntax",
            "yaml/tab-indent",
            "yaml/alias",
            "yaml/duplicate-key",
            "yaml/multi-document",
            "encoding/not-utf8",
            "limit/size",
            "limit/depth",
            "schema/type",
            "schema/enum",
            "schema/unknown-key",
            "schema/required",
            "format/version",
            "amount/negative",
            "amount/unreadable",
            "amount/dutch-thousands",
            "amount/text",
            "waiver/no-reason",
            "waiver/not-waivable",
            "waiver/unknown-criterion",
            "waiver/empties-lesson",
            "waiver/has-data",
            "proposal/missing-block",
            "money/years-from-revenue",
            "money/no-years",
            "evidence/missing-status",
            "evidence/missing-commitment",
            "rubric/invalid",
            "rubric/warning",
            "config/unknown-key",
            "config/type",
            "config/enum",
            "config/version",
            "config/missing-path",
            "schema/number-text",
            "yaml/indentation",
            "proposal/example-value");
    assertThat(Rules.families())
        .containsExactly(
            "yaml",
            "encoding",
            "limit",
            "schema",
            "format",
            "amount",
            "waiver",
            "proposal",
            "money",
            "evidence",
            "rubric",
            "config");
    assertThat(Rules.byId("schema/unknown-key").level()).isEqualTo(Finding.Level.WARNING);
    assertThat(Rules.byId("amount/negative").level()).isEqualTo(Finding.Level.ERROR);
  }

  // ---------------------------------------------------------------- text and exit codes

  @Test
  void theFiveExamplesAreValid() {
    Run r = validate(EXAMPLES);
    assertThat(r.code()).isZero();
    assertThat(r.out()).doesNotContain(": error: ");
    // warnings are still printed, in the located one-line form
    assertThat(r.lines()).isNotEmpty().allMatch(l -> FINDING_LINE.matcher(l).matches());
    assertThat(r.lines()).allMatch(l -> l.startsWith("examples/duindorp.yaml:"));
    assertThat(r.err()).contains("wijktoets validate: 5 file(s), 0 error(s), 7 warning(s)");
  }

  @Test
  void brokenFileExitsOneAndPrintsEveryFinding() throws IOException {
    String file = write("broken.yaml", BROKEN);
    Run r = run("validate", file);
    assertThat(r.code()).isEqualTo(1);
    // 15 findings; of the ten missing blocks five are shown and the rest counted in one line
    assertThat(r.lines()).hasSize(11).allMatch(l -> FINDING_LINE.matcher(l).matches());
    assertThat(r.lines())
        .contains(file + ":1:1: warning: and 5 more of this kind [proposal/missing-block]");
    assertThat(r.lines()).allMatch(l -> l.startsWith(file + ":"));
    assertThat(r.lines())
        .contains(
            file
                + ":4:1: error: unknown value flying for stage; the allowed values are listed by"
                + " wijktoets explain stage [schema/enum]",
            file
                + ":6:1: warning: unknown key partnrs; did you mean partners? [schema/unknown-key]",
            file
                + ":11:22: error: the amount -5 is negative; amounts are euros per year, 0 or more"
                + " [amount/negative]",
            file
                + ":13:5: error: a waiver needs a reason: say why this criterion does not apply"
                + " [waiver/no-reason]");
    Set<String> rules =
        r.lines().stream()
            .map(FINDING_LINE::matcher)
            .filter(m -> m.matches())
            .map(m -> m.group(6))
            .collect(Collectors.toCollection(LinkedHashSet::new));
    assertThat(rules)
        .containsExactlyInAnyOrder(
            "proposal/missing-block",
            "schema/enum",
            "schema/unknown-key",
            "money/no-years",
            "amount/negative",
            "waiver/no-reason");
    assertThat(r.lines().stream().filter(l -> l.contains(": error: "))).hasSize(3);
    assertThat(r.err()).contains("1 file(s), 3 error(s), 12 warning(s)");
  }

  @Test
  void textAndJsonListTheSameFindings() throws IOException {
    String file = write("broken.yaml", BROKEN);
    // (no rule more than five times: text shows every finding; see RepeatsCappedTest)
    file = "examples/duindorp.yaml";
    List<String> text = run("validate", file).lines();
    JsonNode findings =
        run("validate", file, "-f", "json").json().get("files").get(0).get("findings");
    assertThat(findings).hasSize(text.size()).hasSize(7);
    for (int i = 0; i < text.size(); i++) {
      JsonNode f = findings.get(i);
      assertThat(text.get(i))
          .isEqualTo(
              f.get("file").asText()
                  + ":"
                  + f.get("line").asInt()
                  + ":"
                  + f.get("column").asInt()
                  + ": "
                  + f.get("level").asText()
                  + ": "
                  + f.get("message").asText()
                  + " ["
                  + f.get("rule").asText()
                  + "]");
    }
  }

  @Test
  void missingFileExitsThreeAndTheOtherFilesAreStillReported() throws IOException {
    String broken = write("broken.yaml", BROKEN);
    String missing = dir.resolve("nope.yaml").toString();
    Run r = run("validate", missing, broken, "examples/duindorp.yaml");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("cannot read " + missing + ": no such file");
    // the findings of the readable files are all there, in input order
    assertThat(r.lines().stream().filter(l -> l.startsWith(broken + ":"))).hasSize(11);
    assertThat(r.lines().stream().filter(l -> l.startsWith("examples/duindorp.yaml:"))).hasSize(7);
    assertThat(r.err())
        .contains("2 file(s) checked, 3 error(s), 19 warning(s); 1 could not be read");

    // the order of the files does not change the worst exit code
    assertThat(run("validate", broken, missing).code()).isEqualTo(3);
    assertThat(run("validate", broken, "examples/moerwijk.yaml").code()).isEqualTo(1);
  }

  @Test
  void folderIsUnreadableExitThree() throws IOException {
    Run r = run("validate", dir.toString(), "examples/moerwijk.yaml");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("cannot read " + dir + ": is a folder, not a file");
  }

  @Test
  void missingFileInJsonIsMarkedUnreadable() throws IOException {
    String broken = write("broken.yaml", BROKEN);
    String missing = dir.resolve("nope.yaml").toString();
    Run r = run("validate", broken, missing, "-f", "json");
    assertThat(r.code()).isEqualTo(3);
    JsonNode files = r.json().get("files");
    assertThat(files).hasSize(2);
    assertThat(files.get(0).get("file").asText()).isEqualTo(broken);
    assertThat(files.get(0).has("unreadable")).isFalse();
    assertThat(files.get(0).get("findings")).hasSize(15);
    assertThat(files.get(1).get("file").asText()).isEqualTo(missing);
    assertThat(files.get(1).get("unreadable").asText()).contains("no such file");
    assertThat(files.get(1).get("valid").asBoolean()).isFalse();
    assertThat(files.get(1).get("findings")).isEmpty();
  }

  @Test
  void strictMakesWarningsFail() throws IOException {
    String file = write("sparse.yaml", WARNINGS_ONLY);
    Run normal = run("validate", file);
    assertThat(normal.code()).isZero();
    // eleven missing blocks: five shown, the other six counted in one line
    assertThat(normal.lines()).hasSize(6).allMatch(l -> l.contains(": warning: "));

    Run strict = run("validate", file, "--strict");
    assertThat(strict.code()).isEqualTo(1);
    assertThat(strict.lines()).isEqualTo(normal.lines());

    assertThat(
            run("validate", file, "-f", "json").json().get("files").get(0).get("valid").asBoolean())
        .isTrue();
    assertThat(
            run("validate", file, "-f", "json", "--strict")
                .json()
                .get("files")
                .get(0)
                .get("valid")
                .asBoolean())
        .isFalse();

    // --strict on a file without any finding still passes
    assertThat(run("validate", "examples/moerwijk.yaml", "--strict").code()).isZero();
  }

  @Test
  void quietLeavesWarningsOut() throws IOException {
    String file = write("broken.yaml", BROKEN);
    Run r = run("validate", file, "-q");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.lines()).hasSize(3).allMatch(l -> l.contains(": error: "));
  }

  @Test
  void yamlSyntaxErrorIsAFinding() throws IOException {
    String file =
        write(
            "syntax.yaml",
            """
            version: 1
            name: [unclosed
            neighbourhood: X
            """);
    Run r = run("validate", file);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.lines()).hasSize(1);
    var m = FINDING_LINE.matcher(r.lines().get(0));
    assertThat(m.matches()).isTrue();
    assertThat(m.group(1)).isEqualTo(file);
    assertThat(Integer.parseInt(m.group(2))).isEqualTo(2); // where the [ opens
    assertThat(m.group(4)).isEqualTo("error");
    assertThat(m.group(5)).contains("is not closed with").doesNotContain("flow sequence");
    assertThat(m.group(6)).isEqualTo("yaml/syntax");
  }

  @Test
  void latin1ByteIsAnEncodingFindingNamingItsLine() throws IOException {
    byte[] latin1 =
        "version: 1\nname: \"Caf\u00e9\"\nneighbourhood: X\n".getBytes(StandardCharsets.ISO_8859_1);
    String file = write("latin1.yaml", latin1);
    Run r = run("validate", file);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.lines())
        .containsExactly(
            file
                + ":2:11: error: byte 0xE9 is not UTF-8; save the file as UTF-8 (in most editors:"
                + " Save as, encoding UTF-8) [encoding/not-utf8]");
  }

  @Test
  void fileOverTheLimitIsAFinding() throws IOException {
    int limit = 5 * 1024 * 1024;
    String file = write("big.yaml", proposalOfExactly(limit + 1));
    assertThat(Files.size(Path.of(file))).isEqualTo(5_242_881L);
    Run r = run("validate", file);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.lines()).hasSize(1);
    assertThat(r.lines().get(0)).startsWith(file + ":1:1: error: ").endsWith(" [limit/size]");
    assertThat(r.lines().get(0)).contains("5242880");
  }

  @Test
  void fileAtTheLimitIsAccepted() throws IOException {
    String file = write("at-limit.yaml", proposalOfExactly(5 * 1024 * 1024));
    assertThat(Files.size(Path.of(file))).isEqualTo(5_242_880L);
    Run r = run("validate", file, "-q");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
  }

  /** A valid minimal proposal padded with comment lines to exactly {@code size} bytes. */
  private static byte[] proposalOfExactly(int size) {
    StringBuilder s = new StringBuilder(WARNINGS_ONLY);
    String comment = "#" + "x".repeat(98) + "\n";
    while (s.length() + comment.length() <= size - 2) {
      s.append(comment);
    }
    s.append("#".repeat(size - s.length() - 1)).append('\n');
    byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
    assertThat(bytes).hasSize(size);
    return bytes;
  }

  @Test
  void standardInputIsNamedStdin() {
    Run r =
        run(
            new ByteArrayInputStream(BROKEN.getBytes(StandardCharsets.UTF_8)),
            "validate",
            "-",
            "-q");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.lines()).hasSize(3).allMatch(l -> l.startsWith("<stdin>:"));
  }

  @Test
  void outputFileGetsTheFindingsAndStdoutNothing() throws IOException {
    String file = write("broken.yaml", BROKEN);
    Path target = dir.resolve("findings.sarif");
    Run r = run("validate", file, "-f", "sarif", "-o", target.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(target).exists();
    String written = Files.readString(target, StandardCharsets.UTF_8);
    assertThat(written).isEqualTo(run("validate", file, "-f", "sarif").out());
    assertThat(JSON.readTree(written).get("version").asText()).isEqualTo("2.1.0");

    Path text = dir.resolve("findings.txt");
    Run t = run("validate", file, "-o", text.toString());
    assertThat(t.out()).isEmpty();
    assertThat(Files.readString(text, StandardCharsets.UTF_8).lines()).hasSize(11);
  }

  @Test
  void outputOverAnInputIsRefused() throws IOException {
    String file = write("broken.yaml", BROKEN);
    Run r = run("validate", file, "-o", file);
    assertThat(r.code()).isEqualTo(2);
    assertThat(Files.readString(Path.of(file), StandardCharsets.UTF_8)).isEqualTo(BROKEN);
  }

  @Test
  void textFindingStaysOnOneLine() throws IOException {
    String file =
        write("newline.yaml", WARNINGS_ONLY + "stage: \"fly\\n::error file=x::injected\"\n");
    Run r = run("validate", file, "-q");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.lines()).hasSize(1).allMatch(l -> FINDING_LINE.matcher(l).matches());
    assertThat(r.lines()).noneMatch(l -> l.startsWith("::"));
  }

  @Test
  void aliasGivesOnlyAliasFindings() throws IOException {
    String file = write("alias.yaml", "version: 1\nname: &a x\nneighbourhood: *a\n");
    Run r = run("validate", file, "-q");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.lines().stream().map(l -> l.substring(l.lastIndexOf('['))))
        .containsExactly("[yaml/alias]", "[yaml/alias]");
  }

  // ---------------------------------------------------------------- json

  @Nested
  class Json {
    @Test
    void findingsCarryEveryFieldAndASummary() throws IOException {
      String file = write("broken.yaml", BROKEN);
      Run r = run("validate", file, "examples/moerwijk.yaml", "-f", "json");
      assertThat(r.code()).isEqualTo(1);
      JsonNode root = r.json();
      assertThat(root.get("schemaVersion").asText()).isEqualTo("1");
      assertThat(root.get("tool").get("name").asText()).isEqualTo("wijktoets");
      JsonNode files = root.get("files");
      assertThat(files).hasSize(2);
      JsonNode broken = files.get(0);
      assertThat(broken.get("file").asText()).isEqualTo(file);
      assertThat(broken.get("errors").asInt()).isEqualTo(3);
      assertThat(broken.get("warnings").asInt()).isEqualTo(12);
      assertThat(broken.get("valid").asBoolean()).isFalse();
      assertThat(broken.get("findings")).hasSize(15);
      for (JsonNode f : broken.get("findings")) {
        assertThat(f.get("rule").asText()).matches("[a-z]+/[a-z0-9-]+");
        assertThat(Rules.ALL.stream().map(Rules.Rule::id)).contains(f.get("rule").asText());
        assertThat(f.get("level").asText()).isIn("error", "warning");
        assertThat(f.get("line").isInt()).isTrue();
        assertThat(f.get("line").asInt()).isPositive();
        assertThat(f.get("column").asInt()).isPositive();
        assertThat(f.get("path").isTextual()).isTrue();
        assertThat(f.get("message").asText()).isNotBlank();
        assertThat(f.get("file").asText()).isEqualTo(file);
      }
      JsonNode negative =
          stream(broken.get("findings"))
              .filter(f -> f.get("rule").asText().equals("amount/negative"))
              .findFirst()
              .orElseThrow();
      assertThat(negative.get("level").asText()).isEqualTo("error");
      assertThat(negative.get("line").asInt()).isEqualTo(11);
      assertThat(negative.get("column").asInt()).isEqualTo(22);
      assertThat(negative.get("path").asText()).isEqualTo("revenue[0].per_year.2026");

      JsonNode moerwijk = files.get(1);
      assertThat(moerwijk.get("valid").asBoolean()).isTrue();
      assertThat(moerwijk.get("findings")).isEmpty();

      JsonNode summary = root.get("summary");
      assertThat(summary.get("files").asInt()).isEqualTo(2);
      assertThat(summary.get("errors").asInt()).isEqualTo(3);
      assertThat(summary.get("warnings").asInt()).isEqualTo(12);
    }
  }

  // ---------------------------------------------------------------- sarif

  @Nested
  class Sarif {
    /** Line 4 holds two emoji (non-BMP: two UTF-16 units each) before the negative amount. */
    static final String EMOJI =
        """
        version: 1
        name: Test
        neighbourhood: Moerwijk
        revenue: [{source: "\uD83D\uDE00\uD83D\uDE00", type: subsidie, status: contract, per_year: {2026: -5}}]
        stage: flying
        """;

    @Test
    void structureRulesAndResults() throws IOException {
      String file = write("broken.yaml", BROKEN);
      Run r = run("validate", file, "examples/duindorp.yaml", "-f", "sarif");
      assertThat(r.code()).isEqualTo(1);
      JsonNode sarif = r.json();
      assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
      assertThat(sarif.get("runs")).hasSize(1);
      JsonNode run = sarif.get("runs").get(0);
      assertThat(run.get("tool").get("driver").get("name").asText()).isEqualTo("wijktoets");
      assertThat(run.get("columnKind").asText()).isEqualTo("unicodeCodePoints");

      JsonNode rules = run.get("tool").get("driver").get("rules");
      List<String> ids = stream(rules).map(n -> n.get("id").asText()).toList();
      assertThat(ids).doesNotHaveDuplicates();
      assertThat(ids).containsAll(Rules.ALL.stream().map(Rules.Rule::id).toList());
      for (JsonNode rule : rules) {
        assertThat(rule.get("shortDescription").get("text").asText()).isNotBlank();
        assertThat(rule.get("help").get("text").asText()).isNotBlank();
        Finding.Level level = Rules.byId(rule.get("id").asText()).level();
        assertThat(rule.get("defaultConfiguration").get("level").asText())
            .isEqualTo(level == Finding.Level.ERROR ? "error" : "warning");
      }

      // the results are the findings of the json format, in the same order
      JsonNode json = run("validate", file, "examples/duindorp.yaml", "-f", "json").json();
      List<JsonNode> findings =
          stream(json.get("files")).flatMap(f -> stream(f.get("findings"))).toList();
      JsonNode results = run.get("results");
      assertThat(results).hasSize(findings.size()).hasSize(22);
      for (int i = 0; i < results.size(); i++) {
        JsonNode res = results.get(i);
        JsonNode f = findings.get(i);
        String ruleId = res.get("ruleId").asText();
        assertThat(ruleId).isEqualTo(f.get("rule").asText());
        assertThat(rules.get(res.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(ruleId);
        assertThat(res.get("level").asText()).isEqualTo(f.get("level").asText());
        assertThat(res.get("message").get("text").asText()).isEqualTo(f.get("message").asText());
        JsonNode physical = res.get("locations").get(0).get("physicalLocation");
        assertThat(physical.get("artifactLocation").get("uri").asText()).isNotBlank();
        assertThat(physical.get("region").get("startLine").asInt())
            .isEqualTo(f.get("line").asInt());
        assertThat(physical.get("region").get("startColumn").asInt())
            .isEqualTo(f.get("column").asInt());
        assertThat(res.get("partialFingerprints").size()).isPositive();
      }
      // a relative path stays relative
      assertThat(
              stream(results)
                  .map(
                      res ->
                          res.get("locations")
                              .get(0)
                              .get("physicalLocation")
                              .get("artifactLocation")
                              .get("uri")
                              .asText()))
          .contains("examples/duindorp.yaml");
    }

    @Test
    void columnsCountCodePoints() throws IOException {
      String file = write("emoji.yaml", EMOJI);
      JsonNode res = resultOf(run("validate", file, "-f", "sarif").json(), "amount/negative");
      String line = EMOJI.lines().toList().get(3);
      int expected = line.codePointCount(0, line.indexOf("-5")) + 1;
      assertThat(expected).isEqualTo(77).isEqualTo(line.indexOf("-5") + 1 - 2);
      JsonNode region = res.get("locations").get(0).get("physicalLocation").get("region");
      assertThat(region.get("startLine").asInt()).isEqualTo(4);
      assertThat(region.get("startColumn").asInt()).isEqualTo(expected);
      // the text format counts the same way
      assertThat(run("validate", file, "-q").lines()).anyMatch(l -> l.startsWith(file + ":4:77: "));
    }

    @Test
    void fingerprintsSurviveLineMovesAndDifferPerRule() throws IOException {
      Path path = dir.resolve("moving.yaml");
      Files.writeString(path, EMOJI, StandardCharsets.UTF_8);
      JsonNode before = run("validate", path.toString(), "-f", "sarif").json();
      Files.writeString(path, "\n\n\n" + EMOJI, StandardCharsets.UTF_8);
      JsonNode after = run("validate", path.toString(), "-f", "sarif").json();

      for (String rule : List.of("amount/negative", "schema/enum")) {
        JsonNode a = resultOf(before, rule);
        JsonNode b = resultOf(after, rule);
        assertThat(startLine(b)).isEqualTo(startLine(a) + 3);
        assertThat(b.get("partialFingerprints")).isEqualTo(a.get("partialFingerprints"));
      }
      assertThat(resultOf(before, "amount/negative").get("partialFingerprints"))
          .isNotEqualTo(resultOf(before, "schema/enum").get("partialFingerprints"));
      // two findings of one rule at different places differ too
      List<JsonNode> missing =
          stream(before.get("runs").get(0).get("results"))
              .filter(r -> r.get("ruleId").asText().equals("proposal/missing-block"))
              .map(r -> r.get("partialFingerprints"))
              .toList();
      assertThat(missing).hasSizeGreaterThan(1).doesNotHaveDuplicates();
    }

    @Test
    void byteOrderMarkIsNotAColumnAndCrlfIsOneLineBreak() throws IOException {
      String crlf = "\uFEFF" + EMOJI.replace("\n", "\r\n").replace("version: 1", "version: 2");
      String file = write("bom.yaml", crlf);
      JsonNode sarif = run("validate", file, "-f", "sarif").json();
      JsonNode version =
          resultOf(sarif, "format/version").get("locations").get(0).get("physicalLocation");
      assertThat(version.get("region").get("startLine").asInt()).isEqualTo(1);
      assertThat(version.get("region").get("startColumn").asInt()).isEqualTo(10);
      JsonNode amount =
          resultOf(sarif, "amount/negative").get("locations").get(0).get("physicalLocation");
      assertThat(amount.get("region").get("startLine").asInt()).isEqualTo(4);
      assertThat(amount.get("region").get("startColumn").asInt()).isEqualTo(77);
    }

    @Test
    void unreadableFileIsInTheLog() {
      String missing = dir.resolve("nope.yaml").toString();
      Run r = run("validate", missing, "-f", "sarif");
      assertThat(r.code()).isEqualTo(3);
      JsonNode invocation;
      try {
        invocation = r.json().get("runs").get(0).path("invocations").path(0);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      assertThat(invocation.path("executionSuccessful").asBoolean(true)).isFalse();
      assertThat(invocation.path("toolExecutionNotifications").toString()).contains("nope.yaml");
    }

    private static int startLine(JsonNode result) {
      return result
          .get("locations")
          .get(0)
          .get("physicalLocation")
          .get("region")
          .get("startLine")
          .asInt();
    }

    private static JsonNode resultOf(JsonNode sarif, String rule) {
      return stream(sarif.get("runs").get(0).get("results"))
          .filter(r -> r.get("ruleId").asText().equals(rule))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no result for " + rule));
    }
  }

  // ---------------------------------------------------------------- junit

  @Nested
  class Junit {
    @Test
    void oneSuitePerFileOneCasePerRuleFamily() throws Exception {
      String broken = write("broken.yaml", BROKEN);
      String sparse = write("sparse.yaml", WARNINGS_ONLY);
      List<String> files = List.of(broken, sparse, "examples/duindorp.yaml");
      Run r = validate(files, "-f", "junit");
      assertThat(r.code()).isEqualTo(1);
      Element root = xml(r.out()).getDocumentElement();
      assertThat(root.getTagName()).isEqualTo("testsuites");
      List<Element> suites = elements(root, "testsuite");
      assertThat(suites).hasSize(3);
      int families = Rules.families().size();
      JsonNode json = validate(files, "-f", "json").json();
      long testsSum = 0;
      long failuresSum = 0;
      for (int i = 0; i < suites.size(); i++) {
        Element suite = suites.get(i);
        assertThat(suite.getAttribute("name")).isEqualTo(files.get(i));
        assertThat(Integer.parseInt(suite.getAttribute("tests"))).isEqualTo(families);
        List<Element> cases = elements(suite, "testcase");
        assertThat(cases.stream().map(c -> c.getAttribute("name")).toList())
            .isEqualTo(Rules.families());
        long failingFamilies =
            stream(json.get("files").get(i).get("findings"))
                .filter(f -> f.get("level").asText().equals("error"))
                .map(f -> Rules.family(f.get("rule").asText()))
                .distinct()
                .count();
        assertThat(Long.parseLong(suite.getAttribute("failures"))).isEqualTo(failingFamilies);
        assertThat(elements(suite, "failure")).hasSize((int) failingFamilies);
        testsSum += Long.parseLong(suite.getAttribute("tests"));
        failuresSum += Long.parseLong(suite.getAttribute("failures"));
      }
      assertThat(suites.get(0).getAttribute("failures")).isEqualTo("3");
      assertThat(suites.get(1).getAttribute("failures")).isEqualTo("0");
      assertThat(suites.get(2).getAttribute("failures")).isEqualTo("0");
      assertThat(Long.parseLong(root.getAttribute("tests"))).isEqualTo(testsSum).isEqualTo(36);
      assertThat(Long.parseLong(root.getAttribute("failures"))).isEqualTo(failuresSum).isEqualTo(3);

      // the failures sit in the families of the errors, typed by rule id
      List<String> failing =
          elements(suites.get(0), "failure").stream()
              .map(
                  f ->
                      ((Element) f.getParentNode()).getAttribute("name")
                          + "="
                          + f.getAttribute("type"))
              .toList();
      assertThat(failing)
          .containsExactly(
              "schema=schema/enum", "amount=amount/negative", "waiver=waiver/no-reason");
    }

    @Test
    void strictCountsWarningFamilies() throws Exception {
      String sparse = write("sparse.yaml", WARNINGS_ONLY);
      Run r = run("validate", sparse, "-f", "junit", "--strict");
      assertThat(r.code()).isEqualTo(1);
      Element suite = elements(xml(r.out()).getDocumentElement(), "testsuite").get(0);
      assertThat(suite.getAttribute("failures")).isEqualTo("1");
      assertThat(elements(suite, "failure").get(0).getAttribute("type"))
          .isEqualTo("proposal/missing-block");
    }

    @Test
    void controlCharactersStillGiveWellFormedXml() throws Exception {
      String file = write("ctl.yaml", WARNINGS_ONLY + "stage: \"a\\x01b\\x1bc\"\n");
      Run r = run("validate", file, "-q", "-f", "junit");
      assertThat(r.code()).isEqualTo(1);
      Element root = xml(r.out()).getDocumentElement();
      assertThat(elements(root, "failure")).hasSize(1);
    }

    @Test
    void unreadableFileIsAnError() throws Exception {
      String missing = dir.resolve("nope.yaml").toString();
      Run r = run("validate", "examples/moerwijk.yaml", missing, "-f", "junit");
      assertThat(r.code()).isEqualTo(3);
      Element root = xml(r.out()).getDocumentElement();
      assertThat(root.getAttribute("errors")).isEqualTo("1");
      List<Element> suites = elements(root, "testsuite");
      assertThat(suites).hasSize(2);
      assertThat(suites.get(1).getAttribute("name")).isEqualTo(missing);
      assertThat(suites.get(1).getAttribute("errors")).isEqualTo("1");
      assertThat(elements(suites.get(1), "error").get(0).getAttribute("message"))
          .contains("no such file");
    }
  }

  // ---------------------------------------------------------------- github

  @Nested
  class Github {
    @Test
    void exactWorkflowCommands() throws IOException {
      String file = write("broken.yaml", BROKEN);
      String prop = file.replace("%", "%25").replace(":", "%3A").replace(",", "%2C");
      Run r = run("validate", file, "-f", "github", "-q");
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.lines())
          .containsExactly(
              "::error file="
                  + prop
                  + ",line=4,col=1,title=schema/enum::unknown value flying for stage; the"
                  + " allowed values are listed by wijktoets explain stage",
              "::error file="
                  + prop
                  + ",line=11,col=22,title=amount/negative::the amount -5 is negative; amounts"
                  + " are euros per year, 0 or more",
              "::error file="
                  + prop
                  + ",line=13,col=5,title=waiver/no-reason::a waiver needs a reason: say why"
                  + " this criterion does not apply");

      Run all = run("validate", file, "-f", "github");
      assertThat(all.lines()).hasSize(11);
      assertThat(all.lines())
          .contains(
              "::warning file="
                  + prop
                  + ",line=6,col=1,title=schema/unknown-key::unknown key partnrs; did you mean"
                  + " partners?");
    }

    @Test
    void fileNameAndMessageAreEscaped() throws IOException {
      String file = write("a,b:c.yaml", BROKEN.replace("stage: flying", "stage: \"50%\""));
      Run r = run("validate", file, "-f", "github", "-q");
      assertThat(r.code()).isEqualTo(1);
      String enumLine =
          r.lines().stream().filter(l -> l.contains("title=schema/enum")).findFirst().orElseThrow();
      String dirProp = dir.toString().replace("%", "%25").replace(":", "%3A").replace(",", "%2C");
      assertThat(enumLine)
          .startsWith(
              "::error file=" + dirProp + "/a%2Cb%3Ac.yaml,line=4,col=1,title=schema/enum::")
          .contains("unknown value 50%25 for stage")
          .doesNotContain("a,b:c");
      // the message part after :: escapes only %, CR and LF
      String message = enumLine.substring(enumLine.indexOf("::", 2) + 2);
      assertThat(message).contains("wijktoets explain stage").doesNotContain("\"50%\"");
    }

    @Test
    void unreadableFileIsAnError() {
      Run r = run("validate", dir.resolve("nope.yaml").toString(), "-f", "github");
      assertThat(r.code()).isEqualTo(3);
      assertThat(r.lines()).hasSize(1);
      assertThat(r.lines().get(0))
          .startsWith("::error file=")
          .endsWith("nope.yaml::cannot read " + dir.resolve("nope.yaml") + ": no such file");
    }
  }

  @Test
  void dutchMessagesWithLangNlKeepTheRuleIds() throws IOException {
    String file = write("broken.yaml", BROKEN);
    Run nl = run("validate", file, "--lang", "nl", "-q");
    assertThat(nl.code()).isEqualTo(1);
    assertThat(nl.lines()).hasSize(3).allMatch(l -> l.contains(": fout: "));
    assertThat(nl.lines().stream().map(l -> l.substring(l.lastIndexOf('['))))
        .containsExactly("[schema/enum]", "[amount/negative]", "[waiver/no-reason]");
    assertThat(nl.err()).doesNotContain("error(s)");
  }
}
