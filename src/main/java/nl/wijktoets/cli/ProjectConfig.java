package nl.wijktoets.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.scoring.Gates;
import nl.wijktoets.source.Finding;
import nl.wijktoets.source.InputFiles;
import nl.wijktoets.source.SchemaCheck;
import nl.wijktoets.source.SourceLocation;
import nl.wijktoets.source.Suggestions;
import nl.wijktoets.source.YamlNode;
import nl.wijktoets.source.YamlTreeReader;

/**
 * The project settings file {@code .wijktoets.yaml}: found, read and checked like any other input
 * (the located YAML tree with its limits, a JSON Schema, findings with {@code config/...} rule
 * ids), and its values ready to be used as the defaults of the command-line options (see {@link
 * ProjectSettings}).
 *
 * <p>A file with an error is never used in part: every command that would read it stops.
 */
final class ProjectConfig {

  /** The name wijktoets looks for. */
  static final String FILE_NAME = ".wijktoets.yaml";

  /** Where the settings schema lives on the class path ({@code wijktoets schema config}). */
  static final String SCHEMA_RESOURCE = "/nl/wijktoets/schema/config.schema.json";

  /**
   * What {@code batch.xlsx: true} gives {@code --xlsx}: the empty path, which no one can name as a
   * file, so {@link BatchCommand} puts the workbook next to the results instead.
   */
  static final String WORKBOOK_BESIDE_RESULTS = "";

  /** A settings file is small: 64 KiB, depth 16, 2,000 values. */
  static final YamlTreeReader.Limits LIMITS =
      new YamlTreeReader.Limits(64 * 1024, 16, 2_000, "settings");

  /**
   * Every key the file can hold: its path in the file, the option it gives a default to, and the
   * one command it is limited to (null: every command that has the option).
   */
  enum Key {
    LANG("lang", "--lang", null),
    RUBRIC("rubric", "--rubric", null),
    TEMPLATES("templates", "--templates", null),
    TOP("top", "--top", null),
    MIN_SCORE("gates.min_score", "--min-score", null),
    MIN_LESSON("gates.min_lesson", "--min-lesson", null),
    STRICT("validate.strict", "--strict", "validate"),
    THREADS("batch.threads", "--threads", "batch"),
    XLSX("batch.xlsx", "--xlsx", "batch");

    private final String path;
    private final String option;
    private final String command;

    Key(String path, String option, String command) {
      this.path = path;
      this.option = option;
      this.command = command;
    }

    /** The key's path in the file: {@code gates.min_score}. */
    String path() {
      return path;
    }

    /** The option it is the default of: {@code --min-score}. */
    String option() {
      return option;
    }

    /** Whether the key applies to an option of a command. */
    boolean appliesTo(String commandName, String optionName) {
      return option.equals(optionName) && (command == null || command.equals(commandName));
    }

