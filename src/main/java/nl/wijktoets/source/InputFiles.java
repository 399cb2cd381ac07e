package nl.wijktoets.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads an input file (or standard input for {@code -}) with a bound: at most one byte more than
 * the limit is read, so a huge file is refused without loading it.
 */
public final class InputFiles {

  /** How standard input is named in messages and outputs. */
  public static final String STDIN_NAME = "<stdin>";

  private InputFiles() {}

  /** Why a file could not be read at all. */
  public static final class Unreadable extends IOException {
    private static final long serialVersionUID = 1L;
    private final String reasonKey;

    public Unreadable(String reasonKey, String detail) {
      super(detail);
      this.reasonKey = reasonKey;
    }

    /** A message key ({@code error.not-found}, {@code error.is-directory}) or null. */
    public String reasonKey() {
      return reasonKey;
    }
  }

  public static byte[] read(String name, InputStream stdin, long limit) throws IOException {
    if ("-".equals(name)) {
      return stdin.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    }
    Path path = Path.of(name);
    if (Files.isDirectory(path)) {
      throw new Unreadable("error.is-directory", name);
    }
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    } catch (NoSuchFileException e) {
      throw new Unreadable("error.not-found", name);
    }
  }

  public static String displayName(String name) {
    return "-".equals(name) ? STDIN_NAME : name;
  }
}
