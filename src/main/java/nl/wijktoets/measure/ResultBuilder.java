package nl.wijktoets.measure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.wijktoets.proposal.Proposal;

/**
 * Collects what a measure found (named values and evidence, each path once) into its result.
 *
 * <p>When the {@link Finances} a measure scores with is not {@link Finances#detailed() detailed}
 * (batch's score-only path), the builder records nothing but the level: values, evidence and their
 * paths are neither built nor located, and the result is a shared level-only one. Measures ask
 * {@link #detailed()} before work that only feeds values or evidence.
 */
final class ResultBuilder {
  private final Proposal proposal;
  private final boolean detailed;
  private final Map<String, MeasuredValue> values;
  private final List<Evidence> evidence;
  private final Set<String> seen;

  /**
   * The builder that records nothing but the level (batch's score-only path): it holds no state, so
   * every measure of every row shares it.
   */
  private static final ResultBuilder LEVEL_ONLY = new ResultBuilder(null, false);

  private ResultBuilder(Proposal proposal, boolean detailed) {
    this.proposal = proposal;
    this.detailed = detailed;
    this.values = detailed ? new LinkedHashMap<>() : null;
    this.evidence = detailed ? new ArrayList<>() : null;
    this.seen = detailed ? new HashSet<>() : null;
  }

  /** A builder for one measure of a proposal; with these finances, detailed or level only. */
  static ResultBuilder of(Proposal proposal, Finances finances) {
    return finances.detailed() ? new ResultBuilder(proposal, true) : LEVEL_ONLY;
  }

  /** Whether values and evidence are recorded (a report needs them) or only the level. */
  boolean detailed() {
    return detailed;
  }

  void value(String name, MeasuredValue v) {
    if (detailed) {
      values.put(name, v);
    }
  }

  void evidence(String path) {
    if (detailed && seen.add(path)) {
      evidence.add(new Evidence(path, proposal.locate(path).orElse(null)));
    }
  }

  /** Evidence at {@code path + suffix}; the path is only joined when evidence is recorded. */
  void evidence(String path, String suffix) {
    if (detailed) {
      evidence(path + suffix);
    }
  }

  MeasureResult level(int level) {
    return detailed
        ? new MeasureResult(level, values, evidence, null, null)
        : MeasureResult.levelOnly(level);
  }

  MeasureResult capped(int uncapped, int cap, String why) {
    return detailed
        ? new MeasureResult(cap, values, evidence, uncapped, why)
        : new MeasureResult(cap, Map.of(), List.of(), uncapped, why);
  }
}
