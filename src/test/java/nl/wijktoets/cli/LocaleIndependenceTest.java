package nl.wijktoets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The report is the same bytes whatever the machine's locale and default charset: the CLI runs in a
 * child JVM under LANG=C, nl_NL.UTF-8 and en_US.UTF-8 (with matching Java locales and a Latin-1
 * default charset for good measure).
 */
class LocaleIndependenceTest {

  private static byte[] run(String lang, String javaLanguage, String format) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("-Duser.language=" + javaLanguage);
    cmd.add("-Dfile.encoding=ISO-8859-1");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of("assess", "examples/moerwijk.yaml", "examples/duindorp.yaml", "-f", format));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("LANG", lang);
    pb.environment().remove("LC_ALL");
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = p.getInputStream()) {
      in.transferTo(out);
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return out.toByteArray();
  }

  @Test
  void markdownIsIdenticalUnderEveryLocale() throws Exception {
    byte[] c = run("C", "en", "md");
    byte[] nl = run("nl_NL.UTF-8", "nl", "md");
    byte[] en = run("en_US.UTF-8", "tr", "md");
    assertThat(c).isNotEmpty();
    assertThat(new String(c, StandardCharsets.UTF_8)).contains("Buurtcoöperatie").contains("92,8");
    assertThat(nl).isEqualTo(c);
    assertThat(en).isEqualTo(c);
  }

  @Test
  void jsonIsIdenticalUnderEveryLocale() throws Exception {
    assertThat(run("nl_NL.UTF-8", "nl", "json")).isEqualTo(run("C", "tr", "json"));
  }
}
