package nl.wijktoets.proposal;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.source.Finding;
import nl.wijktoets.source.Privacy;
import nl.wijktoets.testutil.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contact details and founders' names never appear, not even in error messages or diffs. */
class PrivacyTest {

  @TempDir Path dir;

  @Test
  void privatePaths() {
    assertThat(Privacy.isPrivate("contact")).isTrue();
    assertThat(Privacy.isPrivate("contact.email")).isTrue();
    assertThat(Privacy.isPrivate("founders")).isTrue();
    assertThat(Privacy.isPrivate("founders[0]")).isTrue();
    assertThat(Privacy.isPrivate("founders[3].name")).isTrue();
    assertThat(Privacy.isPrivate("founders[3].naam")).isTrue();
    assertThat(Privacy.isPrivate("founders[3].lives_in_neighbourhood")).isTrue(); // no exemptions
    assertThat(Privacy.isPrivate("partners[0].name")).isFalse();
    assertThat(Privacy.isPrivate("contactpersoon")).isFalse();
  }

  @Test
  void errorMessagesDoNotEchoNamesOrContactDetails() {
    String yaml =
        """
        version: 1
        name: x
        neighbourhood: Moerwijk
        founders: [A. El Idrissi, B. Jansen]
        contact: {phone: 0701234567, email: [info@example.org]}
        """;
    List<Finding> findings =
        ProposalReader.read("p.yaml", yaml.getBytes(StandardCharsets.UTF_8)).findings();
    assertThat(findings).isNotEmpty();
    for (Finding f : findings) {
      for (Language lang : Language.values()) {
        assertThat(f.message(lang))
            .doesNotContain("Idrissi")
            .doesNotContain("Jansen")
            .doesNotContain("701234567")
            .doesNotContain("info@example.org");
      }
    }
  }

  @Test
  void diffDoesNotShowFoundersUnderUnknownKeys() throws Exception {
    String base =
        Files.readString(Path.of("examples/transvaal.yaml"), StandardCharsets.UTF_8)
            .replace("  - name: S. Yıldız\n", "  - naam: S. Yıldız\n    name: X\n");
    Path oldFile = dir.resolve("old.yaml");
    Path newFile = dir.resolve("new.yaml");
    Files.writeString(oldFile, base, StandardCharsets.UTF_8);
    Files.writeString(
        newFile,
        base.replace("naam: S. Yıldız", "naam: B. Jansen")
            .replace("members_meeting: false", "members_meeting: true"),
        StandardCharsets.UTF_8);
    Run r = run("diff", oldFile.toString(), newFile.toString(), "-q");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("`governance.members_meeting`")
        .doesNotContain("Yıldız")
        .doesNotContain("Jansen");
  }
}
