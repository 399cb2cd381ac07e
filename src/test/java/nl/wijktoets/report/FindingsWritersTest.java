package nl.wijktoets.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.source.Finding;
import nl.wijktoets.source.Rules;
import nl.wijktoets.source.SourceLocation;
import nl.wijktoets.testutil.Golden;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The writers of {@code validate}'s output formats, one per format, on findings made by hand: a
 * file with an error and two warnings, a clean file, and a file that could not be read. The whole
 * output of each format is also kept as a golden file (findings/).
 */
class FindingsWritersTest {

  static final String FILE = "dir/a b,c:d%.yaml";

  static final Finding NEGATIVE =
      Finding.error(
          "amount/negative",
          new SourceLocation(FILE, 31, 21),
          "activities[0].proposed_price",
          "finding.amount.negative",
          "-5000");
  static final Finding TEXT_AMOUNT =
      Finding.warning(
          "amount/text",
          new SourceLocation(FILE, 12, 9),
          "revenue[0].per_year.2026",
          "finding.amount.text",
          "€ 1.000,-\nnext line",
          "1000.00");
  static final Finding NO_STATUS =
      Finding.warning(
          "evidence/missing-status",
          new SourceLocation(FILE, 10, 5),
          "revenue[0]",
          "finding.revenue.no-status");

  static final List<FileFindings> FILES =
      List.of(
          new FileFindings(FILE, List.of(NO_STATUS, TEXT_AMOUNT, NEGATIVE), null),
          new FileFindings("clean.yaml", List.of(), null),
          new FileFindings(
              "caf\u00e9.yaml", List.of(), "cannot read caf\u00e9.yaml: no such file"));

  private static String write(FindingsFormat format, boolean strict, boolean quiet) {
    return format.writer(Language.EN, strict, quiet).write(FILES);
  }

  @ParameterizedTest
  @EnumSource(FindingsFormat.class)
  void eachFormatMatchesItsGoldenFile(FindingsFormat format) throws Exception {
    String ext =
        switch (format) {
          case text -> "txt";
          case json, sarif -> format.name() + ".json";
          case junit -> "junit.xml";
          case github -> "github.txt";
        };
    Golden.check("findings/findings." + ext, write(format, false, false));
  }

  @ParameterizedTest
  @EnumSource(FindingsFormat.class)
  void eachFormatHasItsOwnWriter(FindingsFormat format) {
    Class<?> expected =
        switch (format) {
          case text -> TextFindingsWriter.class;
          case json -> JsonFindingsWriter.class;
          case sarif -> SarifFindingsWriter.class;
          case junit -> JunitFindingsWriter.class;
          case github -> GithubFindingsWriter.class;
        };
    assertThat(format.writer(Language.NL, false, false)).isInstanceOf(expected);
  }

  @Test
  void noFilesGiveAnEmptyButWellFormedOutput() throws Exception {
    assertThat(new TextFindingsWriter(Language.NL, false).write(List.of())).isEmpty();
    assertThat(new GithubFindingsWriter(Language.NL, false).write(List.of())).isEmpty();
    JsonNode json = json(new JsonFindingsWriter(Language.NL, false).write(List.of()));
    assertThat(json.get("summary").get("files").asInt()).isZero();
    JsonNode sarif = json(new SarifFindingsWriter(Language.NL).write(List.of()));
    assertThat(sarif.get("runs").get(0).get("results")).isEmpty();
    Element junit = xml(new JunitFindingsWriter(Language.NL, false).write(List.of()));
    assertThat(junit.getAttribute("tests")).isEqualTo("0");
  }

  @Nested
  class Text {
    @Test
    void oneLinePerFindingInTheOrderGiven() {
      assertThat(new TextFindingsWriter(Language.EN, false).write(FILES))
          .isEqualTo(
              NO_STATUS.format(Language.EN)
                  + "\n"
                  + TEXT_AMOUNT.format(Language.EN)
                  + "\n"
                  + NEGATIVE.format(Language.EN)
                  + "\n");
    }

