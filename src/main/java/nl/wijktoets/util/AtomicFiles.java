package nl.wijktoets.util;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers never see half of it: the bytes go to a temporary file next to the
 * target, which is then moved into place.
 */
public final class AtomicFiles {

  private static final Set<PosixFilePermission> READABLE =
      PosixFilePermissions.fromString("rw-r--r--");

  private AtomicFiles() {}

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

  public static void write(Path target, byte[] bytes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      Files.write(tmp, bytes);
      permissions(tmp, target);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * A file written through a stream and moved into place on {@link #commit}; closed without a
   * commit, it leaves nothing behind.
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

  /** Opens a file to write through a stream; see {@link Output}. */
  public static Output open(Path target) throws IOException {
    return new Output(target);
  }
}
