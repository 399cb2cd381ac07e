package nl.wijktoets.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.report.Overview;
import nl.wijktoets.rubric.RubricLoader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch runner on its own: results in input order, neutralised cells, counts, JSON lines. */
class BatchRunnerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  record Result(String csv, List<CSVRecord> records, Overview overview, String json) {
    CSVRecord row(int i) {
      return records.get(i + 1);
    }

    List<String> header() {
      return records.get(0).toList();
    }
  }

  /** Mid 2026: flat rows without first_year start in 2027. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

  private Result run(String text, int threads, BigDecimal minScore, int top) throws Exception {
    return run(text, threads, minScore, top, CLOCK);
  }

  private Result run(String text, int threads, BigDecimal minScore, int top, Clock clock)
      throws Exception {
    Path list = dir.resolve("list.csv");
    Files.writeString(list, text, StandardCharsets.UTF_8);
    StringWriter json = new StringWriter();
    BatchRunner runner =
        new BatchRunner(
            RubricLoader.builtin(),
            new BatchRunner.Options(
                "list.csv",
                list,
                Language.EN,
                Language.EN,
                top,
                minScore,
                null,
                threads,
                null,
                json,
                null,
                clock,
                null));
    StringWriter out = new StringWriter();
    List<Long> progress = new ArrayList<>();
    try (InputStream in = Files.newInputStream(list)) {
      runner.run(in, out, progress::add);
    }
    assertThat(progress).isSorted();
    char delimiter = text.lines().findFirst().orElse("").contains(";") ? ';' : ',';
    String results = out.toString();
    List<CSVRecord> records =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter)
            .get()
            .parse(new StringReader(results.startsWith("\uFEFF") ? results.substring(1) : results))
            .getRecords();
    return new Result(out.toString(), records, runner.overview(), json.toString());
  }

  private Result run(String text) throws Exception {
    return run(text, 2, null, 3);
  }

  @Test
  void flatRowsWithoutFirstYearStartTheYearAfterTheClocks() throws Exception {
    String list = "id,name,neighbourhood,costs,plan_years\n1,a,Moerwijk,1000,2\n";
    assertThat(referenceYears(run(list, 1, null, 3, CLOCK))).isEqualTo("[2027,2028]");
    // the calendar year in UTC: the last minutes of 2030 are still 2030
    Clock newYearsEve = Clock.fixed(Instant.parse("2030-12-31T23:59:00Z"), ZoneOffset.UTC);
    assertThat(referenceYears(run(list, 1, null, 3, newYearsEve))).isEqualTo("[2031,2032]");
    // a first_year in the row wins
    String given = "id,name,neighbourhood,costs,first_year\n1,a,Moerwijk,1000,2040\n";
    assertThat(referenceYears(run(given, 1, null, 3, newYearsEve))).isEqualTo("[2040]");
  }

  private static String referenceYears(Result r) throws Exception {
    return JSON.readTree(r.json().lines().findFirst().orElseThrow())
        .get("referenceYears")
        .toString();
  }

  @Test
  void safeNeutralisesFormulaStarts() {
    assertThat(BatchRunner.safe("=1+1")).isEqualTo("'=1+1");
    assertThat(BatchRunner.safe("+31 70 123")).isEqualTo("'+31 70 123");
    // a plain number is not a formula; anything more after a sign is
    assertThat(BatchRunner.safe("-5")).isEqualTo("-5");
    assertThat(BatchRunner.safe("-5+cmd|' /C calc'!A0")).isEqualTo("'-5+cmd|' /C calc'!A0");
    assertThat(BatchRunner.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(BatchRunner.safe("\tx")).isEqualTo("'\tx");
    assertThat(BatchRunner.safe("\rx")).isEqualTo("'\rx");
    assertThat(BatchRunner.safe("a=b")).isEqualTo("a=b");
    assertThat(BatchRunner.safe("'=already")).isEqualTo("'=already");
    assertThat(BatchRunner.safe("")).isEmpty();
    assertThat(BatchRunner.safe(null)).isEmpty();
  }

  @Test
  void formulaCellsComeOutWithOneQuoteAndScoresArePlainNumbers() throws Exception {
    Files.writeString(
        dir.resolve("evil.yaml"),
        "version: 1\nname: \"=EVIL()\"\nneighbourhood: Laak\n",
        StandardCharsets.UTF_8);
    Result r =
        run(
            "id,name,neighbourhood,founders,founders_resident,notes,remark\n"
                + "=1+1,+SUM(A1),Moerwijk,3,2,@cmd,-5\n"
                + "-7,@name,Laak,1,1,\"\tTAB\",\"=HYPERLINK(\"\"http://x\"\")\"\n"
                + "ok,Gewoon,Laak,,,plain,a-b\n");
    assertThat(r.records()).hasSize(4);
    assertThat(r.row(0).get(0)).isEqualTo("'=1+1");
    assertThat(r.row(0).get(1)).isEqualTo("'+SUM(A1)");
    int notes = r.header().indexOf("notes");
    int remark = r.header().indexOf("remark");
    assertThat(r.row(0).get(notes)).isEqualTo("'@cmd");
    assertThat(r.row(0).get(remark)).isEqualTo("-5");
    assertThat(r.row(1).get(0)).isEqualTo("-7");
    assertThat(r.row(1).get(1)).isEqualTo("'@name");
    assertThat(r.row(1).get(notes)).isEqualTo("'\tTAB");
    assertThat(r.row(1).get(remark)).isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(r.row(2).get(remark)).isEqualTo("a-b");
    // score columns: plain decimals with a point
    for (int i : List.of(0, 1, 2)) {
      CSVRecord row = r.row(i);
      assertThat(row.get(r.header().indexOf("status"))).isEqualTo("ok");
      for (int c = 2; c < r.header().indexOf("top_steps"); c++) {
        if (c == 3) {
          assertThat(row.get(c)).matches("[ABCD]");
        } else {
          assertThat(row.get(c)).as("column %s", r.header().get(c)).matches("[0-9]+(\\.[0-9]+)?");
        }
      }
    }

    Result f = run("id,file\n,evil.yaml\n");
    assertThat(f.row(0).get(0)).isEqualTo("1");
    assertThat(f.row(0).get(1)).isEqualTo("'=EVIL()");
    assertThat(f.row(0).get(f.header().indexOf("status"))).isEqualTo("ok");
  }

  @Test
  void passThroughHeaderNamesAreNeutralisedToo() throws Exception {
    Result r = run("name,neighbourhood,=cmd()\nA,Laak,x\n");
    assertThat(r.header()).last().isEqualTo("'=cmd()");
  }

  @Test
  void resultsHeaderAndLessonColumns() throws Exception {
    Result r = run("id;Name;neighbourhood;advisor;notes\nA;B;C;R. de Vries;n\n");
    assertThat(r.csv()).startsWith("\uFEFFid;name;score;band;"); // Excel needs the BOM
    assertThat(r.header())
        .containsExactly(
            "id",
            "name",
            "score",
            "band",
            "social-tendering",
            "middle-up-down",
            "participation-trends",
            "top_steps",
            "status",
            "advisor",
            "notes");
    assertThat(r.row(0).toList())
        .containsExactly(
            "A",
            "B",
            "0",
            "D",
            "0",
            "0",
            "0",
            "public-task-revenue jobs-for-residents resident-governance",
            "ok",
            "R. de Vries",
            "n");
  }

  @Test
  void everyRowInInputOrderAcrossChunksAndThreads() throws Exception {
    StringBuilder csv =
        new StringBuilder("id,name,neighbourhood,founders,founders_resident,note\n");
    int n = 300; // more than two chunks of 128
    for (int i = 0; i < n; i++) {
      if (i % 7 == 3) {
        csv.append(String.format(Locale.ROOT, "R%03d,Name %d,Laak,1,2,n%d\n", i, i, i));
      } else if (i % 11 == 5) {
        csv.append(String.format(Locale.ROOT, "R%03d,Name %d,Laak,1\n", i, i));
      } else {
        csv.append(
            String.format(
                Locale.ROOT,
                "R%03d,Name %d,Laak,%d,%d,n%d\n",
                i,
                i,
                i % 5,
                i % 3 % (i % 5 + 1),
                i));
      }
    }
    Result r = run(csv.toString(), 3, null, 3);
    assertThat(r.records()).hasSize(n + 1);
    int status = r.header().indexOf("status");
    long errors = 0;
    for (int i = 0; i < n; i++) {
      CSVRecord row = r.row(i);
      assertThat(row.get(0)).isEqualTo(String.format(Locale.ROOT, "R%03d", i));
      assertThat(row.get(1)).isEqualTo("Name " + i);
      if (i % 7 == 3) {
        errors++;
        assertThat(row.get(status)).contains("founders_resident");
        assertThat(row.get(2)).isEmpty();
      } else if (i % 11 == 5) {
        errors++;
        assertThat(row.get(status)).endsWith("this row has 4 fields, the header 6");
        assertThat(row.get(r.header().indexOf("note"))).isEmpty();
      } else {
        assertThat(row.get(status)).isEqualTo("ok");
        assertThat(row.get(r.header().indexOf("note"))).isEqualTo("n" + i);
      }
    }
    assertThat(r.overview().rows()).isEqualTo(n);
    assertThat(r.overview().errors()).isEqualTo(errors);
    assertThat(r.overview().ok()).isEqualTo(n - errors);
    assertThat(r.overview().bands().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(n - errors);
    // JSON lines: one per row, failed rows too, in input order
    List<String> all = r.json().lines().toList();
    assertThat(all).hasSize(n);
    for (int i = 0; i < n; i++) {
      JsonNode j = JSON.readTree(all.get(i));
      assertThat(j.get("id").asText()).isEqualTo(String.format(Locale.ROOT, "R%03d", i));
      assertThat(j.get("line").asInt()).isEqualTo(i + 2);
      assertThat(j.has("status")).isEqualTo(i % 7 == 3 || i % 11 == 5);
    }
    List<String> lines = all.stream().filter(l -> !l.contains("\"status\":\"error\"")).toList();
    assertThat(lines).hasSize((int) (n - errors));
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(first.get("file").asText()).isEqualTo("list.csv:2");
    assertThat(first.get("proposal").get("name").asText()).isEqualTo("Name 0");
    List<String> names = new ArrayList<>();
    for (String l : lines) {
      names.add(JSON.readTree(l).get("proposal").get("name").asText());
    }
    assertThat(names).isSortedAccordingTo((a, b) -> Integer.compare(num(a), num(b)));
  }

  private static int num(String name) {
    return Integer.parseInt(name.substring("Name ".length()));
  }

  @Test
  void sameOutputForOneAndFourThreads() throws Exception {
    StringBuilder csv =
        new StringBuilder("id,name,neighbourhood,residents_involved,revenue,costs,plan_years\n");
    for (int i = 0; i < 260; i++) {
      csv.append(
          String.format(
              Locale.ROOT,
              "R%d,N%d,Laak,%d,\"sales:%d:forecast:various; subsidy:%d:contract:Gemeente\",%d,%d\n",
              i,
              i,
              i % 90,
              i * 100,
              (i % 13) * 1000,
              50000 + i,
              1 + i % 3));
    }
    Result one = run(csv.toString(), 1, null, 3);
    Result four = run(csv.toString(), 4, null, 3);
    assertThat(four.csv()).isEqualTo(one.csv());
    assertThat(four.json()).isEqualTo(one.json());
    assertThat(four.overview().top()).isEqualTo(one.overview().top());
    assertThat(four.overview().bottom()).isEqualTo(one.overview().bottom());
  }

  @Test
  void topDecidesHowManyStepsAndGatesAreCounted() throws Exception {
    String csv = "id,name,neighbourhood,founders,founders_resident\nA,a,Laak,3,3\nB,b,Laak,,\n";
    Result none = run(csv, 1, null, 0);
    assertThat(none.row(0).get(none.header().indexOf("top_steps"))).isEmpty();
    Result five = run(csv, 1, new BigDecimal("1"), 5);
    assertThat(five.row(0).get(five.header().indexOf("top_steps")).split(" ")).hasSize(5);
    // A scores above 1 (founders all residents), B scores 0
    assertThat(new BigDecimal(five.row(0).get(2))).isGreaterThanOrEqualTo(BigDecimal.ONE);
    assertThat(five.row(1).get(2)).isEqualTo("0");
    assertThat(five.overview().gateFailures()).isEqualTo(1);
    assertThat(none.overview().gateFailures()).isZero();
  }

  @Test
  void emptyLinesAreNotRows() throws Exception {
    Result r = run("id,name,neighbourhood\nA,a,b\n\n\nB,c,d\n");
    assertThat(r.records()).hasSize(3);
    assertThat(r.row(1).get(0)).isEqualTo("B");
    assertThat(r.overview().rows()).isEqualTo(2);
    // without an id column, the row number is the id
    Result noId = run("name,neighbourhood\na,b\n\nc,d\n");
    assertThat(noId.row(0).get(0)).isEqualTo("1");
    assertThat(noId.row(1).get(0)).isEqualTo("2");
  }
}
