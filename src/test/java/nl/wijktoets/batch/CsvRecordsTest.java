package nl.wijktoets.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The hand-written record reader reads what Commons CSV's RFC 4180 format reads: the same records,
 * cells and start lines for any text of delimiters, quotes, line ends and letters, and an error
 * where Commons CSV has one.
 */
class CsvRecordsTest {

  @Provide
  Arbitrary<String> lists() {
    return Arbitraries.of("a", "b", " ", ",", ";", "\"", "\"\"", "\n", "\r", "\r\n", "é", "x,y")
        .list()
        .ofMaxSize(40)
        .map(parts -> String.join("", parts));
  }

  @Property(tries = 3000, seed = "20260115")
  void readsLikeCommonsCsv(@ForAll("lists") String text) throws Exception {
    for (char delimiter : new char[] {',', ';'}) {
      List<String> expected = new ArrayList<>();
      boolean expectedError = false;
      CSVFormat format =
          CSVFormat.Builder.create(CSVFormat.RFC4180)
              .setDelimiter(delimiter)
              .setIgnoreEmptyLines(false)
              .setIgnoreSurroundingSpaces(false)
              .setTrim(false)
              .get();
      try (CSVParser parser =
          CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
        long before = 0;
        for (CSVRecord r : parser) {
          expected.add((before + 1) + ":" + r.toList());
          before = parser.getCurrentLineNumber();
        }
      } catch (Exception e) {
        expectedError = true;
      }
      // read whole, and in pieces of at most three characters (every place a buffer can end)
      for (Reader reader : List.of(new StringReader(text), trickle(text, 3))) {
        List<String> actual = new ArrayList<>();
        boolean actualError = false;
        try {
          CsvRecords records = new CsvRecords(reader, delimiter);
          CsvRecords.Raw raw;
          while ((raw = records.next()) != null) {
            actual.add(raw.line() + ":" + CsvRecords.fields(raw, delimiter, 4));
          }
        } catch (CsvRecords.QuoteException e) {
          actualError = true;
        }
        assertThat(actualError).as("error for %s", text).isEqualTo(expectedError);
        if (!expectedError) {
          assertThat(actual).as("records of %s", text).isEqualTo(expected);
        }
      }
    }
  }

  /** A reader that hands out at most {@code most} characters per read. */
  private static Reader trickle(String text, int most) {
    return new FilterReader(new StringReader(text)) {
      @Override
      public int read(char[] buffer, int offset, int length) throws IOException {
        return super.read(buffer, offset, Math.min(length, most));
      }
    };
  }

  @Test
  void recordsLongerThanTheBufferAndQuotesAcrossIt() throws Exception {
    String cell = "x".repeat(70_000);
    String text = "a,\"" + cell + "\"\"\n" + cell + "\"\r\nb," + cell + "\n";
    CsvRecords records = new CsvRecords(new StringReader(text), ',');
    CsvRecords.Raw first = records.next();
    assertThat(first.line()).isEqualTo(1);
    assertThat(CsvRecords.fields(first, ',', 2)).containsExactly("a", cell + "\"\n" + cell);
    CsvRecords.Raw second = records.next();
    assertThat(second.line()).isEqualTo(3);
    assertThat(CsvRecords.fields(second, ',', 2)).containsExactly("b", cell);
    assertThat(records.next()).isNull();
  }

  @Test
  void anOpenQuoteNamesTheLineItStartsOn() throws Exception {
    CsvRecords records = new CsvRecords(new StringReader("a\nb\n\"c\nd\n"), ',');
    records.next();
    records.next();
    assertThatThrownBy(records::next)
        .isInstanceOfSatisfying(
            CsvRecords.QuoteException.class, e -> assertThat(e.line()).isEqualTo(3));
  }
}
