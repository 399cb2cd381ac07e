package nl.wijktoets.measure;

import java.util.List;
import java.util.Map;
import nl.wijktoets.exact.Fraction;

/**
 * How much a claim counts for, by its evidence: the factor E of a revenue status or a partner's
 * commitment. A missing status or commitment counts as an idea (0.25).
 */
public final class EvidenceFactors {

  public static final Fraction MISSING = Fraction.of(1, 4);

  private static final Map<String, Fraction> STATUS =
      Map.of(
          "idea", Fraction.of(1, 4),
          "in-talks", Fraction.of(1, 2),
          "applied", Fraction.of(1, 2),
          "letter-of-intent", Fraction.of(3, 4),
          "forecast", Fraction.of(3, 4),
          "contract", Fraction.ONE,
          "realised", Fraction.ONE);

  private static final Map<String, Fraction> COMMITMENT =
      Map.of(
          "idea", Fraction.of(1, 4),
          "in-talks", Fraction.of(1, 2),
          "letter-of-intent", Fraction.of(3, 4),
          "agreement", Fraction.ONE);

  /** The statuses and commitments from weakest to strongest (for "the least that is enough"). */
  private static final List<String> STATUS_ORDER =
      List.of(
          "idea", "in-talks", "applied", "letter-of-intent", "forecast", "contract", "realised");

  private static final List<String> COMMITMENT_ORDER =
      List.of("idea", "in-talks", "letter-of-intent", "agreement");

  private EvidenceFactors() {}

  /** The weakest status that counts for at least {@code min} (the strongest if none does). */
  public static String weakestStatusAtLeast(Fraction min) {
    return STATUS_ORDER.stream()
        .filter(s -> ofStatus(s).atLeast(min))
        .findFirst()
        .orElse("realised");
  }

  /** The weakest commitment that counts for at least {@code min} (agreement if none does). */
  public static String weakestCommitmentAtLeast(Fraction min) {
    return COMMITMENT_ORDER.stream()
        .filter(s -> ofCommitment(s).atLeast(min))
        .findFirst()
        .orElse("agreement");
  }

  /** E of a revenue line's status. */
  public static Fraction ofStatus(String status) {
    return status == null ? MISSING : STATUS.getOrDefault(status, MISSING);
  }

  /** E of a partner's commitment. */
  public static Fraction ofCommitment(String commitment) {
    return commitment == null ? MISSING : COMMITMENT.getOrDefault(commitment, MISSING);
  }
}
