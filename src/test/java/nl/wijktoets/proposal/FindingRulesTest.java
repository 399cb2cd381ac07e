package nl.wijktoets.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.i18n.Messages;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.source.Finding;
import nl.wijktoets.source.YamlTreeReader;
import org.junit.jupiter.api.Test;

/**
 * One test per finding rule id of the proposal format: each reads a small proposal and checks the
 * finding's rule, level, line and column, and that its message reads as a sentence in Dutch and
 * English (no unresolved message key, no unfilled placeholder).
 */
class FindingRulesTest {

  private static final String HEADER =
      """
      version: 1
      name: Test
      neighbourhood: Moerwijk
      """;

  // ---------------------------------------------------------------------------------------------
  // helpers

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The reader alone: decoding, YAML, schema and format rules. */
  private static List<Finding> read(String yaml) {
    return ProposalReader.read("p.yaml", utf8(yaml)).findings();
  }

  /** Reader plus the checks that need the rubric (waivers, missing blocks, years). */
  private static List<Finding> check(String yaml) {
    return new Assessor(RubricLoader.builtin()).check("p.yaml", utf8(yaml)).findings();
  }

  /** The one finding of a rule (fails when there are none or several). */
  private static Finding only(List<Finding> findings, String rule) {
    List<Finding> matching = findings.stream().filter(f -> f.rule().equals(rule)).toList();
    assertThat(matching).as("findings with rule %s among %s", rule, findings).hasSize(1);
    return matching.get(0);
  }

  private static Finding assertFinding(
      Finding f, String rule, Finding.Level level, int line, int column) {
    assertThat(f.rule()).isEqualTo(rule);
    assertThat(f.level()).as("level of %s", f).isEqualTo(level);
    assertThat(f.location().file()).isEqualTo("p.yaml");
    assertThat(f.location().line()).as("line of %s", f).isEqualTo(line);
    assertThat(f.location().column()).as("column of %s", f).isEqualTo(column);
    assertSentences(f);
    return f;
  }

  /** Both messages are real text: resolved keys and placeholders, and really translated. */
  static void assertSentences(Finding f) {
    String nl = f.message(Language.NL);
    String en = f.message(Language.EN);
    for (String m : List.of(nl, en)) {
      assertThat(m)
          .as("message of %s", f)
          .isNotBlank()
          .isNotEqualTo(f.messageKey())
          .doesNotContainPattern("\\bfinding\\.[a-z]")
          .doesNotContainPattern("\\{\\d+}")
          .doesNotContain("@expect")
          .doesNotContain("``")
          .doesNotContain("null");
      assertThat(m.split("\\s+").length).as("words in: %s", m).isGreaterThanOrEqualTo(4);
    }
    assertThat(nl).as("Dutch and English messages of %s", f).isNotEqualTo(en);
    assertThat(f.format(Language.EN))
        .startsWith(f.location() + ": " + f.level().id() + ": ")
        .endsWith(" [" + f.rule() + "]");
  }

  // ---------------------------------------------------------------------------------------------
  // YAML

  @Test
  void yamlSyntaxMissingColon() {
    List<Finding> findings =
        read(
            """
            version: 1
            name Test
            neighbourhood: Moerwijk
            """);
    // SnakeYAML notices the missing colon where the next key starts; the finding is on the line
    // without the colon, where the colon belongs, in plain words
    Finding f =
        assertFinding(only(findings, "yaml/syntax"), "yaml/syntax", Finding.Level.ERROR, 2, 5);
    assertThat(f.message(Language.EN))
        .contains("colon after")
        .contains("name: Test")
        .doesNotContain("expected ':'");
    assertThat(f.message(Language.NL)).contains("dubbele punt na").contains("name: Test");
  }

  @Test
  void yamlSyntaxUnclosedFlowSequence() {
    List<Finding> findings =
        read(
            """
            version: 1
            name: [De Handen
            neighbourhood: Moerwijk
            """);
    // where the [ opens, not the next line where the parser got stuck
    assertFinding(only(findings, "yaml/syntax"), "yaml/syntax", Finding.Level.ERROR, 2, 7);
    assertThat(findings).hasSize(1);
  }

  @Test
  void tabIndentIsAnErrorThatSaysSo() {
    List<Finding> findings = read(HEADER + "residents:\n\tinvolved: 5\n");
    Finding f =
        assertFinding(
            only(findings, "yaml/tab-indent"), "yaml/tab-indent", Finding.Level.ERROR, 5, 1);
    assertThat(f.message(Language.EN)).contains("tab").contains("spaces");
    assertThat(f.message(Language.NL)).contains("tab").contains("spaties");
  }

