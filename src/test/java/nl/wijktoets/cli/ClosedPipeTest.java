package nl.wijktoets.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.wijktoets.testutil.Jvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A closed pipe ({@code wijktoets assess x.yaml | head -1}) ends the run quietly: no message, and
 * the exit code the run has anyway; it said "cannot write standard output (is the disk full?)" and
 * exited 3. Other write errors of standard output still exit 3 (see OutputPolicyTest).
 */
class ClosedPipeTest {

  private static final String MOERWIJK =
      Path.of("examples/moerwijk.yaml").toAbsolutePath().toString();
  private static final String LIST =
      Path.of("examples/batch/proposals.csv").toAbsolutePath().toString();

  @TempDir Path dir;

  /** Runs wijktoets with standard output into a pipe whose reader is gone: its code and stderr. */
  private String[] intoClosedPipe(String... args) throws Exception {
    String cmd = Jvm.shell(Jvm.command(List.of(), args));
    // `true` ends at once, long before the JVM has started, so every write meets a closed pipe
    String script = cmd + " 2> err | true; echo ${PIPESTATUS[0]} > code\n";
    assertThat(Jvm.bash(dir, script)).as(Files.readString(dir.resolve("bash.log"))).isZero();
    return new String[] {
      Files.readString(dir.resolve("code")).strip(),
      Files.readString(dir.resolve("err"), StandardCharsets.UTF_8)
    };
  }

  @Test
  void aReportIntoAClosedPipeEndsQuietlyWithTheRunsOwnCode() throws Exception {
    String[] ok = intoClosedPipe("assess", MOERWIJK, "-f", "html", "--lang", "en");
    assertThat(ok[0]).isEqualTo("0");
    assertThat(ok[1]).isEmpty();

    // a gate that fails keeps its exit code 1
    String[] gate = intoClosedPipe("assess", MOERWIJK, "--min-score", "100", "--lang", "en");
    assertThat(gate[0]).isEqualTo("1");
    assertThat(gate[1]).doesNotContain("cannot write").doesNotContain("disk full");

    // an output option naming /dev/stdout is written through to the same closed pipe
    String[] through = intoClosedPipe("assess", MOERWIJK, "-o", "/dev/stdout", "--lang", "en");
    assertThat(through[0]).isEqualTo("0");
    assertThat(through[1]).isEmpty();
  }

  @Test
  void aBatchIntoAClosedPipeEndsWithItsOwnCodeAndSummary() throws Exception {
    // the example list has two rows with errors: exit 3 with or without a reader
    String[] batch = intoClosedPipe("batch", LIST, "--json", "/dev/stdout", "-o", "/dev/null");
    assertThat(batch[0]).isEqualTo("3");
    assertThat(batch[1]).contains("12 rows, 10 ok, 2 errors").doesNotContain("cannot write");
  }

  @Test
  void onlyAClosedPipeIsDroppedQuietly() throws IOException {
    Main.StandardOutput pipe = new Main.StandardOutput(failing("Broken pipe"));
    pipe.write("x".getBytes(StandardCharsets.UTF_8));
    pipe.write('y');
    pipe.flush();
    assertThat(pipe.pipeClosed).isTrue();

    Main.StandardOutput full = new Main.StandardOutput(failing("No space left on device"));
    assertThatThrownBy(() -> full.write(new byte[] {1}))
        .isInstanceOf(IOException.class)
        .hasMessage("No space left on device");
    assertThat(full.pipeClosed).isFalse();
  }

  private static OutputStream failing(String message) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException(message);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException(message);
      }
    };
  }
}
