package nl.wijktoets.testutil;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code wijktoets} in a process of its own, for what an in-process run cannot show: a shell's
 * redirections ({@code -o /dev/stdout >> log}), a signal, a small heap. The class path is the
 * test's own, so no jar needs to be built first.
 */
public final class Jvm {

  private Jvm() {}

  /** The java launcher of the running JVM. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** {@code java [jvmOptions] -cp CLASSPATH nl.wijktoets.cli.Main args...} as a command line. */
  public static List<String> command(List<String> jvmOptions, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.add("-Xshare:auto");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("nl.wijktoets.cli.Main");
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** The command line quoted for {@code bash -c}. */
  public static String shell(List<String> command) {
    StringBuilder b = new StringBuilder();
    for (String part : command) {
      b.append(b.length() > 0 ? " " : "")
          .append("'")
          .append(part.replace("'", "'\\''"))
          .append("'");
    }
    return b.toString();
  }

  /** Runs {@code bash -c script} in a folder and returns its exit code (at most two minutes). */
  public static int bash(Path dir, String script) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("bash", "-c", script)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("bash.log").toFile())
            .start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("bash -c " + script + " did not end within two minutes");
    }
    return p.exitValue();
  }
}
