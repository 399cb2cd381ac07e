package nl.wijktoets.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.wijktoets.batch.FlatRow;
import nl.wijktoets.proposal.Proposal;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.scoring.Assessor;
import nl.wijktoets.scoring.Scorer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scoring one proposal, the two ways batch and assess get one: a flat CSV row (read by position,
 * scored on the score-only path, as batch does) and a YAML file (read, checked and scored with
 * every measured value, as assess does). Run with {@code mvn -B -Pjmh verify -DskipTests}; see the
 * README's bench section.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
public class ScoringBenchmark {

  /** A row like the ones bench/generate.py writes. */
  static final List<String> HEADER =
      List.of(
          "id", "name", "neighbourhood", "district", "stage", "legal_form", "founders",
          "founders_resident", "residents_involved", "members", "consultation_participants",
          "board_seats", "board_resident_seats", "members_meeting", "profit_reinvested",
          "connector_hours", "connector_paid", "connector_employer", "connector_reports_to",
          "partners", "resident_groups", "public_task_provider", "public_task_current_cost",
          "public_task_price", "public_task_jobs", "revenue", "costs", "plan_years",
          "residents_hired", "entry_jobs", "guidance", "asset_tenure", "asset_term_years",
          "impact_indicators", "impact_themes", "risk_mitigated", "region");

  static final List<String> ROW =
      List.of(
          "R0000001", "Wijkonderneming 1", "Moerwijk", "Escamp", "founding", "cooperative", "4",
          "3", "60", "150", "80", "5", "3", "yes", "yes", "16", "yes", "self", "board",
          "municipality:agreement; housing-corporation:letter-of-intent; business:in-talks",
          "residents-organisation:member; cooperative:joint-delivery", "contractor", "60000",
          "52000", "3",
          "right-to-challenge:52000:contract:Gemeente Den Haag; sales:20000:forecast:various;"
              + " fund-grant:15000:applied:Fonds 1818",
          "90000", "3", "4", "2", "yes", "self-management", "10", "3",
          "work; participation; liveability", "yes", "region-1");

  private Assessor assessor;
  private FlatRow.Layout layout;
  private byte[] yaml;

  @Setup
  public void setUp() throws Exception {
    assessor = new Assessor(RubricLoader.builtin());
    java.util.Map<String, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < HEADER.size(); i++) {
      index.put(HEADER.get(i), i);
    }
    layout = FlatRow.Layout.of(index);
    yaml = Files.readAllBytes(Path.of("examples/moerwijk.yaml"));
  }

  /** batch: one flat row to a proposal (the same builder as YAML), scored without detail. */
  @Benchmark
  public Assessment flatRow() throws Exception {
    Proposal p = FlatRow.read(ROW, layout, "list.csv:2", 2, 2027).proposal();
    return assessor.score(p, null, List.of(), Scorer.Detail.LEVELS);
  }

  /** assess: one YAML proposal read, checked and scored with every value and evidence. */
  @Benchmark
  public Assessment yamlProposal() {
    return assessor.assess("examples/moerwijk.yaml", yaml, null).assessment();
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
