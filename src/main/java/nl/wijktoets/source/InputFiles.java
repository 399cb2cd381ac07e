package nl.wijktoets.source;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

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

    /**
     * A message key: {@code error.not-found}, {@code error.is-directory}, {@code error.denied},
     * {@code error.dangling-link}.
     */
    public String reasonKey() {
      return reasonKey;
    }
  }

  public static byte[] read(String name, InputStream stdin, long limit) throws IOException {
    if ("-".equals(name)) {
      return stdin.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    }
    Path path;
    try {
      path = Path.of(name);
    } catch (InvalidPathException e) {
      throw new Unreadable(isPattern(name) ? "error.no-match" : "error.not-found", name);
    }
    if (Files.isDirectory(path)) {
      throw new Unreadable("error.is-directory", name);
    }
    // a device or pipe (/dev/zero) is read the same way: never more than the limit and one byte
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    } catch (NoSuchFileException e) {
      if (Files.isSymbolicLink(path)) {
        throw new Unreadable("error.dangling-link", name);
      }
      // a pattern the shell left as it was (it matched nothing): say so, not "no such file"
      throw new Unreadable(isPattern(name) ? "error.no-match" : "error.not-found", name);
    } catch (AccessDeniedException e) {
      throw new Unreadable("error.denied", name);
    } catch (FileSystemException e) {
      // the system's own words (too many levels of links, an I/O error), without the path again
      throw new IOException(e.getReason() != null ? e.getReason() : e.getMessage(), e);
    }
  }

  /** Whether a name holds a glob pattern's characters ({@code *}, {@code ?}, {@code [}). */
  public static boolean isPattern(String name) {
    return name.indexOf('*') >= 0 || name.indexOf('?') >= 0 || name.indexOf('[') >= 0;
  }

  /** At most this many files come from one pattern. */
  static final int MAX_MATCHES = 100_000;

  /**
   * The input names with every glob pattern that is not itself a file replaced by the files it
   * matches, in name order ({@code proposals/*.yaml}). A shell expands patterns before the tool
   * sees them; this does it where the shell does not (the Windows command prompt). A pattern that
   * matches nothing stays as it is, so reading it says that nothing matched.
   */
  public static List<String> expand(List<String> names) {
    List<String> out = new ArrayList<>();
    for (String name : names) {
      if (name.equals("-") || !isPattern(name) || exists(name)) {
        out.add(name);
        continue;
      }
      List<String> matches = matches(name);
      if (matches.isEmpty()) {
        out.add(name);
      } else {
        out.addAll(matches);
      }
    }
    return out;
  }

  private static boolean exists(String name) {
    try {
      return Files.exists(Path.of(name));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /** The regular files a pattern matches, named as the pattern names them. */
  private static List<String> matches(String pattern) {
    String unified = File.separatorChar == '\\' ? pattern.replace('\\', '/') : pattern;
    int firstGlob = firstGlob(unified);
    int cut = unified.lastIndexOf('/', firstGlob);
    String base = cut < 0 ? "" : unified.substring(0, cut + 1);
    String rest = unified.substring(base.length());
    Path dir;
    try {
      dir = Path.of(base.isEmpty() ? "." : base);
    } catch (InvalidPathException e) {
      return List.of();
    }
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
    int depth = rest.contains("**") ? Integer.MAX_VALUE : rest.split("/").length;
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir, depth)) {
      Iterator<Path> it = files.iterator();
      while (it.hasNext() && found.size() < MAX_MATCHES) {
        Path p = it.next();
        Path relative = dir.relativize(p);
        if (Files.isRegularFile(p) && matcher.matches(relative)) {
          found.add(base + relative.toString().replace(File.separatorChar, '/'));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // a folder that cannot be read adds nothing; what was found stays
    }
    found.sort(null);
    return found;
  }

  private static int firstGlob(String s) {
    int first = s.length();
    for (char c : new char[] {'*', '?', '[', '{'}) {
      int i = s.indexOf(c);
      if (i >= 0 && i < first) {
        first = i;
      }
    }
    return first;
  }

  public static String displayName(String name) {
    return "-".equals(name) ? STDIN_NAME : name;
  }
}
