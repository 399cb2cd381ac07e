package nl.wijktoets.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.rubric.RubricLoader;
import org.junit.jupiter.api.Test;

/**
 * Band boundaries on variants of the Moerwijk example (social tendering 35, middle-up-down 26):
 * only the participation-trends lesson is changed.
 */
class BandsTest {

  private static String moerwijk() throws IOException {
    return Files.readString(Path.of("examples/moerwijk.yaml"), StandardCharsets.UTF_8);
  }

  /** Moerwijk without resident groups and impact indicators (both score 0). */
  private static String weakParticipation() throws IOException {
    String m = moerwijk();
    int groups = m.indexOf("resident_groups:");
    int activities = m.indexOf("activities:");
    m = m.substring(0, groups) + "resident_groups: []\n" + m.substring(activities);
    int indicators = m.indexOf("impact_indicators:");
    int contact = m.indexOf("contact:");
    return m.substring(0, indicators) + "impact_indicators: []\n" + m.substring(contact);
  }

  private static Assessment assess(String yaml) {
    Assessor.Outcome o =
        new Assessor(RubricLoader.builtin())
            .assess("variant.yaml", yaml.getBytes(StandardCharsets.UTF_8), null);
    assertThat(o.errors()).isEmpty();
    return o.assessment();
  }

  @Test
  void aLessonAtExactlyThirtyPercentDoesNotCapTheBand() throws IOException {
    // governance level 2 (4.5: no members' meeting, fewer than 25 members) + ownership (6) = 10.5
    String yaml =
        weakParticipation()
            .replace("members_meeting: true", "members_meeting: false")
            .replace("members: 310", "members: 10")
            .replace("tenure: self-management", "tenure: ownership")
            .replace("involved: 60", "involved: 0");
    Assessment a = assess(yaml);
    Assessment.LessonResult pt = a.lessons().get(2);
    assertThat(a.criterion("resident-governance").orElseThrow().level()).isEqualTo(2);
    assertThat(a.criterion("community-assets").orElseThrow().level()).isEqualTo(4);
    assertThat(pt.score()).isEqualTo(Fraction.parse("10.5"));
    assertThat(pt.share()).isEqualTo(Fraction.of(3, 10));
    assertThat(pt.belowFloor()).isFalse();
    assertThat(a.total()).isEqualTo(Fraction.parse("71.5"));
    assertThat(a.band().id()).isEqualTo("B");
    assertThat(a.capped()).isFalse();
    // one step lower (self-management, 4.5): 9 of 35 is below 30%, the band is capped at C
    Assessment lower = assess(yaml.replace("tenure: ownership", "tenure: self-management"));
    assertThat(lower.lessons().get(2).score()).isEqualTo(Fraction.of(9));
    assertThat(lower.lessons().get(2).belowFloor()).isTrue();
    assertThat(lower.total()).isEqualTo(Fraction.of(70));
    assertThat(lower.uncappedBand().id()).isEqualTo("B");
    assertThat(lower.band().id()).isEqualTo("C");
    assertThat(lower.capped()).isTrue();
    // the criteria of the capping lesson come first in the next steps
    assertThat(lower.nextSteps().get(0).lessonId()).isEqualTo("participation-trends");
    assertThat(lower.nextSteps().get(0).criterion().criterion().id())
        .isEqualTo("resident-governance");
  }

  @Test
  void bandANeedsEveryLessonAtHalfItsWeight() throws IOException {
    // governance 4 (9) + involvement 3 (5.25), no building: 14.25 of 35 = 40.7%
    String yaml = weakParticipation().replace("type: building", "type: vehicle");
    Assessment a = assess(yaml);
    assertThat(a.lessons().get(2).score()).isEqualTo(Fraction.parse("14.25"));
    assertThat(a.total()).isEqualTo(Fraction.parse("75.25"));
    assertThat(a.lessons().get(2).belowFloor()).isFalse();
    assertThat(a.band().id()).isEqualTo("B");
    assertThat(a.uncappedBand().id()).isEqualTo("B");
    assertThat(a.capped()).isFalse();
  }

  @Test
  void aStrongTotalWithEveryLessonAtHalfIsBandA() throws IOException {
    // resident groups back (7): 21.25 of 35 = 60.7%, total 82.25
    String m = moerwijk();
    int indicators = m.indexOf("impact_indicators:");
    int contact = m.indexOf("contact:");
    String yaml =
        (m.substring(0, indicators) + "impact_indicators: []\n" + m.substring(contact))
            .replace("type: building", "type: vehicle");
    Assessment a = assess(yaml);
    assertThat(a.lessons().get(2).score()).isEqualTo(Fraction.parse("21.25"));
    assertThat(a.total()).isEqualTo(Fraction.parse("82.25"));
    assertThat(a.band().id()).isEqualTo("A");
  }
}
