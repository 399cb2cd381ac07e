package nl.wijktoets.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output policy (see {@link OutputFiles}). */
class OutputFilesTest {

  @TempDir Path dir;

  private long filesIn(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.count();
    }
  }

  @Test
  void writesAWholeFileAndItsFolderAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("new/folder/report.md");
    OutputFiles.write(target, "# rapport\n");
    assertThat(target).hasContent("# rapport\n");
    assertThat(filesIn(target.getParent())).isEqualTo(1);
    OutputFiles.write(target, "één\n".getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("één\n");
    assertThat(filesIn(target.getParent())).isEqualTo(1);
  }

  @Test
  void aNewFileIsReadableAndAReplacedFileKeepsItsPermissions() throws IOException {
    assumeThat(Files.getFileStore(dir).supportsFileAttributeView("posix")).isTrue();
    Path fresh = dir.resolve("fresh.txt");
    OutputFiles.write(fresh, "x");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)))
        .isEqualTo("rw-r--r--");
    Path kept = dir.resolve("kept.txt");
    Files.writeString(kept, "old");
    Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-rw----"));
    OutputFiles.write(kept, "new");
    assertThat(kept).hasContent("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)))
        .isEqualTo("rw-rw----");
  }

  @Test
  void openedFilesAppearOnlyWhenCommitted() throws IOException {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.jsonl");
    try (OutputFiles files = new OutputFiles()) {
      files.open(a).stream().write("rows\n".getBytes(StandardCharsets.UTF_8));
      OutputFiles.Output out = files.open(b);
      assertThat(out.target()).isEqualTo(b);
      out.stream().write("{}\n".getBytes(StandardCharsets.UTF_8));
      assertThat(a).doesNotExist();
      assertThat(b).doesNotExist();
      files.commitAll();
    }
    assertThat(a).hasContent("rows");
    assertThat(b).hasContent("{}");
    assertThat(filesIn(dir)).isEqualTo(2);
  }

  @Test
  void filesNotCommittedLeaveNothingBehindAndAnOldFileStays() throws IOException {
    Path old = dir.resolve("results.csv");
    Files.writeString(old, "previous run\n");
    try (OutputFiles files = new OutputFiles()) {
      files.open(old).stream().write("half a".getBytes(StandardCharsets.UTF_8));
      files.open(dir.resolve("other.xml")).stream().write('<');
      assertThat(filesIn(dir)).isEqualTo(3); // the old file and two temporary ones
    }
    assertThat(old).hasContent("previous run");
    assertThat(filesIn(dir)).isEqualTo(1);
  }

  @Test
  void sameFileSeesAnInputThroughALink() throws IOException {
    Path input = dir.resolve("in.yaml");
    Files.writeString(input, "version: 1\n");
    Path link = dir.resolve("link.yaml");
    Files.createSymbolicLink(link, input);
    assertThat(OutputFiles.sameFile(input, input)).isTrue();
    assertThat(OutputFiles.sameFile(link, input)).isTrue();
    assertThat(OutputFiles.sameFile(dir.resolve("new.md"), input)).isFalse();
    assertThat(OutputFiles.sameFile(input, dir.resolve("missing.yaml"))).isFalse();
  }

  @Test
  void aNameNearTheSystemLimitStillGetsATemporaryFile() throws IOException {
    Path target = dir.resolve("r".repeat(250) + ".md");
    OutputFiles.write(target, "x");
    assertThat(target).hasContent("x");
    assertThat(filesIn(dir)).isEqualTo(1);
  }

  @Test
  void clashesAreFoundByTheFileTheyResolveTo() throws Exception {
    Path in = Files.writeString(dir.resolve("in.yaml"), "x");
    Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), in.getFileName());
    OutputFiles.Clash c =
        assertThrows(
            OutputFiles.Clash.class,
            () -> OutputFiles.checkClashes(List.of(in), List.of(dir.resolve("ok.md"), link)));
    assertThat(c.output()).isEqualTo(link);
    assertThat(c.other()).isEqualTo(in);
    assertThat(c.isInput()).isTrue();
    Path a = dir.resolve("new/a.md");
    OutputFiles.Clash d =
        assertThrows(
            OutputFiles.Clash.class,
            () -> OutputFiles.checkClashes(List.of(), List.of(a, dir.resolve("new/../new/a.md"))));
    assertThat(d.isInput()).isFalse();
    // devices may be named twice; different files never clash
    OutputFiles.checkClashes(
        List.of(in), List.of(Path.of("/dev/null"), Path.of("/dev/null"), dir.resolve("b.md")));
    assertThat(OutputFiles.sameFile(link, in)).isTrue();
    assertThat(OutputFiles.sameFile(dir.resolve("other"), in)).isFalse();
  }

  @Test
  void claimsFindTheOwnerOfACandidate() throws IOException {
    Path out = dir.resolve("results.csv");
    OutputFiles.Claims claims = new OutputFiles.Claims(List.of(out));
    assertThat(claims.owner(dir.resolve("./results.csv"))).isEqualTo(out);
    assertThat(claims.owner(dir.resolve("other.csv"))).isNull();
    claims.add(dir.resolve("x.yaml"));
    assertThat(claims.owner(dir.resolve("sub/../x.yaml"))).isEqualTo(dir.resolve("x.yaml"));
  }

  @Test
  void descriptorPathsAndDevicesAreWrittenThroughFilesAndLinksReplaced() throws IOException {
    assertThat(OutputFiles.writtenThrough(Path.of("/dev/stdout"))).isTrue();
    assertThat(OutputFiles.writtenThrough(Path.of("/dev/fd/1"))).isTrue();
    assertThat(OutputFiles.writtenThrough(Path.of("/proc/self/fd/2"))).isTrue();
    assertThat(OutputFiles.writtenThrough(Path.of("/dev/null"))).isTrue();
    Path file = Files.writeString(dir.resolve("f"), "x");
    assertThat(OutputFiles.writtenThrough(file)).isFalse();
    assertThat(OutputFiles.writtenThrough(dir.resolve("new"))).isFalse();
    Path toNull = Files.createSymbolicLink(dir.resolve("to-null"), Path.of("/dev/null"));
    assertThat(OutputFiles.writtenThrough(toNull)).isTrue();
  }

  @Test
  void writeErrorsNameTheUsersPathAndAReason() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("folder"));
    OutputFiles.WriteError e =
        assertThrows(OutputFiles.WriteError.class, () -> OutputFiles.write(folder, "x"));
    assertThat(e.path()).isEqualTo(folder);
    assertThat(e.reasonKey()).isEqualTo("error.is-directory");
    Path underAFile = Files.writeString(dir.resolve("plain"), "x").resolve("child.md");
    OutputFiles.WriteError f =
        assertThrows(OutputFiles.WriteError.class, () -> OutputFiles.write(underAFile, "x"));
    assertThat(f.path()).isEqualTo(underAFile);
    assertThat(f.reasonKey()).isEqualTo("error.write.not-a-folder");
    assertThat(OutputFiles.WriteError.in(new IOException("wrapped", f))).isSameAs(f);
    assertThat(OutputFiles.WriteError.in(new IOException("plain"))).isNull();
    Path loop = Files.createSymbolicLink(dir.resolve("loop"), Path.of("loop"));
    OutputFiles.WriteError g =
        assertThrows(OutputFiles.WriteError.class, () -> OutputFiles.write(loop, "x"));
    assertThat(g.reasonKey()).isEqualTo("error.write.link-loop");
    assertThat(filesIn(dir)).isEqualTo(3);
  }

  @Test
  void textHasItsControlCharactersShownAsEscapes() throws IOException {
    Path target = dir.resolve("t.md");
    OutputFiles.write(target, "a\u001bc\u009b\u202eb\r\n");
    assertThat(Files.readString(target, StandardCharsets.UTF_8))
        .isEqualTo("a\\u001Bc\\u009B\\u202Eb\r\n");
    // bytes are written as they are (a binary file)
    OutputFiles.write(target, new byte[] {27, 0});
    assertThat(Files.readAllBytes(target)).containsExactly(27, 0);
  }
}
