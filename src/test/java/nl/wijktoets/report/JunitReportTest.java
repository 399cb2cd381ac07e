package nl.wijktoets.report;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * {@code assess -f junit}: one test suite per proposal, one test case per criterion, failing where
 * its lesson is below the rubric's 30% floor or below {@code --min-lesson}.
 */
class JunitReportTest {

  private static final String SCHILDERSWIJK = "examples/schilderswijk.yaml";
  private static final String MOERWIJK = "examples/moerwijk.yaml";

  private static Element junit(int expectedCode, String... args) throws Exception {
    Run r = run(args);
    assertThat(r.code()).as(r.err()).isEqualTo(expectedCode);
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Element root =
        f.newDocumentBuilder()
            .parse(new InputSource(new StringReader(r.out())))
            .getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    return root;
  }

  private static List<Element> elements(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  private static int attr(Element e, String name) {
    return Integer.parseInt(e.getAttribute(name));
  }

  /** The lesson id of a test case: its classname is {@code <file>.<lesson id>}. */
  private static String lessonOf(Element testcase, String file) {
    String classname = testcase.getAttribute("classname");
    assertThat(classname).startsWith(file + ".");
    return classname.substring(file.length() + 1);
  }

  private static List<Element> failedCases(Element suite) {
    return elements(suite, "testcase").stream()
        .filter(c -> !elements(c, "failure").isEmpty())
        .toList();
  }

  @Test
  void schilderswijkFailsTheSocialTenderingFloor() throws Exception {
    Element root = junit(0, "assess", SCHILDERSWIJK, "-f", "junit");
    List<Element> suites = elements(root, "testsuite");
    assertThat(suites).hasSize(1);
    Element suite = suites.get(0);
    assertThat(suite.getAttribute("name")).isEqualTo(SCHILDERSWIJK);
    assertThat(attr(suite, "tests")).isEqualTo(15);
    assertThat(elements(suite, "testcase")).hasSize(15);
    assertThat(attr(suite, "failures")).isEqualTo(5);
    assertThat(attr(root, "tests")).isEqualTo(15);
    assertThat(attr(root, "failures")).isEqualTo(5);

    List<Element> failed = failedCases(suite);
    assertThat(failed).hasSize(5);
    assertThat(failed.stream().map(c -> lessonOf(c, SCHILDERSWIJK)).distinct())
        .containsExactly("social-tendering");
    assertThat(failed.stream().map(c -> c.getAttribute("name")))
        .containsExactly(
            "public-task-revenue",
            "challenge-fit",
            "jobs-for-residents",
            "earned-income-share",
            "financial-continuity");
    for (Element c : failed) {
      Element failure = elements(c, "failure").get(0);
      assertThat(failure.getAttribute("type")).isEqualTo("lesson-below-threshold");
      // the proposal is Dutch, so is the report
      assertThat(failure.getAttribute("message"))
          .isEqualTo("les Maatschappelijk aanbesteden staat op 27,1%, onder de grens van 30%");
    }
    // every test case says what was measured
    assertThat(elements(suite, "system-out")).hasSize(15);
  }

  @Test
  void englishMessagesNameTheLessonToo() throws Exception {
    Element root = junit(0, "assess", SCHILDERSWIJK, "-f", "junit", "--lang", "en");
    List<Element> failures = elements(root, "failure");
    assertThat(failures).hasSize(5);
    for (Element f : failures) {
      assertThat(f.getAttribute("message")).startsWith("lesson ").contains("27.1%", "30%");
      assertThat(f.getAttribute("message")).doesNotContain("27,1");
    }
  }

  @Test
  void minLessonSixtyAlsoFailsMiddleUpDown() throws Exception {
    Element root = junit(1, "assess", SCHILDERSWIJK, "-f", "junit", "--min-lesson", "60");
    Element suite = elements(root, "testsuite").get(0);
    assertThat(attr(suite, "tests")).isEqualTo(15);
    assertThat(attr(suite, "failures")).isEqualTo(10);
    assertThat(attr(root, "failures")).isEqualTo(10);
    List<Element> failed = failedCases(suite);
    assertThat(failed).hasSize(10);
    assertThat(failed.stream().map(c -> lessonOf(c, SCHILDERSWIJK)).distinct())
        .containsExactly("social-tendering", "middle-up-down");
    for (Element c : failed) {
      String message = elements(c, "failure").get(0).getAttribute("message");
      if (lessonOf(c, SCHILDERSWIJK).equals("middle-up-down")) {
        assertThat(message).isEqualTo("les Middle-up-down staat op 58,3%, onder --min-lesson 60%");
      } else {
        assertThat(message)
            .contains("Maatschappelijk aanbesteden")
            .contains("onder de grens van 30%")
            .contains("onder --min-lesson 60%");
      }
    }
    // participation trends (82.1%) passes
    assertThat(
            elements(suite, "testcase").stream()
                .filter(c -> lessonOf(c, SCHILDERSWIJK).equals("participation-trends"))
                .filter(c -> elements(c, "failure").isEmpty()))
        .hasSize(5);
  }

  @Test
  void minLessonIsComparedWithTheExactShare() throws Exception {
    // middle-up-down is 7/12 = 58.333...%: 58.3 is below it, 58.34 above (social tendering
    // fails both gates)
    Element pass = junit(1, "assess", SCHILDERSWIJK, "-f", "junit", "--min-lesson", "58.3");
    assertThat(attr(pass, "failures")).isEqualTo(5);
    Element fail = junit(1, "assess", SCHILDERSWIJK, "-f", "junit", "--min-lesson", "58.34");
    assertThat(attr(fail, "failures")).isEqualTo(10);
  }

  @Test
  void moerwijkHasNoFailures() throws Exception {
    Element root = junit(0, "assess", MOERWIJK, "-f", "junit");
    Element suite = elements(root, "testsuite").get(0);
    assertThat(suite.getAttribute("name")).isEqualTo(MOERWIJK);
    assertThat(attr(suite, "tests")).isEqualTo(15);
    assertThat(attr(suite, "failures")).isZero();
    assertThat(elements(root, "failure")).isEmpty();
    assertThat(attr(root, "failures")).isZero();
  }

  @Test
  void severalFilesGiveOneSuiteEachUnderOneRoot() throws Exception {
    Element root =
        junit(0, "assess", MOERWIJK, SCHILDERSWIJK, "examples/transvaal.yaml", "-f", "junit");
    assertThat(root.getOwnerDocument().getElementsByTagName("testsuites").getLength()).isEqualTo(1);
    List<Element> suites = elements(root, "testsuite");
    assertThat(suites.stream().map(s -> s.getAttribute("name")))
        .containsExactly(MOERWIJK, SCHILDERSWIJK, "examples/transvaal.yaml");
    int tests = 0;
    int failures = 0;
    for (Element s : suites) {
      assertThat(elements(s, "testcase")).hasSize(attr(s, "tests"));
      assertThat(failedCases(s)).hasSize(attr(s, "failures"));
      tests += attr(s, "tests");
      failures += attr(s, "failures");
    }
    assertThat(attr(suites.get(0), "failures")).isZero();
    assertThat(attr(suites.get(1), "failures")).isEqualTo(5);
    assertThat(attr(root, "tests")).isEqualTo(tests).isEqualTo(45);
    assertThat(attr(root, "failures")).isEqualTo(failures);
  }

  @Test
  void suiteNamesTheRubric() throws Exception {
    Element suite = elements(junit(0, "assess", MOERWIJK, "-f", "junit"), "testsuite").get(0);
    List<String> rubric =
        elements(suite, "property").stream()
            .filter(p -> p.getAttribute("name").equals("rubric"))
            .map(p -> p.getAttribute("value"))
            .toList();
    assertThat(rubric).hasSize(1);
    assertThat(rubric.get(0)).matches("wijktoets-haags 1 sha256:[0-9a-f]{64}");
  }

  @Test
  void controlCharacterInTheNameStillGivesWellFormedXml(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("ctl.yaml");
    Files.writeString(
        file, "version: 1\nname: \"x\\x01y\"\nneighbourhood: Moerwijk\n", StandardCharsets.UTF_8);
    Element root = junit(0, "assess", file.toString(), "-f", "junit", "-q");
    assertThat(elements(root, "testsuite")).hasSize(1);
  }
}
