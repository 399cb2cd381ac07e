package nl.wijktoets.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import nl.wijktoets.i18n.Formats;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.measure.Measure;
import nl.wijktoets.measure.Measures;
import nl.wijktoets.measure.Parameter;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.rubric.RubricLoader;
import nl.wijktoets.source.Suggestions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wijktoets explain [CRITERION|FIELD]}: the rubric's criteria, one of them in full, or a
 * field of the proposal format with its allowed values. A name is looked up as a criterion of the
 * rubric in use first, then as a field ({@link FieldExplanation}): {@code connector} is the
 * criterion, {@code governance.connector} the block.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = WijktoetsCommand.VersionInfo.class,
    sortOptions = false,
    description = {
      "Without CRITERION: the rubric's lessons and criteria with their weights. With one: why it"
          + " matters, which fields it reads, how each level is reached, and the advice.",
      "With a FIELD of the proposal (sector, revenue.status, partners.commitment): what it holds,"
          + " its allowed values with the Dutch words for them and, for evidence, what each value"
          + " counts for; a block (partners) lists its keys. A name is a criterion first, then a"
          + " field, then an allowed value (woningcorporatie explains sector): connector is the"
          + " criterion, governance.connector the block.",
      "--measures lists the measures a custom rubric may use, with their parameters."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  explained",
      "  2  usage error, or no such criterion or field",
      "  3  the --rubric file cannot be used",
      "",
      "Examples:",
      "  wijktoets explain",
      "  wijktoets explain public-task-revenue --lang en",
      "  wijktoets explain sector",
      "  wijktoets explain revenue.status --lang en",
      "  wijktoets explain --measures",
      "  wijktoets explain --rubric examples/rubrics/werk-eerst.yaml"
    })
public final class ExplainCommand extends Subcommand {

  @Parameters(
      arity = "0..1",
      paramLabel = "CRITERION|FIELD",
      completionCandidates = CriterionIds.class,
      description =
          "A criterion id (connector) or a field of the proposal (sector, revenue.status).")
  String criterion;

  @Option(names = "--measures", description = "List the measures and their parameters.")
  boolean measures;

  @Mixin Mixins.RubricOption rubric;

  @Mixin Mixins.LanguageOption language;

  @Mixin Mixins.ConfigOptions config;

  ExplainCommand(Console console) {
    super(console);
  }

  @Override
  ExitCode execute() {
    console.quiet(true); // explain shows a rubric, not its warnings (rubric check shows those)
    Rubric rubric = this.rubric.load(console);
    if (measures) {
      console.print(measures());
    } else if (criterion == null) {
      console.print(overview(rubric));
    } else {
      console.print(criterion(rubric));
    }
    return ExitCode.OK;
  }

  /** {@code --measures}: the measures a custom rubric may use, with their parameters. */
  private String measures() {
    StringBuilder out = new StringBuilder();
    out.append(console.msg("explain.measures")).append("\n\n");
    for (Measure m : Measures.all()) {
      out.append("- ")
          .append(m.name())
          .append(" (")
          .append(console.msg("explain.reads"))
          .append(": ")
          .append(String.join(", ", m.reads()))
          .append(")\n");
      for (Parameter<?> p : m.parameters()) {
        out.append("    ")
            .append(p.name())
            .append(": ")
            .append(console.msg("explain.kind." + p.kind().word()))
            .append(", ")
            .append(console.msg("explain.default"))
            .append(" ")
            .append(p.defaultText())
            .append('\n');
      }
      if (m.parameters().isEmpty()) {
        out.append("    ").append(console.msg("explain.no-params")).append('\n');
      }
      if (!m.conditions().isEmpty()) {
        out.append("    ")
            .append(console.msg("explain.conditions"))
            .append(": ")
            .append(String.join(", ", m.conditions()))
            .append('\n');
      }
    }
    return out.toString();
  }

