package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Privacy by construction: a corpus of proposals with founders' names and contact details in
 * unexpected places (as keys, as the wrong type, as a bad yes/no, under unknown keys, in anchors,
 * in a line with a syntax error) goes through every command and every output format, in both
 * languages, and no private text appears anywhere: not on standard output or error, not in any file
 * written, not in a JSON {@code path} or a SARIF {@code yamlPath}.
 */
class PrivacyCorpusTest {

  private static final Path BASE = Path.of("examples/moerwijk.yaml");

  /** Text that must never be printed: the base's own names and the corpus's private data. */
  private static final List<String> PRIVATE =
      List.of(
          "Idrissi",
          "de Groot",
          "Baldewsingh",
          "Visser",
          "info@example.org",
          "Fatima",
          "Bakkali",
          "0612345678",
          "612345678",
          "Zeynep",
          "geheim@example.org",
          "Ahmed",
          "bellen na 18u",
          "Geheimhouding");

  @TempDir Path dir;

  private static String base() throws IOException {
    return Files.readString(BASE, StandardCharsets.UTF_8);
  }

  private static String founders(String base, String block) {
    int start = base.indexOf("founders:\n");
    int end = base.indexOf("residents:\n");
    return base.substring(0, start) + block + base.substring(end);
  }

  private static String contact(String base, String block) {
    int start = base.indexOf("contact:\n");
    return base.substring(0, start) + block;
  }

  /** The corpus: name -> proposal text; the first ones can be scored, the rest have errors. */
  private static Map<String, String> corpus() throws IOException {
    String base = base();
    Map<String, String> c = new LinkedHashMap<>();
    c.put(
        "name-as-key",
        contact(
            founders(
                base,
                "founders:\n"
                    + "  - Fatima Bakkali: voorzitter\n"
                    + "    lives_in_neighbourhood: true\n"
                    + "  - name: Zeynep Privé\n"
                    + "    role: penningmeester\n"
                    + "    lives_in_neighbourhood: true\n"
                    + "    opmerking: belt Fatima Bakkali op 0612345678\n"),
            "contact:\n  0612345678: bellen na 18u\n  geheim@example.org: privé\n"));
    c.put(
        "nested-contact",
        contact(
            base,
            "contact:\n"
                + "  name: Fatima Bakkali\n"
                + "  email:\n"
                + "    Zeynep Privé: geheim@example.org\n"
                + "  phone: 0612345678\n"));
    c.put(
        "anchor",
        founders(
            base,
            "founders:\n"
                + "  - name: &FatimaBakkali Fatima Bakkali\n"
                + "    lives_in_neighbourhood: true\n"
                + "  - name: *FatimaBakkali\n"
                + "    lives_in_neighbourhood: true\n"));
    c.put(
        "bad-yes-no",
        founders(
            base,
            "founders:\n"
                + "  - name: Zeynep Privé\n"
                + "    lives_in_neighbourhood: A. El Idrissi\n"));
    c.put("founders-as-text", founders(base, "founders: Fatima Bakkali en Ahmed\n"));
    c.put("founders-as-map", founders(base, "founders:\n  Fatima Bakkali: voorzitter\n"));
    c.put("contact-as-text", contact(base, "contact: 0612345678 (Fatima Bakkali)\n"));
    c.put(
        "role-as-list",
        founders(base, "founders:\n  - name: Zeynep Privé\n    role: [Fatima Bakkali]\n"));
    c.put(
        "duplicate-key",
        founders(
            base,
            "founders:\n"
                + "  - name: Fatima Bakkali\n"
                + "    Fatima Bakkali: Ahmed\n"
                + "    Fatima Bakkali: Ahmed\n"));
    c.put(
        "syntax-error", founders(base, "founders:\n  - name: \"Fatima Bakkali\n    role: Ahmed\n"));
    c.put("tab", contact(base, "contact:\n\tphone: 0612345678 Fatima Bakkali\n"));
    c.put(
        "number-as-key",
        founders(
            base, "founders:\n  - 0612345678: Fatima Bakkali\n    lives_in_neighbourhood: ja\n"));
    return c;
  }

  private final List<String> seen = new ArrayList<>();

