package nl.wijktoets.measure;

import java.util.List;
import nl.wijktoets.proposal.Proposal;

/**
 * A measure: a small named function over a proposal that returns a level 0-4 with the values it
 * measured and the evidence it read. The rubric names a measure per criterion and gives it exact
 * parameters; {@link #parameters()} lists those a rubric may set, with their defaults.
 */
public record Measure(
    String name, List<String> reads, List<Parameter> parameters, Function function) {

  /** A parameter a rubric may set, with its kind and its default as written in YAML. */
  public record Parameter(String name, String kind, String defaultValue) {}

  @FunctionalInterface
  public interface Function {
    MeasureResult apply(Proposal proposal, Params params, Finances finances);
  }

  public MeasureResult apply(Proposal proposal, Params params, Finances finances) {
    return function.apply(proposal, params, finances);
  }
}