    @Test
    void quietLeavesWarningsOut() {
      assertThat(new TextFindingsWriter(Language.NL, true).write(FILES))
          .isEqualTo(NEGATIVE.format(Language.NL) + "\n")
          .startsWith(FILE + ":31:21: fout: ");
    }
  }

  @Nested
  class Json {
    @Test
    void countsAndValidityPerFile() throws Exception {
      JsonNode root = json(new JsonFindingsWriter(Language.EN, false).write(FILES));
      JsonNode first = root.get("files").get(0);
      assertThat(first.get("file").asText()).isEqualTo(FILE);
      assertThat(first.get("errors").asInt()).isEqualTo(1);
      assertThat(first.get("warnings").asInt()).isEqualTo(2);
      assertThat(first.get("valid").asBoolean()).isFalse();
      assertThat(first.get("findings")).hasSize(3);
      assertThat(root.get("files").get(1).get("valid").asBoolean()).isTrue();
      JsonNode unreadable = root.get("files").get(2);
      assertThat(unreadable.get("valid").asBoolean()).isFalse();
      assertThat(unreadable.get("unreadable").asText()).contains("no such file");
      assertThat(root.get("summary").get("errors").asInt()).isEqualTo(1);
      assertThat(root.get("summary").get("warnings").asInt()).isEqualTo(2);
    }

    @Test
    void strictMakesAFileWithOnlyWarningsInvalid() throws Exception {
      List<FileFindings> warningsOnly = List.of(new FileFindings(FILE, List.of(NO_STATUS), null));
      assertThat(
              json(new JsonFindingsWriter(Language.EN, false).write(warningsOnly))
                  .get("files")
                  .get(0)
                  .get("valid")
                  .asBoolean())
          .isTrue();
      assertThat(
              json(new JsonFindingsWriter(Language.EN, true).write(warningsOnly))
                  .get("files")
                  .get(0)
                  .get("valid")
                  .asBoolean())
          .isFalse();
    }
  }

  @Nested
  class Sarif {
    @Test
    void everyCatalogueRuleThenResultsPointingAtThem() throws Exception {
      JsonNode run = json(new SarifFindingsWriter(Language.EN).write(FILES)).get("runs").get(0);
      JsonNode rules = run.get("tool").get("driver").get("rules");
      assertThat(rules).hasSize(Rules.ALL.size());
      JsonNode results = run.get("results");
      assertThat(results).hasSize(3);
      JsonNode negative = results.get(2);
      assertThat(negative.get("ruleId").asText()).isEqualTo("amount/negative");
      assertThat(rules.get(negative.get("ruleIndex").asInt()).get("id").asText())
          .isEqualTo("amount/negative");
      assertThat(rules.get(negative.get("ruleIndex").asInt()).get("name").asText())
          .isEqualTo("AmountNegative");
      JsonNode physical = negative.get("locations").get(0).get("physicalLocation");
      assertThat(physical.get("artifactLocation").get("uri").asText())
          .isEqualTo("dir/a%20b%2Cc%3Ad%25.yaml");
      assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(31);
      assertThat(physical.get("region").get("startColumn").asInt()).isEqualTo(21);
      assertThat(negative.get("properties").get("yamlPath").asText())
          .isEqualTo("activities[0].proposed_price");
    }

    @Test
    void aRuleOutsideTheCatalogueIsAddedOnce() throws Exception {
      Finding other =
          Finding.error(
              "made/up", new SourceLocation("x.yaml", 1, 1), "", "finding.required", "name");
      JsonNode run =
          json(new SarifFindingsWriter(Language.EN)
                  .write(List.of(new FileFindings("x.yaml", List.of(other, other), null))))
              .get("runs")
              .get(0);
      JsonNode rules = run.get("tool").get("driver").get("rules");
      assertThat(rules).hasSize(Rules.ALL.size() + 1);
      assertThat(rules.get(Rules.ALL.size()).get("name").asText()).isEqualTo("MadeUp");
      assertThat(run.get("results").get(1).get("ruleIndex").asInt()).isEqualTo(Rules.ALL.size());
      // no YAML path, no properties
      assertThat(run.get("results").get(0).has("properties")).isFalse();
    }

