package nl.wijktoets.measure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.wijktoets.proposal.Proposal;

/** Collects what a measure found (named values and evidence, each path once) into its result. */
final class ResultBuilder {
  private final Proposal proposal;
  private final Map<String, MeasuredValue> values = new LinkedHashMap<>();
  private final List<Evidence> evidence = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();

  ResultBuilder(Proposal proposal) {
    this.proposal = proposal;
  }

  void value(String name, MeasuredValue v) {
    values.put(name, v);
  }

  void evidence(String path) {
    if (seen.add(path)) {
      evidence.add(new Evidence(path, proposal.locate(path).orElse(null)));
    }
  }

  MeasureResult level(int level) {
    return new MeasureResult(level, values, evidence, null, null);
  }

  MeasureResult capped(int uncapped, int cap, String why) {
    return new MeasureResult(cap, values, evidence, uncapped, why);
  }
}