  private void check(String what, Run r) {
    String all = r.out() + r.err();
    seen.add(what);
    for (String p : PRIVATE) {
      assertThat(all).as("%s printed private text %s:%n%s", what, p, all).doesNotContain(p);
    }
  }

  private void checkFiles(String what, Path folder) throws IOException {
    try (Stream<Path> s = Files.walk(folder)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        if (f.getFileName().toString().startsWith("in-")) {
          continue; // the corpus itself
        }
        String text = Files.readString(f, StandardCharsets.UTF_8);
        for (String p : PRIVATE) {
          assertThat(text).as("%s wrote private text %s into %s", what, p, f).doesNotContain(p);
        }
      }
    }
  }

  @Test
  void noPrivateTextInAnyOutputOrMessage() throws IOException {
    Path clean = dir.resolve("in-clean.yaml");
    Files.writeString(clean, base(), StandardCharsets.UTF_8);
    int scored = 0;
    for (Map.Entry<String, String> e : corpus().entrySet()) {
      Path in = dir.resolve("in-" + e.getKey() + ".yaml");
      Files.writeString(in, e.getValue(), StandardCharsets.UTF_8);
      Path out = Files.createDirectories(dir.resolve("out-" + e.getKey()));
      for (String lang : new String[] {"nl", "en"}) {
        String name = e.getKey() + " (" + lang + ")";
        for (String f : new String[] {"text", "json", "sarif", "junit", "github"}) {
          check(
              name + " validate -f " + f, run("validate", in.toString(), "-f", f, "--lang", lang));
        }
        Run md = run("assess", in.toString(), "--lang", lang);
        check(name + " assess", md);
        if (md.code() == 0 || md.code() == 1) {
          scored++;
        }
        for (String f : new String[] {"md", "html", "json", "junit"}) {
          check(name + " assess -f " + f, run("assess", in.toString(), "-f", f, "--lang", lang));
          check(
              name + " assess -o",
              run(
                  "assess",
                  in.toString(),
                  "-f",
                  f,
                  "--lang",
                  lang,
                  "-o",
                  out.resolve(lang + "." + f).toString()));
        }
        for (String f : new String[] {"md", "json"}) {
          check(
              name + " diff",
              run("diff", clean.toString(), in.toString(), "-f", f, "--lang", lang));
          check(name + " diff back", run("diff", in.toString(), clean.toString(), "-f", f));
        }
        Path list = dir.resolve("list-" + e.getKey() + ".csv");
        Files.writeString(list, "id,file\nrow-1," + in.getFileName() + "\nrow-2,in-clean.yaml\n");
        check(
            name + " batch",
            run(
                "batch",
                list.toString(),
                "--lang",
                lang,
                "--json",
                out.resolve(lang + ".jsonl").toString(),
                "--junit",
                out.resolve(lang + "-batch.xml").toString(),
                "--report",
                out.resolve(lang + "-overview.html").toString()));
        check(
            name + " batch md",
            run(
                "batch",
                list.toString(),
                "--lang",
                lang,
                "--report",
                out.resolve(lang + "-overview.md").toString()));
      }
      checkFiles(e.getKey(), out);
    }
    // the corpus really exercises both paths: some proposals are scored, some are refused
    assertThat(scored).isGreaterThanOrEqualTo(4);
    assertThat(seen.size()).isGreaterThanOrEqualTo(480);
  }

  @Test
  void privateKeysAreShownAsKeyInPathsAndMessagesSayWhatIsWrong() throws IOException {
    Map<String, String> c = corpus();
    Path in = dir.resolve("in-name-as-key.yaml");
    Files.writeString(in, c.get("name-as-key"), StandardCharsets.UTF_8);
    Run text = run("validate", in.toString(), "--lang", "en");
    assertThat(text.out()).contains("an unknown key in founders[0];").contains("in contact;");
    Run json = run("validate", in.toString(), "-f", "json");
    assertThat(json.out()).contains("\"founders[0].<key>\"").contains("\"contact.<key>\"");
    Run sarif = run("validate", in.toString(), "-f", "sarif");
    assertThat(sarif.out()).contains("founders[0].<key>");
    Path bad = dir.resolve("in-bad-yes-no.yaml");
    Files.writeString(bad, c.get("bad-yes-no"), StandardCharsets.UTF_8);
    Run r = run("validate", bad.toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("lives_in_neighbourhood").contains("…");
  }
}
