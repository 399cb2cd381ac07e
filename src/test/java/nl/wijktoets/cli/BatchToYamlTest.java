package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.wijktoets.testutil.Run;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code batch --to-yaml DIR}: file names never collide, are never an input or the list, are the
 * same on every run, and a row whose file cannot be written fails alone; {@code --threads} bounds.
 */
class BatchToYamlTest {

  private static final String HEADER = "id,name,neighbourhood,founders,founders_resident,file\n";

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private static List<CSVRecord> rows(Run r) throws IOException {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(r.out()))
        .getRecords();
  }

  private List<String> yamlFiles(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .sorted()
          .toList();
    }
  }

  @Test
  void collidingIdsGetUniqueNamesTheSameWayEveryTimeNamedInTheStatus() throws Exception {
    Path list =
        write(
            "list.csv",
            HEADER
                + "x,Een,Moerwijk,3,2,\n"
                + "x-row-3,Twee,Moerwijk,3,2,\n"
                + "x,Drie,Moerwijk,3,2,\n"
                + "X,Vier,Moerwijk,3,2,\n");
    Path out = dir.resolve("out");
    Run first = run("batch", list.toString(), "--to-yaml", out.toString(), "--lang", "en");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(yamlFiles(out))
        .containsExactly("X-row-4.yaml", "x-row-3-2.yaml", "x-row-3.yaml", "x.yaml");
    assertThat(Files.readString(out.resolve("x.yaml"))).contains("name: \"Een\"");
    assertThat(Files.readString(out.resolve("x-row-3.yaml"))).contains("name: \"Twee\"");
    assertThat(Files.readString(out.resolve("x-row-3-2.yaml"))).contains("name: \"Drie\"");
    List<CSVRecord> rows = rows(first);
    assertThat(rows.get(0).get("status")).isEqualTo("ok");
    assertThat(rows.get(1).get("status")).isEqualTo("ok");
    assertThat(rows.get(2).get("status"))
        .isEqualTo("ok; --to-yaml wrote x-row-3-2.yaml, because x.yaml is already taken");
    assertThat(rows.get(3).get("status")).contains("X-row-4.yaml");
    // the same names on a second run, with any number of threads
    Run again =
        run(
            "batch",
            list.toString(),
            "--to-yaml",
            out.toString(),
            "--lang",
            "en",
            "--threads",
            "7");
    assertThat(again.out()).isEqualTo(first.out());
    assertThat(yamlFiles(out)).hasSize(4);
  }

  @Test
  void aFileNameIsNeverAnInputOrTheList() throws Exception {
    String proposal = Files.readString(Path.of("examples/moerwijk.yaml"), StandardCharsets.UTF_8);
    write("p.yaml", proposal);
    write("rubric.yaml", Files.readString(Path.of("examples/rubrics/werk-eerst.yaml")));
    // the list itself is called rows.yaml; a row's id is "rows", another's the file row's name
    Path list =
        write(
            "rows.yaml",
            HEADER
                + "a,Plan A,Moerwijk,,,p.yaml\n"
                + "p,Plat,Moerwijk,3,2,\n"
                + "rows,De lijst,Moerwijk,3,2,\n"
                + "rubric,De rubric,Moerwijk,3,2,\n");
    byte[] listBefore = Files.readAllBytes(list);
    Run r =
        run(
            "batch",
            list.toString(),
            "--to-yaml",
            dir.toString(),
            "--rubric",
            dir.resolve("rubric.yaml").toString(),
            "--lang",
            "en",
            "-q");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(dir.resolve("p.yaml"), StandardCharsets.UTF_8)).isEqualTo(proposal);
    assertThat(Files.readAllBytes(list)).isEqualTo(listBefore);
    assertThat(Files.readString(dir.resolve("rubric.yaml")))
        .isEqualTo(Files.readString(Path.of("examples/rubrics/werk-eerst.yaml")));
    assertThat(dir.resolve("p-row-2.yaml")).content().contains("name: \"Plat\"");
    assertThat(dir.resolve("rows-row-3.yaml")).content().contains("name: \"De lijst\"");
    assertThat(dir.resolve("rubric-row-4.yaml")).content().contains("name: \"De rubric\"");
    List<CSVRecord> rows = rows(r);
    assertThat(rows.get(1).get("status")).contains("p-row-2.yaml").contains("p.yaml is already");
  }

  @Test
  void aFileRowNamingAFileThisRunWroteFailsAlone() throws Exception {
    Path list =
        write(
            "list.csv",
            HEADER + "q,Plat,Moerwijk,3,2,\n" + "b,Plan B,Moerwijk,,,q.yaml\n" + "c,C,Laak,2,2,\n");
    Run r = run("batch", list.toString(), "--to-yaml", dir.toString(), "--lang", "en", "-q");
    assertThat(r.code()).isEqualTo(3);
    List<CSVRecord> rows = rows(r);
    assertThat(rows.get(0).get("status")).isEqualTo("ok");
    assertThat(rows.get(1).get("status"))
        .contains("q.yaml is written by this run")
        .contains("line 3");
    assertThat(rows.get(2).get("status")).isEqualTo("ok");
  }

  @Test
  void anOverLongIdIsShortenedWithAShortHashAndTheBatchGoesOn() throws Exception {
    String longId = "a".repeat(300);
    String otherLong = "a".repeat(299) + "b";
    Path list =
        write(
            "list.csv",
            HEADER
                + longId
                + ",Lang,Moerwijk,3,2,\n"
                + otherLong
                + ",Ook lang,Moerwijk,3,2,\n"
                + "kort,Kort,Laak,2,2,\n");
    Path out = dir.resolve("yaml");
    Run r = run("batch", list.toString(), "--to-yaml", out.toString(), "--lang", "en");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> files = yamlFiles(out);
    assertThat(files).hasSize(3).contains("kort.yaml");
    assertThat(files).allMatch(n -> n.length() <= 105);
    assertThat(files)
        .filteredOn(n -> n.startsWith("aaa"))
        .allMatch(n -> n.matches("a{89}-[0-9a-f]{10}\\.yaml"))
        .doesNotHaveDuplicates();
    assertThat(rows(r).get(0).get("status"))
        .startsWith("ok; --to-yaml wrote aaaa")
        .contains("too long");
    // the same name on every run
    Run again = run("batch", list.toString(), "--to-yaml", out.toString(), "--lang", "en");
    assertThat(again.out()).isEqualTo(r.out());
    assertThat(yamlFiles(out)).isEqualTo(files);
  }

  @Test
  void aRowWhoseFileCannotBeWrittenFailsAloneWithTheReason() throws Exception {
    Path out = dir.resolve("out");
    Files.createDirectories(out.resolve("blocked.yaml")); // a folder where the file would go
    Path list =
        write(
            "list.csv",
            HEADER
                + "fine,Goed,Moerwijk,3,2,\n"
                + "blocked,Geblokkeerd,Moerwijk,3,2,\n"
                + "also-fine,Ook goed,Laak,2,2,\n");
    Path results = dir.resolve("results.csv");
    Run r =
        run(
            "batch",
            list.toString(),
            "--to-yaml",
            out.toString(),
            "--lang",
            "en",
            "-o",
            results.toString());
    assertThat(r.code()).isEqualTo(3);
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(Files.newBufferedReader(results))
            .getRecords();
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).get("status")).isEqualTo("ok");
    assertThat(rows.get(1).get("status"))
        .isEqualTo(
            "line 3: --to-yaml: cannot write "
                + out.resolve("blocked.yaml")
                + ": is a folder, not a file");
    assertThat(rows.get(1).get("score")).isEmpty();
    assertThat(rows.get(2).get("status")).isEqualTo("ok");
    assertThat(out.resolve("fine.yaml")).exists();
    assertThat(out.resolve("also-fine.yaml")).exists();
    assertThat(r.err()).contains("3 rows, 2 ok, 1 errors");
  }

  @Test
  void threadsTakeOneToSixtyFour() throws Exception {
    Path list = write("list.csv", HEADER + "a,A,Moerwijk,3,2,\n");
    for (String bad : new String[] {"0", "65", "1000", "-1"}) {
      Run r = run("batch", list.toString(), "--threads", bad, "--lang", "en");
      assertThat(r.code()).as(bad).isEqualTo(2);
      assertThat(r.err()).contains("--threads takes a whole number from 1 to 64");
      assertThat(r.out()).isEmpty();
    }
    Run nl = run("batch", list.toString(), "--threads", "65", "--lang", "nl");
    assertThat(nl.err()).contains("--threads vraagt een heel getal van 1 tot en met 64");
    for (String good : new String[] {"1", "64"}) {
      assertThat(run("batch", list.toString(), "--threads", good, "-q").code()).isZero();
    }
  }

  @Test
  void idsThatAreNoFileNamesAreChangedAndTheStatusNamesTheFile() throws Exception {
    Path list =
        write(
            "list.csv",
            HEADER
                + "../evil,Een,Moerwijk,3,2,\n"
                + ".hidden,Twee,Moerwijk,3,2,\n"
                + "café,Drie,Moerwijk,3,2,\n"
                + "a/b,Vier,Moerwijk,3,2,\n"
                + "gewoon,Vijf,Moerwijk,3,2,\n");
    Path out = dir.resolve("out");
    Run r = run("batch", list.toString(), "--to-yaml", out.toString(), "--lang", "en", "-q");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(yamlFiles(out))
        .containsExactly("a_b.yaml", "café.yaml", "gewoon.yaml", "row-1.yaml", "row-2.yaml");
    assertThat(dir.resolve("evil.yaml")).doesNotExist();
    List<CSVRecord> rows = rows(r);
    assertThat(rows.get(0).get("status")).contains("wrote row-1.yaml").contains("characters");
    assertThat(rows.get(1).get("status")).contains("wrote row-2.yaml");
    assertThat(rows.get(2).get("status")).isEqualTo("ok");
    assertThat(rows.get(3).get("status")).contains("wrote a_b.yaml");
    assertThat(rows.get(4).get("status")).isEqualTo("ok");
  }

  @Test
  void aFlatRowNeverWritesOverTheProposalOfALaterFileRow() throws Exception {
    Path proposal = Files.copy(Path.of("examples/moerwijk.yaml"), dir.resolve("moerwijk.yaml"));
    byte[] before = Files.readAllBytes(proposal);
    Path list =
        write("list.csv", HEADER + "moerwijk,Plat,Moerwijk,3,2,\n" + "m,,,,,moerwijk.yaml\n");
    Run r = run("batch", list.toString(), "--to-yaml", dir.toString(), "--lang", "en", "-q");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readAllBytes(proposal)).isEqualTo(before);
    List<CSVRecord> rows = rows(r);
    assertThat(rows.get(0).get("status")).contains("moerwijk-row-1.yaml");
    assertThat(rows.get(1).get("status")).isEqualTo("ok");
  }

  @Test
  void aFounderCellIsNeverEchoed() throws Exception {
    Path list =
        write(
            "list.csv",
            HEADER + "a,Een,Moerwijk,Henk Verborgen,1,\n" + "b,Twee,Moerwijk,3,Jan 0612345678,\n");
    Path json = dir.resolve("all.jsonl");
    Run r = run("batch", list.toString(), "--lang", "en", "--json", json.toString());
    assertThat(r.code()).isEqualTo(3);
    String everything = r.out() + r.err() + Files.readString(json);
    assertThat(everything)
        .contains("needs a whole number")
        .doesNotContain("Henk")
        .doesNotContain("Verborgen")
        .doesNotContain("0612345678");
  }
}