    @Test
    void anUnreadableFileIsAToolNotification() throws Exception {
      JsonNode invocation =
          json(new SarifFindingsWriter(Language.EN).write(FILES))
              .get("runs")
              .get(0)
              .get("invocations")
              .get(0);
      assertThat(invocation.get("executionSuccessful").asBoolean()).isFalse();
      JsonNode note = invocation.get("toolExecutionNotifications").get(0);
      assertThat(
              note.get("locations")
                  .get(0)
                  .get("physicalLocation")
                  .get("artifactLocation")
                  .get("uri")
                  .asText())
          .isEqualTo("caf%C3%A9.yaml");
      JsonNode allRead =
          json(new SarifFindingsWriter(Language.EN).write(FILES.subList(0, 2)))
              .get("runs")
              .get(0)
              .get("invocations")
              .get(0);
      assertThat(allRead.get("executionSuccessful").asBoolean()).isTrue();
      assertThat(allRead.has("toolExecutionNotifications")).isFalse();
    }

    @Test
    void fingerprintsIgnoreLinesButNotPaths() {
      Finding moved =
          Finding.error(
              "amount/negative",
              new SourceLocation(FILE, 40, 3),
              "activities[0].proposed_price",
              "finding.amount.negative",
              "-7");
      Finding elsewhere =
          Finding.error(
              "amount/negative",
              new SourceLocation(FILE, 31, 21),
              "activities[1].proposed_price",
              "finding.amount.negative",
              "-5000");
      assertThat(SarifFindingsWriter.fingerprint(NEGATIVE))
          .hasSize(32)
          .matches("[0-9a-f]+")
          .isEqualTo(SarifFindingsWriter.fingerprint(moved))
          .isNotEqualTo(SarifFindingsWriter.fingerprint(elsewhere));
    }

    @Test
    void urisArePercentEncoded() {
      assertThat(SarifFindingsWriter.uri("examples/moerwijk.yaml"))
          .isEqualTo("examples/moerwijk.yaml");
      assertThat(SarifFindingsWriter.uri("my dir\\a b.yaml")).isEqualTo("my%20dir/a%20b.yaml");
      assertThat(SarifFindingsWriter.uri("caf\u00e9.yaml")).isEqualTo("caf%C3%A9.yaml");
    }

    @Test
    void ruleNamesAreCamelCase() {
      assertThat(SarifFindingsWriter.camel("amount/dutch-thousands"))
          .isEqualTo("AmountDutchThousands");
      assertThat(SarifFindingsWriter.camel("yaml")).isEqualTo("Yaml");
    }
  }

  @Nested
  class Junit {
    @Test
    void oneSuitePerFileOneCasePerFamily() throws Exception {
      Element root = xml(new JunitFindingsWriter(Language.EN, false).write(FILES));
      int families = Rules.families().size();
      assertThat(root.getAttribute("name")).isEqualTo("wijktoets validate");
      assertThat(root.getAttribute("tests")).isEqualTo(Integer.toString(3 * families));
      assertThat(root.getAttribute("failures")).isEqualTo("1");
      assertThat(root.getAttribute("errors")).isEqualTo("1");
      List<Element> suites = elements(root, "testsuite");
      assertThat(suites)
          .extracting(s -> s.getAttribute("name"))
          .containsExactly(FILE, "clean.yaml", "caf\u00e9.yaml");
      assertThat(elements(suites.get(0), "testcase"))
          .extracting(c -> c.getAttribute("name"))
          .containsExactlyElementsOf(Rules.families());
      Element amount = testcase(suites.get(0), "amount");
      Element failure = elements(amount, "failure").get(0);
      assertThat(failure.getAttribute("type")).isEqualTo("amount/negative");
      assertThat(failure.getAttribute("message")).isEqualTo(NEGATIVE.message(Language.EN));
      // the failure lists the errors; system-out every finding of the family
      assertThat(failure.getTextContent()).isEqualTo(NEGATIVE.format(Language.EN) + "\n");
      assertThat(elements(amount, "system-out").get(0).getTextContent())
          .isEqualTo(TEXT_AMOUNT.format(Language.EN) + "\n" + NEGATIVE.format(Language.EN) + "\n");
      // a family with only warnings passes, but shows them
      Element evidence = testcase(suites.get(0), "evidence");
      assertThat(elements(evidence, "failure")).isEmpty();
      assertThat(elements(evidence, "system-out")).hasSize(1);
      Element error = elements(testcase(suites.get(2), "encoding"), "error").get(0);
      assertThat(error.getAttribute("message")).contains("no such file");
      assertThat(suites.get(2).getAttribute("errors")).isEqualTo("1");
    }

