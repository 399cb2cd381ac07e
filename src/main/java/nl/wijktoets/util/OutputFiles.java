package nl.wijktoets.util;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one door for every file the tool writes: {@code -o}, {@code --report}, {@code --json}, {@code
 * --junit}, {@code --to-yaml}, {@code init} and {@code diff} all go through this class, so the
 * output policy lives here and nowhere else:
 *
 * <ul>
 *   <li><b>Regular files</b> (a path that is a regular file, resolves to one through symbolic
 *       links, or does not exist yet) are written to a private (0600) temporary file {@code
 *       .NAME.*.tmp} in the folder of the resolved file, created when missing, and the finished
 *       file is moved into place (atomically where the file system can), so readers never see half
 *       a file. A symbolic link stays: its target is replaced. The file keeps the permissions (and,
 *       where allowed, the owner) of the file it replaces, or gets {@code rw-r--r--}.
 *   <li><b>Anything else is written through</b>, never replaced: character and block devices, named
 *       pipes, sockets, and always {@code /dev/stdout}, {@code /dev/stderr}, {@code /dev/fd/N} and
 *       {@code /proc/self/fd/N} whatever they resolve to. These are opened for appending, so {@code
 *       -o /dev/stdout >> log} adds to the log and never wipes it.
 *   <li><b>Every write error</b> (a full disk, {@code /dev/full}, no permission) is a {@link
 *       WriteError} naming the path the user gave and the reason.
 *   <li><b>No clashes</b>: {@link #checkClashes} compares the outputs, by the file they resolve to,
 *       with the inputs and with each other before any work starts; {@link #sameFile} does it for
 *       one pair (a batch row's proposal).
 *   <li><b>Nothing left behind</b>: a file that is not committed is removed on close, and every
 *       temporary file still open is removed when the process is stopped (SIGTERM, SIGINT).
 *   <li><b>Text</b> ({@link #write(Path, String)}, {@link Output#writer()}) is UTF-8 with control
 *       characters shown as visible escapes ({@link Visible}).
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

  /** Paths that always mean an open file descriptor of this process: written through. */
  private static final Pattern DESCRIPTOR =
      Pattern.compile("/dev/(stdout|stderr)|/dev/fd/\\d+|/proc/(self|\\d+)/fd/\\d+");

  /** How many symbolic links in a row are followed (as Linux's MAXSYMLINKS). */
  private static final int MAX_LINKS = 40;

  /** The longest part of a target's name kept in its temporary file's name. */
  private static final int TMP_NAME = 60;

  private final List<Output> opened = new ArrayList<>();

  /** Writes a whole file: in place when this returns, or not at all. */
  public static void write(Path target, byte[] bytes) throws WriteError {
    try (Output out = new Output(target)) {
      out.stream().write(bytes);
      out.commit();
    } catch (WriteError e) {
      throw e;
    } catch (IOException e) {
      throw new WriteError(target, e);
    }
  }

  /**
   * Writes a whole text file in UTF-8, control characters shown as escapes; see {@link #write(Path,
   * byte[])}.
   */
  public static void write(Path target, String text) throws WriteError {
    write(target, Visible.text(text).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Makes a folder that output files go into ({@code batch --to-yaml DIR}), with its parents,
   * before any work starts.
   */
  public static void createFolder(Path dir) throws WriteError {
    try {
      Files.createDirectories(resolveLinks(dir));
    } catch (IOException e) {
      throw new WriteError(dir, e);
    }
  }

  /**
   * Whether writing {@code output} would overwrite {@code input}: both resolve to the same file
   * that is not a device or pipe. An input is never overwritten.
   */
  public static boolean sameFile(Path output, Path input) {
    return Target.of(output).clashesWith(Target.of(input));
  }

  /**
   * Checks, before anything is written, that no output is (or resolves to) one of the inputs or
   * another output. Devices and pipes ({@code /dev/null}, {@code /dev/stdout} on a terminal) may be
   * named more than once.
   *
   * @param inputs the files read (proposals, lists, rubrics); standard input is not among them
   * @param outputs the files to be written, in the order the user gave them; null entries are
   *     skipped
   * @throws Clash naming the first output that clashes and what it clashes with
   */
  public static void checkClashes(Collection<Path> inputs, Collection<Path> outputs) throws Clash {
    List<Path> outs = outputs.stream().filter(Objects::nonNull).toList();
    List<Target> outTargets = outs.stream().map(Target::of).toList();
    for (Path input : inputs) {
      if (input == null) {
        continue;
      }
      Target in = Target.of(input);
      for (int i = 0; i < outs.size(); i++) {
        if (outTargets.get(i).clashesWith(in)) {
          throw new Clash(outs.get(i), input, true);
        }
      }
    }
    for (int i = 0; i < outs.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (outTargets.get(i).clashesWith(outTargets.get(j))) {
          throw new Clash(outs.get(i), outs.get(j), false);
        }
      }
    }
  }

  /**
   * Whether a path is written through rather than replaced: a descriptor path ({@code
   * /dev/stdout}), or something that exists and is neither a regular file nor a folder (a device, a
   * named pipe, a socket), also through symbolic links.
   */
  public static boolean writtenThrough(Path target) {
    if (isDescriptor(target)) {
      return true;
    }
    try {
      Path resolved = resolveLinks(target);
      BasicFileAttributes a =
          Files.readAttributes(resolved, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return a.isOther();
    } catch (IOException e) {
      return false; // does not exist (yet): a new regular file
    }
  }

  private static boolean isDescriptor(Path target) {
    String s = target.toAbsolutePath().normalize().toString();
    return DESCRIPTOR.matcher(s).matches();
  }

  /**
   * Follows the symbolic links a path's last part goes through, to the file a write would land on
   * (which may not exist yet: a dangling link's target is created).
   */
  static Path resolveLinks(Path path) throws IOException {
    Path current = path.toAbsolutePath();
    for (int i = 0; i < MAX_LINKS; i++) {
      if (!Files.isSymbolicLink(current)) {
        return current;
      }
      Path link = Files.readSymbolicLink(current);
      Path parent = current.getParent();
      current = parent == null ? link.toAbsolutePath() : parent.resolve(link);
    }
    throw new FileSystemException(path.toString(), null, "Too many levels of symbolic links");
  }

  /**
   * Opens a file to write through a stream; it is moved into place by {@link Output#commit} or
   * {@link #commitAll}, and removed by {@link #close} otherwise.
   */
  public Output open(Path target) throws WriteError {
    Output out = new Output(target);
    opened.add(out);
    return out;
  }

  /** Moves every opened file not yet committed into place, in the order they were opened. */
  public void commitAll() throws WriteError {
    for (Output out : opened) {
      if (!out.committed) {
        out.commit();
      }
    }
  }

  /** Removes the temporary file of every opened file that was not committed. */
  @Override
  public void close() {
    for (Output out : opened) {
      out.close();
    }
  }

  /**
   * A file being written: its bytes go to {@link #stream()}, and {@link #commit()} moves the
   * finished file into place; closed without a commit, it leaves nothing behind. A device or pipe
   * is written through: {@link #commit()} only flushes it.
   */
  public static final class Output implements Closeable {
    private final Path target;
    private final Path resolved;
    private final Path tmp;
    private final OutputStream out;
    private boolean committed;
    private boolean closed;

    private Output(Path target) throws WriteError {
      this.target = target;
      try {
        if (writtenThrough(target)) {
          this.resolved = target;
          this.tmp = null;
          this.out =
              guard(
                  Files.newOutputStream(
                      target, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                  true);
          return;
        }
        this.resolved = resolveLinks(target);
        if (Files.isDirectory(resolved)) {
          throw new FileSystemException(target.toString(), null, "Is a directory");
        }
        Path dir = resolved.getParent();
        if (dir != null) {
          Files.createDirectories(dir);
        }
        try {
          this.tmp = TempFiles.create(dir, tmpPrefix(resolved));
        } catch (IOException e) {
          throw cannotCreateIn(target, resolved, dir, e);
        }
        this.out = guard(Files.newOutputStream(tmp), false);
      } catch (WriteError e) {
        throw e;
      } catch (IOException e) {
        throw new WriteError(target, e);
      }
    }

    private OutputStream guard(OutputStream raw, boolean through) {
      return new Guarded(new BufferedOutputStream(raw, 1 << 16), target, through);
    }

    /** The path the file is written to, as the user gave it. */
    public Path target() {
      return target;
    }

    /** The bytes of the file; a write error is a {@link WriteError} naming {@link #target()}. */
    public OutputStream stream() {
      return out;
    }

    /**
     * A buffered UTF-8 writer on {@link #stream()} that shows control characters as escapes ({@link
     * Visible}).
     */
    public Writer writer() {
      return new BufferedWriter(
          Visible.writer(new OutputStreamWriter(out, StandardCharsets.UTF_8)), 1 << 16);
    }

    /** Moves the finished file into place (a device or pipe: flushes it). */
    public void commit() throws WriteError {
      try {
        out.close();
        closed = true;
        if (tmp != null) {
          keepOwnerAndPermissions(tmp, resolved);
          try {
            Files.move(
                tmp, resolved, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, resolved, StandardCopyOption.REPLACE_EXISTING);
          }
          TempFiles.forget(tmp);
        }
        committed = true;
      } catch (WriteError e) {
        throw e;
      } catch (IOException e) {
        throw new WriteError(target, e);
      }
    }

    /** Without a commit: the temporary file is removed (a device or pipe is only closed). */
    @Override
    public void close() {
      if (committed) {
        return;
      }
      try {
        if (!closed) {
          closed = true;
          out.close();
        }
      } catch (IOException e) {
        // the write failed already, or will be reported by whoever commits; nothing to keep
      } finally {
        if (tmp != null) {
          TempFiles.remove(tmp);
        }
      }
    }
  }

  /**
   * The kernel's own file systems: their files are the kernel's interfaces, not files one can
   * replace ({@code /proc/version}), and they take no new files.
   */
  private static final Set<String> KERNEL_FILE_SYSTEMS =
      Set.of(
          "proc",
          "sysfs",
          "cgroup",
          "cgroup2",
          "debugfs",
          "tracefs",
          "securityfs",
          "configfs",
          "pstore",
          "bpf",
          "efivarfs",
          "fusectl",
          "binfmt_misc",
          "mqueue",
          "hugetlbfs");

  /**
   * Why the temporary file next to a target could not be made, in the words that fit: the system
   * says "no such file" when a folder of the kernel ({@code /proc}) refuses a new file, although
   * the folder and the target exist. A read-only file system and the kernel's folders are named as
   * such; otherwise the target itself is opened for writing (nothing is written, nothing is
   * truncated) to find the reason it has, and failing that the folder is said to take no new files.
   */
  private static WriteError cannotCreateIn(Path target, Path resolved, Path dir, IOException e) {
    if (dir == null || !(e instanceof NoSuchFileException || e instanceof AccessDeniedException)) {
      return new WriteError(target, e);
    }
    try {
      FileStore store = Files.getFileStore(dir);
      if (store.isReadOnly()) {
        return new WriteError(target, e, "error.write.read-only");
      }
      if (KERNEL_FILE_SYSTEMS.contains(store.type())) {
        return new WriteError(target, e, "error.write.system");
      }
    } catch (IOException | RuntimeException unknown) {
      // no file store to ask: go on with the target
    }
    if (e instanceof NoSuchFileException && Files.isDirectory(dir)) {
      if (Files.exists(resolved)) {
        try (var channel = Files.newByteChannel(resolved, StandardOpenOption.WRITE)) {
          // the file itself could be written: its folder refuses new files
        } catch (IOException own) {
          return new WriteError(target, own);
        }
      }
      return new WriteError(target, e, "error.write.no-new-files");
    }
    return new WriteError(target, e);
  }

  private static String tmpPrefix(Path resolved) {
    String name = resolved.getFileName().toString();
    if (name.length() > TMP_NAME) {
      name = name.substring(0, TMP_NAME);
    }
    return "." + name + ".";
  }

  /**
   * Whether a write failed because the reader of a pipe went away ({@code wijktoets ... | head
   * -1}): EPIPE, "Broken pipe" (on Windows "The pipe is being closed"). Not an error of the run:
   * what is left to write has no reader.
   */
  public static boolean isClosedPipe(IOException e) {
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return m.contains("broken pipe")
        || m.contains("pipe is being closed")
        || m.contains("pipe has been ended");
  }

  /**
   * A stream whose every error names the user's path ({@link WriteError}). Written through to a
   * pipe whose reader went away, the rest is dropped quietly, as for standard output.
   */
  private static final class Guarded extends FilterOutputStream {
    private final Path target;
    private final boolean through;
    private boolean pipeClosed;

    Guarded(OutputStream out, Path target, boolean through) {
      super(out);
      this.target = target;
      this.through = through;
    }

    private IOException failed(IOException e) {
      if (e instanceof WriteError) {
        return e;
      }
      if (through && isClosedPipe(e)) {
        pipeClosed = true;
        return null;
      }
      return new WriteError(target, e);
    }

    @Override
    public void write(int b) throws IOException {
      if (pipeClosed) {
        return;
      }
      try {
        out.write(b);
      } catch (IOException e) {
        IOException f = failed(e);
        if (f != null) {
          throw f;
        }
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (pipeClosed) {
        return;
      }
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        IOException f = failed(e);
        if (f != null) {
          throw f;
        }
      }
    }

    @Override
    public void flush() throws IOException {
      if (pipeClosed) {
        return;
      }
      try {
        out.flush();
      } catch (IOException e) {
        IOException f = failed(e);
        if (f != null) {
          throw f;
        }
      }
    }

    @Override
    public void close() throws IOException {
      try {
        out.close();
      } catch (IOException e) {
        IOException f = pipeClosed && !(e instanceof WriteError) ? null : failed(e);
        if (f != null) {
          throw f;
        }
      }
    }
  }

  /**
   * The temporary files still open, removed when the process is stopped (a shutdown hook runs on
   * SIGTERM and SIGINT, and on a normal exit).
   */
  private static final class TempFiles {
    private static final Set<Path> LIVE = new LinkedHashSet<>();
    private static boolean hooked;
    private static boolean stopping;

    static synchronized Path create(Path dir, String prefix) throws IOException {
      if (stopping) {
        throw new FileSystemException(dir.toString(), null, "the program is stopping");
      }
      if (!hooked) {
        Runtime.getRuntime()
            .addShutdownHook(new Thread(TempFiles::removeAll, "wijktoets-remove-temporary-files"));
        hooked = true;
      }
      Path tmp = Files.createTempFile(dir, prefix, ".tmp");
      LIVE.add(tmp);
      return tmp;
    }

    static synchronized void forget(Path tmp) {
      LIVE.remove(tmp);
    }

    static synchronized void remove(Path tmp) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // the folder went away or is read-only now: nothing more can be done
      }
      LIVE.remove(tmp);
    }

    static synchronized void removeAll() {
      stopping = true;
      for (Path tmp : List.copyOf(LIVE)) {
        remove(tmp);
      }
    }
  }

  /**
   * The result gets the permissions (and, when the process may, the owner and group) of the file it
   * replaces, or the usual rw-r--r-- for a new file; the temporary file itself is private (0600).
   */
  private static void keepOwnerAndPermissions(Path tmp, Path target) throws IOException {
    if (!Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
      return;
    }
    PosixFileAttributes old = null;
    try {
      old = Files.readAttributes(target, PosixFileAttributes.class);
    } catch (NoSuchFileException e) {
      // a new file
    }
    if (old == null) {
      Files.setPosixFilePermissions(tmp, READABLE);
      return;
    }
    PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
    try {
      view.setGroup(old.group());
      view.setOwner(old.owner());
    } catch (IOException e) {
      // not allowed (not root, not the owner): the file becomes ours, as any new file
    }
    Files.setPosixFilePermissions(tmp, old.permissions());
  }

  /**
   * Files claimed during a run, each resolved once, to check the files a run finds as it goes (a
   * batch row's proposal, a {@code --to-yaml} file) against them: {@link #owner} says which claimed
   * path, if any, a candidate is the same file as. Not thread-safe: used by the thread that reads
   * the list.
   */
  public static final class Claims {
    private final Map<Path, Path> byIdentity = new HashMap<>();
    private final Map<Path, Path> specialByIdentity = new HashMap<>();

    public Claims(Collection<Path> paths) {
      paths.stream().filter(Objects::nonNull).forEach(this::add);
    }

    /** Claims one more path. */
    public void add(Path path) {
      Target t = Target.of(path);
      (t.special() ? specialByIdentity : byIdentity).putIfAbsent(t.identity(), path);
    }

    /** The claimed path that {@code candidate} is the same file as, or null. */
    public Path owner(Path candidate) {
      if (byIdentity.isEmpty() && specialByIdentity.isEmpty()) {
        return null;
      }
      Target t = Target.of(candidate);
      Path owner = byIdentity.get(t.identity());
      return owner != null || t.special() ? owner : specialByIdentity.get(t.identity());
    }
  }

  /** What an output is, for comparing it with inputs and other outputs. */
  private record Target(Path identity, boolean special) {

    static Target of(Path path) {
      Path resolved;
      try {
        resolved = resolveLinks(path);
      } catch (IOException e) {
        resolved = path.toAbsolutePath();
      }
      try {
        Path real = (isDescriptor(path) ? path : resolved).toRealPath();
        BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
        return new Target(real, a.isOther());
      } catch (IOException e) {
        // does not exist yet: compare by the real folder and the name
        Path parent = resolved.normalize().getParent();
        Path name = resolved.normalize().getFileName();
        if (parent != null && name != null) {
          try {
            return new Target(parent.toRealPath().resolve(name), isDescriptor(path));
          } catch (IOException ignored) {
            // the folder does not exist either
          }
        }
        return new Target(resolved.normalize(), isDescriptor(path));
      }
    }

    /** Same file, unless both are devices or pipes (which may be written more than once). */
    boolean clashesWith(Target other) {
      return identity.equals(other.identity) && !(special && other.special);
    }
  }

  /** An output that is an input or another output ({@link #checkClashes}). */
  public static final class Clash extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Path output;
    private final transient Path other;
    private final boolean input;

    Clash(Path output, Path other, boolean input) {
      super(output + " = " + other, null, false, false);
      this.output = output;
      this.other = other;
      this.input = input;
    }

    /** The output, as the user gave it. */
    public Path output() {
      return output;
    }

    /** The input or the earlier output it is the same file as. */
    public Path other() {
      return other;
    }

    /** Whether {@link #other()} is an input (else it is another output). */
    public boolean isInput() {
      return input;
    }
  }

  /**
   * A file could not be written: the path as the user gave it, and why, as a message key of the
   * i18n bundles ({@code error.write.*}) where the reason is a usual one, else the system's words.
   */
  public static final class WriteError extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path path;
    private final String reasonKey;
    private final String detail;

    public WriteError(Path path, IOException cause) {
      this(path, cause, null);
    }

    /**
     * A write error with the reason known better than the system's words say ({@code reasonKey}).
     */
    WriteError(Path path, IOException cause, String reasonKey) {
      super(path + ": " + detail(cause), cause);
      this.path = path;
      this.detail = detail(cause);
      this.reasonKey = reasonKey != null ? reasonKey : reasonKey(cause, detail);
    }

    /** The write error among a throwable and its causes, or null. */
    public static WriteError in(Throwable t) {
      for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
        if (c instanceof WriteError e) {
          return e;
        }
      }
      return null;
    }

    /** The path the user gave. */
    public Path path() {
      return path;
    }

    /**
     * A message key for the reason ({@code error.write.full} ...), or null: see {@link #detail}.
     */
    public String reasonKey() {
      return reasonKey;
    }

    /** The reason in the system's words. */
    public String detail() {
      return detail;
    }

    private static String detail(IOException e) {
      String d = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
      if (d == null || d.isBlank()) {
        d = e instanceof NoSuchFileException ? "No such file or directory" : e.getMessage();
      }
      if (d == null || d.isBlank()) {
        d = e.getClass().getSimpleName();
      }
      return d.replaceAll("\\s+", " ").strip();
    }

    private static String reasonKey(IOException e, String detail) {
      String d = detail.toLowerCase(Locale.ROOT);
      if (e instanceof AccessDeniedException || d.contains("permission denied")) {
        return "error.write.denied";
      }
      if (d.contains("no space left")) {
        return "error.write.full";
      }
      if (d.contains("read-only file system")) {
        return "error.write.read-only";
      }
      if (d.contains("file name too long")) {
        return "error.write.name-too-long";
      }
      if (d.contains("is a directory")) {
        return "error.is-directory";
      }
      if (e instanceof NotDirectoryException
          || d.contains("not a directory")
          || e instanceof FileAlreadyExistsException) {
        return "error.write.not-a-folder";
      }
      if (e instanceof NoSuchFileException || d.contains("no such file")) {
        return "error.not-found";
      }
      if (d.contains("too many levels of symbolic links")) {
        return "error.write.link-loop";
      }
      return null;
    }
  }
}
