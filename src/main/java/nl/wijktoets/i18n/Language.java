package nl.wijktoets.i18n;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The two languages every text a user reads exists in. */
public enum Language {
  NL(Locale.forLanguageTag("nl-NL")),
  EN(Locale.forLanguageTag("en-GB"));

  private final Locale locale;

  Language(Locale locale) {
    this.locale = locale;
  }

  public Locale locale() {
    return locale;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Language> parse(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return switch (code.strip().toLowerCase(Locale.ROOT)) {
      case "nl", "nederlands", "dutch" -> Optional.of(NL);
      case "en", "engels", "english" -> Optional.of(EN);
      default -> Optional.empty();
    };
  }

  /**
   * The language for help and messages: Dutch when the environment's locale ({@code LC_ALL}, else
   * {@code LANG}) starts with {@code nl}, else English.
   */
  public static Language fromEnvironment(Map<String, String> env) {
    String lcAll = env.get("LC_ALL");
    String value = lcAll != null && !lcAll.isEmpty() ? lcAll : env.get("LANG");
    return value != null && value.toLowerCase(Locale.ROOT).startsWith("nl") ? NL : EN;
  }
}
