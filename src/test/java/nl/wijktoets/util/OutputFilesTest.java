package nl.wijktoets.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules every output file follows today (see {@link OutputFiles}). */
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
}
