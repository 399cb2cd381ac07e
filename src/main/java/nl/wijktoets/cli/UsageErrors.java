package nl.wijktoets.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import nl.wijktoets.source.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Picocli's own parse errors in the user's language. Picocli has no resource bundle for them (its
 * messages are English and may name Java types), so each kind of {@link ParameterException} is told
 * again from what it carries: the option, the value, the unmatched word. Picocli's own words follow
 * only with {@code --verbose}.
 */
final class UsageErrors {

  private UsageErrors() {}

  /** Prints the error, the command's synopsis and where to find help; returns exit code 2. */
  static int report(Console console, ParameterException ex) {
    CommandLine c = ex.getCommandLine();
    Message m = message(console, ex);
    console.error(m.text());
    if (console.verbose()) {
      console.err().println("  (picocli: " + Main.oneLine(ex) + ")");
    }
    if (!m.suggested()) {
      console.err().println(c.getHelp().fullSynopsis().stripTrailing());
    }
    console.err().println(console.msg("usage.try", c.getCommandSpec().qualifiedName()));
    console.err().flush();
    return ExitCode.USAGE.number();
  }

  /** The message, and whether it already suggests what was meant. */
  record Message(String text, boolean suggested) {}

  static Message message(Console console, ParameterException ex) {
    CommandLine c = ex.getCommandLine();
    CommandSpec spec = c.getCommandSpec();
    ResourceBundle bundle = spec.resourceBundle();
    if (ex instanceof CommandLine.UnmatchedArgumentException u) {
      List<String> unmatched = u.getUnmatched();
      String word = unmatched.isEmpty() ? "" : unmatched.get(0);
      if (u.isUnknownOption() || word.startsWith("-") && word.length() > 1) {
        String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        String nearest = Suggestions.nearest(name, optionNames(spec));
        return nearest == null
            ? new Message(console.msg("usage.unknown-option", name), false)
            : new Message(console.msg("usage.unknown-option.suggest", name, nearest), true);
      }
      if (!spec.subcommands().isEmpty()) {
        List<String> commands = new ArrayList<>(spec.subcommands().keySet());
        String nearest = Suggestions.nearest(word, commands);
        return nearest == null
            ? new Message(
                console.msg("usage.unknown-command", word, String.join(", ", commands)), false)
            : new Message(console.msg("usage.unknown-command.suggest", word, nearest), true);
      }
      return new Message(console.msg("usage.unexpected", String.join(" ", unmatched)), false);
    }
    if (ex instanceof CommandLine.MissingParameterException missing) {
      ArgSpec arg = missing.getMissing().isEmpty() ? null : missing.getMissing().get(0);
      if (arg instanceof OptionSpec option) {
        return new Message(
            console.msg(
                "usage.missing-value",
                option.longestName(),
                HelpTexts.label(option.paramLabel(), bundle)),
            false);
      }
      String label = arg == null ? "" : HelpTexts.label(arg.paramLabel(), bundle);
      return new Message(console.msg("usage.missing", label), false);
    }
    if (ex instanceof CommandLine.OverwrittenOptionException twice) {
      ArgSpec arg = twice.getOverwritten();
      String name =
          arg instanceof OptionSpec o ? o.longestName() : HelpTexts.label(arg.paramLabel(), bundle);
      return new Message(console.msg("usage.twice", name), false);
    }
    if (ex instanceof CommandLine.MaxValuesExceededException) {
      return new Message(console.msg("usage.too-many"), false);
    }
    if (ex instanceof CommandLine.MutuallyExclusiveArgsException) {
      return new Message(console.msg("usage.exclusive"), false);
    }
    if (ex.getArgSpec() != null && ex.getValue() != null) {
      return new Message(badValue(console, ex.getArgSpec(), ex.getValue(), bundle), false);
    }
    return new Message(console.msg("usage.other"), false);
  }

  /** A value that could not be converted: what the option or parameter takes instead. */
  private static String badValue(
      Console console, ArgSpec arg, String value, ResourceBundle bundle) {
    String name =
        arg instanceof OptionSpec o ? o.longestName() : HelpTexts.label(arg.paramLabel(), bundle);
    Class<?> type = arg.type();
    List<String> choices = new ArrayList<>();
    if (arg.completionCandidates() != null) {
      arg.completionCandidates().forEach(choices::add);
    }
    if (choices.isEmpty() && type.isEnum()) {
      for (Object constant : type.getEnumConstants()) {
        choices.add(constant.toString().toLowerCase(Locale.ROOT));
      }
    }
    if (!choices.isEmpty()) {
      String nearest = Suggestions.nearest(value, choices);
      return nearest == null
          ? console.msg("usage.bad-choice", name, value, String.join(", ", choices))
          : console.msg("usage.bad-choice.suggest", name, value, nearest);
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return console.msg("usage.bad-whole", name, value);
    }
    if (type == BigDecimal.class || type == double.class || type == Double.class) {
      return console.msg("usage.bad-number", name, value);
    }
    if (type == Path.class) {
      return console.msg("usage.bad-path", name, value);
    }
    return console.msg("usage.bad-value", name, value);
  }

  /** Every name of every option of a command: --min-score, -o, --output, ... */
  private static List<String> optionNames(CommandSpec spec) {
    List<String> names = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      names.addAll(List.of(o.names()));
    }
    return names;
  }
}
