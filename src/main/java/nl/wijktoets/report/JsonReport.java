package nl.wijktoets.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.i18n.Messages;
import nl.wijktoets.measure.Evidence;
import nl.wijktoets.measure.Gap;
import nl.wijktoets.measure.MeasuredValue;
import nl.wijktoets.measure.Missing;
import nl.wijktoets.proposal.Proposal;
import nl.wijktoets.scoring.Assessment;
import nl.wijktoets.source.Finding;
import nl.wijktoets.source.SourceLocation;
import nl.wijktoets.util.Version;

/**
 * The whole assessment as JSON ({@code "schemaVersion": "1"}): stable field order, numbers as
 * decimals rounded half up to 6 places, no timestamps, so the same input gives the same bytes.
 * Contact details and founders' names are not in the model, so they cannot appear.
 */
public final class JsonReport {

  /** The version of this JSON shape. */
  public static final String SCHEMA_VERSION = "1";

  private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private JsonReport() {}

  /** One assessment as a JSON document. */
  public static String render(Assessment a, int top) {
    return render(a, top, null);
  }

  /**
   * One assessment as a JSON document, naming the project settings file the run used ({@code
   * config}, left out for none).
   */
  public static String render(Assessment a, int top, String config) {
    return write(toJson(a, top, config));
  }

  /** Several assessments as a JSON array. */
  public static String renderAll(List<Assessment> all, int top, String config) {
    ArrayNode array = F.arrayNode();
    all.forEach(a -> array.add(toJson(a, top, config)));
    return write(array);
  }

  /** One assessment on one line (JSON Lines, for batch). */
  public static String compact(Assessment a, int top) {
    return compact(a, top, null);
  }

