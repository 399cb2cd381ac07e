package nl.wijktoets.cli;

import static nl.wijktoets.testutil.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.wijktoets.testutil.Jvm;
import nl.wijktoets.testutil.Run;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output policy as a user meets it, tried as an attacker would, as root as CI runs: every
 * output option of every command writes devices, pipes and links through instead of replacing them,
 * reports write errors with the user's path and the reason, never overwrites an input or another
 * output, and leaves no temporary file behind, not even when stopped by a signal.
 */
class OutputPolicyTest {

  private static final String MOERWIJK = "examples/moerwijk.yaml";
  private static final String TRANSVAAL = "examples/transvaal.yaml";
  private static final String V2 = "examples/diff/transvaal-v2.yaml";
  private static final Path LIST = Path.of("examples/batch/proposals.csv");

  @TempDir Path dir;

  /** The example list's rows that score (not the ER- rows that show errors). */
  private static List<CSVRecord> goodRows() throws IOException {
    try (var parser = CSVFormat.RFC4180.builder().get().parse(Files.newBufferedReader(LIST))) {
      return parser.getRecords().stream().filter(r -> !r.get(0).startsWith("ER-")).toList();
    }
  }

  private static String csv(List<List<String>> rows) throws IOException {
    StringBuilder b = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(b, CSVFormat.RFC4180)) {
      for (List<String> row : rows) {
        printer.printRecord(row);
      }
    }
    return b.toString();
  }

  /** A copy of the batch example (its list and the proposals its rows name) in the temp folder. */
  private Path batchList() throws IOException {
    Path list = dir.resolve("list.csv");
    Files.writeString(
        list, csv(goodRows().stream().map(CSVRecord::toList).toList()), StandardCharsets.UTF_8);
    Path proposals = dir.resolve("proposals");
    Files.createDirectories(proposals);
    try (Stream<Path> s = Files.list(LIST.getParent().resolve("proposals"))) {
      for (Path p : s.toList()) {
        Files.copy(p, proposals.resolve(p.getFileName()));
      }
    }
    return list;
  }

  /** Every command and output option, with the output at {@code target}. */
  private List<String[]> everyOutput(String target, String reportTarget) throws IOException {
    String list = batchList().toString();
    List<String[]> runs = new ArrayList<>();
    runs.add(new String[] {"assess", MOERWIJK, "-o", target});
    runs.add(new String[] {"assess", MOERWIJK, "-f", "json", "--output", target});
    runs.add(new String[] {"validate", MOERWIJK, "-f", "json", "-o", target});
    runs.add(new String[] {"diff", TRANSVAAL, V2, "-o", target});
    runs.add(new String[] {"batch", list, "-o", target, "-q"});
    runs.add(new String[] {"batch", list, "-o", dir.resolve("r.csv").toString(), "--json", target});
    runs.add(
        new String[] {"batch", list, "-o", dir.resolve("r.csv").toString(), "--junit", target});
    if (reportTarget != null) {
      runs.add(
          new String[] {
            "batch", list, "-o", dir.resolve("r.csv").toString(), "--report", reportTarget
          });
    }
    runs.add(new String[] {"init", target, "--force"});
    return runs;
  }

  private static boolean isSpecial(Path p) {
    return Files.exists(p)
        && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
        && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
        && !Files.isSymbolicLink(p);
  }

  /** A character device like /dev/null made with mknod, or the test is skipped saying why. */
  private Path nullDevice(String name) throws IOException, InterruptedException {
    Path device = dir.resolve(name);
    int code =
        new ProcessBuilder("mknod", device.toString(), "c", "1", "3")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start()
            .waitFor();
    Assumptions.assumeTrue(
        code == 0 && isSpecial(device),
        "mknod is not allowed here (not root, or no device nodes in this container):"
            + " the device cases are skipped");
    return device;
  }

  private List<Path> temporaryFiles(Path folder) throws IOException {
    try (Stream<Path> s = Files.walk(folder)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  @Test
  void devNullStaysADeviceForEveryOutputOption() throws Exception {
    Path devNull = Path.of("/dev/null");
    Assumptions.assumeTrue(isSpecial(devNull), "no /dev/null character device");
    Object modeBefore = Files.getAttribute(devNull, "unix:mode");
    Path sink = nullDevice("sink.md");
    for (String[] args : everyOutput("/dev/null", sink.toString())) {
      Run r = run(args);
      assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(0);
      assertThat(isSpecial(devNull)).as(String.join(" ", args)).isTrue();
      assertThat(Files.getAttribute(devNull, "unix:mode")).isEqualTo(modeBefore);
      assertThat(isSpecial(sink)).as(String.join(" ", args)).isTrue();
    }
    assertThat(temporaryFiles(dir)).isEmpty();
  }

  @Test
  void aDeviceMadeWithMknodIsWrittenThroughNotReplaced() throws Exception {
    Path device = nullDevice("device");
    for (String[] args : everyOutput(device.toString(), null)) {
      Run r = run(args);
      assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(0);
      assertThat(isSpecial(device)).as(String.join(" ", args)).isTrue();
    }
    assertThat(temporaryFiles(dir)).isEmpty();
  }

  @Test
  void aFullDeviceExitsThreeNamingThePathAndTheReason() throws Exception {
    Assumptions.assumeTrue(isSpecial(Path.of("/dev/full")), "no /dev/full on this machine");
    for (String[] args : everyOutput("/dev/full", null)) {
      Run r = run(args);
      assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(3);
      assertThat(r.err())
          .as(String.join(" ", args))
          .contains("cannot write /dev/full: the disk or device is full")
          .doesNotContain("internal error")
          .doesNotContain(".tmp")
          .doesNotContain("Exception");
    }
    Run nl = run("assess", MOERWIJK, "-o", "/dev/full", "--lang", "nl");
    assertThat(nl.err()).contains("kan /dev/full niet schrijven: de schijf of het apparaat is vol");
    assertThat(temporaryFiles(dir)).isEmpty();
  }

  @Test
  @Timeout(60)
  void aNamedPipeIsWrittenThroughAndItsReaderGetsTheReport() throws Exception {
    Path fifo = dir.resolve("pipe");
    int made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
    Assumptions.assumeTrue(made == 0, "mkfifo is not available");
    for (String[] args : everyOutput(fifo.toString(), null)) {
      CompletableFuture<byte[]> reader =
          CompletableFuture.supplyAsync(
              () -> {
                try (InputStream in = Files.newInputStream(fifo)) {
                  return in.readAllBytes();
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      Run r = run(args);
      byte[] got = reader.get(30, TimeUnit.SECONDS);
      assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(0);
      assertThat(got).as(String.join(" ", args)).isNotEmpty();
      assertThat(isSpecial(fifo)).isTrue();
    }
    assertThat(temporaryFiles(dir)).isEmpty();
  }

  @Test
  void aSymbolicLinkStaysAndItsTargetIsReplaced() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real"));
    Path target = real.resolve("report.md");
    Files.writeString(target, "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.md"), Path.of("real/report.md"));
    Path chain = Files.createSymbolicLink(dir.resolve("chain.md"), link.getFileName());
    for (String[] args : everyOutput(chain.toString(), chain.toString())) {
      Files.writeString(target, "old");
      Run r = run(args);
      assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(0);
      assertThat(Files.isSymbolicLink(link)).isTrue();
      assertThat(Files.isSymbolicLink(chain)).isTrue();
      assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("real/report.md"));
      assertThat(Files.readString(target, StandardCharsets.UTF_8))
          .as(String.join(" ", args))
          .isNotEqualTo("old")
          .isNotEmpty();
    }
    // a dangling link: its target is created, the link stays
    Path dangling = Files.createSymbolicLink(dir.resolve("new.md"), Path.of("real/new-report.md"));
    assertThat(run("assess", MOERWIJK, "-o", dangling.toString()).code()).isZero();
    assertThat(Files.isSymbolicLink(dangling)).isTrue();
    assertThat(real.resolve("new-report.md")).isRegularFile();
    assertThat(temporaryFiles(dir)).isEmpty();
  }

  @Test
  void devStdoutAppendsToTheShellsLogAndNeverWipesIt() throws Exception {
    String assess =
        Jvm.shell(Jvm.command(List.of(), "assess", Path.of(MOERWIJK).toAbsolutePath().toString()));
    String script =
        "printf 'first line\\n' > log\n"
            + assess
            + " -o /dev/stdout >> log\n"
            + assess
            + " -o /dev/fd/1 >> log\n"
            + assess
            + " -o /proc/self/fd/1 >> log\n"
            + "printf 'last line\\n' >> log\n";
    assertThat(Jvm.bash(dir, script)).as(Files.readString(dir.resolve("bash.log"))).isZero();
    String log = Files.readString(dir.resolve("log"), StandardCharsets.UTF_8);
    assertThat(log).startsWith("first line\n").endsWith("last line\n");
    assertThat(log.split("# ", -1).length - 1).as(log).isGreaterThanOrEqualTo(3);
    assertThat(Files.isRegularFile(dir.resolve("log"))).isTrue();
    assertThat(temporaryFiles(dir)).isEmpty();
  }

  @Test
  void initWritesThroughADeviceOrStandardOutputWithoutForce() throws Exception {
    Path devNull = Path.of("/dev/null");
    Assumptions.assumeTrue(isSpecial(devNull), "no /dev/null character device");
    Run r = run("init", "/dev/null", "--lang", "en");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(isSpecial(devNull)).isTrue();
    // a regular file still needs --force
    Path file = Files.writeString(dir.resolve("mine.yaml"), "name: mine\n");
    Run exists = run("init", file.toString(), "--lang", "en");
    assertThat(exists.code()).isEqualTo(3);
    assertThat(exists.err()).contains("exists already");
    assertThat(Files.readString(file)).isEqualTo("name: mine\n");
    // /dev/stdout: the template reaches standard output, appended to the shell's file
    String init = Jvm.shell(Jvm.command(List.of(), "init", "/dev/stdout", "--lang", "en"));
    assertThat(Jvm.bash(dir, "printf 'first\\n' > log\n" + init + " >> log\n"))
        .as(Files.readString(dir.resolve("bash.log")))
        .isZero();
    String log = Files.readString(dir.resolve("log"), StandardCharsets.UTF_8);
    assertThat(log).startsWith("first\n").contains("\nversion: 1");
  }

  @Test
  void aFileOfTheKernelIsNamedAsSuchNotAsMissing() throws Exception {
    Path version = Path.of("/proc/version");
    Assumptions.assumeTrue(Files.isRegularFile(version), "no /proc/version");
    String before = Files.readString(version);
    Run r = run("assess", MOERWIJK, "-o", "/proc/version", "--lang", "en");
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.err())
        .contains(
            "cannot write /proc/version: it is in a folder of the operating system (such as /proc"
                + " or /sys), where files cannot be written")
        .doesNotContain("no such file");
    Run nl = run("assess", MOERWIJK, "-o", "/proc/version", "--lang", "nl");
    assertThat(nl.err())
        .contains(
            "kan /proc/version niet schrijven: het staat in een map van het besturingssysteem");
    assertThat(Files.readString(version)).isEqualTo(before);
  }

  @Test
  void standardOutputOnAFullDeviceIsNotASuccess() throws Exception {
    Assumptions.assumeTrue(isSpecial(Path.of("/dev/full")), "no /dev/full on this machine");
    String assess =
        Jvm.shell(
            Jvm.command(
                List.of(),
                "assess",
                Path.of(MOERWIJK).toAbsolutePath().toString(),
                "--lang",
                "en"));
    int code = Jvm.bash(dir, assess + " > /dev/full");
    assertThat(code).isEqualTo(3);
    assertThat(Files.readString(dir.resolve("bash.log")))
        .contains("cannot write standard output")
        .doesNotContain("Exception");
  }

  @Test
  void outputsThatAreTheSameFileAreAUsageErrorBeforeAnythingIsWritten() throws Exception {
    String list = batchList().toString();
    String same = dir.resolve("same.out").toString();
    Run r = run("batch", list, "-o", same, "--json", same, "--junit", same);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("same.out").contains("same file");
    assertThat(dir.resolve("same.out")).doesNotExist();
    // also through a link, and spelled differently
    Path link = Files.createSymbolicLink(dir.resolve("alias.jsonl"), Path.of("same.out"));
    Run viaLink = run("batch", list, "-o", same, "--json", link.toString());
    assertThat(viaLink.code()).isEqualTo(2);
    Run dotted =
        run(
            "batch",
            list,
            "--json",
            same,
            "--junit",
            dir.resolve(".").resolve("same.out").toString());
    assertThat(dotted.code()).isEqualTo(2);
    assertThat(dir.resolve("same.out")).doesNotExist();
    // /dev/null more than once is fine
    assertThat(run("batch", list, "-q", "-o", "/dev/null", "--json", "/dev/null").code()).isZero();
  }

  @Test
  void noOutputIsAnInputOfAnyCommand() throws Exception {
    Path old = dir.resolve("old.yaml");
    Files.copy(Path.of(TRANSVAAL), old);
    byte[] before = Files.readAllBytes(old);
    Path link = Files.createSymbolicLink(dir.resolve("old-link.yaml"), old.getFileName());
    Path list = batchList();
    byte[] listBefore = Files.readAllBytes(list);
    Path rubric = dir.resolve("rubric.yaml");
    Files.copy(Path.of("examples/rubrics/werk-eerst.yaml"), rubric);
    byte[] rubricBefore = Files.readAllBytes(rubric);
    List<String[]> clashes =
        List.of(
            new String[] {"diff", old.toString(), V2, "-o", old.toString()},
            new String[] {"diff", V2, old.toString(), "-o", link.toString()},
            new String[] {
              "diff", TRANSVAAL, V2, "--rubric", rubric.toString(), "-o", rubric.toString()
            },
            new String[] {"assess", old.toString(), "-o", link.toString()},
            new String[] {
              "assess", MOERWIJK, "--rubric", rubric.toString(), "-o", rubric.toString()
            },
            new String[] {"validate", old.toString(), "-o", old.toString()},
            new String[] {"batch", list.toString(), "-o", list.toString()},
            new String[] {
              "batch",
              list.toString(),
              "--report",
              list.toString() + ".md",
              "--json",
              list.toString()
            },
            new String[] {
              "batch", list.toString(), "--junit", rubric.toString(), "--rubric", rubric.toString()
            });
    for (String[] args : clashes) {
      Run r = run(args);
      assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
      assertThat(r.err()).as(String.join(" ", args)).contains("never overwritten");
      assertThat(r.out()).isEmpty();
    }
    assertThat(Files.readAllBytes(old)).isEqualTo(before);
    assertThat(Files.readAllBytes(list)).isEqualTo(listBefore);
    assertThat(Files.readAllBytes(rubric)).isEqualTo(rubricBefore);
    assertThat(Files.exists(Path.of(list + ".md"))).isFalse();
  }

  @Test
  void theProjectSettingsFileIsAnInputToo() throws Exception {
    Path settings = Files.writeString(dir.resolve(".wijktoets.yaml"), "assess: {top: 2}\n");
    Path proposal = Files.copy(Path.of(MOERWIJK), dir.resolve("m.yaml"));
    Run r = Run.runIn(dir, "assess", proposal.toString(), "-o", settings.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("never overwritten");
    assertThat(Files.readString(settings)).isEqualTo("assess: {top: 2}\n");
  }

  @Test
  void anOutputThatIsAFileRowsProposalStopsTheBatchBeforeAnything() throws Exception {
    Path list = batchList();
    Path proposal = dir.resolve("proposals/moerwijk.yaml");
    byte[] before = Files.readAllBytes(proposal);
    for (String option : new String[] {"-o", "--json", "--junit"}) {
      Run r = run("batch", list.toString(), "--lang", "en", option, proposal.toString());
      assertThat(r.code()).as(option).isEqualTo(2);
      assertThat(r.err()).contains("never overwritten").contains("moerwijk.yaml");
      assertThat(r.out()).isEmpty();
      assertThat(Files.readAllBytes(proposal)).isEqualTo(before);
    }
  }

  @Test
  void standardInputRedirectedFromTheOutputIsAnInput() throws Exception {
    Path proposal = Files.copy(Path.of(MOERWIJK), dir.resolve("x.yaml"));
    byte[] before = Files.readAllBytes(proposal);
    for (String target : new String[] {proposal.toString(), "/dev/stdin"}) {
      Process p =
          new ProcessBuilder(Jvm.command(List.of(), "assess", "-", "--lang", "en", "-o", target))
              .redirectInput(proposal.toFile())
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as(out).isEqualTo(2);
      assertThat(out).contains("never overwritten");
      assertThat(Files.readAllBytes(proposal)).isEqualTo(before);
    }
  }

  @Test
  void diffWriteErrorIsNotAnInternalError() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("a-folder"));
    Run r = run("diff", TRANSVAAL, V2, "-o", folder.toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err())
        .contains("cannot write " + folder + ": is a folder, not a file")
        .doesNotContain("internal error");
  }

  @Test
  void reportAndToYamlTargetsAreCheckedBeforeTheFirstRow() throws Exception {
    Path list = batchList();
    Path folder = Files.createDirectories(dir.resolve("overview.md"));
    Run r = run("batch", list.toString(), "--lang", "en", "--report", folder.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("cannot write " + folder).doesNotContain("rows,");
    Path file = Files.writeString(dir.resolve("yaml-here"), "a file");
    Run y = run("batch", list.toString(), "--lang", "en", "--to-yaml", file.toString());
    assertThat(y.code()).isEqualTo(3);
    assertThat(y.err()).contains("cannot write " + file).doesNotContain("rows,");
    assertThat(y.out()).isEmpty();
  }

  /**
   * A list whose batch is still running when it is stopped, however fast the machine: some flat
   * rows, then a row naming a FIFO that nobody writes to, so reading that row blocks until the
   * signal comes (a long list raced the batch, which can finish before the signal is sent).
   */
  private Path blockingList(int rows) throws IOException, InterruptedException {
    List<CSVRecord> good = goodRows();
    int file = good.get(0).toList().indexOf("file");
    List<List<String>> flat =
        good.stream().skip(1).map(CSVRecord::toList).filter(r -> r.get(file).isEmpty()).toList();
    List<List<String>> out = new ArrayList<>();
    out.add(good.get(0).toList());
    for (int i = 0; i < rows; i++) {
      List<String> row = new ArrayList<>(flat.get(i % flat.size()));
      row.set(0, "R" + i);
      out.add(row);
    }
    List<String> stuck = new ArrayList<>(Collections.nCopies(out.get(0).size(), ""));
    stuck.set(0, "STUCK");
    stuck.set(file, "stuck.yaml");
    out.add(stuck);
    Path fifo = dir.resolve("stuck.yaml");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    return Files.writeString(dir.resolve("long.csv"), csv(out), StandardCharsets.UTF_8);
  }

  @Test
  @Timeout(120)
  void aSignalDuringABatchLeavesNoTemporaryFile() throws Exception {
    Path list = blockingList(200);
    for (String signal : new String[] {"TERM", "INT"}) {
      Path out = Files.createDirectories(dir.resolve("out-" + signal));
      Process p =
          new ProcessBuilder(
                  Jvm.command(
                      List.of(),
                      "batch",
                      list.toString(),
                      "--threads",
                      "1",
                      "-o",
                      out.resolve("results.csv").toString(),
                      "--json",
                      out.resolve("all.jsonl").toString()))
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("batch-" + signal + ".log").toFile())
              .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (temporaryFiles(out).size() < 2 && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(p.isAlive()).as("the batch should still be running").isTrue();
      assertThat(temporaryFiles(out)).hasSize(2);
      new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(temporaryFiles(out)).as("SIG" + signal).isEmpty();
      assertThat(out.resolve("results.csv")).doesNotExist();
    }
  }
}
