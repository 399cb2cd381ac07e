package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.wijktoets.testutil.MarkdownCheck;
import nl.wijktoets.testutil.Run;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/** {@code wijktoets batch} in-process: input dialects, row errors, safety, gates and outputs. */
class BatchCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLE = Path.of("examples/batch/proposals.csv");
  private static final Pattern SUMMARY =
      Pattern.compile("wijktoets batch: (\\d+) rows, (\\d+) ok, (\\d+) errors, .*");

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.toAbsolutePath().getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static List<CSVRecord> csv(String text, char delimiter) throws IOException {
    return CSVFormat.RFC4180
        .builder()
        .setDelimiter(delimiter)
        .get()
        .parse(new StringReader(text))
        .getRecords();
  }

  private static List<CSVRecord> csv(Path file, char delimiter) throws IOException {
    return csv(Files.readString(file, StandardCharsets.UTF_8), delimiter);
  }

  private static String cell(List<CSVRecord> records, int row, String column) {
    int i = records.get(0).toList().indexOf(column);
    assertThat(i).as("column %s in %s", column, records.get(0).toList()).isNotNegative();
    return records.get(row + 1).get(i);
  }

  private static void assertNoStackTrace(Run r) {
    assertThat(r.err()).doesNotContain("\tat ", "at nl.wijktoets", "Exception");
  }

  // ---------------------------------------------------------------------------------------------
  // 1. Dutch Excel export

  /** rows, ok, errors from the summary line. */
  private static long[] summary(Run r) {
    List<long[]> found = new ArrayList<>();
    for (String l : r.errLines()) {
      Matcher m = SUMMARY.matcher(l);
      if (m.matches()) {
        found.add(
            new long[] {
              Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))
            });
      }
    }
    assertThat(found).as("one summary line in %s", r.err()).hasSize(1);
    return found.get(0);
  }

  @Test
  void dutchExcelExportScoresLikeTheSameListWithCommasAndPoints() throws IOException {
    String dutch =
        "\uFEFFid;Name;NEIGHBOURHOOD;Connector_Hours;connector_paid;revenue;costs;Notes\n"
            + "A1;Eerste;Moerwijk;16,5;ja;\"right-to-challenge:72.000:contract:Stadsdeel;"
            + " sales:72000,50:forecast\";100.000;a, b\n"
            + "A2;Tweede;Laak;8;nee;\"subsidy:12.500:contract:Gemeente Den Haag\";€ 20.000,-;\n";
    String english =
        "id,name,neighbourhood,connector_hours,connector_paid,revenue,costs,notes\n"
            + "A1,Eerste,Moerwijk,16.5,yes,\"right-to-challenge:72000:contract:Stadsdeel;"
            + " sales:72000.50:forecast\",100000,\"a, b\"\n"
            + "A2,Tweede,Laak,8,no,subsidy:12500:contract:Gemeente Den Haag,20000,\n";
    Files.write(dir.resolve("nl.csv"), dutch.getBytes(StandardCharsets.UTF_8));
    write("en.csv", english);
    Run nl = run("batch", dir.resolve("nl.csv").toString(), "-o", dir.resolve("nl.out").toString());
    Run en = run("batch", dir.resolve("en.csv").toString(), "-o", dir.resolve("en.out").toString());
    assertThat(nl.code()).as(nl.err()).isZero();
    assertThat(en.code()).as(en.err()).isZero();
    assertThat(nl.out()).isEmpty();

    // Excel's Dutch dialect back: ; a BOM (so Excel reads UTF-8) and decimal commas
    String nlText = Files.readString(dir.resolve("nl.out"), StandardCharsets.UTF_8);
    assertThat(nlText).startsWith("\uFEFFid;name;score;band;");
    String enText = Files.readString(dir.resolve("en.out"), StandardCharsets.UTF_8);
    assertThat(enText).startsWith("id,name,score,band,");
    List<CSVRecord> nlRows = csv(nlText.substring(1), ';');
    List<CSVRecord> enRows = csv(dir.resolve("en.out"), ',');
    assertThat(nlRows).hasSize(3);
    assertThat(nlRows.get(0).toList()).last().isEqualTo("Notes");
    for (int i = 0; i < 2; i++) {
      assertThat(cell(nlRows, i, "status")).isEqualTo("ok");
      assertThat(nlRows.get(i + 1).toList().stream().map(v -> v.replace(',', '.')).toList())
          .as("row %d: `;` and Dutch numbers score as `,` and points", i + 1)
          .isEqualTo(enRows.get(i + 1).toList().stream().map(v -> v.replace(',', '.')).toList());
    }
    assertThat(cell(nlRows, 0, "name")).isEqualTo("Eerste");
    assertThat(cell(nlRows, 0, "Notes")).isEqualTo("a, b");
    assertThat(new BigDecimal(cell(enRows, 0, "score"))).isPositive();
    assertThat(cell(enRows, 0, "score")).matches("[0-9]+(\\.[0-9]+)?");
    assertThat(cell(nlRows, 0, "score")).isEqualTo(cell(enRows, 0, "score").replace('.', ','));
    for (String column : List.of("score", "social-tendering", "middle-up-down")) {
      assertThat(cell(nlRows, 0, column)).as(column).doesNotContain(".");
    }
    assertThat(summary(nl)).containsExactly(2, 2, 0);
    // rows have no warnings: the summary counts the cells read as Dutch numbers
    assertThat(nl.err()).contains("wijktoets batch: 5 cell(s) read as Dutch numbers");
    assertThat(en.err()).doesNotContain("Dutch numbers");
  }

  // ---------------------------------------------------------------------------------------------
  // 2. Quoted fields with newlines

  @Test
  void multilineNotesSurviveAndTheNextRowsLineIsRight() throws IOException {
    Path list =
        write(
            "list.csv",
            "id,name,neighbourhood,notes\n"
                + "1,Eerste,Laak,\"line one\nline two\r\nline three\"\n"
                + "2,Tweede,Laak,after\n"
                + "3,,Laak,\"empty\nname\"\n"
                + "4,Vierde,Laak,last\n");
    Path json = dir.resolve("rows.jsonl");
    Run r = run("batch", list.toString(), "--json", json.toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(3);
    List<CSVRecord> rows = csv(r.out(), ',');
    assertThat(rows).hasSize(5);
    assertThat(cell(rows, 0, "notes")).isEqualTo("line one\nline two\r\nline three");
    assertThat(cell(rows, 1, "notes")).isEqualTo("after");
    assertThat(cell(rows, 2, "notes")).isEqualTo("empty\nname");
    assertThat(cell(rows, 2, "status"))
        .isEqualTo("line 6: error in column name: required, but empty");
    // the scored rows carry their line: row 2 starts on line 5, row 4 on line 8
    // every row is in --json, the failed one too, each with its id and line
    List<String> files = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (String l : Files.readAllLines(json, StandardCharsets.UTF_8)) {
      JsonNode j = JSON.readTree(l);
      lines.add(j.get("id").asText() + "@" + j.get("line").asInt());
      if (j.has("file")) {
        files.add(j.get("file").asText());
      } else {
        assertThat(j.get("status").asText()).isEqualTo("error");
        assertThat(j.get("column").asText()).isEqualTo("name");
        assertThat(j.get("rule").asText()).isEqualTo("batch/required");
        assertThat(j.get("message").asText()).isEqualTo("required, but empty");
      }
    }
    assertThat(files).containsExactly(list + ":2", list + ":5", list + ":8");
    assertThat(lines).containsExactly("1@2", "2@5", "3@6", "4@8");
  }

  @Test
  void aRowErrorNamesTheLineItStartsOn() throws IOException {
    Path list =
        write(
            "list.csv",
            "id,name,neighbourhood,notes\n"
                + "1,Eerste,Laak,\"line one\nline two\nline three\"\n"
                + "2,,Laak,no name\n");
    Run r = run("batch", list.toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(3);
    List<CSVRecord> rows = csv(r.out(), ',');
    String status = cell(rows, 1, "status");
    assertThat(status).contains("name");
    // the row with the error starts on line 5
    assertThat(status + "\n" + r.err())
        .as("the row's line (5) named in its status or on stderr")
        .containsPattern("(list\\.csv:5\\b|\\bline 5\\b)");
  }

  // ---------------------------------------------------------------------------------------------
  // 3. Duplicate headers

  @Test
  void duplicateHeaderIsOneClearLineAndWritesNothing() throws IOException {
    Path list = write("list.csv", "id,name,neighbourhood,Name\n1,a,b,c\n");
    Path out = dir.resolve("out.csv");
    Run r =
        run(
            "batch",
            list.toString(),
            "-o",
            out.toString(),
            "--json",
            dir.resolve("a.jsonl").toString(),
            "--junit",
            dir.resolve("a.xml").toString(),
            "--report",
            dir.resolve("a.md").toString(),
            "--lang",
            "en");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.errLines()).hasSize(1);
    String line = r.errLines().get(0);
    assertThat(line).startsWith(list + ":1: error: ");
    assertThat(line).contains("Name", "2", "4");
    assertThat(line)
        .isEqualTo(
            list
                + ":1: error: column Name appears twice in the header (columns 2 and 4); names"
                + " are compared without case");
    assertThat(r.out()).isEmpty();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("list.csv");
    }
  }

  @Test
  void duplicateHeaderKeepsAnExistingOutputAsItWas() throws IOException {
    Path list = write("list.csv", "\uFEFFid;NAME;name\n1;a;b\n");
    Path out = write("out.csv", "previous results\n");
    Run r = run("batch", list.toString(), "-o", out.toString(), "--lang", "nl");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.errLines())
        .containsExactly(
            list
                + ":1: fout: kolom name staat twee keer in de kopregel (kolom 2 en 3);"
                + " hoofdletters tellen niet");
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo("previous results\n");
  }

  // ---------------------------------------------------------------------------------------------
  // 4. Unbalanced quotes

  @Test
  void unbalancedQuoteNamesTheLineWhereItStarts() throws IOException {
    Path list =
        write(
            "list.csv",
            "id,name,neighbourhood,notes\n"
                + "1,a,Laak,\"fine\nand closed\"\n"
                + "2,b,Laak,\"never closed\n"
                + "3,c,Laak,x\n"
                + "4,d,Laak,y\n");
    Path out = dir.resolve("out.csv");
    Run r = run("batch", list.toString(), "-o", out.toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0)).startsWith(list + ":4: error: ");
    assertThat(r.errLines().get(0)).contains("quote");
    assertThat(out).doesNotExist();
  }

  /** A list of {@code n} plain rows with one odd record put in at row {@code at}. */
  private static String rowsWith(int n, int at, String odd) {
    StringBuilder b = new StringBuilder("id,name,neighbourhood,notes\n");
    for (int i = 1; i <= n; i++) {
      b.append(i == at ? odd : i + ",p" + i + ",Laak,x").append('\n');
    }
    return b.toString();
  }

  @Test
  void textAfterAClosingQuoteFarIntoTheListNamesItsLine() throws IOException {
    // cells are split on the thread that scores the row: the error still stops the list at its line
    Path list = write("list.csv", rowsWith(1000, 700, "700,\"p\"x,Laak,x"));
    Path out = dir.resolve("out.csv");
    Run r = run("batch", list.toString(), "-o", out.toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0)).startsWith(list + ":701: error: ").contains("quote");
    assertThat(out).doesNotExist();
  }

  @Test
  void everyRowBeforeAQuoteProblemIsWrittenThenTheListStops() throws IOException {
    // to standard output (nothing is kept of an -o file): the same rule for both kinds of problem
    Path split = write("split.csv", rowsWith(1000, 700, "700,\"p\"x,Laak,x"));
    Run r = run("batch", split.toString(), "--lang", "en", "--no-progress");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out().lines()).hasSize(700).last().asString().startsWith("699,p699,");
    Path open = write("open.csv", rowsWith(1000, 900, "900,\"p"));
    r = run("batch", open.toString(), "--lang", "en", "--no-progress");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.errLines().get(0)).startsWith(open + ":901: error: ");
    assertThat(r.out().lines()).hasSize(900).last().asString().startsWith("899,p899,");
  }

  @Test
  void theFirstQuoteProblemInTheListIsTheOneReported() throws IOException {
    // row 300 cannot be split; the quote opened at row 900 never closes: line 301 is reported
    String text = rowsWith(900, 300, "300,\"p\"x,Laak,x").replace("900,p900,Laak,x", "900,\"p");
    Path list = write("list.csv", text);
    Run r = run("batch", list.toString(), "--lang", "en", "--threads", "2");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0)).startsWith(list + ":301: error: ");
  }

  @Test
  void rowsOfQuotesAndDelimitersAreBlankOnlyWhenEveryCellIs() throws IOException {
    Path list =
        write(
            "list.csv",
            "id,name,neighbourhood,notes\n"
                + "1,a,Laak,x\n"
                + ",,,\n"
                + "\"\",\" \",,\n"
                + "\"\"\"\",,,\n"
                + "2,b,Laak,y\n");
    Path out = dir.resolve("out.csv");
    Run r = run("batch", list.toString(), "-o", out.toString(), "--lang", "en", "--no-progress");
    // the row of a lone quote (""""): not blank, and it fails for its missing name
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1)).startsWith("1,a,");
    assertThat(lines.get(2)).startsWith("\"\"\"\",,");
    assertThat(lines.get(3)).startsWith("2,b,");
    assertThat(r.err()).contains("2 blank");
  }

  @Test
  void unbalancedQuoteMessageShowsNoJavaInternals() throws IOException {
    Path list = write("list.csv", "id,name,neighbourhood\n1,\"a,Laak\n");
    Run r = run("batch", list.toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0)).startsWith(list + ":2: error: ");
    assertThat(r.errLines().get(0)).doesNotContain("org.apache", "Exception", "EOF reached");
  }

  @Test
  void aListThatIsNotUtf8SaysSoWithItsLine() throws IOException {
    Path list = dir.resolve("latin1.csv");
    Files.write(
        list,
        "id,name,neighbourhood\n1,Co\u00f6peratie,Laak\n".getBytes(StandardCharsets.ISO_8859_1));
    Run r = run("batch", list.toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0))
        .isEqualTo(
            list + ":2: error: the list is not UTF-8; save it as UTF-8 (in Excel: CSV UTF-8)");
  }

  @Test
  void missingListOrFolderIsAnInputError() throws IOException {
    Run missing = run("batch", dir.resolve("nope.csv").toString(), "--lang", "en");
    assertThat(missing.code()).isEqualTo(3);
    assertThat(missing.err()).contains("nope.csv");
    Run folder = run("batch", dir.toString(), "--lang", "en");
    assertThat(folder.code()).isEqualTo(3);
    assertNoStackTrace(folder);
  }

  // ---------------------------------------------------------------------------------------------
  // 5. Path traversal in `file`

  @Test
  void fileOutsideTheListsFolderIsRefusedPerRow() throws IOException {
    Path listDir = dir.resolve("lists");
    Files.createDirectories(listDir.resolve("sub"));
    String yaml = Files.readString(Path.of("examples/moerwijk.yaml"), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("secret.yaml"), yaml, StandardCharsets.UTF_8);
    Files.writeString(listDir.resolve("ok.yaml"), yaml, StandardCharsets.UTF_8);
    boolean links;
    try {
      Files.createSymbolicLink(listDir.resolve("link.yaml"), Path.of("../secret.yaml"));
      Files.createSymbolicLink(listDir.resolve("up"), Path.of(".."));
      links = true;
    } catch (UnsupportedOperationException | FileSystemException e) {
      links = false;
    }
    Assumptions.assumeTrue(links, "symbolic links are not supported here");
    Path list =
        write(
            "lists/list.csv",
            "id,file,notes\n"
                + "up,../secret.yaml,a\n"
                + "abs,"
                + dir.resolve("secret.yaml").toAbsolutePath()
                + ",b\n"
                + "link,link.yaml,c\n"
                + "ok,ok.yaml,d\n"
                + "dirlink,up/secret.yaml,e\n"
                + "dotdot,sub/../ok.yaml,f\n"
                + "sneaky,sub/../../secret.yaml,g\n");
    Run r = run("batch", list.toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(3);
    List<CSVRecord> rows = csv(r.out(), ',');
    assertThat(rows).hasSize(8);
    for (int i : List.of(0, 1, 2, 4, 6)) {
      assertThat(cell(rows, i, "status"))
          .as("row %s", cell(rows, i, "id"))
          .contains("error in column file: ")
          .endsWith("is outside the list's folder");
      assertThat(cell(rows, i, "score")).isEmpty();
    }
    assertThat(cell(rows, 3, "status")).isEqualTo("ok");
    assertThat(cell(rows, 5, "status")).isEqualTo("ok");
    assertThat(cell(rows, 3, "name")).isEqualTo("Buurtcoöperatie De Moerwijkse Handen U.A.");
    assertThat(cell(rows, 6, "notes")).isEqualTo("g");
    assertThat(summary(r)).containsExactly(7, 2, 5);

    Run assess = run("assess", listDir.resolve("ok.yaml").toString(), "-f", "json");
    assertThat(assess.code()).isZero();
    BigDecimal total = JSON.readTree(assess.out()).get("total").decimalValue();
    assertThat(new BigDecimal(cell(rows, 3, "score"))).isEqualByComparingTo(total);
    assertThat(new BigDecimal(cell(rows, 5, "score"))).isEqualByComparingTo(total);
    assertThat(cell(rows, 3, "band"))
        .isEqualTo(JSON.readTree(assess.out()).get("band").get("id").asText());
  }

  @Test
  void missingOrBrokenFileIsThatRowsError() throws IOException {
    write("broken.yaml", "version: 1\nname: [unclosed\n");
    write("nothing.yaml", "version: 1\nname: x\n"); // no neighbourhood
    Path list =
        write(
            "list.csv",
            "id,file\nm,missing.yaml\nb,broken.yaml\nn,nothing.yaml\nok,"
                + Path.of("proposal.yaml")
                + "\n");
    Files.copy(Path.of("examples/moerwijk.yaml"), dir.resolve("proposal.yaml"));
    Run r = run("batch", list.toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(3);
    List<CSVRecord> rows = csv(r.out(), ',');
    assertThat(cell(rows, 0, "status"))
        .endsWith("error in column file: no file missing.yaml next to the list");
    assertThat(cell(rows, 1, "status")).contains("error in column file: broken.yaml:");
    assertThat(cell(rows, 2, "status"))
        .contains("error in column file: nothing.yaml:")
        .contains("neighbourhood");
    assertThat(cell(rows, 3, "status")).isEqualTo("ok");
    assertNoStackTrace(r);
  }

  // ---------------------------------------------------------------------------------------------
  // 7. Mixed file

  @Test
  void badRowsAreReportedAndTheRestIsScoredInOrder() throws IOException {
    Path list =
        write(
            "list.csv",
            "id,name,neighbourhood,founders,founders_resident,stage,costs,revenue,advisor\n"
                + "ok1,A,Laak,2,1,idea,1000,,R\n"
                + "many,B,Laak,2,1,idea,1000,,R,extra\n"
                + "few,C,Laak,2\n"
                + "part,D,Laak,2,3,,,,R\n"
                + "enum,E,Laak,,,bogus,,,R\n"
                + "neg,F,Laak,,,,-500,,R\n"
                + "amount,G,Laak,,,,,sales:12a:forecast,R\n"
                + "negrev,H,Laak,,,,,sales:-12:forecast,R\n"
                + "noname,,Laak,,,,,,R\n"
                + "ok2,I,Laak,,,in-oprichting,,,R\n");
    Path out = dir.resolve("out.csv");
    Run r = run("batch", list.toString(), "-o", out.toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(3);
    assertNoStackTrace(r);
    List<CSVRecord> rows = csv(out, ',');
    assertThat(rows).hasSize(11);
    assertThat(rows.stream().skip(1).map(x -> x.get(0)))
        .containsExactly(
            "ok1", "many", "few", "part", "enum", "neg", "amount", "negrev", "noname", "ok2");
    assertThat(cell(rows, 0, "status")).isEqualTo("ok");
    assertThat(cell(rows, 1, "status")).endsWith("this row has 10 fields, the header 9");
    assertThat(cell(rows, 2, "status")).endsWith("this row has 4 fields, the header 9");
    assertThat(cell(rows, 3, "status"))
        .endsWith("error in column founders_resident: 3 is more than founders (2)");
    assertThat(cell(rows, 4, "status"))
        .contains(
            "error in column stage: unknown value \"bogus\"; the allowed values are listed by"
                + " wijktoets explain stage");
    assertThat(cell(rows, 5, "status"))
        .endsWith("error in column costs: the amount \"-500\" is negative");
    assertThat(cell(rows, 6, "status"))
        .endsWith("error in column revenue: cannot read the amount \"12a\"");
    assertThat(cell(rows, 7, "status"))
        .endsWith("error in column revenue: the amount \"-12\" is negative");
    assertThat(cell(rows, 8, "status")).endsWith("error in column name: required, but empty");
    assertThat(cell(rows, 9, "status")).isEqualTo("ok");
    for (int i = 1; i <= 8; i++) {
      assertThat(cell(rows, i, "score")).isEmpty();
      assertThat(cell(rows, i, "band")).isEmpty();
      assertThat(cell(rows, i, "top_steps")).isEmpty();
    }
    assertThat(cell(rows, 1, "name")).isEqualTo("B");
    assertThat(cell(rows, 3, "advisor")).isEqualTo("R");
    assertThat(cell(rows, 2, "advisor")).isEmpty();
    assertThat(cell(rows, 0, "score")).isNotEmpty();
    assertThat(summary(r)).containsExactly(10, 2, 8);
  }

  @Test
  void rowStatusesFollowTheLanguage() throws IOException {
    Path list =
        write("list.csv", "id,name,neighbourhood,founders,founders_resident\nx,A,Laak,1,2\n");
    Run r = run("batch", list.toString(), "--lang", "nl");
    assertThat(r.code()).isEqualTo(3);
    assertThat(cell(csv(r.out(), ','), 0, "status"))
        .endsWith("fout in kolom founders_resident: 2 is meer dan founders (1)");
    assertThat(r.errLines())
        .anyMatch(l -> l.startsWith("wijktoets batch: 1 rijen, 0 goed, 1 fouten"));
    Run quiet = run("batch", list.toString(), "-q");
    assertThat(quiet.err()).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // 9. Deterministic with parallel scoring

  static String generatedList(int rows, long seed) {
    Random random = new Random(seed);
    String[] sectors = {"district", "business", "welfare", "housing-corporation", "municipality"};
    String[] commitments = {"idea", "in-talks", "letter-of-intent", "agreement"};
    String[] types = {"right-to-challenge", "sales", "subsidy", "rent", "fund-grant", "membership"};
    String[] statuses = {"idea", "forecast", "contract", "realised", "letter-of-intent"};
    String[] payers = {"Stadsdeel Escamp", "various", "Haag Wonen", "Gemeente Den Haag", ""};
    StringBuilder b =
        new StringBuilder(
            "id,name,neighbourhood,founders,founders_resident,residents_involved,members,"
                + "consultation_participants,board_seats,board_resident_seats,members_meeting,"
                + "profit_reinvested,connector_hours,connector_paid,partners,resident_groups,"
                + "public_task_provider,public_task_current_cost,public_task_price,public_task_jobs,"
                + "revenue,costs,plan_years,residents_hired,entry_jobs,guidance,asset_tenure,"
                + "asset_term_years,impact_indicators,impact_themes,risk_mitigated,notes\n");
    for (int i = 0; i < rows; i++) {
      int founders = random.nextInt(7);
      int board = random.nextInt(6);
      StringBuilder partners = new StringBuilder();
      for (int k = random.nextInt(4); k > 0; k--) {
        partners
            .append(partners.length() > 0 ? "; " : "")
            .append(sectors[random.nextInt(sectors.length)])
            .append(':')
            .append(commitments[random.nextInt(commitments.length)]);
      }
      StringBuilder revenue = new StringBuilder();
      for (int k = random.nextInt(4); k > 0; k--) {
        revenue
            .append(revenue.length() > 0 ? "; " : "")
            .append(types[random.nextInt(types.length)])
            .append(':')
            .append(random.nextInt(100) * 1000)
            .append(':')
            .append(statuses[random.nextInt(statuses.length)])
            .append(':')
            .append(payers[random.nextInt(payers.length)]);
      }
      int cost = 20000 + random.nextInt(100) * 1000;
      String notes =
          switch (i % 5) {
            case 0 -> "\"two\nlines\"";
            case 1 -> "=SUM(A1)";
            case 2 -> "";
            default -> "n" + i;
          };
      String resident =
          i % 97 == 13
              ? Integer.toString(founders + 1)
              : Integer.toString(random.nextInt(founders + 1));
      b.append(
          String.join(
              ",",
              "R" + i,
              "Plan " + (i % 50),
              "Wijk " + (i % 9),
              Integer.toString(founders),
              resident,
              Integer.toString(random.nextInt(120)),
              random.nextBoolean() ? Integer.toString(random.nextInt(400)) : "",
              Integer.toString(random.nextInt(200)),
              Integer.toString(board),
              Integer.toString(random.nextInt(board + 1)),
              random.nextBoolean() ? "yes" : "no",
              random.nextBoolean() ? "ja" : "nee",
              random.nextInt(3) == 0 ? "" : Integer.toString(random.nextInt(40)),
              random.nextBoolean() ? "yes" : "no",
              "\"" + partners + "\"",
              random.nextBoolean() ? "residents-organisation:joint-delivery" : "",
              random.nextBoolean() ? "aannemer" : "",
              Integer.toString(cost),
              Integer.toString(cost - random.nextInt(5000)),
              Integer.toString(random.nextInt(8)),
              "\"" + revenue + "\"",
              Integer.toString(cost),
              Integer.toString(1 + random.nextInt(3)),
              Integer.toString(random.nextInt(12)),
              Integer.toString(random.nextInt(4)),
              random.nextBoolean() ? "yes" : "no",
              random.nextBoolean() ? "rent" : "self-management",
              Integer.toString(1 + random.nextInt(20)),
              Integer.toString(random.nextInt(5)),
              "work; health",
              random.nextBoolean() ? "yes" : "no",
              notes));
      b.append('\n');
    }
    return b.toString();
  }

  @Test
  @Timeout(300)
  void sameBytesWithOneOrFourThreadsAndOnEveryRun() throws IOException {
    Path list = write("big.csv", generatedList(2000, 20260101L));
    List<String> names = List.of("t1", "t4", "t4again");
    List<String> threads = List.of("1", "4", "4");
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      Run r =
          run(
              "batch",
              list.toString(),
              "--threads",
              threads.get(i),
              "-o",
              dir.resolve(n + ".csv").toString(),
              "--json",
              dir.resolve(n + ".jsonl").toString(),
              "--junit",
              dir.resolve(n + ".xml").toString(),
              "--report",
              dir.resolve(n + ".html").toString(),
              "--lang",
              "en",
              "-q");
      assertThat(r.code()).as(r.err()).isEqualTo(3); // a few rows have founders_resident > founders
      assertThat(r.err()).isEmpty();
    }
    for (String ext : List.of(".csv", ".jsonl", ".xml", ".html")) {
      Path base = dir.resolve("t1" + ext);
      assertThat(Files.size(base)).isPositive();
      for (String other : List.of("t4", "t4again")) {
        assertThat(Files.mismatch(base, dir.resolve(other + ext)))
            .as("%s%s differs from t1%s", other, ext, ext)
            .isEqualTo(-1L);
      }
    }
    List<CSVRecord> rows = csv(dir.resolve("t1.csv"), ',');
    assertThat(rows).hasSize(2001);
    long errors = rows.stream().skip(1).filter(x -> !x.get(8).equals("ok")).count();
    assertThat(errors).isEqualTo(21); // i % 97 == 13 for i < 2000
    for (int i = 0; i < 2000; i++) {
      assertThat(rows.get(i + 1).get(0)).isEqualTo("R" + i);
    }
    try (Stream<String> lines = Files.lines(dir.resolve("t1.jsonl"), StandardCharsets.UTF_8)) {
      assertThat(lines.filter(l -> l.contains("\"status\":\"error\"")).count()).isEqualTo(errors);
    }
    try (Stream<String> lines = Files.lines(dir.resolve("t1.jsonl"), StandardCharsets.UTF_8)) {
      assertThat(lines.count()).isEqualTo(2000); // every row, the failed ones too
    }
  }

  // ---------------------------------------------------------------------------------------------
  // 10. Gates

  /** The example list without its error rows, with the proposals folder next to it. */
  private Path cleanExampleList() throws IOException {
    Path target = dir.resolve("clean");
    Files.createDirectories(target.resolve("proposals"));
    for (String f : List.of("moerwijk.yaml", "duindorp.yaml")) {
      Files.copy(
          EXAMPLE.resolveSibling("proposals").resolve(f), target.resolve("proposals").resolve(f));
    }
    List<CSVRecord> records = csv(EXAMPLE, ',');
    StringWriter text = new StringWriter();
    try (var printer = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get().print(text)) {
      for (CSVRecord rec : records) {
        if (!rec.get(0).startsWith("ER-")) {
          printer.printRecord(rec.toList());
        }
      }
    }
    Path list = target.resolve("proposals.csv");
    Files.writeString(list, text.toString(), StandardCharsets.UTF_8);
    return list;
  }

  @Test
  void minScoreOnTheExampleListIsAnInputErrorBecauseOfItsErrorRows() {
    Run r = run("batch", EXAMPLE.toString(), "--min-score", "90", "--lang", "en");
    assertThat(r.code()).isEqualTo(3);
    Run noFail = run("batch", EXAMPLE.toString(), "--min-score", "90", "--no-fail", "--lang", "en");
    assertThat(noFail.code()).isEqualTo(3);
    assertThat(summary(r)).containsExactly(12, 10, 2);
  }

  @Test
  void gatesCompareExactlyAndNoFailTurnsThemIntoZero() throws IOException {
    Path list = cleanExampleList();
    Run plain = run("batch", list.toString(), "--lang", "en");
    assertThat(plain.code()).as(plain.err()).isZero();
    List<CSVRecord> rows = csv(plain.out(), ',');
    assertThat(rows).hasSize(11);
    BigDecimal lowest = null;
    BigDecimal highest = null;
    for (int i = 0; i < 10; i++) {
      assertThat(cell(rows, i, "status")).isEqualTo("ok");
      BigDecimal s = new BigDecimal(cell(rows, i, "score"));
      lowest = lowest == null || s.compareTo(lowest) < 0 ? s : lowest;
      highest = highest == null || s.compareTo(highest) > 0 ? s : highest;
    }
    String atLowest = lowest.toPlainString();
    String justAbove = lowest.add(new BigDecimal("0.01")).toPlainString();

    assertThat(run("batch", list.toString(), "--min-score", "90").code()).isEqualTo(1);
    assertThat(run("batch", list.toString(), "--min-score", "90", "--no-fail").code()).isZero();
    assertThat(run("batch", list.toString(), "--min-score", atLowest).code()).isZero();
    assertThat(run("batch", list.toString(), "--min-score", justAbove).code()).isEqualTo(1);
    assertThat(
            run(
                    "batch",
                    list.toString(),
                    "--min-score",
                    highest.add(BigDecimal.ONE).toPlainString())
                .code())
        .isEqualTo(1);

    // --min-lesson: every lesson's percentage of its weight; weights from the JSON lines
    Path json = dir.resolve("clean.jsonl");
    assertThat(run("batch", list.toString(), "--json", json.toString()).code()).isZero();
    BigDecimal lowestShare = null;
    for (String l : Files.readAllLines(json, StandardCharsets.UTF_8)) {
      for (JsonNode lesson : JSON.readTree(l).get("lessons")) {
        BigDecimal pct = lesson.get("share").decimalValue().multiply(BigDecimal.valueOf(100));
        lowestShare = lowestShare == null || pct.compareTo(lowestShare) < 0 ? pct : lowestShare;
      }
    }
    assertThat(lowestShare).isNotNull();
    String below = lowestShare.setScale(0, RoundingMode.FLOOR).toPlainString();
    String above =
        lowestShare.add(BigDecimal.ONE).setScale(0, RoundingMode.CEILING).toPlainString();
    assertThat(run("batch", list.toString(), "--min-lesson", below).code()).isZero();
    assertThat(run("batch", list.toString(), "--min-lesson", above).code()).isEqualTo(1);
    assertThat(run("batch", list.toString(), "--min-lesson", above, "--no-fail").code()).isZero();
    assertThat(run("batch", list.toString(), "--min-lesson", "0").code()).isZero();
  }

  @Test
  void gateFailuresAreCountedInTheOverview() throws IOException {
    Path list = cleanExampleList();
    Path md = dir.resolve("gate.md");
    Run r =
        run(
            "batch",
            list.toString(),
            "--min-score",
            "60",
            "--report",
            md.toString(),
            "--lang",
            "en");
    assertThat(r.code()).isEqualTo(1);
    List<CSVRecord> rows = csv(r.out(), ',');
    long below =
        rows.stream()
            .skip(1)
            .filter(x -> new BigDecimal(x.get(2)).compareTo(new BigDecimal(60)) < 0)
            .count();
    assertThat(below).isPositive();
    assertThat(Files.readString(md, StandardCharsets.UTF_8))
        .containsPattern("Below a threshold .*: " + below + "\\.");
  }

  // ---------------------------------------------------------------------------------------------
  // 11. Overview, JSON lines and JUnit

  private static long[] bandCounts(String md) {
    long[] counts = new long[4];
    for (String line : md.lines().toList()) {
      Matcher m = Pattern.compile("^\\| ([ABCD]): .*\\| (\\d+) \\| [^|]+ \\|$").matcher(line);
      if (m.matches()) {
        counts[m.group(1).charAt(0) - 'A'] = Long.parseLong(m.group(2));
      }
    }
    return counts;
  }

  @Test
  void markdownOverviewOfTheExampleList() throws IOException {
    Path md = dir.resolve("overview.md");
    Run r = run("batch", EXAMPLE.toString(), "--report", md.toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(3);
    List<CSVRecord> rows = csv(r.out(), ',');
    long ok = rows.stream().skip(1).filter(x -> x.get(8).equals("ok")).count();
    assertThat(ok).isEqualTo(10);
    String text = Files.readString(md, StandardCharsets.UTF_8);
    assertThat(text).startsWith("# ");
    assertThat(text).contains("12 rows: 10 scored, 2 with an error");
    // band table: the counts add up to the scored rows and match the results CSV
    long[] bands = bandCounts(text);
    assertThat(Arrays.stream(bands).sum()).isEqualTo(ok);
    for (int b = 0; b < 4; b++) {
      String band = String.valueOf((char) ('A' + b));
      assertThat(bands[b])
          .as("band %s", band)
          .isEqualTo(rows.stream().skip(1).filter(x -> x.get(3).equals(band)).count());
    }
    // lesson distribution: three lessons, ten buckets each, adding up to the scored rows
    List<String> lessonRows = text.lines().filter(l -> l.matches("^\\| [123]\\. .*")).toList();
    assertThat(lessonRows).hasSize(3);
    for (String l : lessonRows) {
      String[] cells = l.split("\\|");
      // "", " 1. title ", ten counts, and nothing after the last pipe
      assertThat(cells).hasSize(12);
      long sum = 0;
      for (int i = 2; i < 12; i++) {
        sum += Long.parseLong(cells[i].strip());
      }
      assertThat(sum).as(l).isEqualTo(ok);
    }
    assertThat(text).contains("| Lesson | 0-10% | 10-20% |", "| 90-100% |");
    assertThat(text)
        .contains(
            "## Proposals per band",
            "## Distribution per lesson",
            "## Ranking",
            "### Strongest proposals",
            "### Weakest proposals",
            "## Most common weaknesses");
    // ranking: best first and weakest first
    String top =
        text.substring(
            text.indexOf("### Strongest proposals"), text.indexOf("### Weakest proposals"));
    String bottom =
        text.substring(
            text.indexOf("### Weakest proposals"), text.indexOf("## Most common weaknesses"));
    List<String> topRows = top.lines().filter(l -> l.matches("^\\| \\d+ \\|.*")).toList();
    List<String> bottomRows = bottom.lines().filter(l -> l.matches("^\\| \\d+ \\|.*")).toList();
    assertThat(topRows).hasSize(10);
    assertThat(bottomRows).hasSize(10);
    assertThat(topRows.get(0)).contains("| MO-006 |", "| 92.8 |", "| A |");
    assertThat(bottomRows.get(0)).contains("| TV-005 |", "| 15.8 |", "| D |");
    String weaknesses = text.substring(text.indexOf("## Most common weaknesses"));
    assertThat(weaknesses.lines().filter(l -> l.matches("^\\d\\. \\*\\*.*")).count())
        .isBetween(1L, 5L);
    assertThat(text).contains("rubric wijktoets-haags version 1");
  }

  @Test
  void htmlOverviewIsSelfContainedWithOneHistogramPerLessonAndEscapesNames() throws IOException {
    Path list =
        write(
            "list.csv",
            "id,name,neighbourhood,founders,founders_resident,notes\n"
                + "H1,<script>alert(1)</script>,Moerwijk,3,3,x\n"
                + "H2,\"<img src=x onerror=alert(2)> & co\",Laak,2,1,y\n"
                + "H3,Gewoon,Laak,,,z\n"
                + "E1,Fout,Laak,1,2,err\n");
    Path html = dir.resolve("overview.html");
    Run r = run("batch", list.toString(), "--report", html.toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(3);
    String page = Files.readString(html, StandardCharsets.UTF_8);
    Document doc = Jsoup.parse(page);
    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.select("img")).isEmpty();
    assertThat(page).doesNotContain("<script>alert(1)</script>");
    assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(doc.select("td").eachText())
        .contains("<script>alert(1)</script>", "<img src=x onerror=alert(2)> & co");
    // nothing external
    for (Element e : doc.select("[src], [href]")) {
      String ref = e.hasAttr("src") ? e.attr("src") : e.attr("href");
      assertThat(ref)
          .as(e.outerHtml())
          .doesNotStartWith("http:")
          .doesNotStartWith("https:")
          .doesNotStartWith("//");
    }
    assertThat(doc.select("link[rel=stylesheet], iframe, object, embed")).isEmpty();
    String lower = page.toLowerCase(Locale.ROOT);
    assertThat(lower)
        .doesNotContain("@import")
        .doesNotContain("url(http")
        .doesNotContain("url(//")
        .doesNotContain("url(\"http")
        .doesNotContain("url('http");
    // histograms
    List<Element> histograms = doc.select("svg.histogram");
    assertThat(histograms).hasSize(3);
    for (Element svg : histograms) {
      List<Element> bars = svg.select("rect[data-count]");
      assertThat(bars).hasSize(10);
      long sum = 0;
      for (Element bar : bars) {
        sum += Long.parseLong(bar.attr("data-count"));
      }
      assertThat(sum).isEqualTo(3);
    }
    // band table counts add up to the scored rows
    long bands = 0;
    for (Element tr : doc.select("section[aria-labelledby=bands] tbody tr")) {
      bands += Long.parseLong(tr.select("td").get(0).text());
    }
    assertThat(bands).isEqualTo(3);
    assertThat(doc.select("html").attr("lang")).isEqualTo("en");
  }

  @Test
  void markdownOverviewEscapesAHostileName() throws IOException {
    Path list =
        write(
            "list.csv",
            "id,name,neighbourhood\nH1,\"<script>x</script> | [link](http://evil) *b*\",Laak\n");
    Path md = dir.resolve("o.md");
    assertThat(run("batch", list.toString(), "--report", md.toString(), "--lang", "en").code())
        .isZero();
    String text = Files.readString(md, StandardCharsets.UTF_8);
    MarkdownCheck.parse(text)
        .isInert()
        .tablesAreWhole()
        .shows("<script>x</script> | [link](http://evil) *b*");
    List<String> ranked = text.lines().filter(l -> l.startsWith("| 1 | 1 | H1 |")).toList();
    assertThat(ranked).hasSize(2);
    // the table row keeps its seven cells: the pipe in the name is escaped
    assertThat(ranked.get(0).split("(?<!\\\\)\\|")).hasSize(7);
  }

  @Test
  void reportMustBeMarkdownOrHtml() throws IOException {
    Path list = write("list.csv", "id,name,neighbourhood\n1,a,b\n");
    Run r =
        run("batch", list.toString(), "--report", dir.resolve("x.txt").toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("x.txt", ".md", ".html");
    assertThat(r.out()).isEmpty();
    assertThat(dir.resolve("x.txt")).doesNotExist();
  }

  @Test
  void jsonLinesAndJunitOfTheExampleList() throws Exception {
    Path json = dir.resolve("a.jsonl");
    Path junit = dir.resolve("a.xml");
    Run r =
        run(
            "batch",
            EXAMPLE.toString(),
            "--json",
            json.toString(),
            "--junit",
            junit.toString(),
            "--lang",
            "en");
    assertThat(r.code()).isEqualTo(3);
    List<CSVRecord> rows = csv(r.out(), ',');
    List<CSVRecord> scored = rows.stream().skip(1).filter(x -> x.get(8).equals("ok")).toList();
    assertThat(scored).hasSize(10);
    List<String> all = Files.readAllLines(json, StandardCharsets.UTF_8);
    assertThat(all).hasSize(12); // every row, the two that failed too
    List<String> lines = all.stream().filter(l -> !l.contains("\"status\":\"error\"")).toList();
    assertThat(lines).hasSize(10);
    for (int i = 0; i < lines.size(); i++) {
      JsonNode j = JSON.readTree(lines.get(i));
      assertThat(j.get("id").asText()).isEqualTo(scored.get(i).get(0));
      assertThat(j.get("schemaVersion").asText()).isEqualTo("1");
      assertThat(j.get("total").decimalValue())
          .isEqualByComparingTo(new BigDecimal(scored.get(i).get(2)));
      assertThat(j.get("band").get("id").asText()).isEqualTo(scored.get(i).get(3));
      assertThat(lines.get(i)).doesNotContain("info@example.org");
    }
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    org.w3c.dom.Document xml = factory.newDocumentBuilder().parse(junit.toFile());
    assertThat(xml.getDocumentElement().getTagName()).isEqualTo("testsuites");
    NodeList suites = xml.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(12); // a suite per row, one that fails per failed row
    for (int i = 0; i < suites.getLength(); i++) {
      org.w3c.dom.Element suite = (org.w3c.dom.Element) suites.item(i);
      assertThat(suite.getElementsByTagName("testcase").getLength())
          .isEqualTo(Integer.parseInt(suite.getAttribute("tests")));
    }
  }

  @Test
  void toYamlNamesFilesByIdInsideTheFolderOnly() throws IOException {
    Path list =
        write(
            "list.csv",
            "id,name,neighbourhood\nA,a,b\nA,c,d\n../x,e,f\n.hidden,g,h\n,i,j\nsub/y,k,l\nbad,,m\n");
    Path out = dir.resolve("yaml");
    Run r = run("batch", list.toString(), "--to-yaml", out.toString(), "-q");
    assertThat(r.code()).isEqualTo(3); // the last row has no name
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "A.yaml", "A-row-2.yaml", "row-3.yaml", "row-4.yaml", "5.yaml", "sub_y.yaml");
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("list.csv", "yaml");
    }
    assertThat(Files.readString(out.resolve("A-row-2.yaml"), StandardCharsets.UTF_8))
        .contains("name: \"c\"");
  }

  @Test
  void topStepsFollowTheTopOption() throws IOException {
    Path list = write("list.csv", "id,name,neighbourhood\n1,a,b\n");
    Run none = run("batch", list.toString(), "--top", "0");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.out()).isEmpty();
    Run one = run("batch", list.toString(), "--top", "1");
    assertThat(cell(csv(one.out(), ','), 0, "top_steps").split(" ")).hasSize(1);
    Run five = run("batch", list.toString(), "--top", "5");
    assertThat(cell(csv(five.out(), ','), 0, "top_steps").split(" ")).hasSize(5);
  }
}
