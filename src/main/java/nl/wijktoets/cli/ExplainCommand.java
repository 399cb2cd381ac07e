package nl.wijktoets.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import nl.wijktoets.i18n.Formats;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.measure.Measure;
import nl.wijktoets.measure.Measures;
import nl.wijktoets.measure.Parameter;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.source.Suggestions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wijktoets explain [CRITERION]}: the rubric's criteria, or one of them in full. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = WijktoetsCommand.VersionInfo.class,
    sortOptions = false,
    description = {
      "Without CRITERION: the rubric's lessons and criteria with their weights. With one: why it"
          + " matters, which fields it reads, how each level is reached, and the advice.",
      "--measures lists the measures a custom rubric may use, with their parameters."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  explained",
      "  2  usage error, or no such criterion",
      "  3  the --rubric file cannot be used",
      "",
      "Examples:",
      "  wijktoets explain",
      "  wijktoets explain public-task-revenue --lang en",
      "  wijktoets explain --measures",
      "  wijktoets explain --rubric examples/rubrics/werk-eerst.yaml"
    })
public final class ExplainCommand implements Callable<Integer> {

  private final Console console;

  @Parameters(
      arity = "0..1",
      paramLabel = "CRITERION",
      description = "A criterion id, e.g. connector.")
  String criterion;

  @Option(names = "--measures", description = "List the measures and their parameters.")
  boolean measures;

  @Option(
      names = "--rubric",
      paramLabel = "FILE",
      description = "Explain this rubric instead of the built-in one.")
  Path rubricFile;

  @Option(
      names = "--lang",
      paramLabel = "nl|en",
      converter = LanguageConverter.class,
      description = "Language (default: nl for a Dutch locale, else en).")
  Language lang;

  ExplainCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    console.language(lang);
    Rubric rubric = Rubrics.load(console, rubricFile, true);
    if (rubric == null) {
      return ExitCodes.INPUT_ERROR;
    }
    Language l = console.language();
    StringBuilder out = new StringBuilder();
    if (measures) {
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
      }
    } else if (criterion == null) {
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
    } else {
      var found = rubric.criterion(criterion);
      if (found.isEmpty()) {
        List<String> ids = rubric.criteria().map(Rubric.Criterion::id).toList();
        String near = Suggestions.nearest(criterion, ids);
        console.error(
            near != null
                ? console.msg("explain.unknown.suggest", criterion, near)
                : console.msg("explain.unknown", criterion, String.join(", ", ids)));
        return ExitCodes.USAGE;
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
    }
    console.out().print(out);
    console.out().flush();
    return ExitCodes.OK;
  }
}
