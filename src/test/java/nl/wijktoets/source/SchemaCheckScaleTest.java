package nl.wijktoets.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every unknown key costs the schema check a constant amount of work: a proposal with 200,000
 * unknown keys once took more than ten minutes, because each key scanned its whole block and walked
 * back over every unknown key above it. The check counts the entries and path steps it looks at;
 * the timeout is only a safety net far above the linear run's time.
 */
class SchemaCheckScaleTest {

  private static final SchemaCheck CHECK =
      new SchemaCheck(
          "/nl/wijktoets/schema/proposal.schema.json", SchemaCheck.NO_ENUMERATIONS, true);

  private static YamlNode tree(String text) {
    YamlTreeReader.Result r =
        new YamlTreeReader(YamlTreeReader.Limits.PROPOSAL)
            .read("p.yaml", text.getBytes(StandardCharsets.UTF_8));
    assertThat(r.hasErrors()).as("%s", r.findings()).isFalse();
    return r.root();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void twoHundredThousandUnknownKeysTakeLinearWork() {
    int keys = 200_000;
    StringBuilder text = new StringBuilder("version: 1\nname: A\n");
    for (int i = 0; i < keys; i++) {
      text.append('k').append(i).append(": 1\n");
    }
    YamlNode root = tree(text.toString());
    SchemaCheck.Run run = CHECK.new Run(root);

    List<Finding> findings = CHECK.validate(root, YamlNode.locations(root), run);

    assertThat(findings.stream().filter(f -> f.rule().equals("schema/unknown-key")).count())
        .isEqualTo(keys);
    assertThat(run.steps()).isPositive().isLessThanOrEqualTo(3L * (keys + 2));
  }

  @Test
  void aMisplacedKeyAfterManyUnknownOnesStillSaysWhereItBelongs() {
    StringBuilder text = new StringBuilder("version: 1\nname: A\nresidents:\n");
    for (int i = 0; i < 1000; i++) {
      text.append('k').append(i).append(": 1\n");
    }
    text.append("involved: 3\n"); // belongs under the empty residents: 1,003 lines up
    YamlNode root = tree(text.toString());

    List<Finding> findings = CHECK.validate(root, YamlNode.locations(root));

    assertThat(findings)
        .filteredOn(f -> f.rule().equals("yaml/indentation"))
        .singleElement()
        .satisfies(f -> assertThat(f.location().line()).isEqualTo(1004))
        .satisfies(f -> assertThat(f.path()).isEqualTo("involved"));
  }
}
