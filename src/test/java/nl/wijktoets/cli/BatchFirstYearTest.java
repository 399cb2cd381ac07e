package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch}: a flat row without first_year starts the calendar year after today's (UTC). */
class BatchFirstYearTest {

  @TempDir Path dir;

  private String yamlOn(String instant) throws Exception {
    Path list = dir.resolve("list.csv");
    Files.writeString(
        list,
        "id,name,neighbourhood,costs,plan_years\nA,a,Moerwijk,1000,2\n",
        StandardCharsets.UTF_8);
    Path out = dir.resolve("yaml-" + instant.substring(0, 4));
    Run r =
        run(
            Clock.fixed(Instant.parse(instant), ZoneOffset.UTC),
            "batch",
            list.toString(),
            "--to-yaml",
            out.toString(),
            "-q");
    assertThat(r.code()).as(r.err()).isZero();
    return Files.readString(out.resolve("A.yaml"), StandardCharsets.UTF_8);
  }

  @Test
  void theYearComesFromTheClock() throws Exception {
    assertThat(yamlOn("2026-06-01T12:00:00Z")).contains("year: 2027").contains("year: 2028");
    assertThat(yamlOn("2040-12-31T23:59:59Z"))
        .contains("year: 2041")
        .contains("year: 2042")
        .doesNotContain("2027");
  }
}
