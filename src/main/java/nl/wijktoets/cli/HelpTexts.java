package nl.wijktoets.cli;

import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Ansi.IStyle;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.IParamLabelRenderer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Help in the user's language, where picocli's resource bundles do not reach: parameter labels
 * ({@code FILE}, {@code PATH}) are words too, so they are looked up in the help bundle under {@code
 * paramLabel.<LABEL>} ({@code paramLabel.FILE = BESTAND} in {@code help_nl.properties}) wherever
 * picocli renders them, in the synopsis and in the option list.
 */
final class HelpTexts {

  private static final Pattern LABEL = Pattern.compile("[A-Z][A-Z_]*");

  private HelpTexts() {}

  /** A help factory whose help renders parameter labels in the bundle's language. */
  static CommandLine.IHelpFactory factory() {
    return (spec, colors) ->
        new Help(spec, colors) {
          private final IParamLabelRenderer labels = renderer(spec, super.parameterLabelRenderer());

          @Override
          public IParamLabelRenderer parameterLabelRenderer() {
            return labels;
          }
        };
  }

  private static IParamLabelRenderer renderer(CommandSpec spec, IParamLabelRenderer standard) {
    return new IParamLabelRenderer() {
      @Override
      public Text renderParameterLabel(ArgSpec arg, Ansi ansi, List<IStyle> styles) {
        Text text = standard.renderParameterLabel(arg, ansi, styles);
        String plain = text.plainString();
        String local = labels(plain, spec.resourceBundle());
        if (local.equals(plain)) {
          return text;
        }
        CommandLine.Help.ColorScheme colors =
            spec.commandLine() == null
                ? Help.defaultColorScheme(ansi)
                : spec.commandLine().getColorScheme();
        return colors.apply(local, styles);
      }

      @Override
      public String separator() {
        return standard.separator();
      }
    };
  }

  /** Every label word in a rendered text ({@code [=FILE...]}) in the bundle's language. */
  static String labels(String rendered, ResourceBundle bundle) {
    if (bundle == null) {
      return rendered;
    }
    Matcher m = LABEL.matcher(rendered);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(label(m.group(), bundle)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** One parameter label ({@code FILE}) in the bundle's language, or as it is. */
  static String label(String label, ResourceBundle bundle) {
    if (bundle == null || label == null) {
      return label;
    }
    try {
      return bundle.containsKey("paramLabel." + label)
          ? bundle.getString("paramLabel." + label)
          : label;
    } catch (MissingResourceException e) {
      return label;
    }
  }
}
