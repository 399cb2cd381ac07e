package nl.wijktoets.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import nl.wijktoets.build.ReleaseFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The release as a user gets it (run by failsafe after {@code package}): the tar.gz unpacked into a
 * folder whose path has spaces, the POSIX launcher run from another folder with a controlled
 * environment (arguments, exit codes, no Java, too old a Java, links, class-data sharing), the zip,
 * the man pages and what lib/ holds. The Windows launcher cannot run here; it is kept short enough
 * to check by reading.
 */
class ReleaseIT {

  private static final Path TREE = Path.of(System.getProperty("wijktoets.release", "missing"));
  private static final Path EXAMPLES = Path.of("examples").toAbsolutePath();

  @TempDir static Path tmp;
  static Path home; // the unpacked release, under a path with spaces
  static Path work; // the folder the launcher runs in: not the source tree
  static Path cache;

  @BeforeAll
  static void unpack() throws Exception {
    assertThat(TREE.resolve("bin/wijktoets"))
        .as("the release tree; run `mvn package` first")
        .exists();
    Path install = Files.createDirectories(tmp.resolve("install dir with spaces"));
    Process tar =
        new ProcessBuilder("tar", "-xzf", TREE + ".tar.gz", "-C", install.toString())
            .inheritIO()
            .start();
    assertThat(tar.waitFor()).isZero();
    home = install.resolve(TREE.getFileName());
    work = Files.createDirectories(tmp.resolve("work folder"));
    Files.copy(EXAMPLES.resolve("moerwijk.yaml"), work.resolve("my proposal 'v1'.yaml"));
    Files.copy(EXAMPLES.resolve("transvaal.yaml"), work.resolve("transvaal.yaml"));
    cache = tmp.resolve("cache");
  }

  record Run(int code, String out, String err) {}

  /** Runs a program in {@link #work} with exactly the given environment (plus PATH and HOME). */
  static Run run(Map<String, String> env, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
    pb.environment().clear();
    pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
    pb.environment().put("HOME", tmp.toString());
    pb.environment().put("LANG", "C.UTF-8");
    pb.environment().putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    // read both streams fully (outputs are small; stderr on a thread so neither pipe can block)
    var err = new java.util.concurrent.CompletableFuture<String>();
    Thread t = new Thread(() -> err.complete(read(p.getErrorStream())));
    t.start();
    String out = read(p.getInputStream());
    assertThat(p.waitFor(120, TimeUnit.SECONDS))
        .as("finished in time: %s", List.of(command))
        .isTrue();
    t.join();
    return new Run(p.exitValue(), out, err.get());
  }

  static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The real launcher with the Java that runs this test, and a cache folder of the test's own. */
  static Run launch(String... args) throws Exception {
    return launch(Map.of(), args);
  }

  static Run launch(Map<String, String> extraEnv, String... args) throws Exception {
    Map<String, String> env = new TreeMap<>();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("XDG_CACHE_HOME", cache.toString());
    env.putAll(extraEnv);
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/wijktoets").toString());
    command.addAll(List.of(args));
    return run(env, command.toArray(String[]::new));
  }

  @Test
  void exitCodesAndArgumentsWithSpaces() throws Exception {
    Run ok = launch("assess", "my proposal 'v1'.yaml", "--lang", "en");
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).startsWith("# ");

    Run gate = launch("assess", "transvaal.yaml", "--min-score", "80");
    assertThat(gate.code()).as(gate.err()).isEqualTo(1);

    Run usage = launch("assess", "transvaal.yaml", "--no-such-option");
    assertThat(usage.code()).isEqualTo(2);
    assertThat(usage.out()).isEmpty();

