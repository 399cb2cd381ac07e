package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch details a consultant meets: dialects, blank rows, --group-by, gates, messages. */
class BatchConsultantTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private String read(String name) throws IOException {
    return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  void aCommaListKeepsPointsAndItsOwnBom() throws IOException {
    String rows =
        "id,name,neighbourhood,connector_hours,founders,founders_resident\n1,a,Laak,16,2,1\n";
    write("plain.csv", rows);
    write("bom.csv", "\uFEFF" + rows);
    Run plain =
        run("batch", dir.resolve("plain.csv").toString(), "-o", dir.resolve("p.out").toString());
    Run bom =
        run("batch", dir.resolve("bom.csv").toString(), "-o", dir.resolve("b.out").toString());
    assertThat(plain.code()).as(plain.err()).isZero();
    assertThat(bom.code()).as(bom.err()).isZero();
    assertThat(read("p.out")).startsWith("id,name,score,");
    assertThat(read("b.out")).startsWith("\uFEFFid,name,score,");
    assertThat(read("p.out").lines().skip(1).findFirst().orElseThrow())
        .startsWith("1,a,5.5,D,0,5.5,0,");
  }

  @Test
  void blankRowsAreSkippedCountedAndNotErrors() throws IOException {
    Path list = write("l.csv", "id;name;neighbourhood\n;;\n1;a;Laak\n ; ;\n\n2;b;Laak\n;;\n");
    Run r =
        run("batch", list.toString(), "--lang", "en", "--report", dir.resolve("o.md").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().count()).isEqualTo(3); // the header and two rows
    assertThat(r.err()).contains("2 rows, 2 ok, 0 errors").contains("4 blank row(s) skipped");
    assertThat(read("o.md")).contains("4 blank rows");
  }

  @Test
  void groupByAddsCountsPerBandAndTheMeanPerGroup() throws IOException {
    Path list =
        write(
            "l.csv",
            "id,name,neighbourhood,Advisor,founders,founders_resident\n"
                + "1,a,Laak,Ann,2,2\n2,b,Laak,Bob,1,0\n3,c,Laak,ann,2,3\n4,d,Laak,,1,1\n");
    Run r =
        run(
            "batch",
            list.toString(),
            "--group-by",
            "advisor",
            "--lang",
            "en",
            "--report",
            dir.resolve("o.md").toString());
    assertThat(r.code()).isEqualTo(3);
    String md = read("o.md");
    assertThat(md).contains("## Per Advisor");
    assertThat(md).contains("| Group | A | B | C | D | Errors | Mean total |");
    assertThat(md).contains("| Ann | 0 | 0 | 0 | 1 | 0 | 2.5 |");
    assertThat(md).contains("| Bob | 0 | 0 | 0 | 1 | 0 | 0.0 |");
    assertThat(md).contains("| ann | 0 | 0 | 0 | 0 | 1 |  |");
    assertThat(md).contains("| (empty) | 0 | 0 | 0 | 1 | 0 | 2.5 |");
  }

  @Test
  void groupByAColumnTheListDoesNotHaveIsAUsageError() throws IOException {
    Path list = write("l.csv", "id,name,neighbourhood\n1,a,Laak\n");
    Run r = run("batch", list.toString(), "--group-by", "wijk", "--lang", "en");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "--group-by wijk: the list has no column named wijk; its columns are: id, name,"
                + " neighbourhood");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void theOverviewListsRowsBelowAGate() throws IOException {
    Path list =
        write("l.csv", "id,name,neighbourhood,founders,founders_resident\nX1,Low,Laak,2,2\n");
    Run r =
        run(
            "batch",
            list.toString(),
            "--min-score",
            "50",
            "--lang",
            "en",
            "--report",
            dir.resolve("o.md").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(read("o.md"))
        .contains("## Rows below a threshold")
        .contains("| 2 | X1 | Low | 2.5 | D |")
        .contains("## Rows that could not be scored\n\nEvery row could be scored.");
  }

  @Test
  void planYearsStatesTheRealLimit() throws IOException {
    Path list = write("l.csv", "id,name,neighbourhood,plan_years\n1,a,Laak,11\n");
    Run en = run("batch", list.toString(), "--lang", "en");
    assertThat(en.out()).contains("error in column plan_years: needs a whole number from 1 to 10");
    Run nl = run("batch", list.toString(), "--lang", "nl");
    assertThat(nl.out())
        .contains("fout in kolom plan_years: moet een heel getal van 1 tot en met 10 zijn");
  }

  @Test
  void htmIsHtml() throws IOException {
    Path list = write("l.csv", "id,name,neighbourhood\n1,a,Laak\n");
    Run r = run("batch", list.toString(), "--report", dir.resolve("o.htm").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(read("o.htm")).startsWith("<!DOCTYPE html>");
  }
}