  /** The rubric's lessons and criteria with their weights. */
  private String overview(Rubric rubric) {
    Language l = console.language();
    StringBuilder out = new StringBuilder();
    out.append(rubric.title().getOrDefault(l, rubric.id())).append('\n');
    out.append(console.msg("explain.rubric", rubric.id(), rubric.version(), rubric.hash()))
        .append("\n\n");
    int n = 0;
    for (Rubric.Lesson lesson : rubric.lessons()) {
      n++;
      out.append(
              console.msg(
                  "explain.lesson",
                  n,
                  lesson.text(l).title(),
                  Formats.points(lesson.weight(), l),
                  lesson.id()))
          .append('\n');
      for (Rubric.Criterion c : lesson.criteria()) {
        out.append("  - ")
            .append(c.id())
            .append(": ")
            .append(c.text(l).title())
            .append(" (")
            .append(console.msg("explain.weight", Formats.points(c.weight(), l)))
            .append(c.waivable() ? "" : ", " + console.msg("explain.not-waivable"))
            .append(")\n");
      }
    }
    out.append('\n').append(console.msg("explain.more")).append('\n');
    return out.toString();
  }

  /** One criterion in full: why, what it reads, its measure, levels and advice. */
  private String criterion(Rubric rubric) {
    Language l = console.language();
    StringBuilder out = new StringBuilder();
    var found = rubric.criterion(criterion);
    if (found.isEmpty()) {
      List<String> fields = FieldExplanation.fieldsNamed(criterion);
      if (!fields.isEmpty()) {
        return FieldExplanation.render(fields, console);
      }
      List<String> ids = rubric.criteria().map(Rubric.Criterion::id).toList();
      List<String> names = new ArrayList<>(ids);
      names.addAll(FieldExplanation.names());
      String near = Suggestions.nearest(criterion, names);
      throw near != null
          ? new CliException(ExitCode.USAGE, "explain.unknown.suggest", criterion, near)
          : new CliException(ExitCode.USAGE, "explain.unknown", criterion);
    }
    Rubric.Criterion c = found.get();
    Rubric.CriterionTexts t = c.text(l);
    Rubric.Lesson lesson = rubric.lessonOf(c.id()).orElseThrow();
    out.append(t.title()).append(" (").append(c.id()).append(")\n");
    out.append(
            console.msg(
                "explain.in-lesson",
                lesson.text(l).title(),
                Formats.points(c.weight(), l),
                Formats.points(lesson.weight(), l)))
        .append(c.waivable() ? "" : " " + console.msg("explain.not-waivable") + ".")
        .append("\n\n");
    if (!t.why().isBlank()) {
      out.append(console.msg("explain.why")).append(": ").append(t.why()).append("\n\n");
    }
    Measure m = c.measure();
    out.append(console.msg("explain.reads"))
        .append(": ")
        .append(String.join(", ", m.reads()))
        .append('\n');
    out.append(console.msg("explain.measure")).append(": ").append(m.name());
    if (!m.parameters().isEmpty()) {
      out.append(" (");
      boolean first = true;
      for (Parameter<?> p : m.parameters()) {
        out.append(first ? "" : "; ").append(p.name()).append(" = ").append(c.params().text(p));
        first = false;
      }
      out.append(')');
    }
    out.append("\n\n");
    out.append(console.msg("explain.levels")).append(":\n");
    for (int i = 0; i < t.levels().size(); i++) {
      out.append("  ").append(i).append(". ").append(t.levels().get(i)).append('\n');
    }
    out.append('\n')
        .append(console.msg("explain.points", Formats.points(c.weight(), l)))
        .append("\n\n");
    out.append(console.msg("explain.advice")).append(": ").append(t.advice()).append('\n');
    return out.toString();
  }

  /**
   * What CRITERION|FIELD completes to: the built-in rubric's criterion ids, then the proposal's
   * field names (short names and paths), read when the completion script is generated.
   */
  static final class CriterionIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> all =
          new ArrayList<>(RubricLoader.builtin().criteria().map(Rubric.Criterion::id).toList());
      FieldExplanation.names().stream().filter(n -> !all.contains(n)).forEach(all::add);
      return all.iterator();
    }
  }
}
