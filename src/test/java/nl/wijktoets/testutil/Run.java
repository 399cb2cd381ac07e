package nl.wijktoets.testutil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.wijktoets.cli.Main;

/**
 * One run of the command line, in-process ({@link Main#run} with its own streams): the exit code
 * and what it printed on standard output and standard error. Tests start runs with {@code run(...)}
 * (import it statically); the environment is empty unless given, so the language and everything
 * else come from the arguments.
 */
public record Run(int code, String out, String err) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Runs {@code wijktoets args...} with an empty standard input and environment. */
  public static Run run(String... args) {
    return run(Map.of(), InputStream.nullInputStream(), args);
  }

  /** Runs with this standard input. */
  public static Run run(InputStream stdin, String... args) {
    return run(Map.of(), stdin, args);
  }

  /** Runs with these environment variables (for example {@code LANG}). */
  public static Run run(Map<String, String> env, String... args) {
    return run(env, InputStream.nullInputStream(), args);
  }

  /** Runs with this environment and standard input. */
  public static Run run(Map<String, String> env, InputStream stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), stdin, env);
    return new Run(code, out.toString(), err.toString());
  }

  /** Runs on this clock (for "next year"), with an empty standard input and environment. */
  public static Run run(Clock clock, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args,
            new PrintWriter(out),
            new PrintWriter(err),
            InputStream.nullInputStream(),
            Map.of(),
            clock);
    return new Run(code, out.toString(), err.toString());
  }

  /**
   * Runs in a working folder: where the search for {@code .wijktoets.yaml} starts (other relative
   * paths are still the test process's own, so give inputs and outputs as absolute paths).
   */
  public static Run runIn(Path workingDirectory, String... args) {
    return runIn(workingDirectory, Map.of(), args);
  }

  /** Runs in a working folder with these environment variables. */
  public static Run runIn(Path workingDirectory, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args,
            new PrintWriter(out),
            new PrintWriter(err),
            InputStream.nullInputStream(),
            env,
            null,
            workingDirectory);
    return new Run(code, out.toString(), err.toString());
  }

  /** Standard input holding these bytes. */
  public static InputStream stdin(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }

  /** The lines of standard output that are not blank. */
  public List<String> lines() {
    return out.lines().filter(l -> !l.isBlank()).toList();
  }

  /** The lines of standard error that are not blank. */
  public List<String> errLines() {
    return err.lines().filter(l -> !l.isBlank()).toList();
  }

  /** Standard output read as JSON. */
  public JsonNode json() throws IOException {
    return JSON.readTree(out);
  }

  /** Standard output and standard error together. */
  public String all() {
    return out + err;
  }
}
