package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.wijktoets.testutil.Run;
import nl.wijktoets.util.Visible;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terminal control characters in a proposal (ESC c, BEL, the C1 controls CSI U+009B and OSC U+009D,
 * a right-to-left override U+202E) never reach a terminal, a page or a file raw: every text output
 * and message shows them as visible escapes, and real right-to-left text stays as it is, with
 * {@code dir="auto"} in the HTML.
 */
class ControlCharactersTest {

  private static final String ARABIC = "حي المرويك";

  @TempDir Path dir;

  /** A raw control character in the text, other than tab and newline (and CR before LF). */
  private static List<String> raw(String text) {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
      if (Visible.isControl(c) && !crlf) {
        found.add(String.format("U+%04X at %d", (int) c, i));
      }
    }
    return found;
  }

  private Path proposal() throws IOException {
    String base = Files.readString(Path.of("examples/moerwijk.yaml"), StandardCharsets.UTF_8);
    String evil =
        base.replace(
                "name: Buurtcoöperatie De Moerwijkse Handen U.A.",
                "name: \"Buurt\\ec\\a\\u009b2J\\u009d0;pwned\\u0007 \\u202eAU nednaH\"")
            .replace("district: Escamp", "district: \"" + ARABIC + "\"")
            .replace("mission: >-", "mysterie: \"\\e]0;title\\a\"\nmission: >-");
    return Files.writeString(dir.resolve("evil.yaml"), evil, StandardCharsets.UTF_8);
  }

  private void clean(String what, Run r) {
    assertThat(raw(r.out())).as("%s: standard output", what).isEmpty();
    assertThat(raw(r.err())).as("%s: standard error", what).isEmpty();
  }

  @Test
  void noRawControlCharacterInAnyOutputOrMessage() throws IOException {
    Path in = proposal();
    Path out = Files.createDirectories(dir.resolve("out"));
    for (String lang : new String[] {"nl", "en"}) {
      for (String f : new String[] {"md", "html", "json", "junit"}) {
        Run r = run("assess", in.toString(), "-f", f, "--lang", lang);
        assertThat(r.code()).as(r.err()).isZero();
        clean("assess -f " + f, r);
        clean(
            "assess -o",
            run("assess", in.toString(), "-f", f, "-o", out.resolve(lang + "." + f).toString()));
      }
      for (String f : new String[] {"text", "json", "sarif", "junit", "github"}) {
        clean("validate -f " + f, run("validate", in.toString(), "-f", f, "--lang", lang));
      }
      clean("diff", run("diff", "examples/moerwijk.yaml", in.toString(), "--lang", lang));
      clean("diff json", run("diff", "examples/moerwijk.yaml", in.toString(), "-f", "json"));
      Path list =
          Files.writeString(
              dir.resolve("list.csv"),
              "id,name,neighbourhood,founders,founders_resident,file\n"
                  + "\"a\u001b[31m\",\"Rood\u009b1m\u202e\",Moerwijk,3,2,\n"
                  + "b,,,,,evil.yaml\n",
              StandardCharsets.UTF_8);
      Run batch =
          run(
              "batch",
              list.toString(),
              "--lang",
              lang,
              "--json",
              out.resolve("b.jsonl").toString(),
              "--junit",
              out.resolve("b.xml").toString(),
              "--report",
              out.resolve("b.html").toString(),
              "--to-yaml",
              out.resolve("yaml").toString());
      assertThat(batch.code()).as(batch.err()).isZero();
      clean("batch", batch);
      clean("batch md", run("batch", list.toString(), "--report", out.resolve("b.md").toString()));
    }
    try (Stream<Path> s = Files.walk(out)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        assertThat(raw(text)).as("%s", f).isEmpty();
      }
    }
    // shown, not hidden: the escapes are visible, and right-to-left text is kept with dir="auto"
    Run md = run("assess", in.toString());
    assertThat(md.out()).contains("\\u009B2J").contains("\\u202E").contains("\\u001B");
    String html = Files.readString(out.resolve("en.html"), StandardCharsets.UTF_8);
    assertThat(html).contains(ARABIC).contains("dir=\"auto\"").contains("\\u202E");
    Run err = run("validate", in.toString(), "--lang", "en");
    assertThat(err.out()).contains("mysterie");
  }
}