    @Test
    void strictFailsFamiliesWithWarningsToo() throws Exception {
      Element root = xml(new JunitFindingsWriter(Language.EN, true).write(FILES));
      assertThat(root.getAttribute("failures")).isEqualTo("2");
      Element evidence = testcase(elements(root, "testsuite").get(0), "evidence");
      assertThat(elements(evidence, "failure").get(0).getAttribute("type"))
          .isEqualTo("evidence/missing-status");
    }
  }

  @Nested
  class Github {
    @Test
    void oneCommandPerFindingAndPerUnreadableFile() {
      String out = new GithubFindingsWriter(Language.EN, false).write(FILES);
      assertThat(out.lines())
          .containsExactly(
              "::warning file=dir/a b%2Cc%3Ad%25.yaml,line=10,col=5,title=evidence/missing-status::"
                  + GithubFindingsWriter.data(NO_STATUS.message(Language.EN)),
              "::warning file=dir/a b%2Cc%3Ad%25.yaml,line=12,col=9,title=amount/text::"
                  + GithubFindingsWriter.data(TEXT_AMOUNT.message(Language.EN)),
              "::error file=dir/a b%2Cc%3Ad%25.yaml,line=31,col=21,title=amount/negative::"
                  + NEGATIVE.message(Language.EN),
              "::error file=caf\u00e9.yaml::cannot read caf\u00e9.yaml: no such file");
    }

    @Test
    void quietLeavesWarningsOutButNotUnreadableFiles() {
      assertThat(new GithubFindingsWriter(Language.EN, true).write(FILES).lines())
          .hasSize(2)
          .allMatch(l -> l.startsWith("::error "));
    }

    @Test
    void dataEscapesPercentAndLineBreaks() {
      assertThat(GithubFindingsWriter.data("50% done")).isEqualTo("50%25 done");
      assertThat(GithubFindingsWriter.data("a\r\nb\nc")).isEqualTo("a%0D%0Ab%0Ac");
      assertThat(GithubFindingsWriter.data("%0A")).isEqualTo("%250A");
      // commas and colons are fine in the message
      assertThat(GithubFindingsWriter.data("a, b: c")).isEqualTo("a, b: c");
    }

    @Test
    void propertyAlsoEscapesCommaAndColon() {
      assertThat(GithubFindingsWriter.property("a,b:c.yaml")).isEqualTo("a%2Cb%3Ac.yaml");
      assertThat(GithubFindingsWriter.property("100%,x")).isEqualTo("100%25%2Cx");
      assertThat(GithubFindingsWriter.property("x\ny")).isEqualTo("x%0Ay");
      assertThat(GithubFindingsWriter.property("dir/plain-name.yaml"))
          .isEqualTo("dir/plain-name.yaml");
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  static Element xml(String text) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder()
        .parse(new InputSource(new StringReader(text)))
        .getDocumentElement();
  }

  static List<Element> elements(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  private static Element testcase(Element suite, String name) {
    return elements(suite, "testcase").stream()
        .filter(c -> c.getAttribute("name").equals(name))
        .findFirst()
        .orElseThrow();
  }
}
