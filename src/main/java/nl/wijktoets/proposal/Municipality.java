package nl.wijktoets.proposal;

import java.util.List;
import java.util.Locale;

/** Spellings of municipality names, so {@code 's-Gravenhage} and {@code The Hague} are one. */
public final class Municipality {

  /** The ways Den Haag is written (compared after {@link Names#key}). */
  public static final List<String> DEN_HAAG = List.of("den haag", "'s-gravenhage", "the hague");

  private static final List<String> DEN_HAAG_KEYS = DEN_HAAG.stream().map(Names::key).toList();

  private Municipality() {}

  /** The canonical name: every spelling of Den Haag is "Den Haag"; "Gemeente X" is "X". */
  public static String normalise(String written) {
    String s = written.strip().replaceAll("\\s+", " ");
    String lower = s.toLowerCase(Locale.ROOT);
    boolean stripped = true;
    while (stripped) { // "Gemeente Gemeente X" is X too, so normalising twice changes nothing
      stripped = false;
      for (String prefix : List.of("gemeente ", "municipality of ")) {
        if (lower.startsWith(prefix) && s.length() > prefix.length()) {
          s = s.substring(prefix.length()).strip();
          lower = s.toLowerCase(Locale.ROOT);
          stripped = true;
        }
      }
    }
    String key = Names.key(s);
    for (String spelling : DEN_HAAG) {
      if (key.equals(Names.key(spelling))) {
        return Proposal.DEFAULT_MUNICIPALITY;
      }
    }
    return s;
  }

  /** Every spelling of a (canonical) municipality name, as {@link Names#key} forms. */
  public static List<String> spellings(String municipality) {
    if (Proposal.DEFAULT_MUNICIPALITY.equals(municipality)) {
      return DEN_HAAG_KEYS;
    }
    return List.of(Names.key(municipality));
  }
}