    Run input = launch("assess", "not here.yaml");
    assertThat(input.code()).isEqualTo(3);
    assertThat(input.err()).contains("not here.yaml");
  }

  /** A stand-in java that prints its arguments one per line and exits 42. */
  static Path fakeJava(String version, boolean withRelease) throws IOException {
    Path jdk = Files.createDirectories(tmp.resolve("fake jdk " + version + " " + withRelease));
    Path bin = Files.createDirectories(jdk.resolve("bin"));
    if (withRelease) {
      Files.writeString(
          jdk.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
    }
    Path java = bin.resolve("java");
    Files.writeString(
        java,
        "#!/bin/sh\n"
            + "if [ \"$1\" = -version ]; then echo 'openjdk version \""
            + version
            + "\" 2024-01-16' >&2; exit 0; fi\n"
            + "for a do printf '[%s]\\n' \"$a\"; done\nexit 42\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return jdk;
  }

  @Test
  void everyArgumentAndTheExitCodeArePassedThroughUnchanged() throws Exception {
    Path jdk = fakeJava("17.0.9", true);
    String[] args = {
      "assess", "a b", "", "*", "it's", "say \"hi\"", "$HOME", "two\nlines", "--lang=nl"
    };
    for (String cds : List.of("off", "on")) { // both the plain path and the archive-making path
      Run r = launch(Map.of("JAVA_HOME", jdk.toString(), "WIJKTOETS_CDS", cds), args);
      assertThat(r.code()).as(r.err()).isEqualTo(42);
      String jar = home.resolve("lib/wijktoets.jar").toRealPath().toString();
      String tail = r.out().substring(r.out().indexOf("[-jar]\n[" + jar + "]\n"));
      StringBuilder expected = new StringBuilder("[-jar]\n[" + jar + "]\n");
      for (String a : args) {
        expected.append('[').append(a).append("]\n");
      }
      assertThat(tail).isEqualTo(expected.toString());
    }
  }

  @Test
  void noJavaIsAClearErrorWithExitCode3() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("no java here"));
    String launcher = home.resolve("bin/wijktoets").toString();
    Run en = run(Map.of("PATH", empty.toString()), launcher, "--version");
    assertThat(en.code()).isEqualTo(3);
    assertThat(en.out()).isEmpty();
    assertThat(en.err()).contains("Java was not found").contains("Java 17");

    Run nl = run(Map.of("PATH", empty.toString(), "LANG", "nl_NL.UTF-8"), launcher, "--version");
    assertThat(nl.code()).isEqualTo(3);
    assertThat(nl.err()).contains("Java is niet gevonden");

    Run badHome = launch(Map.of("JAVA_HOME", empty.toString()), "--version");
    assertThat(badHome.code()).isEqualTo(3);
    assertThat(badHome.err()).contains("JAVA_HOME").contains(empty.toString());
  }

  @Test
  void javaOlderThan17IsAClearErrorWithExitCode3() throws Exception {
    Run old = launch(Map.of("JAVA_HOME", fakeJava("11.0.22", true).toString()), "--version");
    assertThat(old.code()).isEqualTo(3);
    assertThat(old.out()).isEmpty(); // the stand-in never ran
    assertThat(old.err()).contains("Java 11.0.22").contains("Java 17");

    // on PATH, without a release file: the launcher asks `java -version`
    Path jdk8 = fakeJava("1.8.0_392", false);
    Run onPath =
        run(
            Map.of("PATH", jdk8.resolve("bin") + ":/usr/bin:/bin"),
            home.resolve("bin/wijktoets").toString(),
            "--version");
    assertThat(onPath.code()).isEqualTo(3);
    assertThat(onPath.err()).contains("Java 1.8.0_392").contains("Java 17");
  }

  @Test
  void runsThroughASymbolicLinkFromAnyFolder() throws Exception {
    Path links = Files.createDirectories(tmp.resolve("my bin"));
    Path link = links.resolve("wijktoets");
    Files.createSymbolicLink(link, home.resolve("bin/wijktoets"));
    Run r =
        run(
            Map.of("JAVA_HOME", System.getProperty("java.home"), "WIJKTOETS_CDS", "off"),
            link.toString(),
            "--version");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("wijktoets ").contains("rubric ");
  }

  @Test
  void classDataSharingNeverChangesTheOutput() throws Exception {
    String[] args = {"assess", "my proposal 'v1'.yaml", "-f", "json"};
    Run plain = launch(Map.of("WIJKTOETS_CDS", "off"), args);
    assertThat(plain.code()).as(plain.err()).isZero();
    assertThat(plain.out()).startsWith("{");

    Path own = tmp.resolve("cds cache");
    Map<String, String> env = Map.of("WIJKTOETS_CACHE", own.toString());
    // a run that stops early (no such file) loads too little to keep
    assertThat(launch(env, "assess", "no such file.yaml").code()).isEqualTo(3);
    assertThat(archives(own)).isEmpty();
    Run making = launch(env, args); // records the archive
    assertThat(making.code()).isZero();
    assertThat(making.out()).isEqualTo(plain.out());
    assertThat(making.err()).isEqualTo(plain.err());
    List<Path> archives = archives(own);
    assertThat(archives).hasSize(1);
    assertThat(archives.get(0).getFileName().toString()).isEqualTo("assess.jsa");
    assertThat(archives.get(0).getParent().getFileName().toString()).startsWith("cds-java");

    Run using = launch(env, args);
    assertThat(using.code()).isZero();
    assertThat(using.out()).isEqualTo(plain.out());
    assertThat(using.err()).isEqualTo(plain.err());

    // a damaged archive: still the same output, and not a word about it
    Path archive = archives.get(0);
    archive.toFile().setWritable(true);
    Files.write(archive, "not an archive".getBytes(StandardCharsets.US_ASCII));
    Run damaged = launch(env, args);
    assertThat(damaged.code()).isZero();
    assertThat(damaged.out()).isEqualTo(plain.out());
    assertThat(damaged.err()).isEqualTo(plain.err());

    // a cache folder that cannot be made: the tool runs without an archive
    Path file = Files.writeString(tmp.resolve("a file"), "x");
    Run noCache = launch(Map.of("WIJKTOETS_CACHE", file.resolve("sub").toString()), args);
    assertThat(noCache.code()).isZero();
    assertThat(noCache.out()).isEqualTo(plain.out());
  }

  /** The archives in a cache folder: FOLDER/COMMAND.jsa. */
  static List<Path> archives(Path cache) throws IOException {
    try (Stream<Path> s = Files.walk(cache)) {
      return s.filter(p -> p.toString().endsWith(".jsa")).sorted().toList();
    }
  }

  static Path mark(Path folder, Duration age) throws IOException {
    Files.createDirectories(folder);
    Path used = Files.write(folder.resolve("used"), new byte[0]);
    Files.setLastModifiedTime(used, FileTime.from(Instant.now().minus(age)));
    return folder;
  }

  @Test
  void theCacheKeepsTheThreeMostRecentlyUsedBuildsAndNoneUnusedFor30Days() throws Exception {
    Path own = tmp.resolve("bounded cache");
    Map<String, String> env = Map.of("WIJKTOETS_CACHE", own.toString());
    // other builds, Java versions or installs: used an hour, two, three hours and 40 days ago
    Path recent = mark(own.resolve("cds-java17-1"), Duration.ofHours(1));
    Path before = mark(own.resolve("cds-java21-2"), Duration.ofHours(2));
    Path third = mark(own.resolve("cds-java17-3"), Duration.ofHours(3));
    Path stale = mark(own.resolve("cds-java17-4"), Duration.ofDays(40));
    for (Path p : List.of(recent, before, third, stale)) {
      Files.write(p.resolve("assess.jsa"), new byte[1000]);
    }
    // a folder of a run that stopped before it marked it, two days ago
    Path unmarked = Files.createDirectories(own.resolve("cds-java17-5"));
    Files.setLastModifiedTime(unmarked, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
    // an archive of an older launcher (one folder for all), and what the launcher did not make
    Path flat = Files.write(own.resolve("assess-java17-1149294460.jsa"), new byte[1000]);
    Path notOurs = mark(own.resolve("cds-java17-6 copy"), Duration.ofDays(40));
    Path note = Files.writeString(own.resolve("notes.txt"), "mine");

    Run validate = launch(env, "validate", "transvaal.yaml"); // records an archive, then prunes
    assertThat(validate.code()).as(validate.err()).isZero();
    assertThat(validate.err()).doesNotContainIgnoringCase("rm:").doesNotContain("cds-java");

    List<Path> archives = archives(own);
    Path mine =
        archives.stream()
            .filter(p -> p.getFileName().toString().equals("validate.jsa"))
            .findFirst()
            .orElseThrow()
            .getParent();
    assertThat(mine.resolve("used")).exists();
    // this build, and the two others used most recently
    assertThat(recent).exists();
    assertThat(before).exists();
    assertThat(third).doesNotExist();
    assertThat(stale).doesNotExist();
    assertThat(unmarked).doesNotExist();
    assertThat(flat).doesNotExist();
    assertThat(notOurs).exists();
    assertThat(note).hasContent("mine");

    // a run that maps the archive marks its folder as used again
    Files.setLastModifiedTime(
        mine.resolve("used"), FileTime.from(Instant.now().minus(Duration.ofDays(40))));
    Run again = launch(env, "validate", "transvaal.yaml");
    assertThat(again.code()).isZero();
    assertThat(Files.getLastModifiedTime(mine.resolve("used")).toInstant())
        .isAfter(Instant.now().minus(Duration.ofHours(1)));

    // another install's first run removes this one's archives once they are stale
    Path other = tmp.resolve("another install");
    Process cp = new ProcessBuilder("cp", "-R", home.toString(), other.toString()).start();
    assertThat(cp.waitFor()).isZero();
    Files.setLastModifiedTime(
        mine.resolve("used"), FileTime.from(Instant.now().minus(Duration.ofDays(40))));
    Map<String, String> envOther = new TreeMap<>(env);
    envOther.put("JAVA_HOME", System.getProperty("java.home"));
    Run fromOther =
        run(envOther, other.resolve("bin/wijktoets").toString(), "validate", "transvaal.yaml");
    assertThat(fromOther.code()).as(fromOther.err()).isZero();
    assertThat(mine).doesNotExist();
    assertThat(archives(own)).hasSize(3).noneMatch(p -> p.startsWith(mine));
  }

  /** The classes a run loads, from the JVM's own log (its file name has no spaces). */
  static List<String> loadedClasses(String... args) throws Exception {
    Path log = Files.createTempFile("classes", ".txt");
    Run r =
        launch(
            Map.of("WIJKTOETS_CDS", "off", "WIJKTOETS_OPTS", "-Xlog:class+load=info:file=" + log),
            args);
    assertThat(r.code()).as(r.err()).isZero();
    return Files.readAllLines(log);
  }

  @Test
  void versionAndHelpBuildNoSchemaValidatorNorTemplatesNorRubric() throws Exception {
    for (String[] args : List.of(new String[] {"--version"}, new String[] {"--help"})) {
      List<String> classes = loadedClasses(args);
      assertThat(classes).anyMatch(l -> l.contains("nl.wijktoets.cli.Main "));
      assertThat(classes)
          .as("%s loads no JSON Schema validator, no Freemarker, no YAML", List.of(args))
          .noneMatch(l -> l.contains(" com.networknt."))
          .noneMatch(l -> l.contains(" freemarker."))
          .noneMatch(l -> l.contains(" org.yaml.snakeyaml."));
    }
    // a JSON report needs the validator (the proposal is checked) but no Freemarker configuration
    // or template (a few of its types are loaded when the report classes are verified)
    List<String> json = loadedClasses("assess", "transvaal.yaml", "-f", "json");
    assertThat(json).anyMatch(l -> l.contains(" com.networknt.schema.JsonSchemaFactory "));
    assertThat(json)
        .noneMatch(l -> l.contains(" freemarker.template.Configuration "))
        .noneMatch(l -> l.contains(" freemarker.template.Template "));
    assertThat(loadedClasses("assess", "transvaal.yaml"))
        .anyMatch(l -> l.contains(" freemarker.template.Configuration "));
  }

  @Test
  void theZipHoldsTheSameRunnableTree() throws Exception {
    try (ZipFile zip = new ZipFile(TREE + ".zip")) {
      String top = TREE.getFileName() + "/";
      assertThat(zip.getEntry(top + "bin/wijktoets")).isNotNull();
      assertThat(zip.getEntry(top + "bin/wijktoets.cmd")).isNotNull();
      assertThat(zip.getEntry(top + "lib/wijktoets.jar")).isNotNull();
      assertThat(zip.getEntry(top + "man/man1/wijktoets-assess.1")).isNotNull();
      assertThat(zip.getEntry(top + "completions/wijktoets.bash")).isNotNull();
      assertThat(zip.getEntry(top + "LICENSE")).isNotNull();
    }
    assumeTrue(new java.io.File("/usr/bin/unzip").canExecute(), "unzip is not installed");
    Path dir = Files.createDirectories(tmp.resolve("from the zip"));
    Process unzip =
        new ProcessBuilder("unzip", "-q", TREE + ".zip", "-d", dir.toString()).inheritIO().start();
    assertThat(unzip.waitFor()).isZero();
    Run r =
        run(
            Map.of("JAVA_HOME", System.getProperty("java.home"), "WIJKTOETS_CDS", "off"),
            dir.resolve(TREE.getFileName()).resolve("bin/wijktoets").toString(),
            "validate",
            "my proposal 'v1'.yaml");
    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void libHoldsTheRunnableJarAndItsChecksumOnly() throws Exception {
    try (Stream<Path> s = Files.list(home.resolve("lib"))) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("wijktoets.jar", "wijktoets.jar.sha256");
    }
    byte[] jar = Files.readAllBytes(home.resolve("lib/wijktoets.jar"));
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar));
    assertThat(Files.readString(home.resolve("lib/wijktoets.jar.sha256")))
        .isEqualTo(sha + "  wijktoets.jar\n");
    try (ZipFile zip = new ZipFile(home.resolve("lib/wijktoets.jar").toFile())) {
      // build-time tools stay out of the tool
      assertThat(zip.stream().map(e -> e.getName()))
          .noneMatch(n -> n.startsWith("picocli/codegen/") || n.startsWith("org/asciidoctor/"))
          .contains("nl/wijktoets/cli/Main.class", "picocli/CommandLine.class");
    }
  }

  @Test
  void everyCommandHasAManPageWithEveryOption() throws Exception {
    CommandSpec root = ReleaseFiles.commandSpec();
    List<CommandSpec> specs = new ArrayList<>();
    specs.add(root);
    specs.addAll(root.subcommands().values().stream().map(c -> c.getCommandSpec()).toList());
    for (CommandSpec spec : specs) {
      String name = spec.qualifiedName("-");
      Path page = home.resolve("man/man1/" + name + ".1");
      assertThat(page).exists();
      // troff escapes hyphens as \-
      String text = Files.readString(page, StandardCharsets.UTF_8).replace("\\-", "-");
      assertThat(text).contains(".TH \"" + name.toUpperCase(java.util.Locale.ROOT) + "\" \"1\"");
      for (OptionSpec option : spec.options()) {
        if (!option.hidden()) {
          assertThat(text)
              .as("%s mentions %s", page, option.longestName())
              .contains(option.longestName());
        }
      }
    }
    try (Stream<Path> s = Files.list(home.resolve("man/man1"))) {
      assertThat(s.count()).isEqualTo(specs.size());
    }
  }
}
