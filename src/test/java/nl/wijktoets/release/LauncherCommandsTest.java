package nl.wijktoets.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.wijktoets.build.ReleaseFiles;
import org.junit.jupiter.api.Test;

/**
 * The POSIX launcher keeps a class-data sharing archive per command, from its own list of command
 * names (a shell script cannot ask picocli). That list must name every subcommand, or a command
 * shares another's archive and loads its classes the slow way.
 */
class LauncherCommandsTest {

  private static final Path LAUNCHER = Path.of("src/main/dist/bin/wijktoets");

  /** The names in the launcher's {@code case} pattern that sets {@code cmd}. */
  static List<String> launcherCommands(String script) {
    Matcher m =
        Pattern.compile("(?m)^\\s*((?:[a-z]+\\s*\\|\\s*)+[a-z]+)\\)\\s*\\n\\s*cmd=\\$a")
            .matcher(script);
    assertThat(m.find()).as("the launcher's list of commands (NAME | NAME ...) cmd=$a").isTrue();
    return Arrays.stream(m.group(1).split("\\|")).map(String::strip).toList();
  }

  @Test
  void theLauncherNamesEverySubcommand() throws IOException {
    List<String> names = launcherCommands(Files.readString(LAUNCHER, StandardCharsets.UTF_8));
    assertThat(new TreeSet<>(names))
        .isEqualTo(new TreeSet<>(ReleaseFiles.commandSpec().subcommands().keySet()));
    assertThat(names).doesNotHaveDuplicates().contains("config");
  }
}
