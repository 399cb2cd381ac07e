package nl.wijktoets.cli;

import nl.wijktoets.i18n.Language;
import picocli.CommandLine;

/** Reads {@code --lang nl|en}. */
final class LanguageConverter implements CommandLine.ITypeConverter<Language> {
  @Override
  public Language convert(String value) {
    return Language.parse(value)
        .orElseThrow(
            () -> new CommandLine.TypeConversionException("'" + value + "' is not nl or en"));
  }
}
