package nl.wijktoets.util;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one door for every file the tool writes: {@code -o}, {@code --report}, {@code --json}, {@code
 * --junit}, {@code --to-yaml}, {@code init} and {@code diff} all go through this class, so the
 * rules for writing a file live here and nowhere else. Today's rules:
 *
 * <ul>
 *   <li>the bytes go to a private (0600) temporary file {@code .NAME.*.tmp} next to the target,
 *       whose folder is created when missing, and the finished file is moved into place (atomically
 *       where the file system can), so readers never see half a file;
 *   <li>the file keeps the permissions of the file it replaces, or gets {@code rw-r--r--};
 *   <li>a file that is not committed leaves nothing behind;
 *   <li>an output is refused when it is the same file as an input ({@link #sameFile}).
 * </ul>
 *
 * <p>A whole file is written with {@link #write(Path, byte[])}. Files written piece by piece while
 * a command works (a batch's results) are opened in an {@code OutputFiles}, committed together when
 * the work succeeded and removed when it did not:
 *
 * <pre>{@code
 * try (OutputFiles files = new OutputFiles()) {
 *   OutputFiles.Output results = files.open(path);
 *   ... write to results.stream() ...
 *   files.commitAll();
 * } // close(): whatever was not committed is removed
 * }</pre>
 */
public final class OutputFiles implements Closeable {

  private static final Set<PosixFilePermission> READABLE =
      PosixFilePermissions.fromString("rw-r--r--");

  private final List<Output> opened = new ArrayList<>();

  /** Writes a whole file: in place when this returns, or not at all. */
  public static void write(Path target, byte[] bytes) throws IOException {
    try (Output out = new Output(target)) {
      out.stream().write(bytes);
      out.commit();
    }
  }

  /** Writes a whole text file in UTF-8; see {@link #write(Path, byte[])}. */
  public static void write(Path target, String text) throws IOException {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Makes a folder that output files go into ({@code batch --to-yaml DIR}), with its parents,
   * before any work starts.
   */
  public static void createFolder(Path dir) throws IOException {
    Files.createDirectories(dir);
  }

  /**
   * Whether writing {@code output} would overwrite {@code input}: both exist and are the same file
   * (also through a link). An input is never overwritten.
   */
  public static boolean sameFile(Path output, Path input) throws IOException {
    return Files.exists(output) && Files.exists(input) && Files.isSameFile(output, input);
  }

  /**
   * Opens a file to write through a stream; it is moved into place by {@link Output#commit} or
   * {@link #commitAll}, and removed by {@link #close} otherwise.
   */
  public Output open(Path target) throws IOException {
    Output out = new Output(target);
    opened.add(out);
    return out;
  }

  /** Moves every opened file not yet committed into place, in the order they were opened. */
  public void commitAll() throws IOException {
    for (Output out : opened) {
      if (!out.committed) {
        out.commit();
      }
    }
  }

  /** Removes the temporary file of every opened file that was not committed. */
  @Override
  public void close() throws IOException {
    for (Output out : opened) {
      out.close();
    }
  }

  /**
   * A file being written: its bytes go to {@link #stream()}, and {@link #commit()} moves the
   * finished file into place; closed without a commit, it leaves nothing behind.
   */
  public static final class Output implements Closeable {
    private final Path target;
    private final Path tmp;
    private final OutputStream out;
    private boolean committed;

    private Output(Path target) throws IOException {
      this.target = target;
      Path dir = target.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      this.tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      this.out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
    }

    /** The path the file is written to, as the user gave it. */
    public Path target() {
      return target;
    }

    public OutputStream stream() {
      return out;
    }

    /** Moves the finished file into place. */
    public void commit() throws IOException {
      out.close();
      permissions(tmp, target);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      committed = true;
    }

    @Override
    public void close() throws IOException {
      if (!committed) {
        try {
          out.close();
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
    }
  }

  /**
   * A temporary file is private (0600); the result gets the permissions the target had, or the
   * usual rw-r--r-- for a new file.
   */
  private static void permissions(Path tmp, Path target) throws IOException {
    if (!Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
      return;
    }
    var perms = Files.exists(target) ? Files.getPosixFilePermissions(target) : READABLE;
    Files.setPosixFilePermissions(tmp, perms);
  }
}
