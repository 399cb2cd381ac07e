package nl.wijktoets.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

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
import javax.imageio.ImageIO;
import nl.wijktoets.i18n.Language;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders each example's HTML report in a real browser (headless Chromium, Debian's package) to PDF
 * and PNG. Skipped with a message where Chromium is not installed; in CI ({@code CI=true}) a
 * missing Chromium fails the test, and {@code .ci/run} installs it.
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
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
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