  /** One assessment on one line (JSON Lines, for batch), naming the project settings file. */
  public static String compact(Assessment a, int top, String config) {
    try {
      return MAPPER
          .writer()
          .without(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(toJson(a, top, config));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One batch row's assessment on one line (JSON Lines): the assessment with the row's {@code id}
   * and its {@code line} in the list first.
   */
  public static String batchLine(Assessment a, int top, String config, String id, int line) {
    ObjectNode root = F.objectNode();
    root.put("id", id);
    root.put("line", line);
    root.setAll(toJson(a, top, config));
    return compactly(root);
  }

  /**
   * A batch row that could not be scored, on one line: {@code {"id", "line", "status": "error",
   * "column", "rule", "message"}} ({@code column} left out when no one column is at fault).
   */
  public static String failedRow(String id, int line, String column, String rule, String message) {
    ObjectNode root = F.objectNode();
    root.put("id", id);
    root.put("line", line);
    root.put("status", "error");
    if (column != null) {
      root.put("column", column);
    }
    root.put("rule", rule);
    root.put("message", message);
    return compactly(root);
  }

  private static String compactly(JsonNode node) {
    try {
      return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String write(JsonNode node) {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      byte[] bytes = MAPPER.writer(printer).writeValueAsBytes(node);
      return new String(bytes, StandardCharsets.UTF_8) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The assessment as a JSON tree. */
  public static ObjectNode toJson(Assessment a, int top) {
    return toJson(a, top, null);
  }

  /** The assessment as a JSON tree, naming the project settings file when there is one. */
  public static ObjectNode toJson(Assessment a, int top, String config) {
    Language lang = a.language();
    ObjectNode root = F.objectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    ObjectNode tool = root.putObject("tool");
    tool.put("name", Version.NAME);
    tool.put("version", Version.version());
    ObjectNode rubric = root.putObject("rubric");
    rubric.put("id", a.rubric().id());
    rubric.put("version", a.rubric().version());
    rubric.put("hash", a.rubric().hash());
    if (config != null) {
      root.put("config", config);
    }
    root.put("file", a.proposal().file());
    root.put("language", lang.code());
    Proposal.Example example = a.proposal().example();
    if (example != null) { // still mostly the init template: said at the top
      ObjectNode e = root.putObject("example");
      e.put("untouched", example.untouched());
      e.put("of", example.of());
      e.put(
          "note",
          Messages.get(lang, "report.example-title")
              + " "
              + Messages.get(
                  lang,
                  "report.example",
                  String.valueOf(example.untouched()),
                  String.valueOf(example.of())));
    }
    ObjectNode proposal = root.putObject("proposal");
    proposal.put("name", a.proposal().name());
    proposal.put("neighbourhood", a.proposal().neighbourhood());
    putIfPresent(proposal, "district", a.proposal().district());
    proposal.put("municipality", a.proposal().municipality());
    putIfPresent(proposal, "stage", a.proposal().stage());
    putIfPresent(proposal, "legalForm", a.proposal().legalForm());
    ArrayNode years = root.putArray("referenceYears");
    a.referenceYears().forEach(years::add);
    root.put("referenceYearsFrom", a.yearsSource().name().toLowerCase(Locale.ROOT));
    root.set("total", number(a.total()));
    ObjectNode band = root.putObject("band");
    band.put("id", a.band().id());
    band.put("label", a.band().label().getOrDefault(lang, a.band().id()));
    band.put("capped", a.capped());
    band.put("uncapped", a.uncappedBand().id());
    Map<String, Missing> missing = a.missing();
    ArrayNode lessons = root.putArray("lessons");
    for (Assessment.LessonResult l : a.lessons()) {
      ObjectNode lesson = lessons.addObject();
      lesson.put("id", l.lesson().id());
      lesson.put("title", l.lesson().text(lang).title());
      lesson.set("weight", number(l.lesson().weight()));
      lesson.set("score", number(l.score()));
      lesson.set("share", number(l.share()));
      lesson.put("belowFloor", l.belowFloor());
      ArrayNode criteria = lesson.putArray("criteria");
      for (Assessment.CriterionResult c : l.criteria()) {
        criteria.add(criterion(c, missing.get(c.criterion().id()), lang));
      }
    }
    ArrayNode steps = root.putArray("nextSteps");
    a.nextSteps().stream()
        .limit(Math.max(0, top))
        .forEach(
            s -> {
              ObjectNode step = steps.addObject();
              step.put("criterion", s.criterion().criterion().id());
              step.put("lesson", s.lessonId());
              step.put("fromLevel", s.fromLevel());
              step.put("toLevel", s.toLevel());
              step.set("gain", number(s.gain()));
              step.put("inLessonBelowFloor", s.inLessonBelowFloor());
              Missing m = missing.get(s.criterion().criterion().id());
              step.put("target", Texts.target(s, m, lang).plain());
              step.put("advice", Texts.advice(s.criterion(), m, lang).plain());
            });
    ArrayNode warnings = root.putArray("warnings");
    for (Finding f : a.warnings()) {
      warnings.add(finding(f, lang));
    }
    return root;
  }

  private static ObjectNode criterion(
      Assessment.CriterionResult c, Missing missing, Language lang) {
    ObjectNode node = F.objectNode();
    node.put("id", c.criterion().id());
    node.put("title", c.criterion().text(lang).title());
    node.set("weight", number(c.criterion().weight()));
    node.put("level", c.level());
    node.set("points", number(c.points()));
    node.set("contribution", number(c.contribution()));
    node.put("waived", c.waived());
    if (c.waived()) {
      node.put("waiverReason", c.waiverReason());
    }
    if (c.measured().uncappedLevel() != null) {
      node.put("uncappedLevel", c.measured().uncappedLevel());
      node.put("cap", c.measured().cap());
    }
    ObjectNode measured = node.putObject("measured");
    c.measured()
        .values()
        .forEach(
            (name, v) -> {
              if (v.kind() == MeasuredValue.Kind.TEXT) {
                measured.put(name, (String) v.value());
              } else {
                measured.set(name, number(v.fraction()));
              }
            });
    node.put("measuredText", Texts.measured(c, lang).plain());
    ArrayNode evidence = node.putArray("evidence");
    for (Evidence e : c.measured().evidence()) {
      ObjectNode ev = evidence.addObject();
      ev.put("path", e.path());
      if (e.location() != null) {
        ev.put("line", e.location().line());
        ev.put("column", e.location().column());
      }
    }
    if (c.level() < 4 && !c.waived()) {
      if (missing != null) {
        ArrayNode list = node.putArray("missing");
        for (Gap g : missing.gaps()) {
          ObjectNode item = list.addObject();
          item.put("id", g.id());
          item.put("condition", Texts.condition(g, lang).plain());
          ArrayNode fields = item.putArray("fields");
          g.fields().forEach(fields::add);
          if (g.now() != null) {
            item.set("now", value(g.now()));
          }
          if (g.needed() != null) {
            item.set("needed", value(g.needed()));
          }
        }
        if (missing.oneOf()) {
          node.put("missingOneOf", true);
        }
      }
      node.put("advice", Texts.advice(c, missing, lang).plain());
    }
    return node;
  }

  /** A value of a condition: a number, a word as the YAML has it, or true or false. */
  private static JsonNode value(MeasuredValue v) {
    return switch (v.kind()) {
      case TEXT -> F.textNode((String) v.value());
      case YES_NO -> F.booleanNode((Boolean) v.value());
      default -> number(v.fraction());
    };
  }

  /** A finding as JSON (also used by validate's JSON output). */
  public static ObjectNode finding(Finding f, Language lang) {
    ObjectNode node = F.objectNode();
    node.put("rule", f.rule());
    node.put("level", f.level().id());
    SourceLocation at = f.location();
    node.put("file", at.file());
    node.put("line", at.line());
    node.put("column", at.column());
    node.put("path", f.path());
    node.put("message", f.message(lang));
    return node;
  }

  private static void putIfPresent(ObjectNode node, String key, String value) {
    if (value != null) {
      node.put(key, value);
    }
  }

  /** A number rounded half up to 6 decimals, without trailing zeros. */
  static JsonNode number(Fraction f) {
    return F.numberNode(new BigDecimal(f.toPlainString(6)));
  }
}
