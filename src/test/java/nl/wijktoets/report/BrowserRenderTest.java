package nl.wijktoets.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.scoring.Assessor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders each example's HTML report in a real browser (headless Chromium, Debian's package) to PDF
 * and PNG, and lays it out at phone width (390 px) to check that nothing is cut off. Skipped with a
 * message where Chromium is not installed; in CI ({@code CI=true}) a missing Chromium fails the
 * test, and {@code .ci/run} installs it.
 */
class BrowserRenderTest {

  private static Path chromium;

  @BeforeAll
  static void findChromium() {
    for (String candidate :
        new String[] {
          System.getenv("WIJKTOETS_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"
        }) {
      if (candidate != null && Files.isExecutable(Path.of(candidate))) {
        chromium = Path.of(candidate);
        return;
      }
    }
    if ("true".equals(System.getenv("CI"))) {
      fail("Chromium is required in CI: .ci/run installs Debian's chromium package");
    }
    Assumptions.abort(
        "Chromium not found: install it (apt-get install chromium) or set WIJKTOETS_CHROMIUM to run"
            + " the real-browser check");
  }

  static String[] examples() {
    return GoldenReportsTest.EXAMPLES;
  }

  private static void run(Path userData, String... args) throws Exception {
    run(userData, ProcessBuilder.Redirect.DISCARD, args);
  }

  private static void run(Path userData, ProcessBuilder.Redirect out, String... args)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(chromium.toString());
    cmd.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--hide-scrollbars",
            "--user-data-dir=" + userData));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .redirectOutput(out)
            .start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("Chromium did not finish in 90 s");
    }
  }

  /** The page count of a PDF: the largest /Count in its page tree. */
  static int pageCount(byte[] pdf) {
    Matcher m =
        Pattern.compile("/Count (\\d+)").matcher(new String(pdf, StandardCharsets.ISO_8859_1));
    int max = 0;
    while (m.find()) {
      max = Math.max(max, Integer.parseInt(m.group(1)));
    }
    return max;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void rendersToPdfAndPng(String example, @TempDir Path dir) throws Exception {
    Path page = dir.resolve(example + ".html");
    Files.writeString(
        page,
        HtmlReportTest.html(GoldenReportsTest.assess(example, Language.NL)),
        StandardCharsets.UTF_8);
    Path pdf = dir.resolve(example + ".pdf");
    Path png = dir.resolve(example + ".png");
    run(
        dir.resolve("profile-pdf"),
        "--no-pdf-header-footer",
        "--print-to-pdf=" + pdf,
        page.toUri().toString());
    run(
        dir.resolve("profile-png"),
        "--window-size=1200,1600",
        "--screenshot=" + png,
        page.toUri().toString());

    assertThat(pdf).exists();
    byte[] pdfBytes = Files.readAllBytes(pdf);
    assertThat(new String(pdfBytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    // an overview page, then one page or more per lesson, and the closing notes
    assertThat(pageCount(pdfBytes)).isBetween(4, 16);

    assertThat(png).exists();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1200);
    assertNotBlank(image);
  }

  /** The example pages, and one with long words and names that a phone screen must wrap. */
  static Stream<Arguments> pages() {
    return Stream.concat(
        Stream.of(GoldenReportsTest.EXAMPLES).map(e -> Arguments.of(e, null)),
        Stream.of(Arguments.of("long-words", LONG_WORDS)));
  }

  static final String LONG_WORDS =
      """
      version: 1
      name: Buurtcoöperatie_De_Heel_Lange_Naam_Zonder_Spaties_Die_Niet_Past_Op_Een_Telefoon U.A.
      neighbourhood: Bouwlust-Vrederust-Morgenstond-Zuidwest-Escamp-Oost
      partners:
        - name: Woningcorporatie_Staedion_Vestia_Haag_Wonen_Samen
          sector: housing-corporation
          commitment: in-talks
      revenue:
        - type: sales
          counterparty: Onderneming_Met_Een_Naam_Van_Zeventig_Tekens_Zonder_Enige_Spatie_Erin
          status: contract
          per_year: {2026: 1000}
      activities:
        - name: Groenonderhoud_Portiekschoonmaak_Buurtconciërgerie_En_Klusdienst
          public_task: true
      """;

  /**
   * The page on a phone: loaded in an {@code <iframe>} 390 px wide (headless Chromium lays out no
   * window narrower than 500 px), a script in the parent page records the frame document's {@code
   * scrollWidth} and {@code clientWidth} and every element whose right edge passes the frame,
   * unless it sits in a box that scrolls sideways; {@code --dump-dom} prints the result. Nothing
   * may be cut off: the page is no wider than the frame, and tables reflow or scroll in their box.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void nothingIsCutOffAt390Pixels(String name, String yaml, @TempDir Path dir) throws Exception {
    Assessment a =
        yaml == null
            ? GoldenReportsTest.assess(name, Language.NL)
            : new Assessor(RubricLoader.builtin())
                .assess(name + ".yaml", yaml.getBytes(StandardCharsets.UTF_8), Language.NL)
                .assessment();
    Files.writeString(dir.resolve("report.html"), HtmlReportTest.html(a), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("phone.html"), PHONE_FRAME, StandardCharsets.UTF_8);
    Path dom = dir.resolve("dom.html");
    run(
        dir.resolve("profile-phone"),
        ProcessBuilder.Redirect.to(dom.toFile()),
        "--allow-file-access-from-files",
        "--virtual-time-budget=5000",
        "--dump-dom",
        dir.resolve("phone.html").toUri().toString());
    Matcher m =
        Pattern.compile("<pre id=\"result\">([^<]*)</pre>")
            .matcher(Files.readString(dom, StandardCharsets.UTF_8));
    assertThat(m.find()).as("the measuring script's result in the dumped DOM").isTrue();
    JsonNode result = new ObjectMapper().readTree(m.group(1).replace("&quot;", "\""));
    assertThat(result.get("clientWidth").asInt()).as("the frame's width").isEqualTo(390);
    assertThat(result.get("scrollWidth").asInt()).as("the page's width").isLessThanOrEqualTo(390);
    assertThat(result.get("over").toString()).as("elements cut off at the right").isEqualTo("[]");
  }

  /** The parent page: a 390 px frame and the script that measures it once it has loaded. */
  static final String PHONE_FRAME =
      """
      <!DOCTYPE html>
      <html><head><meta charset="utf-8"></head><body style="margin:0">
      <iframe id="phone" src="report.html" style="width:390px;height:844px;border:0"></iframe>
      <pre id="result">not measured</pre>
      <script>
      window.addEventListener('load', function () {
        var d = document.getElementById('phone').contentDocument;
        var width = d.documentElement.clientWidth;
        var over = [];
        d.querySelectorAll('body *').forEach(function (e) {
          var r = e.getBoundingClientRect();
          if (r.width === 0 || r.right <= width + 0.5) { return; }
          for (var p = e.parentElement; p && p !== d.body; p = p.parentElement) {
            var x = d.defaultView.getComputedStyle(p).overflowX;
            if (x === 'auto' || x === 'scroll') { return; }
          }
          over.push(e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
              + ' ' + Math.round(r.right) + 'px: ' + (e.textContent || '').slice(0, 40));
        });
        document.getElementById('result').textContent = JSON.stringify(
            {scrollWidth: d.documentElement.scrollWidth, clientWidth: width, over: over});
      });
      </script>
      </body></html>
      """;

  private static void assertNotBlank(BufferedImage image) throws IOException {
    Set<Integer> colours = new HashSet<>();
    long dark = 0;
    long total = 0;
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        if (r + g + b < 300) {
          dark++;
        }
        total++;
      }
    }
    assertThat(colours.size()).as("distinct colours").isGreaterThan(20);
    assertThat(dark * 100 / total).as("percentage of dark pixels (text, bars)").isBetween(1L, 60L);
  }
}
