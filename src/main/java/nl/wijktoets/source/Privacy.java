package nl.wijktoets.source;

import java.util.regex.Pattern;

/**
 * What must never be printed: contact details and founders' names. Every output that could echo a
 * value from the file (finding messages, diffs) asks here first.
 */
public final class Privacy {

  private static final Pattern PRIVATE =
      Pattern.compile(
          "^contact([.\\[].*)?$|^founders$|^founders\\[\\d+]$|^founders\\[\\d+]\\.(?!lives_in_neighbourhood$).*$");

  private Privacy() {}

  /** Whether the value at a YAML path is private (contact, or a founder's name or details). */
  public static boolean isPrivate(String path) {
    return PRIVATE.matcher(path).matches();
  }

  /** The value as it may be shown for a path: itself, or a placeholder for private data. */
  public static String shown(String path, String value) {
    return isPrivate(path) ? "…" : value;
  }
}
