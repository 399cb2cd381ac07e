package nl.wijktoets.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.zip.CRC32;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.rubric.RubricLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory stays flat whatever the number of threads: the rows read but not yet written are bounded
 * by {@link BatchRunner#MAX_IN_FLIGHT}, not by the thread count (64 threads once held 32,768 rows
 * with their assessments and JSON, and 40,000 rows ran out of a 256 MB heap).
 */
class BatchBoundsTest {

  @TempDir Path dir;

  private static String list(int rows) {
    StringBuilder b = new StringBuilder("id,name,neighbourhood,founders,founders_resident\n");
    for (int i = 0; i < rows; i++) {
      b.append("R").append(i).append(",Wijkbedrijf ").append(i).append(",Moerwijk,3,2\n");
    }
    return b.toString();
  }

  private record Outcome(String csv, long json, long maxInFlight) {}

  /** Keeps only a checksum of the JSON lines: 6,000 assessments would fill the test's heap. */
  private static final class Checksum extends Writer {
    final CRC32 crc = new CRC32();

    @Override
    public void write(char[] cbuf, int off, int len) {
      for (int i = off; i < off + len; i++) {
        crc.update(cbuf[i]);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  private Outcome run(String text, int threads) throws Exception {
    Checksum json = new Checksum();
    BatchRunner runner =
        new BatchRunner(
            RubricLoader.builtin(),
            new BatchRunner.Options(
                "list.csv",
                dir.resolve("list.csv"),
                Language.EN,
                Language.EN,
                3,
                null,
                null,
                threads,
                null,
                json,
                null,
                Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC),
                null));
    StringWriter out = new StringWriter();
    runner.run(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), out, done -> {});
    return new Outcome(out.toString(), json.crc.getValue(), runner.maxRowsInFlight());
  }

  @Test
  void rowsInFlightAreBoundedWhateverTheNumberOfThreads() throws Exception {
    String text = list(6_000);
    Outcome one = run(text, 1);
    for (int threads : new int[] {1, 8, 64}) {
      Outcome o = run(text, threads);
      assertThat(o.maxInFlight())
          .as("%d threads", threads)
          .isPositive()
          .isLessThanOrEqualTo(BatchRunner.MAX_IN_FLIGHT);
      assertThat(o.csv()).as("the same output for %d threads", threads).isEqualTo(one.csv());
      assertThat(o.json()).isEqualTo(one.json());
    }
    assertThat(one.csv().lines()).hasSize(6_001);
  }

  @Test
  void moreThreadsThanTheCapAreNeverStarted() throws Exception {
    // the command refuses --threads 65 (exit 2); the runner caps what a library caller asks for
    Outcome o = run(list(300), 1_000);
    assertThat(o.csv().lines()).hasSize(301);
    assertThat(o.maxInFlight()).isLessThanOrEqualTo(BatchRunner.MAX_IN_FLIGHT);
  }

  @Test
  void chunksShrinkAsThreadsGrow() {
    assertThat(BatchRunner.chunkSize(1)).isEqualTo(128);
    assertThat(BatchRunner.chunkSize(64)).isEqualTo(16);
    for (int t = 1; t <= BatchRunner.MAX_THREADS; t++) {
      int chunk = BatchRunner.chunkSize(t);
      int window = BatchRunner.window(t, chunk);
      // every thread has work queued while the writer drains the oldest chunk
      assertThat(window).as("%d threads", t).isGreaterThanOrEqualTo(2 * t);
      assertThat(window * chunk).as("%d threads", t).isLessThanOrEqualTo(BatchRunner.MAX_IN_FLIGHT);
    }
  }

  @Test
  void shortHashIsStable() {
    assertThat(BatchRunner.shortHash("x")).isEqualTo("2d711642b7").hasSize(10);
  }
}
