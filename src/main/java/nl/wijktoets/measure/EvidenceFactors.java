package nl.wijktoets.measure;

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

  private EvidenceFactors() {}

  /** E of a revenue line's status. */
  public static Fraction ofStatus(String status) {
    return status == null ? MISSING : STATUS.getOrDefault(status, MISSING);
  }

  /** E of a partner's commitment. */
  public static Fraction ofCommitment(String commitment) {
    return commitment == null ? MISSING : COMMITMENT.getOrDefault(commitment, MISSING);
  }
}