  @Test
  void tabAfterSpacesInIndentationIsReportedAtItsColumn() {
    List<Finding> findings = read(HEADER + "residents:\n  \tinvolved: 5\n");
    assertFinding(only(findings, "yaml/tab-indent"), "yaml/tab-indent", Finding.Level.ERROR, 5, 3);
  }

  @Test
  void tabInsideAValueIsNotIndentation() {
    assertThat(read("version: 1\nname: De\tHanden\nneighbourhood: Moerwijk\n")).isEmpty();
  }

  @Test
  void aliasAndAnchorAreErrors() {
    List<Finding> findings =
        read(
            HEADER
                + """
                residents: &r
                  involved: 5
                volunteers: *r
                """);
    List<Finding> alias = findings.stream().filter(f -> f.rule().equals("yaml/alias")).toList();
    assertThat(alias).hasSize(2);
    Finding anchor = assertFinding(alias.get(0), "yaml/alias", Finding.Level.ERROR, 4, 12);
    assertThat(anchor.message(Language.EN)).contains("&r");
    Finding use = assertFinding(alias.get(1), "yaml/alias", Finding.Level.ERROR, 6, 13);
    assertThat(use.message(Language.EN)).contains("*r").contains("write the value out");
    assertThat(use.path()).isEqualTo("volunteers");
  }

  @Test
  void anchorOnAScalarIsAnError() {
    List<Finding> findings = read(HEADER + "residents:\n  involved: &n 5\n");
    assertFinding(only(findings, "yaml/alias"), "yaml/alias", Finding.Level.ERROR, 5, 13);
  }

  @Test
  void aliasAsAListItemGivesOnlyTheAliasFinding() {
    List<Finding> findings =
        read(
            HEADER
                + """
                partners:
                  - &p
                    name: Stadsdeel Escamp
                  - *p
                """);
    assertThat(findings).extracting(Finding::rule).containsExactly("yaml/alias", "yaml/alias");
    findings.forEach(FindingRulesTest::assertSentences);
  }

  @Test
  void duplicateKey() {
    List<Finding> findings = read(HEADER + "name: Again\n");
    Finding f =
        assertFinding(
            only(findings, "yaml/duplicate-key"), "yaml/duplicate-key", Finding.Level.ERROR, 4, 1);
    assertThat(f.message(Language.EN)).contains("name").contains("first on line 2");
    assertThat(f.message(Language.NL)).contains("name").contains("eerst op regel 2");
    assertThat(f.path()).isEqualTo("name");
  }

  @Test
  void duplicateKeyInANestedBlock() {
    List<Finding> findings =
        read(
            HEADER
                + """
                residents:
                  involved: 5
                  members: 10
                  involved: 6
                """);
    Finding f =
        assertFinding(
            only(findings, "yaml/duplicate-key"), "yaml/duplicate-key", Finding.Level.ERROR, 7, 3);
    assertThat(f.message(Language.EN)).contains("involved").contains("first on line 5");
    assertThat(f.path()).isEqualTo("residents.involved");
  }

  @Test
  void secondDocumentIsAnError() {
    List<Finding> findings = read(HEADER + "---\nversion: 1\n");
    Finding f =
        assertFinding(
            only(findings, "yaml/multi-document"),
            "yaml/multi-document",
            Finding.Level.ERROR,
            5,
            1);
    assertThat(f.message(Language.EN)).contains("second YAML document");
  }

  @Test
  void documentEndMarkerAloneIsFine() {
    assertThat(read(HEADER + "...\n")).isEmpty();
  }

  @Test
  void emptySecondDocumentPointsAtItsMarker() {
    List<Finding> findings = read(HEADER + "---\n");
    assertFinding(
        only(findings, "yaml/multi-document"), "yaml/multi-document", Finding.Level.ERROR, 4, 1);
  }

  // ---------------------------------------------------------------------------------------------
  // encoding

