package nl.wijktoets.build;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import nl.wijktoets.cli.Console;
import nl.wijktoets.cli.Main;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build-time steps for the release archive, run by exec-maven-plugin in the build's JVM (see
 * pom.xml). It lives with the tests because it needs picocli-codegen, which the tool itself does
 * not ship.
 *
 * <ul>
 *   <li>{@code man DIR}: the AsciiDoc sources of the man pages ({@code wijktoets.adoc}, {@code
 *       wijktoets-assess.adoc}, ...), in English, from the same command model the tool runs;
 *       asciidoctor-maven-plugin turns them into {@code .1} files.
 *   <li>{@code sha256 JAR}: writes {@code JAR.sha256} in the format {@code sha256sum -c} reads. The
 *       launcher keys its class-data sharing archive on it without hashing the jar on every run.
 * </ul>
 */
public final class ReleaseFiles {

  private ReleaseFiles() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: ReleaseFiles man DIR | sha256 FILE");
    }
    switch (args[0]) {
      case "man" -> manPageSources(Path.of(args[1]));
      case "sha256" -> sha256File(Path.of(args[1]));
      default -> throw new IllegalArgumentException("unknown step: " + args[0]);
    }
  }

  /** The command tree as the tool builds it, in English (no Dutch locale in the environment). */
  public static CommandSpec commandSpec() {
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    return Main.commandLine(new Console(none, none, InputStream.nullInputStream(), Map.of()))
        .getCommandSpec();
  }

  static void manPageSources(Path dir) throws IOException {
    Files.createDirectories(dir);
    int code =
        ManPageGenerator.generateManPage(
            dir.toFile(), (File) null, new boolean[0], true, commandSpec());
    if (code != 0) {
      throw new IOException("ManPageGenerator failed with exit code " + code);
    }
  }

  static void sha256File(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    String line = HexFormat.of().formatHex(digest.digest()) + "  " + file.getFileName() + "\n";
    Files.writeString(
        file.resolveSibling(file.getFileName() + ".sha256"), line, StandardCharsets.US_ASCII);
  }
}