    /** The key for an option of a command, if there is one. */
    static Optional<Key> of(String commandName, String optionName) {
      for (Key k : values()) {
        if (k.appliesTo(commandName, optionName)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * One value of the file: as the option's text (for picocli to convert like a typed option), as
   * shown to the user ({@code wijktoets config}), and where it was written.
   *
   * @param text what the option receives (paths resolved against the file's folder); null when the
   *     value leaves the option at its built-in default ({@code xlsx: false})
   * @param shown the value for display and JSON: a String, Integer, BigDecimal or Boolean
   */
  record Value(Key key, String text, Object shown, SourceLocation at) {}

  /** The settings schema, built on first use. */
  private static final class Schema {
    static final SchemaCheck INSTANCE =
        new SchemaCheck(SCHEMA_RESOURCE, SchemaCheck.NO_ENUMERATIONS);
  }

  private final String name;
  private final String unreadable;
  private final List<Finding> findings;
  private final Map<Key, Value> values;

  private ProjectConfig(
      String name, String unreadable, List<Finding> findings, Map<Key, Value> values) {
    this.name = name;
    this.unreadable = unreadable;
    this.findings = List.copyOf(findings);
    this.values = values;
  }

  /**
   * The settings file for a working folder: {@code .wijktoets.yaml} in the folder, else in its
   * parent, and so on; the search stops after the first folder that holds a {@code .git} entry (the
   * project's root), or at the root of the file system.
   */
  static Optional<Path> discover(Path workingDirectory) {
    for (Path dir = workingDirectory.toAbsolutePath().normalize();
        dir != null;
        dir = dir.getParent()) {
      Path file = dir.resolve(FILE_NAME);
      if (Files.exists(file)) {
        return Optional.of(file);
      }
      if (Files.exists(dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Reads and checks a settings file.
   *
   * @param file the file (absolute, or relative to the working folder)
   * @param name how the user knows the file: as named on the command line, or relative to the
   *     working folder when it was found; used in messages and reports
   * @param workingDirectory the folder the command runs in, which paths are shown relative to
   */
  static ProjectConfig read(Path file, String name, Path workingDirectory) {
    Path absolute = workingDirectory.resolve(file).toAbsolutePath().normalize();
    byte[] bytes;
    try {
      bytes = InputFiles.read(absolute.toString(), null, LIMITS.maxBytes());
    } catch (InputFiles.Unreadable e) {
      return new ProjectConfig(name, e.reasonKey(), List.of(), Map.of());
    } catch (IOException e) {
      return new ProjectConfig(name, "error.unreadable", List.of(), Map.of());
    }
    return check(name, bytes, absolute.getParent(), workingDirectory);
  }

  /** Checks a settings file's bytes; its relative paths are resolved against {@code folder}. */
  static ProjectConfig check(String name, byte[] bytes, Path folder, Path workingDirectory) {
    YamlTreeReader.Result tree = new YamlTreeReader(LIMITS).read(name, bytes);
    List<Finding> findings = new ArrayList<>();
    for (Finding f : tree.findings()) {
      if (!f.messageKey().equals("finding.yaml.empty")) { // no settings yet: the defaults hold
        findings.add(f);
      }
    }
    Map<Key, Value> values = new EnumMap<>(Key.class);
    YamlNode root = tree.root();
    boolean empty = root == null || root instanceof YamlNode.Scalar s && s.isNull();
    if (!tree.hasErrors() && !empty) {
      if (!(root instanceof YamlNode.Mapping mapping)) {
        findings.add(
            Finding.error(
                "config/type", root.location(), "", "finding.config.not-mapping", FILE_NAME));
      } else {
        for (Finding f : Schema.INSTANCE.validate(root, YamlNode.locations(root))) {
          findings.add(translated(f));
        }
        if (findings.stream().noneMatch(Finding::isError)) {
          read(mapping, folder, workingDirectory, findings, values);
        }
      }
    }
    findings.sort(Finding.IN_FILE_ORDER);
    boolean errors = findings.stream().anyMatch(Finding::isError);
    return new ProjectConfig(name, null, findings, errors ? Map.of() : values);
  }

  /** How the user knows the file. */
  String name() {
    return name;
  }

  /** Every finding, in file order. */
  List<Finding> findings() {
    return findings;
  }

  /** Why the file could not be read at all (a message key), or null. */
  String unreadable() {
    return unreadable;
  }

  /** Whether the file can be used: it was read and has no error. */
  boolean usable() {
    return unreadable == null && findings.stream().noneMatch(Finding::isError);
  }

  /** A key's value, if the (usable) file sets it. */
  Optional<Value> value(Key key) {
    return Optional.ofNullable(values.get(key));
  }

  // ------------------------------------------------------------------ checking

  /**
   * A schema finding as a settings finding: {@code config/unknown-key} (with a suggestion that may
   * point into another block: {@code min_score} at the top means {@code gates.min_score}), {@code
   * config/version}, {@code config/enum} or {@code config/type}.
   */
  private static Finding translated(Finding f) {
    String rule =
        switch (f.rule()) {
          case "schema/unknown-key" -> "config/unknown-key";
          case "schema/enum" -> "config/enum";
          default -> f.path().equals("version") ? "config/version" : "config/type";
        };
    if (rule.equals("config/unknown-key")) {
      String key = f.args().get(0);
      String nearest = nearestKey(key);
      if (nearest != null) {
        String parent =
            f.path().contains(".") ? f.path().substring(0, f.path().lastIndexOf('.')) : "";
        String nearestParent =
            nearest.contains(".") ? nearest.substring(0, nearest.lastIndexOf('.')) : "";
        if (lastPart(nearest).equals(key.replace('-', '_')) && !nearestParent.equals(parent)) {
          // the right key in the wrong block
          return nearestParent.isEmpty()
              ? Finding.warning(rule, f.location(), f.path(), "finding.config.misplaced-top", key)
              : Finding.warning(
                  rule, f.location(), f.path(), "finding.config.misplaced-key", key, nearest);
        }
        String shown =
            nearest.startsWith(parent.isEmpty() ? "" : parent + ".")
                ? nearest.substring(parent.isEmpty() ? 0 : parent.length() + 1)
                : nearest;
        return Finding.warning(
            rule, f.location(), f.path(), "finding.unknown-key.suggest", key, shown);
      }
    }
    return new Finding(rule, f.level(), f.location(), f.path(), f.messageKey(), f.args());
  }

  /** The key path whose last part is nearest to a misspelt key ({@code min-score}), or null. */
  static String nearestKey(String written) {
    List<String> paths = new ArrayList<>(List.of("version", "gates", "validate", "batch"));
    for (Key k : Key.values()) {
      paths.add(k.path());
    }
    List<String> lastParts = paths.stream().map(p -> p.substring(p.lastIndexOf('.') + 1)).toList();
    String nearest = Suggestions.nearest(written.replace('-', '_'), lastParts);
    return nearest == null ? null : paths.get(lastParts.indexOf(nearest));
  }

  /** Reads the values of a file that passed its schema; checks what a schema cannot. */
  private static void read(
      YamlNode.Mapping root,
      Path folder,
      Path workingDirectory,
      List<Finding> findings,
      Map<Key, Value> values) {
    for (Key key : Key.values()) {
      YamlNode node = at(root, key.path());
      if (!(node instanceof YamlNode.Scalar s) || s.isNull()) {
        continue; // absent or empty: the built-in default
      }
      SourceLocation where = entryLocation(root, key.path());
      String text = s.text();
      switch (key) {
        case LANG -> {
          Language lang = Language.parse(text).orElseThrow();
          values.put(key, new Value(key, lang.code(), lang.code(), where));
        }
        case RUBRIC, TEMPLATES -> {
          Path path;
          try {
            path = folder.resolve(text).normalize();
          } catch (InvalidPathException e) { // a character no file name can hold
            findings.add(
                Finding.error(
                    "config/missing-path",
                    s.location(),
                    s.path(),
                    "finding.config.missing-path",
                    key.path(),
                    text,
                    folder));
            continue;
          }
          boolean folderWanted = key == Key.TEMPLATES;
          boolean ok = folderWanted ? Files.isDirectory(path) : Files.isRegularFile(path);
          if (!ok) {
            String why =
                Files.exists(path)
                    ? (folderWanted ? "finding.config.not-a-folder" : "finding.config.a-folder")
                    : "finding.config.missing-path";
            findings.add(
                Finding.error(
                    "config/missing-path", s.location(), s.path(), why, key.path(), text, path));
            continue;
          }
          values.put(key, new Value(key, path.toString(), shown(path, workingDirectory), where));
        }
        case MIN_SCORE, MIN_LESSON -> {
          // a number, or text with a Dutch decimal comma (80,5) as on the command line
          BigDecimal n = s.isNumber() ? number(text) : Mixins.decimal(text);
          if (n == null || !Gates.valid(n)) {
            findings.add(
                Finding.error(
                    "config/type",
                    where,
                    s.path(),
                    "finding.expected",
                    lastPart(key.path()),
                    "@expect.config.gate",
                    text));
            continue;
          }
          values.put(key, new Value(key, n.toPlainString(), n, where));
        }
        case TOP, THREADS -> {
          // the schema has checked that it is a whole number in range
          int n = number(text).intValueExact();
          values.put(key, new Value(key, Integer.toString(n), n, where));
        }
        case XLSX -> {
          if (s.kind() == YamlNode.Scalar.Kind.BOOLEAN) {
            boolean on = text.strip().equalsIgnoreCase("true");
            // true: the workbook next to the results, which batch names (WORKBOOK_BESIDE_RESULTS)
            values.put(key, new Value(key, on ? WORKBOOK_BESIDE_RESULTS : null, on, where));
          } else {
            Path path;
            try {
              path = folder.resolve(text).normalize();
            } catch (InvalidPathException e) {
              findings.add(
                  Finding.error(
                      "config/type",
                      where,
                      s.path(),
                      "finding.expected",
                      lastPart(key.path()),
                      "@expect.config.xlsx",
                      text));
              continue;
            }
            values.put(key, new Value(key, path.toString(), shown(path, workingDirectory), where));
          }
        }
        case STRICT -> {
          boolean b = text.strip().equalsIgnoreCase("true");
          values.put(key, new Value(key, Boolean.toString(b), b, where));
        }
      }
    }
  }

  /** A YAML 1.2 number ({@code 55}, {@code 55.5}, {@code 0x37}), or null (such as {@code .inf}). */
  private static BigDecimal number(String text) {
    String t = text.strip().replace("+", "");
    try {
      if (t.startsWith("0x")) {
        return new BigDecimal(new BigInteger(t.substring(2), 16));
      }
      if (t.startsWith("0o")) {
        return new BigDecimal(new BigInteger(t.substring(2), 8));
      }
      BigDecimal n = new BigDecimal(t);
      return Math.abs(n.scale()) <= 1000 ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A path as the user would type it in the working folder: relative when it is below it. */
  static String shown(Path path, Path workingDirectory) {
    Path wd = workingDirectory.toAbsolutePath().normalize();
    Path p = path.toAbsolutePath().normalize();
    if (p.getRoot() != null && !p.getRoot().equals(wd.getRoot())) {
      return p.toString();
    }
    String relative = wd.relativize(p).toString();
    return relative.isEmpty() ? "." : relative;
  }

  private static String lastPart(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  /** The node at a dotted path of mappings, or null. */
  private static YamlNode at(YamlNode.Mapping root, String path) {
    YamlNode node = root;
    for (String part : path.split("\\.")) {
      if (!(node instanceof YamlNode.Mapping m)) {
        return null;
      }
      node = m.get(part).orElse(null);
    }
    return node;
  }

  /** Where the key of a dotted path stands (the line {@code wijktoets config} names). */
  private static SourceLocation entryLocation(YamlNode.Mapping root, String path) {
    YamlNode.Mapping m = root;
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      m = (YamlNode.Mapping) m.get(parts[i]).orElseThrow();
    }
    return m.entry(parts[parts.length - 1]).orElseThrow().key().location();
  }
}