  @Test
  void latin1ByteIsNotUtf8AndNamesItsLineAndColumn() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(utf8("version: 1\nname: Test\nneighbourhood: Caf"));
    bytes.write(0xE9); // é in ISO-8859-1
    bytes.writeBytes(utf8(" Moerwijk\n"));
    List<Finding> findings = ProposalReader.read("p.yaml", bytes.toByteArray()).findings();
    Finding f =
        assertFinding(
            only(findings, "encoding/not-utf8"), "encoding/not-utf8", Finding.Level.ERROR, 3, 19);
    assertThat(f.message(Language.EN)).contains("0xE9").contains("UTF-8");
    assertThat(findings).hasSize(1);
  }

  @Test
  void notUtf8ColumnCountsCharactersNotBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // "name: Buurtcoöperatie Caf" is 25 characters but 26 bytes
    bytes.writeBytes(utf8("version: 1\nname: Buurtcoöperatie Caf"));
    bytes.write(0xE9);
    bytes.writeBytes(utf8("\nneighbourhood: Moerwijk\n"));
    List<Finding> findings = ProposalReader.read("p.yaml", bytes.toByteArray()).findings();
    assertFinding(
        only(findings, "encoding/not-utf8"), "encoding/not-utf8", Finding.Level.ERROR, 2, 26);
  }

  @Test
  void utf16WithoutBomIsRefusedWithAHint() {
    byte[] bytes = "version: 1\n".getBytes(StandardCharsets.UTF_16LE);
    List<Finding> findings = ProposalReader.read("p.yaml", bytes).findings();
    Finding f =
        assertFinding(
            only(findings, "encoding/not-utf8"), "encoding/not-utf8", Finding.Level.ERROR, 1, 2);
    assertThat(f.message(Language.EN)).contains("NUL").contains("UTF-16");
  }

  @Test
  void invalidUtf16SequenceIsLocatedInCharacters() {
    for (Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      boolean le = cs.equals(StandardCharsets.UTF_16LE);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      bytes.writeBytes(
          le ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF});
      bytes.writeBytes("version: 1\nname: ab".getBytes(cs));
      // a lone low surrogate
      bytes.writeBytes(le ? new byte[] {0x00, (byte) 0xDC} : new byte[] {(byte) 0xDC, 0x00});
      bytes.writeBytes("cd\n".getBytes(cs));
      List<Finding> findings = ProposalReader.read("p.yaml", bytes.toByteArray()).findings();
      assertFinding(
          only(findings, "encoding/not-utf8"), "encoding/not-utf8", Finding.Level.ERROR, 2, 9);
    }
  }

  @Test
  void invalidUtf16SequenceIsAnEncodingFindingOnItsLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
    bytes.writeBytes("version: 1\nname: ab".getBytes(StandardCharsets.UTF_16LE));
    bytes.writeBytes(new byte[] {0x00, (byte) 0xDC});
    List<Finding> findings = ProposalReader.read("p.yaml", bytes.toByteArray()).findings();
    Finding f = only(findings, "encoding/not-utf8");
    assertThat(f.level()).isEqualTo(Finding.Level.ERROR);
    assertThat(f.location().line()).isEqualTo(2);
    assertThat(f.message(Language.EN)).contains("UTF-16");
    assertSentences(f);
  }

  @Test
  void utf8WithBomAndCrlfIsAcceptedWithoutFindings() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bytes.writeBytes(
        utf8(
            "version: 1\r\nname: Buurtcoöperatie Café\r\nneighbourhood: Moerwijk\r\n"
                + "residents:\r\n  involved: 5\r\n"));
    ProposalReader.Result r = ProposalReader.read("p.yaml", bytes.toByteArray());
    assertThat(r.findings()).isEmpty();
    assertThat(r.proposal().name()).isEqualTo("Buurtcoöperatie Café");
    assertThat(r.proposal().neighbourhood()).isEqualTo("Moerwijk");
    assertThat(r.proposal().locate("residents.involved"))
        .hasValueSatisfying(
            at -> {
              assertThat(at.line()).isEqualTo(5);
              assertThat(at.column()).isEqualTo(3);
            });
  }

  @Test
  void crlfFindingsHaveTheSameLocationsAsLf() {
    String lf = HEADER + "residents:\n  involved: twelve\n";
    Finding withLf = only(read(lf), "schema/type");
    Finding withCrlf = only(read(lf.replace("\n", "\r\n")), "schema/type");
    assertThat(withCrlf.location()).isEqualTo(withLf.location());
    assertThat(withCrlf.message(Language.EN)).isEqualTo(withLf.message(Language.EN));
  }

  @Test
  void utf16WithBomIsDecodedAndScoresTheSameAsUtf8() throws Exception {
    byte[] utf8 = Files.readAllBytes(Path.of("examples/moerwijk.yaml"));
    String text = new String(utf8, StandardCharsets.UTF_8);
    Assessor assessor = new Assessor(RubricLoader.builtin());
    Assessor.Outcome base = assessor.assess("p.yaml", utf8, Language.EN);
    assertThat(base.scored()).isTrue();
    for (Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      if (cs.equals(StandardCharsets.UTF_16LE)) {
        bytes.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
      } else {
        bytes.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF});
      }
      bytes.writeBytes(text.getBytes(cs));
      Assessor.Outcome o = assessor.assess("p.yaml", bytes.toByteArray(), Language.EN);
      assertThat(o.scored()).as(cs.name()).isTrue();
      assertThat(o.proposal().name()).isEqualTo(base.proposal().name());
      assertThat(o.assessment().total()).as(cs.name()).isEqualTo(base.assessment().total());
      assertThat(o.assessment().band().id()).isEqualTo(base.assessment().band().id());
      assertThat(o.assessment().lessons().stream().map(Assessment.LessonResult::score).toList())
          .isEqualTo(
              base.assessment().lessons().stream().map(Assessment.LessonResult::score).toList());
      assertThat(o.findings()).isEqualTo(base.findings());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // limits

  @Test
  void sizeLimitIsCheckedOnTheBytes() {
    StringBuilder sb = new StringBuilder(HEADER);
    while (sb.length() <= YamlTreeReader.Limits.PROPOSAL.maxBytes()) {
      sb.append("# padding padding padding padding padding padding padding padding\n");
    }
    byte[] bytes = utf8(sb.toString());
    assertThat(bytes.length).isGreaterThan(5_242_880);
    List<Finding> findings = ProposalReader.read("p.yaml", bytes).findings();
    Finding f =
        assertFinding(only(findings, "limit/size"), "limit/size", Finding.Level.ERROR, 1, 1);
    assertThat(f.message(Language.EN)).contains("5242880");
    assertThat(findings).hasSize(1);
  }

  @Test
  void exactlyFiveMebibytesIsNotTooLarge() {
    StringBuilder sb = new StringBuilder(HEADER);
    String pad = "# padding padding padding padding padding padding padding padding\n";
    while (sb.length() + pad.length() <= 5_242_880) {
      sb.append(pad);
    }
    sb.append("#".repeat(5_242_880 - sb.length() - 1)).append('\n');
    byte[] bytes = utf8(sb.toString());
    assertThat(bytes).hasSize(5_242_880);
    assertThat(ProposalReader.read("p.yaml", bytes).findings()).isEmpty();
  }

  /** A mapping chain whose deepest mapping is at the given depth (the root mapping is 1). */
  private static String nested(int depth) {
    StringBuilder sb = new StringBuilder(HEADER).append("x:\n");
    for (int d = 2; d < depth; d++) {
      sb.append("  ".repeat(d - 1)).append("k:\n");
    }
    sb.append("  ".repeat(depth - 1)).append("leaf: 1\n");
    return sb.toString();
  }

  @Test
  void depthSixtyFourIsAllowed() {
    List<Finding> findings = read(nested(64));
    assertThat(findings).noneMatch(f -> f.rule().startsWith("limit/"));
    assertThat(findings).extracting(Finding::rule).containsExactly("schema/unknown-key");
  }

  @Test
  void depthSixtyFiveIsAnError() {
    List<Finding> findings = read(nested(65));
    // the 65th mapping starts at its first key: line 4 + 64, column 2 * 64 + 1
    Finding f =
        assertFinding(only(findings, "limit/depth"), "limit/depth", Finding.Level.ERROR, 68, 129);
    assertThat(f.message(Language.EN)).contains("64");
  }

  // ---------------------------------------------------------------------------------------------
  // schema

  @Test
  void wrongTypeIsAnError() {
    List<Finding> findings = read(HEADER + "residents:\n  involved: twelve\n");
    Finding f =
        assertFinding(only(findings, "schema/type"), "schema/type", Finding.Level.ERROR, 5, 3);
    assertThat(f.path()).isEqualTo("residents.involved");
    assertThat(f.message(Language.EN))
        .contains("involved")
        .contains("whole number")
        .contains("twelve");
  }

  @Test
  void decimalCountIsATypeError() {
    List<Finding> findings = read(HEADER + "volunteers:\n  count: 3.5\n");
    Finding f =
        assertFinding(only(findings, "schema/type"), "schema/type", Finding.Level.ERROR, 5, 3);
    assertThat(f.message(Language.EN)).contains("count").contains("3.5");
  }

  @Test
  void onIsTextNotABoolean() {
    List<Finding> findings = read(HEADER + "governance:\n  members_meeting: on\n");
    Finding f =
        assertFinding(only(findings, "schema/type"), "schema/type", Finding.Level.ERROR, 5, 3);
    assertThat(f.message(Language.EN)).contains("members_meeting").contains("on");
  }

  @Test
  void jaAndNeeAreBooleans() {
    assertThat(read(HEADER + "governance:\n  members_meeting: ja\n  profit_reinvested: Nee\n"))
        .isEmpty();
  }

  @Test
  void unknownEnumValueNamesTheNearestWord() {
    List<Finding> findings = read(HEADER + "legal_form: stichtng\n");
    Finding f =
        assertFinding(only(findings, "schema/enum"), "schema/enum", Finding.Level.ERROR, 4, 1);
    assertThat(f.path()).isEqualTo("legal_form");
    assertThat(f.message(Language.EN))
        .contains("stichtng")
        .contains("legal_form")
        .contains("did you mean stichting?")
        .contains("wijktoets explain legal_form")
        .doesNotContain("foundation");
    assertThat(f.message(Language.NL)).contains("onbekende waarde").contains("stichting");
  }

  @Test
  void dutchSynonymsAreAcceptedCaseAndAccentInsensitively() {
    assertThat(
            read(
                HEADER
                    + """
                    legal_form: Cooperatie U.A.
                    stage: In Oprichting
                    partners:
                      - name: X
                        sector: Woningcorporatie
                        role: opdrachtgever
                        commitment: INTENTIEVERKLARING
                    """))
        .isEmpty();
  }

  @Test
  void enumMessageForStageSaysWhereTheValuesAre() {
    Finding f = only(read(HEADER + "stage: opgericht\n"), "schema/enum");
    assertThat(f.message(Language.EN))
        .isEqualTo(
            "unknown value opgericht for stage; the allowed values are listed by wijktoets"
                + " explain stage");
  }

  @Test
  void unknownKeySuggestsTheNearestKnownKey() {
    List<Finding> findings = read(HEADER + "partner:\n  - name: Stadsdeel Escamp\n");
    Finding f =
        assertFinding(
            only(findings, "schema/unknown-key"),
            "schema/unknown-key",
            Finding.Level.WARNING,
            4,
            1);
    assertThat(f.path()).isEqualTo("partner");
    assertThat(f.message(Language.EN)).contains("partner").contains("did you mean partners");
    assertThat(f.message(Language.NL)).contains("bedoelt u partners");
  }

  @Test
  void unknownKeyInANestedBlockSuggestsFromThatBlock() {
    List<Finding> findings = read(HEADER + "residents:\n  involvd: 5\n");
    Finding f =
        assertFinding(
            only(findings, "schema/unknown-key"),
            "schema/unknown-key",
            Finding.Level.WARNING,
            5,
            3);
    assertThat(f.message(Language.EN)).contains("did you mean involved");
  }

  @Test
  void unknownKeyFarFromAnyKnownKeyListsTheKnownKeys() {
    Finding f = only(read(HEADER + "residents:\n  zzzzzzzzzz: 5\n"), "schema/unknown-key");
    assertFinding(f, "schema/unknown-key", Finding.Level.WARNING, 5, 3);
    assertThat(f.message(Language.EN)).doesNotContain("did you mean").contains("involved, members");
  }

  @Test
  void missingRequiredKeyIsAnError() {
    List<Finding> findings = read("version: 1\nname: Test\n");
    List<Finding> required =
        findings.stream().filter(f -> f.rule().equals("schema/required")).toList();
    assertThat(required).isNotEmpty();
    Finding f = assertFinding(required.get(0), "schema/required", Finding.Level.ERROR, 1, 1);
    assertThat(f.message(Language.EN)).contains("neighbourhood").contains("missing");
    assertThat(f.message(Language.NL)).contains("neighbourhood").contains("ontbreekt");
  }

  @Test
  void missingRequiredKeyIsReportedOnce() {
    assertThat(read("version: 1\nneighbourhood: Moerwijk\n")).hasSize(1);
  }

  @Test
  void emptyRequiredKeyIsAnError() {
    List<Finding> findings = read("version: 1\nname: \"\"\nneighbourhood: Moerwijk\n");
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.rule()).isIn("schema/required", "schema/type");
    assertThat(f.level()).isEqualTo(Finding.Level.ERROR);
    assertThat(f.location().line()).isEqualTo(2);
    assertThat(f.location().column()).isEqualTo(1);
    assertThat(f.message(Language.EN)).contains("name");
    assertSentences(f);
  }

  @Test
  void emptyFileIsAnError() {
    List<Finding> findings = read("");
    assertThat(findings).hasSize(1);
    Finding f = assertFinding(findings.get(0), "schema/type", Finding.Level.ERROR, 1, 1);
    assertThat(f.message(Language.EN)).contains("empty");
  }

  @Test
  void listAtTheRootSaysItIsNotAProposal() {
    List<Finding> findings = read("- version: 1\n- name: Test\n");
    Finding f =
        assertFinding(only(findings, "schema/type"), "schema/type", Finding.Level.ERROR, 1, 1);
    assertThat(f.message(Language.EN)).contains("not a proposal");
  }

  // ---------------------------------------------------------------------------------------------
  // format

  @Test
  void otherVersionIsAnErrorNamingTheVersionsRead() {
    List<Finding> findings = read("version: 2\nname: Test\nneighbourhood: Moerwijk\n");
    Finding f =
        assertFinding(
            only(findings, "format/version"), "format/version", Finding.Level.ERROR, 1, 10);
    assertThat(f.message(Language.EN)).contains("version 2").contains("reads version 1");
    assertThat(f.message(Language.NL)).contains("versie 2").contains("leest versie 1");
    assertThat(findings).hasSize(1);
  }

  @Test
  void versionOneAsTextIsAccepted() {
    assertThat(read("version: \"1\"\nname: Test\nneighbourhood: Moerwijk\n")).isEmpty();
  }

  @Test
  void versionOnePointZeroIsNotVersionOne() {
    Finding f = only(read("version: 1.0\nname: Test\nneighbourhood: Moerwijk\n"), "format/version");
    assertFinding(f, "format/version", Finding.Level.ERROR, 1, 10);
  }

  // ---------------------------------------------------------------------------------------------
  // amounts

  private static String activityCost(String cost) {
    return HEADER + "activities:\n  - name: Groen\n    current_cost: " + cost + "\n";
  }

  @Test
  void negativeAmountIsAnError() {
    List<Finding> findings = read(activityCost("-500"));
    Finding f =
        assertFinding(
            only(findings, "amount/negative"), "amount/negative", Finding.Level.ERROR, 6, 19);
    assertThat(f.path()).isEqualTo("activities[0].current_cost");
    assertThat(f.message(Language.EN)).contains("-500").contains("negative");
    assertThat(findings).hasSize(1);
  }

  @Test
  void negativeAmountAsTextIsAnErrorWithoutATextWarning() {
    List<Finding> findings = read(activityCost("\"€ -1.250\""));
    assertFinding(only(findings, "amount/negative"), "amount/negative", Finding.Level.ERROR, 6, 19);
    assertThat(findings).extracting(Finding::rule).containsExactly("amount/negative");
  }

  @Test
  void unreadableAmountIsAnError() {
    List<Finding> findings = read(activityCost("twaalfduizend"));
    Finding f =
        assertFinding(
            only(findings, "amount/unreadable"), "amount/unreadable", Finding.Level.ERROR, 6, 19);
    assertThat(f.message(Language.EN)).contains("twaalfduizend").contains("12500");
    assertThat(findings).hasSize(1);
  }

  @Test
  void threeDecimalsLookLikeADutchThousandsSeparator() {
    List<Finding> findings = read(activityCost("12.500"));
    Finding f =
        assertFinding(
            only(findings, "amount/dutch-thousands"),
            "amount/dutch-thousands",
            Finding.Level.WARNING,
            6,
            19);
    assertThat(f.message(Language.EN)).contains("12.500").contains("write 12500");
    assertThat(findings).hasSize(1);
  }

  @Test
  void oneOrTwoDecimalsAreNotAThousandsWarning() {
    assertThat(read(activityCost("12.50"))).isEmpty();
    assertThat(read(activityCost("12.5"))).isEmpty();
  }

  @Test
  void amountAsTextIsReadByItsShapeWithAWarning() {
    List<Finding> findings = read(activityCost("\"€ 12.500,00\""));
    Finding f =
        assertFinding(only(findings, "amount/text"), "amount/text", Finding.Level.WARNING, 6, 19);
    assertThat(f.message(Language.EN)).contains("€ 12.500,00").contains("read as 12500");
    ProposalReader.Result r = ProposalReader.read("p.yaml", utf8(activityCost("\"12,500.00\"")));
    assertThat(r.proposal().activities().get(0).currentCost().toPlainString(2)).isEqualTo("12500");
  }

  @Test
  void stringYearKeyIsAnError() {
    List<Finding> findings =
        read(
            HEADER
                + """
                revenue:
                  - source: Verkoop
                    type: sales
                    status: contract
                    per_year:
                      volgend jaar: 5000
                """);
    Finding f =
        assertFinding(only(findings, "schema/type"), "schema/type", Finding.Level.ERROR, 9, 7);
    assertThat(f.message(Language.EN)).contains("volgend jaar").contains("2027");
  }

  // ---------------------------------------------------------------------------------------------
  // waivers and blocks (need the rubric)

  @Test
  void waiverWithoutReasonIsAnError() {
    List<Finding> findings = check(HEADER + "waivers:\n  - criterion: community-assets\n");
    Finding f =
        assertFinding(
            only(findings, "waiver/no-reason"), "waiver/no-reason", Finding.Level.ERROR, 5, 5);
    assertThat(f.path()).isEqualTo("waivers[0].reason");
    assertThat(f.message(Language.EN)).contains("reason");
    // the format's own rule, not also the schema's "required"
    assertThat(findings).noneMatch(x -> x.rule().equals("schema/required"));
  }

  @Test
  void waiverWithEmptyReasonPointsAtTheReason() {
    List<Finding> findings =
        check(HEADER + "waivers:\n  - criterion: community-assets\n    reason: \"  \"\n");
    assertFinding(
        only(findings, "waiver/no-reason"), "waiver/no-reason", Finding.Level.ERROR, 6, 13);
  }

  @Test
  void waiverOfACoreCriterionIsAnError() {
    List<Finding> findings =
        check(
            HEADER
                + "waivers:\n  - criterion: resident-governance\n    reason: We have no board.\n");
    Finding f =
        assertFinding(
            only(findings, "waiver/not-waivable"),
            "waiver/not-waivable",
            Finding.Level.ERROR,
            5,
            5);
    assertThat(f.message(Language.EN)).contains("resident-governance").contains("cannot be waived");
  }

  @Test
  void waiverOfAnUnknownCriterionIsAnError() {
    List<Finding> findings =
        check(HEADER + "waivers:\n  - criterion: community-asets\n    reason: Outdoors.\n");
    Finding f =
        assertFinding(
            only(findings, "waiver/unknown-criterion"),
            "waiver/unknown-criterion",
            Finding.Level.ERROR,
            5,
            5);
    assertThat(f.message(Language.EN)).contains("community-asets").contains("community-assets");
  }

  @Test
  void waiversThatEmptyALessonAreAnError() {
    List<Finding> findings =
        check(
            HEADER
                + """
                waivers:
                  - criterion: cross-sector-partners
                    reason: a
                  - criterion: partner-commitment
                    reason: b
                  - criterion: connector
                    reason: c
                  - criterion: resident-led-with-backing
                    reason: d
                  - criterion: dependency-spread
                    reason: e
                """);
    Finding f =
        assertFinding(
            only(findings, "waiver/empties-lesson"),
            "waiver/empties-lesson",
            Finding.Level.ERROR,
            4,
            1);
    assertThat(f.message(Language.EN)).contains("middle-up-down");
  }

  @Test
  void waiverOfACriterionWithDataIsAWarning() {
    List<Finding> findings =
        check(
            HEADER
                + """
                waivers:
                  - criterion: community-assets
                    reason: We work outdoors.
                assets:
                  - type: building
                    name: Buurthuis
                """);
    Finding f =
        assertFinding(
            only(findings, "waiver/has-data"), "waiver/has-data", Finding.Level.WARNING, 5, 5);
    assertThat(f.message(Language.EN)).contains("community-assets").contains("(assets)");
  }

  @Test
  void missingBlockNamesTheCriteriaThatScoreZero() {
    List<Finding> findings = check(HEADER);
    List<Finding> missing =
        findings.stream().filter(f -> f.rule().equals("proposal/missing-block")).toList();
    assertThat(missing)
        .extracting(Finding::path)
        .containsExactlyInAnyOrder(
            "revenue",
            "activities",
            "employment",
            "budget",
            "partners",
            "governance",
            "founders",
            "resident_groups",
            "assets",
            "residents",
            "impact_indicators");
    Finding budget =
        missing.stream().filter(f -> f.path().equals("budget")).findFirst().orElseThrow();
    assertFinding(budget, "proposal/missing-block", Finding.Level.WARNING, 1, 1);
    assertThat(budget.message(Language.EN)).contains("budget").contains("financial-continuity");
    Finding partners =
        missing.stream().filter(f -> f.path().equals("partners")).findFirst().orElseThrow();
    assertThat(partners.message(Language.EN)).contains("cross-sector-partners, partner-commitment");
  }

  @Test
  void presentBlockGetsNoMissingWarning() {
    List<Finding> findings = check(HEADER + "assets: []\n");
    assertThat(findings)
        .filteredOn(f -> f.rule().equals("proposal/missing-block"))
        .extracting(Finding::path)
        .doesNotContain("assets")
        .hasSize(10);
  }

  @Test
  void yearsFromRevenueWhenThereIsNoBudget() {
    List<Finding> findings =
        check(
            HEADER
                + """
                revenue:
                  - source: Verkoop
                    type: sales
                    status: contract
                    per_year: {2026: 1000, 2027: 2000}
                """);
    Finding f =
        assertFinding(
            only(findings, "money/years-from-revenue"),
            "money/years-from-revenue",
            Finding.Level.WARNING,
            4,
            1);
    assertThat(f.message(Language.EN)).contains("(2026, 2027)").contains("budget");
  }

  // ---------------------------------------------------------------------------------------------
  // all findings of a file

  @Test
  void allFindingsOfAFileAreCollectedInFileOrder() {
    List<Finding> findings =
        read(
            """
            version: 2
            name: Test
            neighbourhood: Moerwijk
            legal_form: stichtng
            activities:
              - name: Groen
                current_cost: -500
            name: Again
            """);
    assertThat(findings)
        .extracting(f -> f.rule() + "@" + f.location().line() + ":" + f.location().column())
        .containsExactly(
            "format/version@1:10",
            "schema/enum@4:1",
            "amount/negative@7:19",
            "yaml/duplicate-key@8:1");
    findings.forEach(FindingRulesTest::assertSentences);
  }

  @Test
  void findingsDoNotDependOnTheDefaultLocale() {
    Locale before = Locale.getDefault();
    String yaml =
        HEADER
            + """
            legal_form: STICHTING
            governance:
              members_meeting: TITLE
            partners:
              - name: X
                commitment: INTENTIEVERKLARING
            """;
    try {
      // Turkish lower-cases I to a dotless i: STICHTING must still be stichting
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      List<Finding> turkish = read(yaml);
      Locale.setDefault(Locale.ROOT);
      List<Finding> root = read(yaml);
      assertThat(turkish).isEqualTo(root);
      Finding f = only(turkish, "schema/type");
      assertThat(f.location().line()).isEqualTo(6);
      assertThat(turkish).hasSize(1);
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void everyFindingKeyExistsInBothLanguages() {
    for (String key :
        List.of(
            "finding.limit.size",
            "finding.limit.nodes",
            "finding.limit.depth",
            "finding.encoding.nul",
            "finding.encoding.not-utf8",
            "finding.encoding.bad-utf16",
            "finding.yaml.tab",
            "finding.yaml.syntax",
            "finding.yaml.empty",
            "finding.yaml.duplicate-key",
            "finding.yaml.alias",
            "finding.yaml.anchor",
            "finding.yaml.multi-document",
            "finding.proposal.not-mapping",
            "finding.required",
            "finding.required-empty",
            "finding.version",
            "finding.waiver.no-reason",
            "finding.waiver.unknown",
            "finding.waiver.not-waivable",
            "finding.waiver.empties-lesson",
            "finding.waiver.has-data",
            "finding.missing-block",
            "finding.money.years-from-revenue",
            "finding.enum",
            "finding.enum.suggest",
            "finding.enum.suggest2",
            "finding.enum.explain",
            "finding.enum.list-suggest",
            "finding.unknown-key.suggest",
            "finding.unknown-key",
            "finding.amount.dutch-thousands",
            "finding.amount.unreadable",
            "finding.amount.text",
            "finding.amount.negative",
            "finding.expected")) {
      for (Language lang : Language.values()) {
        assertThat(Messages.has(lang, key)).as("%s in %s", key, lang).isTrue();
      }
    }
  }
}
