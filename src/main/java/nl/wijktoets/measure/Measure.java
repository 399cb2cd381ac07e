package nl.wijktoets.measure;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.wijktoets.proposal.Proposal;

/**
 * A measure: a small named function over a proposal that returns a level 0-4 with the values it
 * measured and the evidence it read. The rubric names a measure per criterion and gives it exact
 * parameters; {@link #parameters()} declares those a rubric may set, with their kinds and defaults.
 *
 * <p>{@link #conditions()} names the conditions its levels are made of (ids such as {@code
 * profit-reinvested}); for the level above a result, {@link Bound#missing} tells which of them a
 * proposal does not meet yet, with the fields to change.
 *
 * <p>A measure is used in two steps: {@link #bind} reads its parameters once (when a rubric is
 * loaded) and returns the {@link Bound} function that scores proposals, so that scoring itself
 * neither looks anything up by name nor parses a parameter.
 */
public record Measure(
    String name,
    List<String> reads,
    List<Parameter<?>> parameters,
    List<String> conditions,
    Binder binder) {

  public Measure {
    reads = List.copyOf(reads);
    parameters = List.copyOf(parameters);
    conditions = List.copyOf(conditions);
    if (Parameter.names(parameters).stream().distinct().count() != parameters.size()) {
      throw new IllegalArgumentException(name + ": parameter declared twice");
    }
  }

  /** A measure without named conditions (its reports then name the next level's text only). */
  public Measure(String name, List<String> reads, List<Parameter<?>> parameters, Binder binder) {
    this(name, reads, parameters, List.of(), binder);
  }

  /** Reads a measure's resolved parameters and returns the function that scores with them. */
  @FunctionalInterface
  public interface Binder {
    Bound bind(Params params);
  }

  /**
   * A measure with its parameters read: scores one proposal, and, only when a report asks, tells
   * which conditions of the next level the proposal does not meet yet.
   */
  @FunctionalInterface
  public interface Bound {
    MeasureResult apply(Proposal proposal, Finances finances);

    /**
     * The conditions of the level above {@code result}'s that the proposal does not meet ({@link
     * Missing#NONE} at level 4). Never called while scoring: a batch that writes only scores does
     * not pay for it.
     */
    default Missing missing(Proposal proposal, Finances finances, MeasureResult result) {
      return Missing.NONE;
    }

    /**
     * A bound measure that scores with {@code score} and names what is missing with {@code gaps}.
     */
    static Bound of(Bound score, Gaps gaps) {
      return new Bound() {
        @Override
        public MeasureResult apply(Proposal proposal, Finances finances) {
          return score.apply(proposal, finances);
        }

        @Override
        public Missing missing(Proposal proposal, Finances finances, MeasureResult result) {
          return result.level() >= 4 ? Missing.NONE : gaps.missing(proposal, finances, result);
        }
      };
    }
  }

  /** What the next level still needs, given what the measure found. */
  @FunctionalInterface
  public interface Gaps {
    Missing missing(Proposal proposal, Finances finances, MeasureResult result);
  }

  /** The declared parameter of this name, if there is one. */
  public Optional<Parameter<?>> parameter(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The parameters with the given values (typed values read from a rubric) and defaults. */
  public Params params(Map<String, Object> given) {
    return Params.resolve(parameters, given);
  }

  /** The parameters at their declared defaults. */
  public Params defaults() {
    return Params.defaults(parameters);
  }

  /** This measure with these parameters (which must be this measure's), ready to score. */
  public Bound bind(Params params) {
    if (!params.declared().equals(parameters)) {
      throw new IllegalArgumentException("parameters of another measure for " + name);
    }
    return binder.bind(params);
  }

  /** Binds and scores at once; for a single proposal (tests), not for a rubric's criteria. */
  public MeasureResult apply(Proposal proposal, Params params, Finances finances) {
    return bind(params).apply(proposal, finances);
  }
}
