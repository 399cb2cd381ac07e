package nl.wijktoets.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.i18n.Messages;

/**
 * The output of {@code wijktoets config}: the settings in effect for a command, each with where it
 * comes from (the command line, a line of the project settings file, or built in), as text or JSON.
 */
public final class SettingsReport {

  private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

  /** Where a setting's value comes from. */
  public enum Source {
    COMMAND_LINE("command-line"),
    FILE("file"),
    BUILT_IN("built-in");

    private final String id;

    Source(String id) {
      this.id = id;
    }

    /** The id in JSON: {@code command-line}, {@code file}, {@code built-in}. */
    public String id() {
      return id;
    }
  }

  /**
   * One setting.
   *
   * @param key its key in the settings file ({@code gates.min_score})
   * @param option the option it is the default of ({@code --min-score})
   * @param value a String, Integer, BigDecimal, Boolean, or null when not set
   * @param line the line in the settings file (for {@link Source#FILE}), else 0
   * @param commands the commands that use it (in the overview of every setting), else empty
   */
  public record Row(
      String key, String option, Object value, Source source, int line, List<String> commands) {
    public Row {
      commands = List.copyOf(commands);
    }
  }

  /**
   * What was shown.
   *
   * @param command the command the settings are for; null for the overview of every setting
   * @param file the settings file as the user knows it; null when none is used
   * @param noFileReason when no file is used, why, as a message key ({@code config.file.none})
   */
  public record Settings(String command, String file, String noFileReason, List<Row> rows) {
    public Settings {
      rows = List.copyOf(rows);
    }
  }

  private SettingsReport() {}

  /** An aligned table with a heading. */
  public static String text(Settings s, Language lang) {
    StringBuilder out = new StringBuilder();
    out.append(
            s.file() != null
                ? Messages.get(lang, "config.file", s.file())
                : Messages.get(lang, s.noFileReason()))
        .append('\n');
    out.append(
            s.command() != null
                ? Messages.get(lang, "config.heading.command", s.command())
                : Messages.get(lang, "config.heading.all"))
        .append("\n\n");
    List<String[]> cells = new ArrayList<>();
    for (Row r : s.rows()) {
      String value =
          r.value() == null ? Messages.get(lang, "config.value.unset") : shown(r.value());
      String from =
          switch (r.source()) {
            case COMMAND_LINE -> Messages.get(lang, "config.from.command-line", r.option());
            case FILE -> s.file() + ":" + r.line();
            case BUILT_IN -> Messages.get(lang, "config.from.built-in");
          };
      String used = r.commands().isEmpty() ? "" : String.join(", ", r.commands());
      cells.add(new String[] {r.key(), value, from, used});
    }
    int[] width = new int[4];
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].codePointCount(0, row[i].length()));
      }
    }
    for (String[] row : cells) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]);
        if (i < row.length - 1) {
          line.append(" ".repeat(width[i] - row[i].codePointCount(0, row[i].length()) + 2));
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  /** The same as JSON: the file, the command and every setting with a typed value. */
  public static String json(Settings s) {
    ObjectNode root = F.objectNode();
    if (s.file() != null) {
      root.put("config", s.file());
    } else {
      root.putNull("config");
    }
    if (s.command() != null) {
      root.put("command", s.command());
    } else {
      root.putNull("command");
    }
    ArrayNode rows = root.putArray("settings");
    for (Row r : s.rows()) {
      ObjectNode o = rows.addObject();
      o.put("key", r.key());
      o.put("option", r.option());
      Object v = r.value();
      if (v == null) {
        o.putNull("value");
      } else if (v instanceof Boolean b) {
        o.put("value", b);
      } else if (v instanceof Integer i) {
        o.put("value", i);
      } else if (v instanceof BigDecimal d) {
        o.put("value", d);
      } else {
        o.put("value", shown(v));
      }
      o.put("from", r.source().id());
      if (r.source() == Source.FILE) {
        o.put("line", r.line());
      }
      if (!r.commands().isEmpty()) {
        ArrayNode commands = o.putArray("commands");
        r.commands().forEach(commands::add);
      }
    }
    return JsonReport.write(root);
  }

  private static String shown(Object value) {
    return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
  }
}
